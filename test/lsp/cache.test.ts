// The analysis cache and the index snapshot over the real server: a second start on an unchanged corpus
// takes over the index and answers exactly as the first; after a change, exactly as a cold start on the
// changed corpus; a damaged snapshot or cache is discarded with one log line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HoverRequest, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol';
import { RelatedArticlesRequest } from '../../server/src/protocol';
import { CACHE_FILE_NAME } from '../../server/src/workspace/fileAnalysisStore';
import { SNAPSHOT_FILE_NAME } from '../../server/src/workspace/indexSnapshotStore';
import { repoRoot } from '../support/built';
import { fileUri, Session } from './session';

const samples = path.join(repoRoot, 'samples/corpus');

/**
 * What a user sees of the corpus: diagnostics of two open articles and hovers on them, the related list of
 * every article (open or answered from the index), entity search.
 */
async function findings(dir: string, storage: string): Promise<{ seen: unknown; logs: string[] }> {
  const session = await Session.start(dir, { initializationOptions: { storageUri: fileUri(storage) } });
  try {
    await session.ready();
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const opened = [files[0], files[files.length - 1]].map((f) => path.join(dir, f));
    const diagnostics = [];
    const hovers = [];
    for (const file of opened) {
      const uri = fileUri(file);
      const found = await session.open(uri, readFileSync(file, 'utf8'), 1, 'plaintext');
      diagnostics.push(found);
      for (const d of found.slice(0, 5))
        hovers.push(
          await session.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri },
            position: d.range.start,
          }),
        );
    }
    const related = [];
    for (const file of files)
      related.push(
        await session.connection.sendRequest(RelatedArticlesRequest.method, {
          textDocument: { uri: fileUri(path.join(dir, file)) },
        }),
      );
    const symbols = await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'a' });
    return { seen: { diagnostics, hovers, related, symbols }, logs: [...session.logs] };
  } finally {
    await session.stop();
  }
}

/** The first log line that contains `text`, or a failure listing the logs. */
function logLine(logs: readonly string[], text: string): string {
  const line = logs.find((l) => l.includes(text));
  assert.ok(line, `no log line with "${text}":\n${logs.join('\n')}`);
  return line;
}

/** The corpus copied from the samples, its files dated an hour back (older than any snapshot taken now). */
function corpusCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-cache-corpus-'));
  cpSync(samples, dir, { recursive: true });
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const f of readdirSync(dir)) utimesSync(path.join(dir, f), hourAgo, hourAgo);
  return dir;
}

test('a warm start takes over the index snapshot and gives the findings of a cold start, also after a file changed', async () => {
  const dir = corpusCopy();
  const storage = mkdtempSync(path.join(os.tmpdir(), 'article-lens-cache-storage-'));
  const fresh = mkdtempSync(path.join(os.tmpdir(), 'article-lens-cache-fresh-'));
  try {
    const articles = readdirSync(dir).filter((f) => f.endsWith('.txt')).length;
    const cold = await findings(dir, storage);
    const seen = cold.seen as { hovers: unknown[]; related: { items: unknown[] }[] };
    assert.ok(
      seen.hovers.some((h) => h !== null),
      'hovers answered',
    );
    assert.ok(
      seen.related.some((r) => r.items.length > 0),
      'related articles found',
    );
    logLine(cold.logs, `analysis cache: 0 of ${articles} articles reused`);
    assert.ok(readdirSync(storage).includes(SNAPSHOT_FILE_NAME), 'the snapshot was written');

    const warm = await findings(dir, storage);
    logLine(warm.logs, `index snapshot: ${articles} of ${articles} articles restored, 0 indexed again`);
    assert.ok(!warm.logs.some((l) => l.includes('analysis cache:')), 'no file analysed on a warm start');
    assert.deepEqual(warm.seen, cold.seen);

    // One word changed in one article: only that file is indexed again, and the findings are a cold start's.
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const edited = path.join(dir, files[Math.floor(files.length / 2)]);
    const text = readFileSync(edited, 'utf8');
    const word = / the /.exec(text);
    assert.ok(word, 'the article has a word to change');
    writeFileSync(edited, `${text.slice(0, word.index)} a ${text.slice(word.index + word[0].length)}`);
    const changedCold = await findings(dir, fresh);
    const changedWarm = await findings(dir, storage);
    logLine(
      changedWarm.logs,
      `index snapshot: ${articles - 1} of ${articles} articles restored, 1 indexed again`,
    );
    assert.notDeepEqual(changedCold.seen, cold.seen, 'the change shows in the findings');
    assert.deepEqual(changedWarm.seen, changedCold.seen);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
    rmSync(fresh, { recursive: true, force: true });
  }
});

test('a damaged snapshot or analysis cache is discarded with one log line and rebuilt', async () => {
  const dir = corpusCopy();
  const storage = mkdtempSync(path.join(os.tmpdir(), 'article-lens-cache-storage-'));
  try {
    const articles = readdirSync(dir).filter((f) => f.endsWith('.txt')).length;
    const cold = await findings(dir, storage);
    const snapshot = path.join(storage, SNAPSHOT_FILE_NAME);
    // Damaged in its body: the header still fits, the checksum does not.
    const bytes = readFileSync(snapshot);
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(snapshot, bytes);
    const damaged = await findings(dir, storage);
    const discarded = damaged.logs.filter((l) => l.includes('discarded'));
    assert.equal(discarded.length, 1, damaged.logs.join('\n'));
    assert.match(discarded[0], /index snapshot .* discarded: corrupt/);
    logLine(damaged.logs, `analysis cache: ${articles} of ${articles} articles reused`);
    assert.deepEqual(damaged.seen, cold.seen);
    const rebuilt = await findings(dir, storage);
    logLine(rebuilt.logs, `index snapshot: ${articles} of ${articles} articles restored`);
    assert.deepEqual(rebuilt.seen, cold.seen);

    // Without a snapshot, the analysis cache is read; damaged, it is discarded the same way.
    rmSync(snapshot);
    writeFileSync(path.join(storage, CACHE_FILE_NAME), 'not a cache');
    const noCache = await findings(dir, storage);
    const lines = noCache.logs.filter((l) => l.includes('discarded'));
    assert.equal(lines.length, 1, noCache.logs.join('\n'));
    assert.match(lines[0], /analysis cache .* discarded/);
    assert.deepEqual(noCache.seen, cold.seen);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  }
});
