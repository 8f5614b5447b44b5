// The analysis cache against the analysis itself: an index built with cached entries equals the index the
// analysis builds from scratch (unchanged corpus, a changed file, files reordered or removed), entries
// survive their encoding, malformed ones are rejected, and keys change exactly with what changes findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CorpusIndexer, type IndexedEntry } from '../../server/src/analysis/analyzeArticle';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import type { CachedAnalysis } from '../../server/src/analysis/corpus/cachedAnalysis';
import { cacheKey, corpusFingerprint } from '../../server/src/analysis/corpus/cacheKey';
import { decodeEntry, encodeEntry, fitsText } from '../../server/src/analysis/corpus/entryCodec';
import { AnalysisCache, MemoryAnalysisStore } from '../../server/src/analysis/corpus/analysisStore';
import {
  defaultAnalysisOptions as options,
  neverCancelled,
  type ArticleSnapshot,
} from '../../server/src/analysis/types';
import { createCorpusGenerator } from '../bench/corpusGenerator';
import { repoRoot } from '../support/built';

const samplesDir = path.join(repoRoot, 'samples/corpus');
const samples: ArticleSnapshot[] = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({
    uri: `file:///samples/${f}`,
    version: 0,
    text: readFileSync(path.join(samplesDir, f), 'utf8'),
  }));

const generator = createCorpusGenerator({ seed: 7, wireStories: 12, sites: 4, names: true });
const generated: ArticleSnapshot[] = Array.from({ length: 30 }, (_, i) => ({
  uri: `file:///generated/${String(i).padStart(2, '0')}.txt`,
  version: 0,
  text: generator.article(1200 + (i % 5) * 300),
}));
const corpus = [...samples, ...generated];

/** Indexes `snapshots`, taking entries from `cache` when given; returns the index's view and the entries. */
function indexWith(snapshots: readonly ArticleSnapshot[], cache?: AnalysisCache) {
  const index = new CorpusIndex();
  const indexer = new CorpusIndexer(index, neverCancelled);
  for (const s of snapshots) indexer.first(s, options, cache?.lookup(s, options));
  for (const _ of indexer.second());
  const entries = [...indexer.entries()];
  if (cache) for (const e of entries) if (!e.reused) cache.save(e.snapshot, options, e.entry);
  const view = snapshots.map((s) => ({
    uri: s.uri,
    local: index.get(s.uri)?.local,
    shared: index.sharedPassages(s.uri, options),
    related: index.related(s.uri, options),
  }));
  return { view: JSON.stringify(view), entries };
}

const reusedCount = (entries: readonly IndexedEntry[]) => entries.filter((e) => e.reused).length;

test('an unchanged corpus indexed from the cache is the index the analysis builds, every entry reused', () => {
  const cache = new AnalysisCache(new MemoryAnalysisStore('test'));
  const cold = indexWith(corpus, cache);
  assert.equal(cold.entries.length, corpus.length);
  assert.equal(reusedCount(cold.entries), 0);
  // Some files need the second pass, so both kinds of entry are covered.
  assert.ok(
    cold.entries.some((e) => e.entry.second),
    'a file whose entities the final hints change',
  );
  const warm = indexWith(corpus, cache);
  assert.equal(warm.view, cold.view);
  assert.equal(reusedCount(warm.entries), corpus.length);
});

test('after a change, a reorder or a removal the cached index still equals a fresh one', () => {
  const variants: [string, ArticleSnapshot[]][] = [];
  const edited = corpus.map((s, i) =>
    i === samples.length ? { ...s, text: s.text.replace(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/, 'Someone Else') } : s,
  );
  variants.push(['first generated file edited', edited]);
  variants.push([
    'first sample edited',
    corpus.map((s, i) => (i === 0 ? { ...s, text: `${s.text}\nMore.` } : s)),
  ]);
  variants.push(['reversed', [...corpus].reverse()]);
  variants.push(['every third file removed', corpus.filter((_, i) => i % 3 !== 1)]);
  for (const [what, files] of variants) {
    const cache = new AnalysisCache(new MemoryAnalysisStore('test'));
    indexWith(corpus, cache);
    const warm = indexWith(files, cache);
    assert.equal(warm.view, indexWith(files).view, what);
    assert.ok(reusedCount(warm.entries) > 0, `${what}: some entries still serve`);
  }
});

test('entries survive their encoding, and only fit their own text', () => {
  const { entries } = indexWith(corpus);
  for (const { snapshot, entry } of entries) {
    const withCorpus: CachedAnalysis = {
      ...entry,
      corpus: {
        fingerprint: 'fp',
        shared: [
          {
            span: { start: 0, end: 4 },
            otherUri: 'file:///x',
            otherSpan: { start: 1, end: 5 },
            similarity: 0.93,
            boilerplate: false,
            fileCount: 2,
          },
        ],
        related: [
          {
            uri: 'file:///x',
            score: 0.123456789,
            reasons: [
              { kind: 'entities', names: ['A B'], weight: 0.5 },
              { kind: 'passages', count: 2, weight: 0.25 },
              { kind: 'text', similarity: 0.3, weight: 0.1 },
            ],
          },
        ],
      },
    };
    const decoded = decodeEntry(JSON.parse(JSON.stringify(encodeEntry(withCorpus))));
    assert.deepEqual(decoded, JSON.parse(JSON.stringify(withCorpus)), snapshot.uri);
    assert.ok(decoded && fitsText(decoded, snapshot.text));
  }
  const withEntities = entries.find((e) => e.entry.first.entities.length > 0);
  assert.ok(withEntities);
  assert.equal(fitsText(withEntities.entry, `x${withEntities.snapshot.text}`), false);
});

test('malformed entries are rejected, not half-read', () => {
  const { entries } = indexWith(samples.slice(0, 2));
  const good = encodeEntry(entries[0].entry) as unknown[];
  const pass = good[0] as unknown[][];
  const entity = pass[0][0] as unknown[];
  const withEntity = (e: unknown[]) => [[[e, ...pass[0].slice(1)], ...pass.slice(1)], ...good.slice(1)];
  const bad: [string, unknown][] = [
    ['not an array', { first: 1 }],
    ['too short', good.slice(0, 3)],
    ['unknown entity type', withEntity([entity[0], entity[1], 'ALIEN', ...entity.slice(3)])],
    ['negative offset', withEntity([-1, ...entity.slice(1)])],
    ['start after end', withEntity([9, 3, ...entity.slice(2)])],
    ['fractional offset', withEntity([0.5, ...entity.slice(1)])],
    ['unknown source', withEntity([...entity.slice(0, 5), 'oracle'])],
    ['journal step of an unknown call', [[...pass.slice(0, 3), [['ask', 'x', '1']]], ...good.slice(1)]],
    ['corpus findings of the wrong shape', [...good.slice(0, 3), ['fp', 'shared', []]]],
  ];
  assert.ok(decodeEntry(good));
  for (const [what, value] of bad) assert.equal(decodeEntry(value), undefined, what);
});

test('keys change with the text, the analyser version and repeat settings only; fingerprints with all', () => {
  const key = (text: string, o = options, version = 'v1') => cacheKey('file:///a', text, o, version).hash;
  assert.equal(key('text'), key('text'));
  assert.notEqual(key('text'), key('text.'));
  assert.notEqual(key('text'), key('text', options, 'v2'));
  assert.notEqual(key('text'), key('text', { ...options, minRepeatWords: 9 }));
  assert.equal(key('text'), key('text', { ...options, minSharedWords: 20, relatedLimit: 3 }));
  // The entity tagger changes the entities: each mode has its own entries, and 'off' is the default's.
  assert.notEqual(key('text'), key('text', { ...options, entityTagger: 'candidates' }));
  assert.notEqual(
    key('text', { ...options, entityTagger: 'primary' }),
    key('text', { ...options, entityTagger: 'candidates' }),
  );
  assert.equal(key('text'), key('text', { ...options, entityTagger: 'off' }));
  const keys = ['a', 'b'].map((t) => cacheKey(`file:///${t}`, t, options, 'v1'));
  const fp = corpusFingerprint(keys, options);
  assert.equal(fp, corpusFingerprint(keys, { ...options }));
  assert.notEqual(fp, corpusFingerprint([...keys].reverse(), options));
  assert.notEqual(fp, corpusFingerprint(keys.slice(1), options));
  assert.notEqual(fp, corpusFingerprint(keys, { ...options, relatedThreshold: 0.3 }));
});
