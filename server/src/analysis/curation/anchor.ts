// Anchors: a correction remembers its text and up to CONTEXT characters either side. Locating picks the
// occurrence whose surroundings agree most with the remembered ones, so edits elsewhere do not move it
// and an edit that moves the passage takes the correction along.
import type { Span } from '../types';
import type { Anchor, Condition } from './types';

export const CONTEXT = 40;

export function makeAnchor(text: string, span: Span): Anchor {
  return {
    text: text.slice(span.start, span.end),
    before: text.slice(Math.max(0, span.start - CONTEXT), span.start),
    after: text.slice(span.end, span.end + CONTEXT),
    offset: span.start,
  };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Every start offset of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === '') return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Occurrences that are whole words (no letter or digit glued on either side). */
export function wordOccurrences(text: string, needle: string): Span[] {
  return occurrences(text, needle)
    .filter((i) => !isWordChar(text[i - 1]) && !isWordChar(text[i + needle.length]))
    .map((start) => ({ start, end: start + needle.length }));
}

/** Context agreement an occurrence needs when the text occurs several times (else it is ambiguous). */
const MIN_AGREEMENT = 8;

/**
 * Where the anchor is in `text` now, or `undefined` when its text is gone, or occurs several times with
 * none of them in surroundings like the remembered ones (the anchored one was deleted).
 */
export function locate(text: string, anchor: Anchor): Span | undefined {
  let best: { start: number; score: number; distance: number } | undefined;
  const found = occurrences(text, anchor.text);
  for (const start of found) {
    const end = start + anchor.text.length;
    const score =
      commonSuffix(text.slice(Math.max(0, start - CONTEXT), start), anchor.before) +
      commonPrefix(text.slice(end, end + CONTEXT), anchor.after);
    const distance = Math.abs(start - anchor.offset);
    if (!best || score > best.score || (score === best.score && distance < best.distance))
      best = { start, score, distance };
  }
  if (!best) return undefined;
  const wanted = Math.min(MIN_AGREEMENT, anchor.before.length + anchor.after.length);
  if (found.length > 1 && best.score < wanted) return undefined;
  return { start: best.start, end: best.start + anchor.text.length };
}

/** Whether the text around `span` meets a rule's condition (spaces between are skipped). */
export function meets(text: string, span: Span, when: Condition | undefined): boolean {
  if (!when) return true;
  if (when.after !== undefined && !text.slice(span.end).trimStart().startsWith(when.after)) return false;
  if (when.before !== undefined && !text.slice(0, span.start).trimEnd().endsWith(when.before)) return false;
  return true;
}

/** The next word after a span, for offering "when followed by …" rules. */
export function nextWord(text: string, span: Span): string | undefined {
  const m = /^[ \t]+([\p{L}\p{N}][\p{L}\p{N}.'-]*)/u.exec(text.slice(span.end, span.end + 60));
  return m?.[1];
}
