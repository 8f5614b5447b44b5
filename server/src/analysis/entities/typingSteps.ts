// What a typing rule is handed: the article, the writer of drafts, and the typing steps it may hand part
// of a run back to. Rules that split a run ("A and B", a title before a name) type each side through
// these, so each rule's file needs no other rule's.
import type { ArticleView } from './articleView';
import type { DraftWriter } from './draftWriter';
import type { LineShapes } from './lineShapes';

/** How far a run may be guessed: headings only by lookup, connector pieces not by shape. */
export type Mode = 'heading' | 'noGuess' | 'full';

export interface Typing {
  readonly view: ArticleView;
  readonly out: DraftWriter;
  readonly lines: LineShapes;
  /** Types units a..b as a run of their own, from its edges on (see `typing.ts`). */
  run(a: number, b: number): void;
  /** Splits units a..b by gazetteer matches; what remains is typed by shape and context. */
  pieces(a: number, b: number, mode: Mode): void;
  /** Types units a..b by a head word; false when none applies. */
  byHead(a: number, b: number): boolean;
}
