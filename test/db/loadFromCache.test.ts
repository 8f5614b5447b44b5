// `index --db --cache DIR` takes the analyses of the local analysis cache (`analyze --cache`'s, the
// editor's): a corpus already analysed there loads with nothing analysed again, and the tables it writes
// are the very rows a load that analyses everything writes. A load with a cold cache fills the cache.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPool } from '../../server/src/storage/postgres/database';
import { createCorpusGenerator } from '../bench/corpusGenerator';
import { ensureBuilt, runCli } from '../support/built';
import { dbSkip, freshDatabase } from './database';

const run = runCli;
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `article-lens-db-${name}-`));

/** Every table the load writes, each in a fixed order, as text. */
const TABLES: Record<string, string> = {
  analyses: 'SELECT content_hash, analyser_version, entry::text FROM analyses ORDER BY 1',
  articles: 'SELECT * FROM articles ORDER BY article_id',
  entities: 'SELECT * FROM entities ORDER BY listing',
  entity_aliases: 'SELECT * FROM entity_aliases ORDER BY 1, 2',
  entity_postings: 'SELECT * FROM entity_postings ORDER BY article_id, canonical, ord',
  passage_fingerprints: 'SELECT * FROM passage_fingerprints ORDER BY article_id, word, hash',
  shared_passages: 'SELECT * FROM shared_passages ORDER BY article_id, ord',
  quotes: 'SELECT * FROM quotes ORDER BY article_id, ord',
  related: 'SELECT article_id, rank, other_id, score, reasons::text FROM related ORDER BY 1, 2',
  corpus_meta: 'SELECT * FROM corpus_meta ORDER BY key',
};

async function tables(url: string): Promise<Record<string, unknown[]>> {
  const pool = openPool(url);
  try {
    const out: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(TABLES)) out[name] = (await pool.query(sql)).rows;
    return out;
  } finally {
    await pool.end();
  }
}

let corpus: string;

before(() => {
  ensureBuilt();
  corpus = tmp('cached');
  const gen = createCorpusGenerator({ seed: 23, wireStories: 10, sites: 5, names: true });
  for (let i = 0; i < 60; i++)
    writeFileSync(path.join(corpus, `${String(i).padStart(3, '0')}.txt`), gen.article(900 + (i % 7) * 350));
});

test(
  'a corpus analysed into the local cache loads without analysis, to the same rows',
  { skip: dbSkip },
  async () => {
    const cache = tmp('cache');
    const analysed = run('analyze', '--cache', cache, corpus);
    assert.equal(analysed.status, 0, analysed.stderr);

    const withAnalysis = await freshDatabase('analysed');
    const cold = run('index', '--db', withAnalysis, corpus);
    assert.equal(cold.status, 0, cold.stderr);
    assert.match(cold.stdout, /60 analysed, 0 unchanged/);

    const fromCache = await freshDatabase('from_cache');
    const warm = run('index', '--db', fromCache, '--cache', cache, corpus);
    assert.equal(warm.status, 0, warm.stderr);
    assert.match(
      warm.stdout,
      /0 analysed, 0 unchanged \(found by content\), 60 from the local cache with their corpus findings/,
    );
    assert.doesNotMatch(warm.stderr, /first pass/, 'nothing analysed');

    const [a, b] = [await tables(withAnalysis), await tables(fromCache)];
    for (const name of Object.keys(TABLES)) {
      assert.ok(name === 'corpus_meta' || a[name].length > 0, `${name} has rows`);
      assert.deepEqual(b[name], a[name], name);
    }
    const fromDb = run('analyze', '--db', fromCache, corpus);
    assert.equal(fromDb.stdout, analysed.stdout);
  },
);

test('a load with a cold local cache fills it', { skip: dbSkip }, async () => {
  const cache = tmp('cold-cache');
  const url = await freshDatabase('fills_cache');
  const first = run('index', '--db', url, '--cache', cache, corpus);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /60 analysed, 0 unchanged \(found by content\), 0 from the local cache,/);

  const again = await freshDatabase('from_filled');
  const second = run('index', '--db', again, '--cache', cache, corpus);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /0 analysed, 0 unchanged \(found by content\), 60 from the local cache with/);
  assert.deepEqual(await tables(again), await tables(url));
  // The cache is the one `analyze --cache` reads: it answers without analysing.
  const plain = run('analyze', corpus);
  assert.equal(run('analyze', '--cache', cache, corpus).stdout, plain.stdout);
});
