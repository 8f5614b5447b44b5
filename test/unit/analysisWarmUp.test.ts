import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  pickRehearsalArticles,
  warmUpAnalysis,
  type WarmUpHost,
} from '../../server/src/workspace/analysisWarmUp';

/** A host that records its rehearsals; `settleFor` makes settling() true for that many calls. */
function fakeHost(uris: string[], options: { settleFor?: number; failOn?: string; busyAfter?: number } = {}) {
  const rehearsed: string[] = [];
  let settleCalls = options.settleFor ?? 0;
  const host: WarmUpHost = {
    candidates: () => uris,
    rehearse: (uri) => {
      rehearsed.push(uri);
      return Promise.resolve(uri !== options.failOn);
    },
    busy: () => options.busyAfter !== undefined && rehearsed.length >= options.busyAfter,
    settling: () => settleCalls-- > 0,
  };
  return { host, rehearsed };
}

const never = { isCancellationRequested: false };
const limits = (runs: number, articles: number) => ({ runs, budgetMs: 10_000, articles });

describe('analysis warm-up', () => {
  test('rehearses the first articles in turn up to the run limit', async () => {
    const { host, rehearsed } = fakeHost(['a', 'b', 'c', 'd']);
    const result = await warmUpAnalysis(host, never, limits(5, 2));
    assert.deepEqual(rehearsed, ['a', 'b', 'a', 'b', 'a']);
    assert.equal(result.runs, 5);
  });

  test('does nothing on an empty corpus', async () => {
    const { host, rehearsed } = fakeHost([]);
    assert.deepEqual(await warmUpAnalysis(host, never), { runs: 0, ms: 0 });
    assert.deepEqual(rehearsed, []);
  });

  test('stops when cancelled, and when an article cannot be rehearsed', async () => {
    const first = fakeHost(['a']);
    assert.equal((await warmUpAnalysis(first.host, { isCancellationRequested: true })).runs, 0);
    assert.deepEqual(first.rehearsed, []);
    const second = fakeHost(['a', 'gone'], { failOn: 'gone' });
    const result = await warmUpAnalysis(second.host, never, limits(10, 2));
    assert.deepEqual(second.rehearsed, ['a', 'gone']);
    assert.equal(result.runs, 1);
  });

  test('waits for start-up work, then ends for good when real work comes', async () => {
    const { host, rehearsed } = fakeHost(['a', 'b'], { settleFor: 3, busyAfter: 3 });
    const result = await warmUpAnalysis(host, never, limits(10, 2));
    assert.deepEqual(rehearsed, ['a', 'b', 'a']);
    assert.equal(result.runs, 3);
    const busyAtOnce = fakeHost(['a'], { busyAfter: 0 });
    assert.equal((await warmUpAnalysis(busyAtOnce.host, never)).runs, 0);
    assert.deepEqual(busyAtOnce.rehearsed, []);
  });

  test('a rehearsal sees cancellation as soon as real work comes', async () => {
    let busy = false;
    const seen: boolean[] = [];
    const host: WarmUpHost = {
      candidates: () => ['a'],
      rehearse: (_uri, token) => {
        seen.push(token.isCancellationRequested);
        // An article is opened during the rehearsal.
        busy = true;
        seen.push(token.isCancellationRequested);
        return Promise.resolve(false);
      },
      busy: () => busy,
      settling: () => false,
    };
    assert.equal((await warmUpAnalysis(host, never, limits(5, 1))).runs, 0);
    assert.deepEqual(seen, [false, true]);
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
