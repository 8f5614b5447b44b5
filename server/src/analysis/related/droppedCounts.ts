// A discount with some of its features wholly dropped (see templateDiscounts.ts), read through to the
// discount it extends: each pair of pages compared drops its own common features, and copying a page's
// discount for every pair was most of the cost of comparing them.
import type { FeatureDiscount } from './termIndex';

/**
 * A discount with some of its features wholly dropped, read through to the discount it extends: what a
 * copy with those counts made infinite would hold, in the same order, without copying it for every pair.
 */
export class DroppedCounts implements ReadonlyMap<number, number> {
  readonly size: number;

  constructor(
    readonly base: FeatureDiscount,
    /** Ids of `base` whose counts read as infinite. */
    readonly dropped: ReadonlySet<number>,
  ) {
    this.size = base.size;
  }

  get(id: number): number | undefined {
    return this.dropped.has(id) ? Number.POSITIVE_INFINITY : this.base.get(id);
  }

  has(id: number): boolean {
    return this.base.has(id);
  }

  forEach(fn: (count: number, id: number, map: ReadonlyMap<number, number>) => void): void {
    this.base.forEach((count, id) => fn(this.dropped.has(id) ? Number.POSITIVE_INFINITY : count, id, this));
  }

  *entries(): MapIterator<[number, number]> {
    for (const [id, count] of this.base) yield [id, this.dropped.has(id) ? Number.POSITIVE_INFINITY : count];
  }

  *keys(): MapIterator<number> {
    yield* this.base.keys();
  }

  *values(): MapIterator<number> {
    for (const [, count] of this.entries()) yield count;
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }
}
