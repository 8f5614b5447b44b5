// The corpus indexer's first pass records only what the entity hints are made of (`admit`), and word
// norms are settled once every file is in: the index it leaves must answer exactly as one where both
// passes recorded every file in full (the indexer as it was), on a corpus with reprints and templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { indexCorpus } from '../../server/src/analysis/analyzeArticle';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import {
  defaultAnalysisOptions,
  neverCancelled,
  type ArticleSnapshot,
  type LocalAnalysis,
} from '../../server/src/analysis/types';
import { generateLoadCorpus } from '../bench/loadCorpus';
import { filesUnder } from '../support/filesUnder';

/** Both passes record every file in full; nothing is settled afterwards. */
class FullRecordIndex extends CorpusIndex {
  override admit(snapshot: ArticleSnapshot, local: LocalAnalysis): void {
    this.update(snapshot, local);
  }

  override indexed(): void {}
}

/** What a user is told of every file: its findings, shared passages and related articles, and the corpus. */
function answers(index: CorpusIndex, uris: readonly string[]): unknown {
  const options = defaultAnalysisOptions;
  return {
    files: uris.map((uri) => {
      const shared = index.sharedPassages(uri, options);
      return { local: index.get(uri)?.local, shared, related: index.related(uri, options, shared) };
    }),
    entities: index.entities.search(''),
    hints: [...index.entities.hints().known],
  };
}

test('an index whose first pass records only the hints answers as one recording every file twice', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-indexer-'));
  try {
    generateLoadCorpus(path.join(dir, 'corpus'), { articles: 160, seed: 11 });
    const snapshots = filesUnder(path.join(dir, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .map((f, i) => ({ uri: `file:///corpus/${i}`, version: -1, text: readFileSync(f, 'utf8') }));
    assert.ok(snapshots.length >= 150, `${snapshots.length} files`);
    const uris = snapshots.map((s) => s.uri);
    const lean = new CorpusIndex();
    indexCorpus(snapshots, lean, defaultAnalysisOptions, neverCancelled);
    const full = new FullRecordIndex();
    indexCorpus(snapshots, full, defaultAnalysisOptions, neverCancelled);
    const expected = answers(full, uris) as { files: { shared: unknown[]; related: unknown[] }[] };
    assert.ok(
      expected.files.some((f) => f.shared.length > 0) && expected.files.some((f) => f.related.length > 0),
    );
    assert.deepEqual(answers(lean, uris), expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
