import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  pickRehearsalArticles,
  warmUpAnalysis,
  type WarmUpHost,
} from '../../server/src/workspace/analysisWarmUp';

/** A host that records its rehearsals; `busyFor` makes busy() true for that many calls. */
function fakeHost(uris: string[], options: { busyFor?: number; failOn?: string } = {}) {
  const rehearsed: string[] = [];
  let busyCalls = options.busyFor ?? 0;
  const host: WarmUpHost = {
    candidates: () => uris,
    rehearse: (uri) => {
      rehearsed.push(uri);
      return Promise.resolve(uri !== options.failOn);
    },
    busy: () => busyCalls-- > 0,
  };
  return { host, rehearsed };
}

const never = { isCancellationRequested: false };

describe('analysis warm-up', () => {
  test('rehearses the first articles in turn up to the run limit', async () => {
    const { host, rehearsed } = fakeHost(['a', 'b', 'c', 'd']);
    const result = await warmUpAnalysis(host, never, { runs: 5, budgetMs: 10_000, articles: 2 });
    assert.deepEqual(rehearsed, ['a', 'b', 'a', 'b', 'a']);
    assert.equal(result.runs, 5);
  });

  test('does nothing on an empty corpus', async () => {
    const { host, rehearsed } = fakeHost([]);
    assert.deepEqual(await warmUpAnalysis(host, never), { runs: 0, ms: 0 });
    assert.deepEqual(rehearsed, []);
  });

  test('stops when cancelled, and when an article cannot be rehearsed while idle', async () => {
    const cancelled = { isCancellationRequested: true };
    const first = fakeHost(['a']);
    assert.equal((await warmUpAnalysis(first.host, cancelled)).runs, 0);
    assert.deepEqual(first.rehearsed, []);
    const second = fakeHost(['a', 'gone'], { failOn: 'gone' });
    const result = await warmUpAnalysis(second.host, never, { runs: 10, budgetMs: 10_000, articles: 2 });
    assert.deepEqual(second.rehearsed, ['a', 'gone']);
    assert.equal(result.runs, 1);
  });

  test('waits while real work is queued and gives a running rehearsal up to it', async () => {
    const { host, rehearsed } = fakeHost(['a'], { busyFor: 2 });
    const result = await warmUpAnalysis(host, never, { runs: 2, budgetMs: 10_000, articles: 1 });
    assert.deepEqual(rehearsed, ['a', 'a']);
    assert.equal(result.runs, 2);

    // A rehearsal sees cancellation as soon as the host is busy, and the warm-up then goes on.
    let busyCalls = 0;
    const seen: boolean[] = [];
    const interrupted: WarmUpHost = {
      candidates: () => ['a'],
      rehearse: (_uri, token) => {
        // The first rehearsal is overtaken by an edit that keeps the host busy for two questions.
        if (seen.length === 0) busyCalls = 2;
        const cancelled = token.isCancellationRequested;
        seen.push(cancelled);
        return Promise.resolve(!cancelled);
      },
      busy: () => busyCalls-- > 0,
    };
    const after = await warmUpAnalysis(interrupted, never, { runs: 1, budgetMs: 10_000, articles: 1 });
    assert.deepEqual(seen, [true, false]);
    assert.equal(after.runs, 1);
  });
});

describe('rehearsal articles', () => {
  test('takes articles of 2–16 KB spread over the index', () => {
    const articles = Array.from({ length: 12 }, (_, i) => ({
      uri: `u${i}`,
      length: i % 2 === 0 ? 4000 : 100,
    }));
    articles.push({ uri: 'huge', length: 300_000 });
    assert.deepEqual(pickRehearsalArticles(articles, 3), ['u0', 'u4', 'u8']);
  });

  test('falls back to smaller non-empty articles, the largest first', () => {
    const articles = [
      { uri: 'empty', length: 0 },
      { uri: 'small', length: 300 },
      { uri: 'medium', length: 1500 },
      { uri: 'huge', length: 300_000 },
    ];
    assert.deepEqual(pickRehearsalArticles(articles, 6), ['medium', 'small']);
  });
});
