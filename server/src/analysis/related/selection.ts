// The cut of a top-k selection without sorting every value: a query's postings pass touches thousands of
// documents, of which only the best few dozen are scored exactly.

/**
 * The `k`-th largest of the first `n` values (what an ascending sort would put at `n - k`), found by
 * quickselect. Reorders those values in place; `values` is scratch space. Requires 1 ≤ k ≤ n.
 */
export function kthLargest(values: Float64Array, n: number, k: number): number {
  const target = n - k;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    // Median of three as the pivot keeps sorted or constant runs from going quadratic.
    const mid = (lo + hi) >> 1;
    const a = values[lo];
    const b = values[mid];
    const c = values[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    // Now [lo, j] ≤ pivot, [i, hi] ≥ pivot, and anything strictly between equals the pivot.
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target];
  }
  return values[target];
}
