// What an article's boilerplate takes off its word and entity vectors when it is compared, and how two
// pages of one site's template drop the features their boilerplate has in common. Discounts are read-only
// once made and equal ones are shared, so answers about them are kept by object.
import { DroppedCounts } from './droppedCounts';
import { packed } from './packedCounts';
import type { FeatureDiscount } from './termIndex';

/** What one article's boilerplate takes off its word and entity vectors. */
export interface Discounts {
  terms: FeatureDiscount;
  entities: FeatureDiscount;
}

export const NO_DISCOUNTS: Discounts = { terms: new Map(), entities: new Map() };

/** Discounts kept for as long as a document's boilerplate stays the same, in their compact form. */
export function packedDiscounts(discounts: Discounts): Discounts {
  if (discounts === NO_DISCOUNTS) return discounts;
  return { terms: packed(discounts.terms), entities: packed(discounts.entities) };
}

/** A hash of a discount's entries in their order (equal discounts, order included, hash alike). */
export function discountHash(discount: FeatureDiscount, seed: number): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (const [id, count] of discount) {
    h = Math.imul(h ^ id, 0x01000193);
    h = Math.imul(h ^ Math.round(count * 1000), 0x01000193);
  }
  return Math.imul(h ^ discount.size, 0x01000193) >>> 0;
}

/** The same entries in the same order: iterating either gives the same sums in the same order. */
export function sameEntries(a: FeatureDiscount, b: FeatureDiscount): boolean {
  if (a.size !== b.size) return false;
  const other = b.entries();
  for (const [id, count] of a) {
    const next = other.next();
    if (next.done || next.value[0] !== id || next.value[1] !== count) return false;
  }
  return true;
}

/** A writable copy of a discount, in its order (through forEach: a packed discount's iterator is a generator). */
export function copyOf(discount: FeatureDiscount): Map<number, number> {
  const out = new Map<number, number>();
  discount.forEach((count, id) => out.set(id, count));
  return out;
}

/** Each discount with every count made infinite, kept per discount: see `dropCommon`. */
const wholly = new WeakMap<FeatureDiscount, FeatureDiscount>();

function dropAll(discount: FeatureDiscount): FeatureDiscount {
  let out = wholly.get(discount);
  if (!out) {
    const all = new Map<number, number>();
    discount.forEach((_, id) => all.set(id, Number.POSITIVE_INFINITY));
    wholly.set(discount, all);
    out = all;
  }
  return out;
}

/**
 * Drops every occurrence of the features found in both discounts. Pages of one template usually share
 * all their boilerplate features; a side whose features are all common then gets its long-lived fully
 * dropped copy, so no map is built per pair and its discounted norm stays cached.
 */
export function dropCommon(a: FeatureDiscount, b: FeatureDiscount): [FeatureDiscount, FeatureDiscount] {
  // Discounts are never changed once made and equal ones are shared, so a pair's answer is kept.
  let byOther = commonDropped.get(a);
  if (!byOther) commonDropped.set(a, (byOther = new WeakMap()));
  let pair = byOther.get(b);
  if (!pair) byOther.set(b, (pair = dropCommonOf(a, b)));
  return pair;
}

/** `dropCommon`'s answers by the two discounts. */
const commonDropped = new WeakMap<
  FeatureDiscount,
  WeakMap<FeatureDiscount, [FeatureDiscount, FeatureDiscount]>
>();

function dropCommonOf(a: FeatureDiscount, b: FeatureDiscount): [FeatureDiscount, FeatureDiscount] {
  const common = commonIds(sortedIds(a), sortedIds(b));
  if (common.size === 0) return [a, b];
  const drop = (d: FeatureDiscount): FeatureDiscount =>
    common.size === d.size ? dropAll(d) : new DroppedCounts(d, common);
  return [drop(a), drop(b)];
}

/** Each discount's ids in ascending order, kept per discount: pairs meet in a linear merge. */
const idsOf = new WeakMap<FeatureDiscount, Int32Array>();

function sortedIds(discount: FeatureDiscount): Int32Array {
  let ids = idsOf.get(discount);
  if (!ids) {
    const out = new Int32Array(discount.size);
    let i = 0;
    discount.forEach((_, id) => (out[i++] = id));
    ids = out.sort();
    idsOf.set(discount, ids);
  }
  return ids;
}

/** The ids found in both ascending lists. */
function commonIds(a: Int32Array, b: Int32Array): Set<number> {
  const out = new Set<number>();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out.add(a[i]);
      i++;
      j++;
    }
  }
  return out;
}

/**
 * Two pages built on one site's template carry the same boilerplate, and its words (the site's name above
 * all) recur outside it in their headers, bylines and photo credits, too short or too varied to be
 * boilerplate themselves. Between such pages the words and names of the common boilerplate say nothing
 * about the story and are dropped wherever they occur; pages of different sites keep them.
 */
export function sameTemplate(a: Discounts, b: Discounts): [Discounts, Discounts] {
  if (a === NO_DISCOUNTS || b === NO_DISCOUNTS) return [a, b];
  const [termsA, termsB] = dropCommon(a.terms, b.terms);
  const [entitiesA, entitiesB] = dropCommon(a.entities, b.entities);
  return [
    { terms: termsA, entities: entitiesA },
    { terms: termsB, entities: entitiesB },
  ];
}
