// Entity mentions sorted by start with binary searches, so that a lookup near one quote reads the mentions
// near it rather than every mention from the start of the article.
import type { EntityMention, Span } from '../types';

/** Mentions read per backward lookup at most: bounds the work on degenerate text (thousands of names). */
const MAX_BACKWARD = 200;

export class SortedMentions {
  readonly list: readonly EntityMention[];
  /** Length of the longest mention: any mention overlapping a span starts at most this far before it. */
  private readonly longest: number;

  constructor(mentions: readonly EntityMention[]) {
    this.list = mentions.slice().sort((a, b) => a.span.start - b.span.start);
    let longest = 0;
    for (const e of this.list) longest = Math.max(longest, e.span.end - e.span.start);
    this.longest = longest;
  }

  /** Index of the first mention starting at or after `pos`. */
  firstFrom(pos: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].span.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index from which every mention overlapping `s` follows, in order. */
  overlapFrom(s: Span): number {
    return this.firstFrom(s.start - this.longest);
  }

  /** The latest mention starting in `[floor, before)` that `accept` takes, among the nearest few. */
  lastIn(floor: number, before: number, accept: (e: EntityMention) => boolean): EntityMention | undefined {
    const stop = Math.max(0, this.firstFrom(before) - MAX_BACKWARD);
    for (let k = this.firstFrom(before) - 1; k >= stop; k--) {
      const e = this.list[k];
      if (e.span.start < floor) break;
      if (accept(e)) return e;
    }
    return undefined;
  }
}
