// A read-only map of feature id → count in one typed array: the long-lived boilerplate discounts of every
// document are tens of entries each, and as maps they were most of what related ranking keeps per document.

/** Fewer entries than this stay in a map, which is the smaller of the two for them. */
const MIN_PACKED = 8;

/**
 * The entries of a map, iterated in the map's order (sums over them come out the same), looked up by a
 * binary search. Layout: ids in the map's order, then their counts, then the positions sorted by id.
 */
export class PackedCounts implements ReadonlyMap<number, number> {
  private readonly data: Float64Array;
  readonly size: number;

  constructor(entries: ReadonlyMap<number, number>) {
    const n = entries.size;
    const data = new Float64Array(n * 3);
    let i = 0;
    for (const [id, count] of entries) {
      data[i] = id;
      data[n + i] = count;
      i++;
    }
    const byId = Array.from({ length: n }, (_, k) => k).sort((a, b) => data[a] - data[b]);
    byId.forEach((position, k) => (data[2 * n + k] = position));
    this.data = data;
    this.size = n;
  }

  /** The position of `id` in the map's order, or -1. */
  private find(id: number): number {
    const { data, size } = this;
    let lo = 0;
    let hi = size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const position = data[2 * size + mid];
      const at = data[position];
      if (at < id) lo = mid + 1;
      else if (at > id) hi = mid - 1;
      else return position;
    }
    return -1;
  }

  get(id: number): number | undefined {
    const position = this.find(id);
    return position < 0 ? undefined : this.data[this.size + position];
  }

  has(id: number): boolean {
    return this.find(id) >= 0;
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = 0; i < this.size; i++) yield [this.data[i], this.data[this.size + i]];
  }

  *keys(): MapIterator<number> {
    for (let i = 0; i < this.size; i++) yield this.data[i];
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.size; i++) yield this.data[this.size + i];
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(fn: (count: number, id: number, map: ReadonlyMap<number, number>) => void): void {
    for (let i = 0; i < this.size; i++) fn(this.data[this.size + i], this.data[i], this);
  }
}

/** The counts packed when that is smaller, else the map itself. */
export function packed(counts: ReadonlyMap<number, number>): ReadonlyMap<number, number> {
  return counts.size < MIN_PACKED ? counts : new PackedCounts(counts);
}
