// Folding ranges: each story folds, and so does each run of page furniture (kind "comment", so "Fold All
// Block Comments" tucks away menus, reading lists, adverts and footers at once).
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Span } from '../analysis/types';
import type { FeatureContext } from './context';
import { offsetToPosition } from './convert';
import { pageStructureOf } from './pageOutline';

function lines(text: string, span: Span): { start: number; end: number } {
  return { start: offsetToPosition(text, span.start).line, end: offsetToPosition(text, span.end).line };
}

/** Furniture blocks separated only by blank lines fold as one. */
function furnitureRuns(text: string, spans: readonly Span[]): Span[] {
  const runs: Span[] = [];
  for (const s of spans) {
    const last = runs[runs.length - 1];
    if (last && text.slice(last.end, s.start).trim() === '') last.end = s.end;
    else runs.push({ ...s });
  }
  return runs;
}

export function provideFoldingRanges(ctx: FeatureContext, uri: string): FoldingRange[] {
  const page = pageStructureOf(ctx, uri);
  if (!page) return [];
  const { text, structure } = page;
  const out: FoldingRange[] = [];
  for (const story of structure.stories) {
    const l = lines(text, story.span);
    if (l.end > l.start) out.push({ startLine: l.start, endLine: l.end });
  }
  for (const run of furnitureRuns(
    text,
    structure.boilerplate.map((b) => b.span),
  )) {
    const l = lines(text, run);
    if (l.end > l.start) out.push({ startLine: l.start, endLine: l.end, kind: FoldingRangeKind.Comment });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
