// Indexing's first pass in worker threads: whatever the workers compute (with hints a few files old), the
// index and the cache entries are those of the in-thread pass; a worker that throws, dies or cannot start
// is logged once and its files are analysed in the main thread, none lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CorpusIndexer } from '../../server/src/analysis/analyzeArticle';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { EntityIndex } from '../../server/src/analysis/entities/entityIndex';
import {
  defaultAnalysisOptions,
  neverCancelled,
  type ArticleSnapshot,
  type EntityMention,
} from '../../server/src/analysis/types';
import { firstPass, type FirstPassFigures } from '../../server/src/workspace/indexWorkers/firstPass';
import { HintMirror, HintSender } from '../../server/src/workspace/indexWorkers/hintDeltas';
import { IndexWorkerPool } from '../../server/src/workspace/indexWorkers/workerPool';
import { generateLoadCorpus } from '../bench/loadCorpus';
import { filesUnder } from '../support/filesUnder';
import { ensureBuilt, indexWorkerPath } from '../support/built';

const faulty = path.join(__dirname, '../support/indexWorkers');
const options = defaultAnalysisOptions;
let dir: string;
let snapshots: ArticleSnapshot[];

before(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-workers-'));
  generateLoadCorpus(path.join(dir, 'corpus'), { articles: 80, seed: 5 });
  snapshots = filesUnder(path.join(dir, 'corpus'))
    .filter((f) => f.endsWith('.txt'))
    .map((f, i) => ({ uri: `file:///corpus/${i}`, version: -1, text: readFileSync(f, 'utf8') }));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Both passes over the corpus, the first with `pool`; what the index records and what the cache gets. */
async function indexWith(pool?: IndexWorkerPool): Promise<{ seen: unknown; figures: FirstPassFigures }> {
  const index = new CorpusIndex();
  const indexer = new CorpusIndexer(index, neverCancelled);
  const source = { count: snapshots.length, read: (i: number) => ({ snapshot: snapshots[i], options }) };
  try {
    const figures = await firstPass(indexer, () => index.entities.hints(), source, pool, neverCancelled);
    for (const _ of indexer.second());
    const seen = {
      // Shared passages and related lists follow from these (the CLI test compares them through --jobs).
      local: snapshots.map(({ uri }) => index.get(uri)?.local),
      // Lists show these titles; the workers find them with the story spans.
      headlines: snapshots.map(({ uri }) => index.get(uri)?.headline),
      hints: [...index.entities.hints().known],
      entries: [...indexer.entries()].map(({ snapshot, entry, reused }) => ({
        uri: snapshot.uri,
        entry,
        reused,
      })),
    };
    return { seen, figures };
  } finally {
    await pool?.close();
  }
}

let inThread: Promise<unknown> | undefined;
const expected = (): Promise<unknown> => (inThread ??= indexWith().then((r) => r.seen));

test('two workers give the index and the cache entries of the in-thread pass', async () => {
  const logs: string[] = [];
  const { seen, figures } = await indexWith(new IndexWorkerPool(2, (m) => logs.push(m), indexWorkerPath));
  assert.deepEqual(seen, await expected());
  assert.equal(figures.computed, snapshots.length, 'every file went to a worker');
  assert.ok(figures.kept > snapshots.length / 2, `${figures.kept} of ${figures.computed} kept`);
  assert.deepEqual(logs, []);
});

for (const [name, file] of [
  ['throws', 'throwingWorker.cjs'],
  ['exits', 'exitingWorker.cjs'],
  ['cannot start', 'missingWorker.cjs'],
] as const) {
  test(`a worker that ${name} is logged once and its files are analysed in the main thread`, async () => {
    const logs: string[] = [];
    const { seen, figures } = await indexWith(
      new IndexWorkerPool(1, (m) => logs.push(m), path.join(faulty, file)),
    );
    assert.deepEqual(seen, await expected());
    assert.equal(logs.length, 1, logs.join('\n'));
    assert.match(logs[0] ?? '', /indexing worker 1 /);
    assert.ok(figures.computed < snapshots.length);
  });
}

function mention(canonical: string, type: EntityMention['type']): EntityMention {
  return { span: { start: 0, end: canonical.length }, type, text: canonical, canonical, source: 'pattern' };
}

test('a worker mirrors the hints from deltas: appended names, and a new log when a type is overturned', () => {
  const entities = new EntityIndex();
  const sender = new HintSender();
  const mirror = new HintMirror();
  const sync = (): void => {
    const delta = sender.delta(entities.hints());
    if (delta) mirror.apply(delta);
    assert.deepEqual([...mirror.hints().known], [...entities.hints().known]);
  };
  entities.add('a', [mention('Clara Voss', 'PERSON'), mention('Harbour Board', 'ORG')]);
  sync();
  const before = mirror.hints();
  sync();
  assert.equal(mirror.hints(), before, 'the hints object stays until a delta changes it');
  entities.add('b', [mention('Kestown Council', 'ORG')]);
  const appended = sender.delta(entities.hints());
  assert.deepEqual(appended, { reset: false, names: ['Kestown Council'], types: ['ORG'] });
  if (appended) mirror.apply(appended);
  assert.equal(sender.delta(entities.hints()), undefined, 'nothing new, nothing sent');
  assert.deepEqual([...mirror.hints().known], [...entities.hints().known]);
  // Two files call it a place: the type changes, the hint log starts over.
  entities.add('c', [mention('Clara Voss', 'GPE')]);
  entities.add('d', [mention('Clara Voss', 'GPE')]);
  const delta = sender.delta(entities.hints());
  assert.equal(delta?.reset, true);
  if (delta) mirror.apply(delta);
  assert.deepEqual([...mirror.hints().known], [...entities.hints().known]);
  assert.equal(mirror.hints().known.get('Clara Voss'), 'GPE');
});
