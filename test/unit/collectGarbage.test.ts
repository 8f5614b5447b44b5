// The collection the server runs after indexing: garbage is gone and the heap it occupied is given back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectGarbage } from '../../server/src/util/collectGarbage';

describe('collectGarbage', () => {
  it('frees unreachable objects and shrinks the committed heap around the live ones', () => {
    collectGarbage();
    const keep: { n: number; s: string }[] = [];
    let junk: { n: number; s: string }[] | undefined = [];
    // Live objects interleaved with garbage, so no page empties without moving what is on it.
    for (let i = 0; i < 600_000; i++) (i % 4 === 0 ? keep : junk).push({ n: i, s: `item ${i}` });
    const before = process.memoryUsage();
    junk = undefined;
    collectGarbage();
    const after = process.memoryUsage();
    assert.equal(junk, undefined);
    assert.ok(after.heapUsed < before.heapUsed - 30e6, `heap used ${before.heapUsed} → ${after.heapUsed}`);
    assert.ok(
      after.heapTotal < before.heapTotal - 20e6,
      `committed ${before.heapTotal} → ${after.heapTotal}`,
    );
    assert.equal(keep.length, 150_000);
  });
});
