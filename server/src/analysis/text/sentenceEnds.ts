// Sentence ends of a whole text, found once, so that the start of the sentence around any offset is a binary
// search: reading back from each quote to the previous sentence end is quadratic in a text with none.
import type { Span } from '../types';

/** `. ` before a capital or a digit (maybe after a closing quote mark, before an opening one). */
const END_RE = /[.?!]["”’']?\s+(?=["“‘'(]?[\p{Lu}\d])/gu;
/** The word a sentence end follows, read from at most this many characters before it. */
const WORD_BEFORE = 12;

export class SentenceEnds {
  /** Each match: where its mark is and where the next sentence starts. */
  private readonly ends: Span[] = [];
  /** `accepted[k]`: the latest match at or before k that ends a sentence (not an abbreviation), else -1. */
  private readonly accepted: Int32Array;

  constructor(
    readonly text: string,
    private readonly isAbbreviation: (word: string) => boolean,
  ) {
    for (const m of text.matchAll(END_RE)) this.ends.push({ start: m.index, end: m.index + m[0].length });
    this.accepted = new Int32Array(this.ends.length);
    let last = -1;
    this.ends.forEach((e, k) => {
      if (this.endsSentence(e.start)) last = k;
      this.accepted[k] = last;
    });
  }

  /** Whether the match at `at` ends a sentence (the word before it is no abbreviation). */
  private endsSentence(at: number): boolean {
    const word = /[\p{L}.]+$/u.exec(this.text.slice(Math.max(0, at - WORD_BEFORE), at + 1))?.[0] ?? '';
    return !this.isAbbreviation(word);
  }

  /**
   * Start of the sentence containing `at`, not before `lo`: just after the latest sentence end that starts in
   * `[lo, at)`. The same as scanning `[lo, at)` alone: a match never holds another's mark.
   */
  startOf(lo: number, at: number): number {
    const a = this.countBefore(at);
    // A sentence end's word is read across `lo` too: "Dr." at a paragraph start is still a title.
    const k = a > 0 ? this.accepted[a - 1] : -1;
    if (k >= 0 && this.ends[k].start >= lo) return Math.min(this.ends[k].end, at);
    return Math.min(lo, at);
  }

  /** Number of matches whose mark is before `pos`. */
  private countBefore(pos: number): number {
    let a = 0;
    let b = this.ends.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.ends[mid].start < pos) a = mid + 1;
      else b = mid;
    }
    return a;
  }
}
