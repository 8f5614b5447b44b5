import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  writeFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BRIEFS_CORPUS, BRIEFS_FILE, SLUICE_FILE } from '../support/briefsCorpus';
import { cliPath, ensureBuilt, repoRoot, runCli } from '../support/built';

interface CliFile {
  file: string;
  entities: { start: number; end: number; type: string }[];
  quotes: { start: number; end: number; speaker: string | null }[];
  duplicates: { start: number; end: number; firstStart: number; firstEnd: number }[];
  shared: { start: number; end: number; other: string; otherStart: number; otherEnd: number }[];
  related: { file: string; score: number }[];
}

const run = runCli;
const samples = path.join(repoRoot, 'samples/corpus');
const STORY = 'Harbour Bridge Reopens\n\nMayor Clara Voss said on Monday: "The bridge is open again."\n';

/** A fresh folder holding `files` (name → content). */
function folder(files: Record<string, string | Buffer>): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'article-lens-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, name)), { recursive: true });
    writeFileSync(path.join(d, name), content);
  }
  return d;
}

const analyzeJson = (...args: string[]) => {
  const r = run('analyze', ...args);
  return {
    ...r,
    out: r.stdout ? (JSON.parse(r.stdout) as { files: (CliFile & { truncated?: true })[] }) : undefined,
  };
};

let dir: string;
before(() => {
  ensureBuilt();
  dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-cli-'));
  mkdirSync(path.join(dir, 'wire'));
  writeFileSync(path.join(dir, 'wire', 'harbour.txt'), STORY);
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
  assert.match(r.stderr, /skipped .*no-such-folder: no such file or directory/);
  assert.equal(r.stdout, '');
});

test('a path through a file exits with code 2', () => {
  const r = run('analyze', '--format', 'text', path.join(dir, 'wire', 'harbour.txt', 'x'));
  assert.equal(r.status, 2);
});

test('--help prints the usage on stdout and exits with code 0', () => {
  for (const args of [['--help'], ['analyze', '--help']]) {
    const r = run(...args);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /usage: article-lens analyze .*--max-file-size-kb N.*--cache DIR/);
    assert.match(r.stdout, /Exit code: 0 all inputs analysed, 1 some inputs skipped, 2 usage error/);
  }
  assert.equal(run().status, 2);
});

test('bad usage exits with code 2 and prints the usage', () => {
  const r = run('analyze', '--format', 'xml', dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--format must be json or text/);
  assert.match(r.stderr, /usage: article-lens analyze/);
});

test('--entity-tagger takes off, candidates or primary', () => {
  const bad = run('analyze', '--entity-tagger', 'always', dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--entity-tagger must be one of off, candidates, primary/);
  const off = run('analyze', dir);
  const on = run('analyze', '--entity-tagger=candidates', dir);
  assert.equal(on.status, off.status);
  const count = (out: string) =>
    (JSON.parse(out) as { files: { entities: unknown[] }[] }).files.reduce(
      (n, f) => n + f.entities.length,
      0,
    );
  assert.ok(count(on.stdout) >= count(off.stdout), 'candidates only add to the rules');
});

test('--related-by takes story or page; whole pages never relate a page of briefs more than its stories do', () => {
  const bad = run('analyze', '--related-by', 'site', dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--related-by must be story or page/);
  const d = folder(BRIEFS_CORPUS);
  const relatedOf = (args: string[]) => {
    const r = analyzeJson(...args, d);
    assert.equal(r.status, 0, r.stderr);
    return r.out?.files.find((f) => f.file === BRIEFS_FILE)?.related.map((x) => x.file) ?? [];
  };
  const byStory = relatedOf([]);
  assert.ok(byStory.includes(SLUICE_FILE), JSON.stringify(byStory));
  assert.deepEqual(relatedOf(['--related-by', 'story']), byStory);
  const whole = relatedOf(['--related-by=page']);
  assert.ok(!whole.includes(SLUICE_FILE), JSON.stringify(whole));
});

test('binary files are skipped with a warning; the others are analysed and the exit code is 1', () => {
  const random = Buffer.alloc(20000);
  for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + (i >> 3) * 104729) & 0xff;
  const d = folder({ 'story.txt': STORY, 'noise.txt': random });
  copyFileSync(path.join(repoRoot, 'images/icon.png'), path.join(d, 'icon.txt'));
  const r = analyzeJson(d);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(
    r.out?.files.map((f) => f.file),
    ['story.txt'],
  );
  assert.match(r.stderr, /skipped .*icon\.txt: binary content/);
  assert.match(r.stderr, /skipped .*noise\.txt: binary content/);
});

test('UTF-16 files, with or without a byte-order mark, give the offsets of the UTF-8 file', () => {
  const le = Buffer.from(STORY, 'utf16le');
  const be = Buffer.from(le).swap16();
  const d = folder({
    'a-utf8.txt': STORY,
    'b-utf8-bom.txt': `\ufeff${STORY}`,
    'c-le-bom.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
    'd-be-bom.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
    'e-le.txt': le,
    'f-be.txt': be,
  });
  const r = analyzeJson('--format', 'json', d);
  assert.equal(r.status, 0, r.stderr);
  const files = r.out?.files ?? [];
  assert.equal(files.length, 6);
  const spans = (f: CliFile) => f.entities.map((e) => [e.start, e.end, e.type]);
  assert.ok(
    files[0].entities.some((e) => e.type === 'PERSON' && STORY.slice(e.start, e.end) === 'Clara Voss'),
  );
  for (const f of files.slice(1)) assert.deepEqual(spans(f), spans(files[0]), f.file);
});

test('dangling symlinks and symlink loops are reported and the run goes on', () => {
  const d = folder({ 'story.txt': STORY, 'sub/inner.txt': 'Clara Voss visited Lisbon.\n' });
  symlinkSync(path.join(d, 'gone.txt'), path.join(d, 'dangling.txt'));
  symlinkSync('self.txt', path.join(d, 'self.txt'));
  symlinkSync(d, path.join(d, 'sub', 'back-to-top'));
  symlinkSync(path.join(d, 'sub', 'inner.txt'), path.join(d, 'linked.txt'));
  const r = analyzeJson(d);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(
    r.out?.files.map((f) => f.file),
    ['linked.txt', 'story.txt', 'sub/inner.txt'],
  );
  assert.match(r.stderr, /skipped .*dangling\.txt: dangling symlink/);
  assert.match(r.stderr, /skipped .*self\.txt: symlink loop/);
  assert.match(r.stderr, /skipped .*back-to-top: symlink loop/);
});

/** A file this process cannot read: mode 000, or for root (who reads anything) a kernel file that fails. */
function unreadableFile(d: string): boolean {
  const file = path.join(d, 'locked.txt');
  if (process.getuid?.() !== 0) {
    writeFileSync(file, STORY);
    chmodSync(file, 0o000);
    return true;
  }
  try {
    readFileSync('/proc/self/mem');
    return false;
  } catch {
    symlinkSync('/proc/self/mem', file);
    return true;
  }
}

test('an unreadable file is reported and the run goes on', (t) => {
  const d = folder({ 'story.txt': STORY });
  if (!unreadableFile(d)) return t.skip('no way to make a file unreadable here');
  const r = analyzeJson(d);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(
    r.out?.files.map((f) => f.file),
    ['story.txt'],
  );
  assert.match(r.stderr, /skipped .*locked\.txt: /);
});

test('when nothing can be read the exit code is 2 and nothing is printed', () => {
  const d = folder({ 'noise.txt': Buffer.from([0, 1, 2, 3, 0, 0, 0, 7]) });
  const r = run('analyze', d, path.join(d, 'missing.txt'));
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /binary content/);
  assert.match(r.stderr, /missing\.txt: no such file or directory/);
});

test('a reader that stops early (| head) ends the run quietly', () => {
  // Output well past a pipe buffer, so the writes after the reader leaves do fail.
  const d = folder({});
  for (const copy of ['a', 'b', 'c']) {
    mkdirSync(path.join(d, copy));
    for (const f of readdirSync(samples).filter((n) => n.endsWith('.txt')))
      copyFileSync(path.join(samples, f), path.join(d, copy, f));
  }
  const cmd = `"${process.execPath}" "${cliPath}" analyze --format text "${d}" | head -c 100 >/dev/null`;
  const r = spawnSync('bash', ['-o', 'pipefail', '-c', cmd], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
});

test('text output names the other file of a shared passage and related articles by relative path', () => {
  const r = run('analyze', '--format', 'text', samples);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /file:/);
  const shared = r.stdout.split('\n').filter((l) => l.includes('duplicate.shared'));
  assert.ok(shared.length > 0);
  for (const line of shared) assert.match(line, /% like [\w-]+\.txt:\d+:\d+$/);
  for (const line of r.stdout.split('\n').filter((l) => l.includes('  related  ')))
    assert.match(line, /^[\w-]+\.txt {2}related {2}[\w-]+\.txt {2}\d\.\d\d$/);
});

test('a file name with quotes, spaces and brackets keeps one identity (shared passages point to it)', () => {
  const wire = readFileSync(path.join(samples, 'harborwire-kestown-floods.txt'), 'utf8');
  const d = folder({ "AP's story (copy).txt": wire, 'reprint.txt': wire });
  const r = analyzeJson(d);
  assert.equal(r.status, 0, r.stderr);
  const reprint = r.out?.files.find((f) => f.file === 'reprint.txt');
  assert.ok(reprint && reprint.shared.length > 0);
  for (const s of reprint.shared) assert.equal(s.other, "AP's story (copy).txt");
});

test('a file over --max-file-size-kb is analysed up to the limit, with a note', () => {
  const line = 'Mayor Clara Voss opened the Harbour Bridge in Lisbon on Monday morning.\n';
  const big = line.repeat(Math.ceil(3000 / line.length));
  const d = folder({ 'big.txt': big, 'small.txt': STORY });
  const r = analyzeJson('--max-file-size-kb', '1', d);
  assert.equal(r.status, 0, r.stderr);
  const [bigOut, smallOut] = r.out?.files ?? [];
  assert.equal(bigOut.truncated, true);
  assert.equal(smallOut.truncated, undefined);
  assert.ok(bigOut.entities.length > 0);
  assert.ok(bigOut.entities.every((e) => e.end <= 1024));
  assert.match(r.stderr, /big\.txt: 3 KB, over the 1 KB limit: only the first 1 KB analysed/);
  const whole = analyzeJson(d);
  assert.ok((whole.out?.files[0].entities.length ?? 0) > bigOut.entities.length);
  assert.equal(run('analyze', '--max-file-size-kb', 'lots', d).status, 2);
});
