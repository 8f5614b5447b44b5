// Discounts read through to the ones they extend must answer exactly as the copies they stand for:
// the same entries in the same order, and so the same norms and cosines to the last bit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DroppedCounts } from '../../server/src/analysis/related/droppedCounts';
import { ExtendedCounts } from '../../server/src/analysis/related/extendedCounts';
import { packed } from '../../server/src/analysis/related/packedCounts';
import { FeatureIndex, type FeatureDiscount } from '../../server/src/analysis/related/termIndex';

const WORDS = 'harbour strike dam council vote ferry budget tunnel harvest inquiry pension market'.split(' ');

function entriesOf(d: FeatureDiscount): [number, number][] {
  const out: [number, number][] = [];
  d.forEach((count, id) => out.push([id, count]));
  return out;
}

const doc = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 });
const discountOf = fc.array(
  fc.tuple(fc.integer({ min: 0, max: WORDS.length + 2 }), fc.integer({ min: 0, max: 4 })),
  {
    maxLength: 10,
  },
);

test('dropped and extended discounts give the norms and cosines of their plain copies', () => {
  fc.assert(
    fc.property(
      fc.array(doc, { minLength: 2, maxLength: 6 }),
      discountOf,
      fc.array(fc.integer({ min: 0, max: WORDS.length + 2 }), { maxLength: 4 }),
      discountOf,
      fc.boolean(),
      (docs, baseEntries, droppedIds, extra, pack) => {
        const index = new FeatureIndex();
        docs.forEach((words, d) => {
          const counts = new Map<string, number>();
          for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
          index.add(d, counts);
        });
        const plainBase = new Map<number, number>();
        for (const [id, count] of baseEntries) plainBase.set(id, count);
        const base = pack ? packed(plainBase) : plainBase;
        const dropped = new Set(droppedIds.filter((id) => plainBase.has(id)));
        const layered = new ExtendedCounts(dropped.size > 0 ? new DroppedCounts(base, dropped) : base);
        // The copy as it was made before: copy, drop, then add.
        const copy = new Map<number, number>();
        plainBase.forEach((count, id) => copy.set(id, dropped.has(id) ? Number.POSITIVE_INFINITY : count));
        for (const [id, count] of extra) {
          layered.add(id, count);
          copy.set(id, (copy.get(id) ?? 0) + count);
        }
        assert.deepEqual(entriesOf(layered), [...copy]);
        assert.deepEqual([...layered], [...copy]);
        for (const id of [...copy.keys(), 99]) assert.equal(layered.get(id), copy.get(id));
        for (let d = 0; d < docs.length; d++) {
          assert.equal(index.norm(d, layered), index.norm(d, copy));
          if (dropped.size > 0) {
            const d2 = new DroppedCounts(base, dropped);
            const c2 = new Map<number, number>();
            plainBase.forEach((count, id) => c2.set(id, dropped.has(id) ? Number.POSITIVE_INFINITY : count));
            assert.equal(index.norm(d, d2), index.norm(d, c2));
          }
        }
        assert.deepEqual(index.cosine(0, 1, layered, undefined), index.cosine(0, 1, copy, undefined));
      },
    ),
  );
});
