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

/** The spans of a page's stories as start, end pairs: a compact copy to carry between threads. */
export function packedStorySpans(text: string): Uint32Array {
  const { stories } = analyzeStructure(text);
  const out = new Uint32Array(stories.length * 2);
  stories.forEach((s, k) => {
    out[2 * k] = s.span.start;
    out[2 * k + 1] = s.span.end;
  });
  return out;
}

/** The spans `packedStorySpans` packed. */
export function unpackStorySpans(packed: Uint32Array): Span[] {
  const spans: Span[] = [];
  for (let k = 0; k + 1 < packed.length; k += 2) spans.push({ start: packed[k], end: packed[k + 1] });
  return spans;
}

/** The structure an analysis carries, or the text's own when it carries none. */
export function structureOf(analysis: { structure?: PageStructure }, text: string): PageStructure {
  return analysis.structure ?? analyzeStructure(text);
}
