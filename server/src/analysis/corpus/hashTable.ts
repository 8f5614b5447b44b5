// A map from 32-bit hashes to values in two flat arrays (open addressing, linear probing): the postings of
// the passage and quote indexes. A `Map` keyed by such hashes costs about 56 bytes an entry, since keys of 2^31 and more
// are boxed numbers; here an entry takes 12 bytes a slot at a load of at most 3/4.
//
// Keys are expected to be well mixed already (winnowed shingle hashes are), so the low bits pick the slot.
// Signed and unsigned 32-bit keys with the same bits are the same key.

const INITIAL_CAPACITY = 1024;

export class HashTable<V> {
  private keys: Uint32Array;
  /** `undefined` marks an empty slot. */
  private values: (V | undefined)[];
  private mask: number;
  private count = 0;

  /**
   * `expected` entries fit without growing. A table refilled from another's slot order must be given its
   * size: inserted in that order into a smaller table, keys pile up in long runs of probes.
   */
  constructor(expected = 0) {
    let capacity = INITIAL_CAPACITY;
    while (expected * 4 > capacity * 3) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Calls `fn` with every value and its key (unsigned), in slot order. */
  forEach(fn: (value: V, key: number) => void): void {
    for (let i = 0; i < this.values.length; i++) {
      const v = this.values[i];
      if (v !== undefined) fn(v, this.keys[i]);
    }
  }

  get(key: number): V | undefined {
    key >>>= 0;
    const keys = this.keys;
    for (let i = key & this.mask; ; i = (i + 1) & this.mask) {
      const v = this.values[i];
      if (v === undefined || keys[i] === key) return v;
    }
  }

  /** Sets the value of `key`; `value` must not be `undefined` (use `delete`). */
  set(key: number, value: V): void {
    key >>>= 0;
    const keys = this.keys;
    let i = key & this.mask;
    for (; this.values[i] !== undefined; i = (i + 1) & this.mask) {
      if (keys[i] === key) {
        this.values[i] = value;
        return;
      }
    }
    keys[i] = key;
    this.values[i] = value;
    this.count++;
    if (this.count * 4 > this.values.length * 3) this.grow();
  }

  delete(key: number): boolean {
    key >>>= 0;
    const keys = this.keys;
    const mask = this.mask;
    let i = key & mask;
    for (; ; i = (i + 1) & mask) {
      const v = this.values[i];
      if (v === undefined) return false;
      if (keys[i] === key) break;
    }
    // Backward-shift deletion: entries after the hole that may sit in it move up, so no tombstones.
    let hole = i;
    for (let j = (i + 1) & mask; this.values[j] !== undefined; j = (j + 1) & mask) {
      const home = keys[j] & mask;
      // Entry j may fill the hole unless its home lies cyclically within (hole, j].
      const stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      keys[hole] = keys[j];
      this.values[hole] = this.values[j];
      hole = j;
    }
    this.values[hole] = undefined;
    this.count--;
    return true;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = oldValues.length * 2;
    this.keys = new Uint32Array(capacity);
    this.values = new Array<V | undefined>(capacity).fill(undefined);
    this.mask = capacity - 1;
    for (let i = 0; i < oldValues.length; i++) {
      const v = oldValues[i];
      if (v === undefined) continue;
      let j = oldKeys[i] & this.mask;
      while (this.values[j] !== undefined) j = (j + 1) & this.mask;
      this.keys[j] = oldKeys[i];
      this.values[j] = v;
    }
  }
}
