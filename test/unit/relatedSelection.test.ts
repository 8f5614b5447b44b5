import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kthLargest } from '../../server/src/analysis/related/selection';

/** A small deterministic generator, so failures reproduce. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('kthLargest agrees with a full sort, ties and runs included', () => {
  const random = lcg(7);
  for (let round = 0; round < 300; round++) {
    const n = 1 + Math.floor(random() * 200);
    const shape = round % 4;
    const values = Float64Array.from({ length: n }, (_, i) =>
      shape === 0 ? random() : shape === 1 ? Math.floor(random() * 4) : shape === 2 ? i : n - i,
    );
    const sorted = Float64Array.from(values).sort();
    const k = 1 + Math.floor(random() * n);
    assert.equal(kthLargest(Float64Array.from(values), n, k), sorted[n - k], `n=${n} k=${k}`);
  }
});

test('kthLargest reads only the first n values', () => {
  const values = Float64Array.from([3, 1, 2, 100, 100]);
  assert.equal(kthLargest(values, 3, 1), 3);
  assert.equal(kthLargest(Float64Array.from([3, 1, 2, 100, 100]), 3, 3), 1);
});
