// Plain-data results of the page-structure analysis. Offsets are UTF-16 indices into the text, end exclusive.
import type { Span } from '../types';

export type BoilerplateKind =
  'navigation' | 'related' | 'advert' | 'bio' | 'newsletter' | 'copyright' | 'continued' | 'footer';

/** A run of furniture lines of one kind (blank lines between them included). */
export interface BoilerplateBlock {
  kind: BoilerplateKind;
  span: Span;
}

/** One story of a page: its headline and the parts around its body. */
export interface Story {
  /** From the headline to the story's last line of text (furniture after it excluded). */
  span: Span;
  /** The headline as a title: trimmed, date stamps glued to it removed. */
  title: string;
  headline: Span;
  dek?: Span;
  byline?: Span;
  /** The place (and agency) opening the first paragraph, with its dash. */
  dateline?: Span;
  body?: Span;
  captions: Span[];
}

export interface PageStructure {
  stories: Story[];
  boilerplate: BoilerplateBlock[];
}
