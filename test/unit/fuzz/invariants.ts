// What every analysis must satisfy whatever the text: spans inside it, ordered, never splitting a surrogate
// pair, and an entity's text equal to what its span covers. Throws an AssertionError naming the broken rule.
import assert from 'node:assert/strict';
import type { LocalAnalysis, Repeat, Span } from '../../../server/src/analysis/types';
import type { QuoteFindings } from '../../../server/src/analysis/quotes/quotes';

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether offset `at` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isLow(text.charCodeAt(at)) && isHigh(text.charCodeAt(at - 1));
}

export function assertOffset(text: string, at: number, what: string): void {
  assert.ok(Number.isInteger(at) && at >= 0 && at <= text.length, `${what}: offset ${at} outside the text`);
  assert.ok(!splitsPair(text, at), `${what}: offset ${at} splits a surrogate pair`);
}

export function assertSpan(text: string, s: Span, what: string): void {
  assertOffset(text, s.start, `${what} start`);
  assertOffset(text, s.end, `${what} end`);
  assert.ok(s.start <= s.end, `${what}: start ${s.start} after end ${s.end}`);
}

export function assertQuotes(text: string, found: QuoteFindings): void {
  for (const q of found.quotes) {
    assertSpan(text, q.span, 'quote');
    assertSpan(text, q.contentSpan, 'quote content');
    assert.ok(
      q.contentSpan.start >= q.span.start && q.contentSpan.end <= q.span.end,
      'quote content outside its quote',
    );
    if (q.speaker?.span) assertSpan(text, q.speaker.span, 'speaker');
  }
  for (const u of found.unbalanced) {
    assertSpan(text, u.span, 'unbalanced mark');
    assertOffset(text, u.insertAt, 'unbalanced insertion');
  }
}

export function assertRepeats(text: string, repeats: readonly Repeat[]): void {
  for (const r of repeats) {
    assertSpan(text, r.span, 'repeat');
    assertSpan(text, r.first, 'repeat first copy');
    assert.ok(r.first.end <= r.span.start, 'a repeat overlaps its first copy');
  }
}

export function assertAnalysis(text: string, a: LocalAnalysis): void {
  for (const e of a.entities) {
    assertSpan(text, e.span, `entity ${e.type}`);
    assert.equal(e.text, text.slice(e.span.start, e.span.end), 'entity text is its span');
  }
  assertQuotes(text, a);
  assertRepeats(text, a.repeats);
}
