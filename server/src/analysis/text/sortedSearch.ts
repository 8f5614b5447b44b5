// Binary search over ascending lists of numbers.

/** Index of the first item of ascending `values` that is greater than `x` (values.length when none). */
export function firstAbove(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
