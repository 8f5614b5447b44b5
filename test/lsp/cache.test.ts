// The analysis cache over the real server: a second start on an unchanged corpus reuses every file's
// analysis and answers exactly as the first; a damaged cache is discarded with one log line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HoverRequest, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol';
import { RelatedArticlesRequest } from '../../server/src/protocol';
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

test('a warm start reuses every analysis and gives the findings of a cold start; a damaged cache is rebuilt', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-cache-corpus-'));
  const storage = mkdtempSync(path.join(os.tmpdir(), 'article-lens-cache-storage-'));
  try {
    cpSync(samples, dir, { recursive: true });
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
    assert.ok(
      cold.logs.some((l) => l.includes(`analysis cache: 0 of ${articles} articles reused`)),
      cold.logs.join('\n'),
    );
    const warm = await findings(dir, storage);
    assert.ok(
      warm.logs.some((l) => l.includes(`analysis cache: ${articles} of ${articles} articles reused`)),
      warm.logs.join('\n'),
    );
    assert.deepEqual(warm.seen, cold.seen);

    const [cacheFile] = readdirSync(storage);
    assert.ok(cacheFile, 'the cache was written to the storage folder');
    writeFileSync(path.join(storage, cacheFile), 'not a cache');
    const damaged = await findings(dir, storage);
    assert.equal(damaged.logs.filter((l) => l.includes('discarded')).length, 1, damaged.logs.join('\n'));
    assert.deepEqual(damaged.seen, cold.seen);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  }
});
