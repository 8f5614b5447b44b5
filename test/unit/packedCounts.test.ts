// Packed boilerplate discounts behave as the maps they were made from: the same lookups, the same entries in
// the same order (so sums over them are the same), whatever the ids and counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { packed, PackedCounts } from '../../server/src/analysis/related/packedCounts';

const counts = fc.array(
  fc.tuple(
    fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    fc.oneof(
      fc.integer({ min: 1, max: 70_000 }),
      fc.double({ min: 0.1, max: 50, noNaN: true }),
      fc.constant(Infinity),
    ),
  ),
  { maxLength: 60 },
);

describe('PackedCounts', () => {
  it('answers every lookup and iteration as the map does', () => {
    fc.assert(
      fc.property(
        counts,
        fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 10 }),
        (pairs, probes) => {
          const map = new Map(pairs);
          const p = new PackedCounts(map);
          assert.equal(p.size, map.size);
          assert.deepEqual([...p], [...map]);
          assert.deepEqual([...p.entries()], [...map.entries()]);
          assert.deepEqual([...p.keys()], [...map.keys()]);
          assert.deepEqual([...p.values()], [...map.values()]);
          for (const id of [...map.keys(), ...probes]) {
            assert.equal(p.get(id), map.get(id));
            assert.equal(p.has(id), map.has(id));
          }
          const seen: [number, number][] = [];
          p.forEach((count, id, self) => {
            assert.equal(self, p);
            seen.push([id, count]);
          });
          assert.deepEqual(seen, [...map]);
          assert.deepEqual([...new Map(p)], [...map]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps small maps as they are', () => {
    const small = new Map([
      [3, 1],
      [1, 2],
    ]);
    assert.equal(packed(small), small);
    const large = new Map(Array.from({ length: 20 }, (_, i) => [20 - i, i + 0.5] as [number, number]));
    const out = packed(large);
    assert.ok(out instanceof PackedCounts);
    assert.deepEqual([...out], [...large]);
  });
});
