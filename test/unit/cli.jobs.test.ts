// `analyze --jobs N`: the first indexing pass in N worker threads prints byte for byte what one thread
// prints, on the samples and on a generated corpus with reprints and site templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateLoadCorpus } from '../bench/loadCorpus';
import { cliPath, ensureBuilt, repoRoot } from '../support/built';

const analyze = (...args: string[]) =>
  spawnSync(process.execPath, [cliPath, 'analyze', ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });

function sameWithJobs(dir: string): void {
  ensureBuilt();
  const one = analyze('--jobs', '1', dir);
  const two = analyze('--jobs', '2', dir);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.status, 0, two.stderr);
  assert.equal(two.stderr, '', 'no worker failed');
  const files = (JSON.parse(one.stdout) as { files: unknown[] }).files;
  assert.ok(files.length > 0);
  assert.ok(one.stdout === two.stdout, 'the JSON of --jobs 2 differs from that of --jobs 1');
}

test('--jobs 2 prints what --jobs 1 prints on the samples', () => {
  sameWithJobs(path.join(repoRoot, 'samples/corpus'));
});

test('--jobs 2 prints what --jobs 1 prints on a generated corpus', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-jobs-'));
  try {
    generateLoadCorpus(path.join(dir, 'corpus'), { articles: 60, seed: 3 });
    sameWithJobs(path.join(dir, 'corpus'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--jobs takes a whole number from 0 to 64', () => {
  ensureBuilt();
  for (const bad of ['two', '-1', '65', '1.5']) {
    const r = analyze('--jobs', bad, path.join(repoRoot, 'samples/corpus'));
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, /--jobs must be a whole number from 0 to 64/);
  }
});
