// A snapshot of the corpus index: the state each index exports, passed through V8's serialisation as the
// server stores it and restored into a fresh index, must answer exactly as the index it was taken from,
// and keep doing so as files are edited, added and removed. The file stamps tell which files to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as v8 from 'node:v8';
import { analyzeLocal, indexCorpus } from '../../server/src/analysis/analyzeArticle';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import {
  compareStamps,
  textDigest,
  type FileStamps,
} from '../../server/src/analysis/corpus/snapshot/fileStamps';
import {
  compactState,
  expandState,
  type CompactIndexState,
} from '../../server/src/analysis/corpus/snapshot/compactState';
import {
  defaultAnalysisOptions,
  neverCancelled,
  type ArticleSnapshot,
} from '../../server/src/analysis/types';
import { generateLoadCorpus } from '../bench/loadCorpus';
import { filesUnder } from '../support/filesUnder';

/** What a user is told of every file: its findings, shared passages and related articles, and the corpus. */
function answers(index: CorpusIndex, uris: readonly string[]): unknown {
  const options = defaultAnalysisOptions;
  return {
    files: uris.map((uri) => {
      const shared = index.sharedPassages(uri, options);
      const quotes = (index.get(uri)?.local.quotes ?? []).map((q) => index.quotes.sameQuotes(uri, q));
      return { local: index.get(uri)?.local, shared, related: index.related(uri, options, shared), quotes };
    }),
    entities: index.entities.search(''),
    overview: index.entities.entities().map((e) => index.entities.overview(e.canonical, uris[0], 3)),
    hints: [...index.entities.hints().known],
    uris: index.uris(),
  };
}

function update(index: CorpusIndex, snapshot: ArticleSnapshot): void {
  index.update(
    snapshot,
    analyzeLocal(snapshot.text, defaultAnalysisOptions, index.entities.hints(), neverCancelled),
  );
}

test('an index restored from its snapshot answers as the original, before and after edits', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-snapshot-'));
  try {
    generateLoadCorpus(path.join(dir, 'corpus'), { articles: 120, seed: 5 });
    const snapshots = filesUnder(path.join(dir, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .map((f, i) => ({ uri: `file:///corpus/${i}`, version: -1, text: readFileSync(f, 'utf8') }));
    // A text UTF-8 cannot carry as it is (a lone surrogate, as scraped pages sometimes have).
    snapshots.push({ uri: 'file:///corpus/odd', version: -1, text: `${snapshots[0].text}\ud83d end.` });
    const uris = snapshots.map((s) => s.uri);
    const original = new CorpusIndex();
    indexCorpus(snapshots, original, defaultAnalysisOptions, neverCancelled);
    const expected = answers(original, uris) as { files: { shared: unknown[]; related: unknown[] }[] };
    assert.ok(
      expected.files.some((f) => f.shared.length > 0) && expected.files.some((f) => f.related.length > 0),
    );

    // As the server stores it: compacted, serialised, read back and expanded.
    const stored = v8.serialize(compactState(original.exportState()));
    const restored = new CorpusIndex();
    restored.restoreState(expandState(v8.deserialize(stored) as CompactIndexState));
    assert.deepEqual(answers(restored, uris), answers(original, uris));
    assert.equal(restored.get('file:///corpus/odd')?.snapshot.text, snapshots.at(-1)?.text);
    // Headlines come back with the pages, so titling a restored page never analyses its structure.
    assert.ok(uris.every((u) => original.get(u)?.headline !== undefined));
    assert.deepEqual(
      uris.map((u) => restored.get(u)?.headline),
      uris.map((u) => original.get(u)?.headline),
    );
    // Plain, as the index exports it (its packed mention lists are taken as they are, not cloned).
    const plain = new CorpusIndex();
    plain.restoreState(original.exportState());
    assert.deepEqual(answers(plain, uris), answers(original, uris));

    // The same edits, a new file and a removal on both: the restored index keeps answering alike.
    const edited = snapshots[7];
    const changed = { ...edited, text: edited.text.replace(/\bthe\b/, 'a') };
    assert.notEqual(changed.text, edited.text);
    const added = { uri: 'file:///corpus/new', version: -1, text: snapshots[3].text };
    for (const index of [original, restored]) {
      update(index, changed);
      update(index, added);
      index.remove(uris[11]);
    }
    const now = [...uris.filter((u) => u !== uris[11]), added.uri];
    assert.deepEqual(answers(restored, now), answers(original, now));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a restored index can be emptied again with an empty state', () => {
  const index = new CorpusIndex();
  update(index, { uri: 'file:///a', version: -1, text: 'Anna Berg of Kestown said the ferry was late.' });
  assert.equal(index.size, 1);
  index.restoreState(CorpusIndex.emptyState());
  assert.equal(index.size, 0);
  assert.deepEqual(index.entities.search(''), []);
  assert.deepEqual([...index.entities.hints().known], []);
});

test('file stamps: only files whose stat differs or is too recent are checked; added and gone ones are told', () => {
  const takenAt = 1_000_000;
  const stamps: FileStamps = {
    uris: ['a', 'b', 'c', 'd', 'open'],
    sizes: Float64Array.from([10, 20, 30, 40, -1]),
    mtimes: Float64Array.from([500, 600, 700, takenAt - 10, -1]),
    digests: ['a', 'b', 'c', 'd', 'open'].map(textDigest),
    takenAt,
  };
  const listed = new Map([
    ['a', { size: 10, mtimeMs: 500 }],
    ['b', { size: 21, mtimeMs: 600 }],
    ['d', { size: 40, mtimeMs: takenAt - 10 }],
    ['open', { size: 5, mtimeMs: 800 }],
    ['e', { size: 1, mtimeMs: 1 }],
  ]);
  assert.deepEqual(compareStamps(stamps, listed), {
    same: 1,
    check: ['b', 'd', 'open'],
    added: ['e'],
    gone: ['c'],
  });
  assert.notEqual(textDigest('a'), textDigest('b'));
});
