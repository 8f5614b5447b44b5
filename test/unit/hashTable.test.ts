import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HashTable } from '../../server/src/analysis/corpus/hashTable';

test('a hash table answers as a Map does through growth, overwrites and deletions', () => {
  const table = new HashTable<number>();
  const map = new Map<number, number>();
  let seed = 12345;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
  // Keys drawn from a small range collide on their low bits, so probing runs and wraps are exercised.
  for (let step = 0; step < 60_000; step++) {
    const key = step % 3 === 0 ? next() : (next() % 3000) * 4096 + 0x80000000;
    const action = next() % 3;
    if (action === 0) {
      assert.equal(table.delete(key >>> 0), map.delete(key >>> 0));
    } else {
      table.set(key >>> 0, step);
      map.set(key >>> 0, step);
    }
  }
  assert.equal(table.size, map.size);
  const some = [...map.keys()][0];
  assert.equal(table.get(some | 0), map.get(some));
  for (const [k, v] of map) assert.equal(table.get(k), v);
  for (let i = 0; i < 2000; i++) {
    const k = next();
    assert.equal(table.get(k), map.get(k));
  }
});
