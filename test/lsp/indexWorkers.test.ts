// `articleLens.index.jobs` over the real server: a workspace indexed with two worker threads gives the
// diagnostics and related lists of one indexed in a single thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RelatedArticlesRequest } from '../../server/src/protocol';
import { generateLoadCorpus } from '../bench/loadCorpus';
import { repoRoot } from '../support/built';
import { filesUnder } from '../support/filesUnder';
import { fileUri, Session } from './session';

const files = (dir: string): string[] => filesUnder(dir).filter((f) => f.endsWith('.txt'));

/** Diagnostics of every seventh article (opened) and the related list of every article. */
async function findings(dir: string, jobs: number): Promise<{ seen: unknown; logs: string[] }> {
  const session = await Session.start(dir, { configuration: { index: { jobs } } });
  session.deadlineMs = 120_000;
  try {
    await session.ready();
    const all = files(dir);
    const diagnostics = [];
    for (const file of all.filter((_, i) => i % 7 === 0))
      diagnostics.push(await session.open(fileUri(file), readFileSync(file, 'utf8'), 1, 'plaintext'));
    const related = [];
    for (const file of all)
      related.push(
        await session.connection.sendRequest(RelatedArticlesRequest.method, {
          textDocument: { uri: fileUri(file) },
        }),
      );
    return { seen: { diagnostics, related }, logs: [...session.logs] };
  } finally {
    await session.stop();
  }
}

test('a workspace indexed by two workers gives the diagnostics and related lists of one thread', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-jobs-lsp-'));
  try {
    cpSync(path.join(repoRoot, 'samples/corpus'), path.join(dir, 'samples'), { recursive: true });
    generateLoadCorpus(path.join(dir, 'generated'), { articles: 50, seed: 9 });
    const one = await findings(dir, 1);
    const two = await findings(dir, 2);
    const workers = /first pass in worker threads: (\d+) of (\d+) results kept/;
    assert.ok(!one.logs.some((l) => workers.test(l)), 'jobs 1 starts no worker');
    const line = two.logs.find((l) => workers.test(l));
    assert.ok(line, two.logs.join('\n'));
    assert.equal(Number(workers.exec(line)?.[2]), files(dir).length, 'every article went to a worker');
    assert.ok(!two.logs.some((l) => l.includes('indexing worker')), 'no worker failed');
    assert.deepEqual(two.seen, one.seen);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
