// The page-structure analysis: lines → furniture → line roles → story starts → story parts, plus the
// furniture as blocks (for folding).
import { boilerplateKinds } from './boilerplate';
import { splitLines, type Line } from './lines';
import { lineRoles } from './roles';
import { storyParts } from './parts';
import { storyStarts } from './stories';
import type { BoilerplateBlock, BoilerplateKind, PageStructure } from './types';
import type { Span } from '../types';

export function analyzeStructure(text: string): PageStructure {
  const lines = splitLines(text);
  const kinds = boilerplateKinds(lines);
  const roles = lineRoles(lines, kinds);
  const starts = storyStarts(lines, roles);
  const stories = starts.map((head, k) => storyParts(lines, roles, head, starts[k + 1] ?? lines.length));
  return { stories, boilerplate: boilerplateBlocks(lines, kinds) };
}

/** Runs of lines of one kind of furniture; blank lines inside a run belong to it. */
function boilerplateBlocks(
  lines: readonly Line[],
  kinds: readonly (BoilerplateKind | undefined)[],
): BoilerplateBlock[] {
  const blocks: BoilerplateBlock[] = [];
  let open: BoilerplateBlock | undefined;
  for (const l of lines) {
    if (!l.text) continue;
    const kind = kinds[l.index];
    if (kind && open && open.kind === kind) open.span.end = l.end;
    else if (kind) blocks.push((open = { kind, span: { start: l.start, end: l.end } }));
    else open = undefined;
  }
  return blocks;
}

/** What lists of articles show of a page: its first story's title and how many stories it holds. */
export interface Headline {
  /** The first story's title; empty when the page has no story. */
  title: string;
  stories: number;
}

/** The headline of a page's stories, its title a copy (a slice would pin the page's whole text). */
export function headlineOf(stories: readonly { title: string }[]): Headline {
  const title = stories.length > 0 ? stories[0].title : '';
  return { title: title.length >= 13 ? [...title].join('') : title, stories: stories.length };
}

/** What the corpus index records of a page's structure, compact enough to carry between threads. */
export interface PageOutline {
  /** The stories' spans as start, end pairs. */
  spans: Uint32Array;
  headline: Headline;
}

export function pageOutline(text: string): PageOutline {
  const { stories } = analyzeStructure(text);
  const spans = new Uint32Array(stories.length * 2);
  stories.forEach((s, k) => {
    spans[2 * k] = s.span.start;
    spans[2 * k + 1] = s.span.end;
  });
  return { spans, headline: headlineOf(stories) };
}

/** The spans a `PageOutline` packed. */
export function unpackStorySpans(packed: Uint32Array): Span[] {
  const spans: Span[] = [];
  for (let k = 0; k + 1 < packed.length; k += 2) spans.push({ start: packed[k], end: packed[k + 1] });
  return spans;
}

/** The structure an analysis carries, or the text's own when it carries none. */
export function structureOf(analysis: { structure?: PageStructure }, text: string): PageStructure {
  return analysis.structure ?? analyzeStructure(text);
}
