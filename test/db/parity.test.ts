// The same corpus gives the same findings from the in-memory index and from PostgreSQL: `index --db` then
// `analyze --db` prints the bytes `analyze` prints, and the database's answers to the editor's corpus
// questions (shared passages, related lists, every mention of an entity, entity search for workspace
// symbols, files per entity) equal the in-memory index's, over the sample corpus and a generated one.
// Re-running `index` analyses only changed files.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { analyzeFiles } from '../../server/src/cli/analyzeFiles';
import { CorpusQueries } from '../../server/src/storage/postgres/corpusQueries';
import { openPool } from '../../server/src/storage/postgres/database';
import { uriToPath } from '../../server/src/util/uri';
import { resolveInputs } from '../../server/src/workspace/fsCorpus';
import { createCorpusGenerator } from '../bench/corpusGenerator';
import { ensureBuilt, repoRoot, runCli } from '../support/built';
import { dbSkip, freshDatabase } from './database';

const run = runCli;
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `article-lens-db-${name}-`));

let samples: string;
let generated: string;

before(() => {
  ensureBuilt();
  samples = tmp('samples');
  const from = path.join(repoRoot, 'samples/corpus');
  for (const f of readdirSync(from).filter((n) => n.endsWith('.txt')))
    copyFileSync(path.join(from, f), path.join(samples, f));
  generated = tmp('generated');
  const gen = createCorpusGenerator({ seed: 17, wireStories: 12, sites: 5, names: true });
  for (let i = 0; i < 80; i++)
    writeFileSync(
      path.join(generated, `${String(i).padStart(3, '0')}.txt`),
      gen.article(900 + (i % 9) * 300),
    );
});

/** The in-memory index of a corpus, as `analyze` builds it. */
function inMemory(dir: string) {
  const { files, base } = resolveInputs([dir]);
  let index: CorpusIndex | undefined;
  const run = analyzeFiles(files, base, 512, undefined, (i) => void (index = i));
  if (!index) throw new Error('no index');
  const rel = (uri: string) =>
    path
      .relative(base, uriToPath(uri) ?? uri)
      .split(path.sep)
      .join('/');
  return { run, index, rel };
}

/** Queries for entity search: every entity's initials, a prefix and a subsequence, plus some misses. */
function searchQueries(index: CorpusIndex): string[] {
  const names = index.entities.entities().map((e) => e.canonical);
  const out = new Set(['', 'a', 'e', 'zzqx', '%', '_']);
  for (const name of names.slice(0, 60)) {
    out.add(name.slice(0, 3));
    out.add(
      name
        .split(/\s+/)
        .map((w) => w[0])
        .join(''),
    );
    out.add(name.toUpperCase());
  }
  return [...out];
}

for (const [label, dir] of [
  ['sample corpus', () => samples],
  ['generated corpus', () => generated],
] as const) {
  test(`${label}: the database answers as the in-memory index`, { skip: dbSkip }, async () => {
    const url = await freshDatabase(label);
    const corpus = dir();
    const loaded = run('index', '--db', url, corpus);
    assert.equal(loaded.status, 0, loaded.stderr);
    assert.match(loaded.stdout, /indexed \d+ articles .*MB\/s/);
    assert.match(loaded.stderr, /first pass: \d+\/\d+/, 'progress on stderr');
    assert.match(loaded.stderr, /corpus findings: (\d+)\/\1\n/, 'the corpus findings phase to its end');

    const plain = run('analyze', corpus);
    const fromDb = run('analyze', '--db', url, corpus);
    assert.equal(fromDb.status, 0, fromDb.stderr);
    assert.doesNotMatch(fromDb.stderr, /computed here/, 'answered from the database');
    assert.equal(fromDb.stdout, plain.stdout);

    const { run: mem, index, rel } = inMemory(corpus);
    const pool = openPool(url);
    const db = new CorpusQueries(pool);
    try {
      assert.equal(await db.articleCount(), mem.results.length);
      let shared = 0;
      let related = 0;
      for (const r of mem.results) {
        const expectShared = r.analysis.shared.map(({ otherUri, ...s }) => ({
          ...s,
          otherPath: rel(otherUri),
        }));
        assert.deepEqual(await db.sharedPassages(r.file), expectShared, `shared passages of ${r.file}`);
        shared += expectShared.length;
        const expectRelated = r.analysis.related.map(({ uri, ...x }) => ({ ...x, path: rel(uri) }));
        assert.deepEqual(await db.related(r.file), expectRelated, `related list of ${r.file}`);
        related += expectRelated.length;
        // Every article it shares a passage with holds one of its fingerprints.
        const candidates = new Set((await db.articlesSharingText(r.text)).map((c) => c.path));
        for (const s of expectShared) assert.ok(candidates.has(s.otherPath), `${s.otherPath} is a candidate`);
      }
      // Every quotation is found by its words, in its own article.
      let quotes = 0;
      for (const r of mem.results.slice(0, 30))
        for (const q of r.analysis.quotes) {
          const found = await db.sameQuotes(r.text.slice(q.contentSpan.start, q.contentSpan.end));
          assert.ok(
            found.some((f) => f.path === r.file && f.contentSpan.start === q.contentSpan.start),
            `quote at ${r.file}:${q.contentSpan.start}`,
          );
          quotes++;
        }
      assert.ok(quotes > 0, 'the corpus has quotes');
      assert.ok(
        shared > 0 && related > 0,
        `the corpus has shared passages (${shared}) and related (${related})`,
      );

      const entities = index.entities.entities();
      assert.ok(entities.length > 10, 'the corpus has entities');
      for (const e of entities) {
        const expect = index.entities
          .mentionsOf(e.canonical)
          .map((m) => ({ ...m, uri: undefined, path: rel(m.uri) }));
        const got = (await db.mentionsOf(e.canonical)).map((m) => ({ ...m, uri: undefined }));
        assert.deepEqual(got, expect, `mentions of ${e.canonical}`);
        assert.deepEqual(await db.filesMentioning(e.canonical), index.entities.filesOf(e.canonical).map(rel));
      }
      for (const q of searchQueries(index))
        assert.deepEqual(await db.searchEntities(q, 500), index.entities.search(q, 500), `search "${q}"`);
      // Fuzzy search finds an entity from a misspelling of its name.
      const target = entities.find((e) => e.canonical.length >= 8);
      assert.ok(target);
      const misspelt = target.canonical.slice(0, -2) + target.canonical.slice(-1);
      const fuzzy = await db.similarEntities(misspelt);
      assert.ok(
        fuzzy.some((f) => f.canonical === target.canonical),
        `${misspelt} finds ${target.canonical}`,
      );
    } finally {
      await pool.end();
    }
  });
}

test('re-indexing analyses only what changed', { skip: dbSkip }, async () => {
  const url = await freshDatabase('resume');
  const corpus = tmp('resume');
  for (const f of readdirSync(generated).slice(0, 30))
    copyFileSync(path.join(generated, f), path.join(corpus, f));
  const first = run('index', '--db', url, corpus);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /30 analysed, 0 unchanged/);
  const again = run('index', '--db', url, corpus);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /30 articles already in the database, unchanged/);
  appendFileSync(
    path.join(corpus, readdirSync(corpus)[3]),
    '\nA new closing line was added by the editor today.\n',
  );
  const changed = run('index', '--db', url, corpus);
  assert.equal(changed.status, 0, changed.stderr);
  assert.match(changed.stdout, /1 analysed, 29 unchanged/);
  const fromDb = run('analyze', '--db', url, corpus);
  assert.equal(fromDb.stdout, run('analyze', corpus).stdout);
  // The load drops the secondary indexes and builds them again after its COPY: all are back.
  const pool = openPool(url);
  try {
    const { rows } = await pool.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
    );
    const names = rows.map((r) => r.indexname);
    for (const name of [
      'articles_entity_keys',
      'entities_folded_trgm',
      'entity_aliases_folded_trgm',
      'entity_postings_canonical',
      'passage_fingerprints_hash',
      'quotes_content_key',
      'corrections_file',
    ])
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
  } finally {
    await pool.end();
  }
});

test('an unreachable database is one clear error', () => {
  const r = run('index', '--db', 'postgres://nobody:pw@127.0.0.1:1/none', samples);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot reach the database postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
  assert.doesNotMatch(r.stderr, /\bpw\b/);
});
