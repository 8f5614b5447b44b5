// What related ranking compares: a page's stories when it carries several (a page of briefs, a roundup),
// the whole page otherwise; and the evidence of the passages two such units share. Plain functions over
// spans, so the ranking (related.ts) only loops over pairs of units and keeps the best.
//
// A page of four briefs shares its words and names with four events: compared whole, each event's report
// finds a quarter of the page about its story and the rest about others, and neither side lists the other.
// Compared story by story, the brief about the event meets the report on its own terms.
import type { AnalysisOptions, SharedPassage, Span } from '../types';

/** The spans a page is ranked by, or undefined when it is ranked whole (one story, or the setting off). */
export function storyUnits(stories: readonly Span[], options: AnalysisOptions): readonly Span[] | undefined {
  if (options.relatedWholePages || stories.length < 2) return undefined;
  return stories.map((s) => ({ start: s.start, end: s.end }));
}

/**
 * The spans whose words and names a unit leaves out: everything outside it, and the boilerplate inside it.
 * Disjoint and in order, so no word is taken off twice.
 */
export function outsideUnit(unit: Span, length: number, boilerplate: readonly Span[]): Span[] {
  const out: Span[] = [];
  if (unit.start > 0) out.push({ start: 0, end: unit.start });
  const inside = boilerplate
    .map((b) => ({ start: Math.max(b.start, unit.start), end: Math.min(b.end, unit.end) }))
    .filter((b) => b.end > b.start)
    .sort((a, b) => a.start - b.start);
  for (const b of inside) {
    const last = out[out.length - 1];
    if (last && b.start <= last.end) last.end = Math.max(last.end, b.end);
    else out.push(b);
  }
  if (unit.end < length) out.push({ start: unit.end, end: length });
  return out;
}

function clip(span: Span, within: Span | undefined): Span | undefined {
  if (!within) return span;
  const start = Math.max(span.start, within.start);
  const end = Math.min(span.end, within.end);
  return end > start ? { start, end } : undefined;
}

/**
 * The passages two units share, cut to the units (`span` in the first, `otherSpan` in the second); a
 * passage that reaches outside either is kept for the part inside both. Undefined units are whole pages.
 */
export function passagesBetween(
  list: readonly SharedPassage[],
  mine: Span | undefined,
  theirs: Span | undefined,
): SharedPassage[] {
  if (!mine && !theirs) return [...list];
  const out: SharedPassage[] = [];
  for (const p of list) {
    const span = clip(p.span, mine);
    const otherSpan = clip(p.otherSpan, theirs);
    if (span && otherSpan) out.push({ ...p, span, otherSpan });
  }
  return out;
}

/** Share of `length` covered by the union of the spans, each weighted by its passage's similarity. */
function coverOf(list: readonly SharedPassage[], spanOf: (p: SharedPassage) => Span, length: number): number {
  const sorted = [...list].sort((x, y) => spanOf(x).start - spanOf(y).start);
  let covered = 0;
  let reach = 0;
  for (const p of sorted) {
    const span = spanOf(p);
    const start = Math.max(span.start, reach);
    const end = Math.max(start, span.end);
    covered += (end - start) * Math.max(0, Math.min(1, p.similarity));
    reach = Math.max(reach, end);
  }
  return Math.min(1, covered / Math.max(1, length));
}

/**
 * How much of the two units their shared passages cover, one figure for the pair: the larger of the two
 * shares. A passage that is most of one side means one was copied into the other, from whichever side the
 * pair is seen, so both lists give the pair the same evidence.
 */
export function pairCover(list: readonly SharedPassage[], lengthA: number, lengthB: number): number {
  return Math.max(
    coverOf(list, (p) => p.span, lengthA),
    coverOf(list, (p) => p.otherSpan, lengthB),
  );
}
