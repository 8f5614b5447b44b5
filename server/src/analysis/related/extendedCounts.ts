// A discount extended by more counts (the words and names inside the passages two pages share), read
// through to the discount it extends: comparing two pages beyond their shared passages once copied both
// pages' discounts for every pair.
import type { FeatureDiscount } from './termIndex';

/**
 * `base` with counts added to it: what copying `base` into a map and adding each count to its entry would
 * hold, entries in the same order (those of `base`, then the new ones as first added).
 */
export class ExtendedCounts implements ReadonlyMap<number, number> {
  /** New totals of ids of `base`. */
  readonly raised = new Map<number, number>();
  /** Ids `base` does not have, with their totals. */
  readonly added = new Map<number, number>();

  constructor(readonly base: FeatureDiscount) {}

  get size(): number {
    return this.base.size + this.added.size;
  }

  /** Adds `count` to the id's total, as `map.set(id, (map.get(id) ?? 0) + count)` on a copy would. */
  add(id: number, count: number): void {
    const raised = this.raised.get(id);
    if (raised !== undefined) {
      this.raised.set(id, raised + count);
      return;
    }
    const base = this.base.get(id);
    if (base !== undefined) this.raised.set(id, base + count);
    else this.added.set(id, (this.added.get(id) ?? 0) + count);
  }

  get(id: number): number | undefined {
    const raised = this.raised.get(id);
    if (raised !== undefined) return raised;
    const base = this.base.get(id);
    return base !== undefined ? base : this.added.get(id);
  }

  has(id: number): boolean {
    return this.base.has(id) || this.added.has(id);
  }

  forEach(fn: (count: number, id: number, map: ReadonlyMap<number, number>) => void): void {
    this.base.forEach((count, id) => fn(this.raised.get(id) ?? count, id, this));
    this.added.forEach((count, id) => fn(count, id, this));
  }

  *entries(): MapIterator<[number, number]> {
    for (const [id, count] of this.base) yield [id, this.raised.get(id) ?? count];
    yield* this.added.entries();
  }

  *keys(): MapIterator<number> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<number> {
    for (const [, count] of this.entries()) yield count;
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }
}
