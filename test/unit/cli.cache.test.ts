// `analyze --cache DIR` against runs without a cache: cold and warm runs print the same bytes; a damaged
// or foreign cache file is discarded (said once on stderr) and the output does not change; a changed file
// is analysed again.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCorpusGenerator } from '../bench/corpusGenerator';
import { ensureBuilt, repoRoot, runCli } from '../support/built';

const run = runCli;
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `article-lens-${name}-`));
const CACHE_FILE = 'analysis-cache.bin';

let samples: string;
let generated: string;

function copyTxt(from: string, to: string, prefix = ''): void {
  for (const f of readdirSync(from).filter((n) => n.endsWith('.txt')))
    copyFileSync(path.join(from, f), path.join(to, prefix + f));
}

before(() => {
  ensureBuilt();
  samples = tmp('samples');
  copyTxt(path.join(repoRoot, 'samples/corpus'), samples);
  // A generated corpus with a cast of names, plus the held-out articles, in two folders.
  generated = tmp('generated');
  const gen = createCorpusGenerator({ seed: 11, wireStories: 10, sites: 4, names: true });
  mkdirSync(path.join(generated, 'gen'));
  for (let i = 0; i < 40; i++)
    writeFileSync(
      path.join(generated, 'gen', `${String(i).padStart(2, '0')}.txt`),
      gen.article(1000 + (i % 7) * 250),
    );
  mkdirSync(path.join(generated, 'heldout'));
  for (const set of readdirSync(path.join(repoRoot, 'test/heldout')))
    copyTxt(path.join(repoRoot, 'test/heldout', set, 'articles'), path.join(generated, 'heldout'), `${set}-`);
});

/** Output without a cache, the cache's cold run and its warm run. */
function threeRuns(dir: string, ...args: string[]) {
  const cache = tmp('cache');
  const plain = run('analyze', ...args, dir);
  const cold = run('analyze', '--cache', cache, ...args, dir);
  const warm = run('analyze', '--cache', cache, ...args, dir);
  return { cache, plain, cold, warm };
}

for (const [name, dir] of [
  ['samples/corpus', () => samples],
  ['a generated corpus', () => generated],
] as const) {
  test(`cold and warm runs print what a run without cache prints: ${name}`, () => {
    for (const format of ['json', 'text']) {
      const { cache, plain, cold, warm } = threeRuns(dir(), '--format', format);
      assert.equal(plain.status, 0, plain.stderr);
      for (const r of [cold, warm]) {
        assert.equal(r.status, 0, r.stderr);
        assert.equal(r.stderr, '');
        assert.equal(r.stdout, plain.stdout);
      }
      assert.ok(existsSync(path.join(cache, CACHE_FILE)));
    }
  });
}

/** Rewrites the cache file of `cache` with `change` and checks the next run discards it once. */
function afterDamage(change: (bytes: Buffer) => Buffer, message: RegExp): void {
  const { cache, plain } = threeRuns(samples);
  const file = path.join(cache, CACHE_FILE);
  writeFileSync(file, change(readFileSync(file)));
  const r = run('analyze', '--cache', cache, samples);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, plain.stdout);
  const lines = r.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], message);
  const next = run('analyze', '--cache', cache, samples);
  assert.equal(next.stderr, '', 'rebuilt: the next run reads it without complaint');
  assert.equal(next.stdout, plain.stdout);
}

test('a corrupt cache file is discarded, said once, and the output is unchanged', () => {
  afterDamage((bytes) => {
    const damaged = Buffer.from(bytes);
    for (let i = 200; i < 260; i++) damaged[i] ^= 0x5a;
    return damaged;
  }, /analysis cache .* discarded: corrupt/);
  afterDamage((bytes) => bytes.subarray(0, bytes.length >> 1), /discarded: corrupt/);
  afterDamage(() => Buffer.from('{"not": "a cache"}\n'), /discarded: not an analysis cache file/);
});

test('a cache file of another analyser version is ignored', () => {
  afterDamage((bytes) => {
    const eol = bytes.indexOf(0x0a);
    const [magic, format] = bytes.subarray(0, eol).toString('latin1').split(' ');
    return Buffer.concat([Buffer.from(`${magic} ${format} 0+older`), bytes.subarray(eol)]);
  }, /discarded: written by analyser 0\+older/);
});

test('a changed file is analysed again', () => {
  const dir = tmp('changing');
  copyTxt(samples, dir);
  const cache = tmp('cache');
  const before = run('analyze', '--cache', cache, dir);
  assert.equal(before.status, 0, before.stderr);
  const file = path.join(dir, 'harborwire-kestown-floods.txt');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(/\n\n/, '\n\nMinister Ada Quillfeather visited Kestown.\n\n'),
  );
  const warm = run('analyze', '--cache', cache, dir);
  const plain = run('analyze', dir);
  const changed = (stdout: string) =>
    JSON.stringify(
      (JSON.parse(stdout) as { files: { file: string }[] }).files.find(
        (f) => f.file === 'harborwire-kestown-floods.txt',
      ),
    );
  assert.ok(warm.stdout === plain.stdout, 'the warm run prints what a fresh run prints');
  assert.notEqual(changed(warm.stdout), changed(before.stdout));
});

test('a cache folder that cannot be written is reported; the output is still printed', () => {
  const blocker = path.join(tmp('blocked'), 'file');
  writeFileSync(blocker, '');
  const r = run('analyze', '--cache', path.join(blocker, 'cache'), samples);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /analysis cache .* not written/);
  assert.equal(r.stdout, run('analyze', samples).stdout);
});
