// Spans sorted by start with the running maximum of their ends, so whether one of them contains a range is
// a binary search rather than a pass over all of them (once per occurrence of a name, quadratic).
import type { Span } from '../types';

export class ContainIndex {
  private readonly starts: number[] = [];
  /** `maxEnd[k]`: the largest end among the first k + 1 spans by start. */
  private readonly maxEnd: number[] = [];

  constructor(spans: readonly Span[]) {
    const sorted = spans.slice().sort((a, b) => a.start - b.start);
    let max = -Infinity;
    for (const s of sorted) {
      max = Math.max(max, s.end);
      this.starts.push(s.start);
      this.maxEnd.push(max);
    }
  }

  /** Whether a span starts at or before `start` and ends at or after `end`. */
  contains(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnd[lo - 1] >= end;
  }
}
