// The scheduler's idle and quiet signals, which background work after the start waits for.
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, test } from 'node:test';
import { Scheduler } from '../../server/src/scheduler';
import { nullLogger } from '../../server/src/util/logger';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A scheduler whose runs wait until released, one at a time. */
function heldScheduler(): { scheduler: Scheduler; release: () => void; runs: string[] } {
  const runs: string[] = [];
  const waiting: (() => void)[] = [];
  const scheduler = new Scheduler(async (uri) => {
    runs.push(uri);
    await new Promise<void>((r) => waiting.push(r));
  }, nullLogger);
  return { scheduler, runs, release: () => waiting.shift()?.() };
}

describe('scheduler: idle and quiet', () => {
  test('whenIdle resolves at once when nothing is queued', async () => {
    const { scheduler } = heldScheduler();
    let resolved = false;
    void scheduler.whenIdle().then(() => (resolved = true));
    await turn();
    assert.equal(resolved, true);
  });

  test('whenIdle waits for the queued and running work, a re-run included', async () => {
    const { scheduler, runs, release } = heldScheduler();
    scheduler.schedule('a');
    scheduler.schedule('b');
    let resolved = false;
    void scheduler.whenIdle().then(() => (resolved = true));
    await turn();
    scheduler.schedule('a'); // while running: runs again afterwards
    release();
    await turn();
    assert.deepEqual(runs, ['a', 'b']);
    assert.equal(resolved, false);
    release();
    await turn();
    assert.deepEqual(runs, ['a', 'b', 'a']);
    assert.equal(resolved, false);
    release();
    while (!scheduler.idle) await turn();
    await turn();
    assert.equal(resolved, true);
  });

  test('whenQuiet waits until no run has ended for the given time, and again after a new edit', async () => {
    const { scheduler, release } = heldScheduler();
    scheduler.schedule('a');
    await turn();
    release();
    await turn();
    const ended = performance.now();
    let quietAt: number | undefined;
    void scheduler.whenQuiet(60).then(() => (quietAt = performance.now()));
    // An edit 20 ms later starts the wait over.
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(quietAt, undefined);
    scheduler.schedule('a');
    await turn();
    release();
    await turn();
    const secondEnded = performance.now();
    while (quietAt === undefined) await new Promise((r) => setTimeout(r, 5));
    assert.ok(quietAt - ended >= 60, `quiet ${quietAt - ended} ms after the first run`);
    assert.ok(quietAt - secondEnded >= 55, `quiet ${quietAt - secondEnded} ms after the second run`);
  });

  test('whenQuiet resolves at once on a scheduler that has never run anything', async () => {
    const { scheduler } = heldScheduler();
    const started = performance.now();
    await scheduler.whenQuiet(1000);
    assert.ok(performance.now() - started < 100);
  });

  test('a disposed scheduler is quiet, so background work never waits on it for ever', async () => {
    const { scheduler } = heldScheduler();
    scheduler.schedule('a');
    await turn();
    const waiting = scheduler.whenQuiet(10_000);
    scheduler.dispose();
    await waiting;
  });
});
