// The boilerplate discounts two pages of one template compare with: what their common features drop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { packed } from '../../server/src/analysis/related/packedCounts';
import {
  dropCommon,
  sameTemplate,
  NO_DISCOUNTS,
  type Discounts,
} from '../../server/src/analysis/related/templateDiscounts';
import { DroppedCounts } from '../../server/src/analysis/related/droppedCounts';
import type { FeatureDiscount } from '../../server/src/analysis/related/termIndex';

/** The straightforward reading: a copy of `d` with every id also in `other` made infinite. */
function expected(d: FeatureDiscount, other: FeatureDiscount): [number, number][] {
  const out = new Map<number, number>();
  d.forEach((count, id) => out.set(id, other.has(id) ? Number.POSITIVE_INFINITY : count));
  return [...out];
}

function entriesOf(d: FeatureDiscount): [number, number][] {
  const out: [number, number][] = [];
  d.forEach((count, id) => out.push([id, count]));
  return out;
}

const discount = fc
  .uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 20 })
  .chain((ids) =>
    fc
      .array(fc.integer({ min: 1, max: 9 }), { minLength: ids.length, maxLength: ids.length })
      .map((counts) => new Map(ids.map((id, i) => [id, counts[i]]))),
  )
  .chain((m) => fc.boolean().map((pack) => (pack ? packed(m) : m)));

test('dropCommon makes exactly the shared ids infinite, each side in its own order', () => {
  fc.assert(
    fc.property(discount, discount, (a, b) => {
      const [da, db] = dropCommon(a, b);
      assert.deepEqual(entriesOf(da), expected(a, b));
      assert.deepEqual(entriesOf(db), expected(b, a));
      // Iterators and lookups agree with forEach.
      assert.deepEqual([...da], expected(a, b));
      for (const [id, count] of expected(a, b)) assert.equal(da.get(id), count);
      assert.equal(da.get(1000), undefined);
    }),
  );
});

test('dropCommon keeps discounts with nothing in common, and answers a pair with the same objects', () => {
  const a = new Map([
    [1, 2],
    [2, 1],
  ]);
  const b = new Map([[3, 1]]);
  const [da, db] = dropCommon(a, b);
  assert.equal(da, a);
  assert.equal(db, b);
  const c = new Map([
    [2, 4],
    [3, 1],
  ]);
  const first = dropCommon(a, c);
  assert.ok(first[0] instanceof DroppedCounts);
  assert.equal(dropCommon(a, c), first);
  assert.deepEqual(entriesOf(first[1]), [
    [2, Number.POSITIVE_INFINITY],
    [3, 1],
  ]);
  // A side all of whose features are common is dropped whole, by one long-lived object.
  const w = new Map([[2, 7]]);
  const [, whole] = dropCommon(a, w);
  assert.equal(dropCommon(c, w)[1], whole);
  assert.deepEqual(entriesOf(whole), [[2, Number.POSITIVE_INFINITY]]);
});

test('sameTemplate leaves pages without boilerplate as they are', () => {
  const page: Discounts = { terms: new Map([[1, 1]]), entities: new Map() };
  assert.deepEqual(sameTemplate(NO_DISCOUNTS, page), [NO_DISCOUNTS, page]);
  const [a, b] = sameTemplate(page, { terms: new Map([[1, 3]]), entities: new Map() });
  assert.equal(a.terms.get(1), Number.POSITIVE_INFINITY);
  assert.equal(b.terms.get(1), Number.POSITIVE_INFINITY);
});
