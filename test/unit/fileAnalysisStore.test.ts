// The cache file: written atomically, read back whole, and discarded (with one log line) when it is not
// exactly what this analyser wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CorpusIndexer } from '../../server/src/analysis/analyzeArticle';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { cacheKey } from '../../server/src/analysis/corpus/cacheKey';
import { defaultAnalysisOptions as options, neverCancelled } from '../../server/src/analysis/types';
import { CACHE_FILE_NAME, FileAnalysisStore } from '../../server/src/workspace/fileAnalysisStore';

const texts = [
  'Mayor Clara Voss said on Monday: "The bridge is open again."\n',
  'Voss visited Lisbon with the Northern Transit Authority.\n',
];
const snapshots = texts.map((text, i) => ({ uri: `file:///t/${i}.txt`, version: 0, text }));
const entries = (() => {
  const indexer = new CorpusIndexer(new CorpusIndex(), neverCancelled);
  for (const s of snapshots) indexer.first(s, options);
  for (const _ of indexer.second());
  return [...indexer.entries()];
})();
const keyOf = (i: number, version = 'v1') => cacheKey(snapshots[i].uri, texts[i], options, version);

async function storeWith(dir: string, version = 'v1'): Promise<{ store: FileAnalysisStore; logs: string[] }> {
  const logs: string[] = [];
  const store = new FileAnalysisStore(dir, { version, log: (m) => logs.push(m) });
  await store.load();
  return { store, logs };
}

async function written(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-store-'));
  const { store } = await storeWith(dir);
  entries.forEach((e, i) => store.put(keyOf(i), e.entry));
  await store.flush();
  return dir;
}

test('entries written are read back by uri and digest; no temporary file is left', async () => {
  const dir = await written();
  assert.deepEqual(readdirSync(dir), [CACHE_FILE_NAME]);
  const { store, logs } = await storeWith(dir);
  assert.deepEqual(logs, []);
  assert.equal(store.size, 2);
  entries.forEach((e, i) => assert.deepEqual(store.get(keyOf(i)), JSON.parse(JSON.stringify(e.entry))));
  assert.equal(store.get({ uri: snapshots[0].uri, hash: keyOf(1).hash }), undefined);
  assert.equal(store.get({ uri: 'file:///elsewhere', hash: keyOf(0).hash }), undefined);
});

test('a flush with nothing new leaves the file alone; prune drops entries not used', async () => {
  const dir = await written();
  const file = path.join(dir, CACHE_FILE_NAME);
  const before = statSync(file).mtimeMs;
  const { store } = await storeWith(dir);
  store.get(keyOf(0));
  await store.flush();
  assert.equal(statSync(file).mtimeMs, before);
  const pruning = new FileAnalysisStore(dir, { version: 'v1', prune: true });
  await pruning.load();
  pruning.get(keyOf(0));
  await pruning.flush();
  const { store: after } = await storeWith(dir);
  assert.equal(after.size, 1);
});

test('a missing file starts empty without a word', async () => {
  const { store, logs } = await storeWith(mkdtempSync(path.join(os.tmpdir(), 'article-lens-store-')));
  assert.equal(store.size, 0);
  assert.deepEqual(logs, []);
});

test('a damaged, foreign or malformed file is discarded with one log line and rebuilt', async () => {
  const header = (dir: string) => {
    const bytes = readFileSync(path.join(dir, CACHE_FILE_NAME));
    const eol = bytes.indexOf(0x0a);
    return { head: bytes.subarray(0, eol + 1).toString('latin1'), body: bytes.subarray(eol + 1) };
  };
  const cases: [string, (dir: string) => void, RegExp][] = [
    [
      'a flipped byte',
      (dir) => {
        const file = path.join(dir, CACHE_FILE_NAME);
        const bytes = readFileSync(file);
        bytes[bytes.length - 20] ^= 0xff;
        writeFileSync(file, bytes);
      },
      /corrupt/,
    ],
    [
      'cut short',
      (dir) => {
        const file = path.join(dir, CACHE_FILE_NAME);
        writeFileSync(file, readFileSync(file).subarray(0, 60));
      },
      /corrupt/,
    ],
    ['not ours', (dir) => writeFileSync(path.join(dir, CACHE_FILE_NAME), 'hello\n'), /not an analysis cache/],
    [
      'another analyser',
      (dir) => {
        const { head, body } = header(dir);
        writeFileSync(
          path.join(dir, CACHE_FILE_NAME),
          Buffer.concat([Buffer.from(head.replace(' v1', ' v0')), body]),
        );
      },
      /written by analyser v0, this is v1/,
    ],
    [
      'another format',
      (dir) => {
        const { head, body } = header(dir);
        writeFileSync(
          path.join(dir, CACHE_FILE_NAME),
          Buffer.concat([Buffer.from(head.replace(' 1 ', ' 9 ')), body]),
        );
      },
      /format 9/,
    ],
    [
      'a well-packed entry of the wrong shape',
      (dir) => {
        const { head, body } = header(dir);
        const lines = gunzipSync(body).toString().split('\n');
        const [uri, hash] = JSON.parse(lines[0]) as [string, string];
        lines[0] = JSON.stringify([uri, hash, [[[], [], [], []], 0, [[1, 2]], 0]]);
        writeFileSync(
          path.join(dir, CACHE_FILE_NAME),
          Buffer.concat([Buffer.from(head), gzipSync(lines.join('\n'))]),
        );
      },
      /entry 1 is malformed/,
    ],
  ];
  for (const [what, damage, message] of cases) {
    const dir = await written();
    damage(dir);
    const { store, logs } = await storeWith(dir);
    assert.equal(store.size, 0, what);
    assert.equal(logs.length, 1, what);
    assert.match(logs[0], message, what);
    // Rebuilt at the next flush, even with nothing put.
    await store.flush();
    const again = await storeWith(dir);
    assert.deepEqual(again.logs, [], what);
  }
});

test('a failed write is logged, not thrown', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-store-'));
  const blocker = path.join(dir, 'file');
  writeFileSync(blocker, '');
  const { store, logs } = await storeWith(path.join(blocker, 'cache'));
  store.put(keyOf(0), entries[0].entry);
  await store.flush();
  assert.equal(logs.length, 1);
  assert.match(logs[0], /not written/);
});
