import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliPath, ensureBuilt } from '../support/built';

interface CliFile {
  file: string;
  entities: { start: number; end: number; type: string }[];
  quotes: { start: number; end: number; speaker: string | null }[];
  duplicates: { start: number; end: number; firstStart: number; firstEnd: number }[];
  shared: { start: number; end: number; other: string; otherStart: number; otherEnd: number }[];
  related: { file: string; score: number }[];
}

const run = (...args: string[]) => spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });

let dir: string;
before(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-cli-'));
  mkdirSync(path.join(dir, 'wire'));
  writeFileSync(
    path.join(dir, 'wire', 'harbour.txt'),
    'Harbour Bridge Reopens\n\nMayor Clara Voss said on Monday: "The bridge is open again."\n',
  );
  writeFileSync(path.join(dir, 'notes.article'), 'Clara Voss visited Lisbon.\n');
  writeFileSync(path.join(dir, 'ignored.md'), 'not an article');
});

test('analyze --format json prints one object in the documented shape, paths relative to the directory', () => {
  const r = run('analyze', '--format', 'json', dir);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { files: CliFile[] };
  assert.deepEqual(
    out.files.map((f) => f.file),
    ['notes.article', 'wire/harbour.txt'],
  );
  for (const f of out.files) {
    for (const key of ['entities', 'quotes', 'duplicates', 'shared', 'related'] as const) {
      assert.ok(Array.isArray(f[key]), `${f.file} has ${key}[]`);
    }
    for (const e of f.entities) assert.ok(e.start < e.end && typeof e.type === 'string');
  }
});

test('analyze --format text prints file:line:col rows', () => {
  const r = run('analyze', '--format', 'text', dir);
  assert.equal(r.status, 0, r.stderr);
  for (const line of r.stdout.split('\n').filter(Boolean)) {
    assert.match(line, /^(notes\.article|wire\/harbour\.txt)(:\d+:\d+)? {2}\S/);
  }
});

test('a missing path exits with code 2 and names the path', () => {
  const missing = path.join(dir, 'no-such-folder');
  const r = run('analyze', missing);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no such file or directory: .*no-such-folder/);
  assert.equal(r.stdout, '');
});

test('a path through a file exits with code 2', () => {
  const r = run('analyze', '--format', 'text', path.join(dir, 'wire', 'harbour.txt', 'x'));
  assert.equal(r.status, 2);
});

test('bad usage exits with code 2 and prints the usage', () => {
  const r = run('analyze', '--format', 'xml', dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--format must be json or text/);
  assert.match(r.stderr, /usage: article-lens analyze/);
});
