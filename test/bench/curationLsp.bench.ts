// Corrections over real LSP stdio: the load corpus (10k articles by default) with and without a sidecar of
// 1,000 mention corrections (ten on the edited article, the rest on random articles) and 50 corpus rules.
// Two built servers are spawned, one on the corpus and one on a hard-linked copy holding the sidecar (the
// cached load corpus is never changed); once both have indexed, the 8 KB article gets 200 one-word edits,
// sent to the two in turn so that a busy machine slows both alike, each timed from sending `didChange` to
// the `publishDiagnostics` of that version. Then one correction added to the open sidecar's buffer is
// timed to the article's next diagnostics. Prints a table and writes it to docs/benchmarks.md (between
// its own markers).
//
//   npm run bench:curation                     10k articles
//   npm run bench:curation -- --size 1k        another size;  --edits N, --no-write, --cpu-prof DIR (the server
//                                              with the sidecar; the edit loop's window in DIR/edit-window.json, the added
//                                              correction's in DIR/add-window.json), --series FILE (every
//                                              edit's milliseconds of both servers, as JSON)
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as prettier from 'prettier';
import type { Range } from 'vscode-languageserver-protocol';
import { makeAnchor } from '../../server/src/analysis/curation/anchor';
import { serializeSidecar } from '../../server/src/analysis/curation/sidecar';
import type { Correction } from '../../server/src/analysis/curation/types';
import { defaultSettings } from '../../server/src/protocol';
import { capitalised, corpusRule, mentionCorrection } from './benchCorrections';
import { percentile, prng } from './corpusGenerator';
import { BenchClient, fileUri } from './lspClient';
import type { LoadCorpusManifest } from './loadCorpus';

const repoRoot = path.resolve(__dirname, '../..');
const serverPath = path.join(repoRoot, 'server/out/server.js');
const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const size = Number((opt('size') ?? '10k').replace(/k$/i, '000'));
const EDITS = Number(opt('edits') ?? 200);
const write = !argv.includes('--no-write') && opt('cpu-prof') === undefined;
const cpuProf = opt('cpu-prof');
const seriesFile = opt('series');
const MENTIONS = 1000;
const ON_TARGET = 10;
const RULES = 50;
const OP_TIMEOUT_MS = 30_000;

const started = performance.now();
const log = (m: string): void =>
  void process.stderr.write(`[curation bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${m}\n`);
const fmt = (x: number): string => `${x.toFixed(1)} ms`;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.txt')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** The sidecar: ten corrections on the edited article, the rest spread over the corpus, and corpus rules. */
function makeSidecar(dir: string, files: readonly string[], target: string): string {
  const random = prng(2027);
  const corrections: Correction[] = [];
  const words = new Set<string>();
  for (let n = 0; n < MENTIONS; n++) {
    const file = n < ON_TARGET ? target : files[Math.floor(random() * files.length)];
    const text = readFileSync(path.join(dir, file), 'utf8');
    const spans = capitalised(text);
    if (spans.length === 0) continue;
    const span = spans[Math.floor(random() * spans.length)];
    words.add(text.slice(span.start, span.end));
    corrections.push(mentionCorrection(n, file, text, span));
  }
  [...words].slice(0, RULES).forEach((w, n) => corrections.push(corpusRule(n, w, target)));
  return serializeSidecar(corrections);
}

function offsetAt(text: string, p: Range['start']): number {
  let at = 0;
  for (let line = 0; line < p.line; line++) at = text.indexOf('\n', at) + 1;
  return at + p.character;
}

function positionAt(text: string, offset: number): Range['start'] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const REPLACEMENTS = 'ferry budget tunnel harvest inquiry pension market licence reservoir festival'.split(
  ' ',
);

/** One server on one folder, its edited article open. */
interface Served {
  client: BenchClient;
  storageDir: string;
  uri: string;
  text: string;
  readyS: number;
  edits: number[];
}

async function serve(dir: string, target: string, nodeArgs: string[]): Promise<Served> {
  const storageDir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-curation-bench-'));
  const client = await BenchClient.start({ serverPath, folder: dir, storageDir, nodeArgs }, 60_000);
  const ready = await client.until(() => client.readyAt !== undefined, 900_000);
  if (ready !== 'ok') throw new Error(`indexing: ${ready}`);
  const uri = fileUri(path.join(dir, target));
  const text = readFileSync(path.join(dir, target), 'utf8');
  if ((await client.open(uri, text, 'plaintext', 60_000)) !== 'ok')
    throw new Error('didOpen: no diagnostics');
  const readyS = ((client.readyAt ?? 0) - client.spawnedAt) / 1000;
  return { client, storageDir, uri, text, readyS, edits: [] };
}

/** Edit `k` (the same word replaced on every server), timed to its publishDiagnostics. */
async function editOnce(s: Served, k: number): Promise<void> {
  const words = [...s.text.matchAll(/\b[a-z]{3,}\b/g)].filter(
    (w) => w.index > 600 && w.index < s.text.length - 900,
  );
  const w = words[(k * 7919) % words.length];
  const r = REPLACEMENTS[k % REPLACEMENTS.length];
  const replacement = r === w[0] ? 'harbour' : r;
  const range = { start: positionAt(s.text, w.index), end: positionAt(s.text, w.index + w[0].length) };
  s.text = s.text.slice(0, w.index) + replacement + s.text.slice(w.index + w[0].length);
  const ms = await s.client.edit(s.uri, k + 2, range, replacement, OP_TIMEOUT_MS);
  if (ms === undefined) throw new Error(`edit ${k + 1}: no diagnostics`);
  s.edits.push(ms);
}

const entityCount = (s: Served): number =>
  (s.client.diagnostics(s.uri)?.diagnostics ?? []).filter((d) => String(d.code).startsWith('entity.')).length;

/** One correction added through the open sidecar's buffer (as the client's WorkspaceEdit makes it), on the
 * last entity the article shows: milliseconds to the article's new diagnostics. */
async function addCorrection(
  s: Served,
  dir: string,
  target: string,
  sidecarText: string,
): Promise<number | undefined> {
  const sidecarUri = fileUri(path.join(dir, defaultSettings.curation.annotationsPath));
  await s.client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: sidecarUri, languageId: 'json', version: 1, text: sidecarText },
  });
  const last = (s.client.diagnostics(s.uri)?.diagnostics ?? [])
    .filter((d) => String(d.code).startsWith('entity.'))
    .at(-1);
  if (!last) return undefined;
  const span = { start: offsetAt(s.text, last.range.start), end: offsetAt(s.text, last.range.end) };
  const added = serializeSidecar([
    ...(JSON.parse(sidecarText) as { corrections: Correction[] }).corrections,
    { id: 'added', kind: 'notEntity', scope: 'mention', file: target, anchor: makeAnchor(s.text, span) },
  ]);
  const before = s.client.diagnostics(s.uri);
  const sent = performance.now();
  await s.client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: sidecarUri, version: 2 },
    contentChanges: [{ text: added }],
  });
  // The bench client wakes `until` on status and progress only: diagnostics are polled.
  while (s.client.diagnostics(s.uri) === before) {
    if (performance.now() - sent > OP_TIMEOUT_MS || s.client.exited) return undefined;
    await new Promise((r) => setTimeout(r, 1));
  }
  return performance.now() - sent;
}

async function stop(s: Served | undefined): Promise<void> {
  if (!s) return;
  await s.client.stop(cpuProf ? 120_000 : 5000);
  rmSync(s.storageDir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build first`);
  const { manifest } = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'loadCorpus.ts'), String(size)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    }),
  ) as { manifest: LoadCorpusManifest };
  const target = path.relative(manifest.dir, manifest.target.file).split(path.sep).join('/');
  const copy = mkdtempSync(path.join(os.tmpdir(), 'article-lens-curation-corpus-'));
  try {
    // Hard links: the copy costs no disk and leaves the cached corpus as it is.
    execFileSync('cp', ['-al', manifest.dir, path.join(copy, 'corpus')]);
    const dir = path.join(copy, 'corpus');
    const files = listFiles(dir);
    const sidecarText = makeSidecar(dir, files, target);
    const sidecarFile = path.join(dir, defaultSettings.curation.annotationsPath);
    log(`${files.length} articles; sidecar ${(sidecarText.length / 1024).toFixed(0)} KB`);

    // Both servers run side by side and take the edits in turn, so a busy machine slows both alike.
    let plain: Served | undefined;
    let withSidecar: Served | undefined;
    try {
      log('indexing without corrections');
      plain = await serve(manifest.dir, target, []);
      mkdirSync(path.dirname(sidecarFile), { recursive: true });
      writeFileSync(sidecarFile, sidecarText);
      log('indexing with corrections');
      const profDir = cpuProf ? path.resolve(cpuProf) : undefined;
      if (profDir) mkdirSync(profDir, { recursive: true });
      withSidecar = await serve(dir, target, profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []);
      log(`${EDITS} edits on each`);
      const window = {
        startUs: Number(process.hrtime.bigint() / 1000n),
        endUs: 0,
        pid: withSidecar.client.pid,
      };
      for (let k = 0; k < EDITS; k++) {
        const pair = k % 2 === 0 ? [plain, withSidecar] : [withSidecar, plain];
        for (const s of pair) await editOnce(s, k);
      }
      window.endUs = Number(process.hrtime.bigint() / 1000n);
      if (profDir) writeFileSync(path.join(profDir, 'edit-window.json'), JSON.stringify(window));
      const entities = { plain: entityCount(plain), corrected: entityCount(withSidecar) };
      const addStartUs = Number(process.hrtime.bigint() / 1000n);
      const addMs = await addCorrection(withSidecar, dir, target, sidecarText);
      if (profDir)
        writeFileSync(
          path.join(profDir, 'add-window.json'),
          JSON.stringify({ ...window, startUs: addStartUs, endUs: Number(process.hrtime.bigint() / 1000n) }),
        );
      await report(files.length, plain, withSidecar, entities, addMs);
    } finally {
      await stop(plain);
      await stop(withSidecar);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function report(
  articles: number,
  plain: Served,
  withSidecar: Served,
  entities: { plain: number; corrected: number },
  addMs: number | undefined,
): Promise<void> {
  const row = (label: string, f: Served): string =>
    `| ${label} | ${f.readyS.toFixed(1)} s | ${fmt(percentile(f.edits, 0.5))} | ${fmt(percentile(f.edits, 0.95))} | ${fmt(Math.max(...f.edits))} |`;
  const p95 = (f: Served): number => percentile(f.edits, 0.95);
  const section = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${articles.toLocaleString('en-US')} articles of the load corpus (${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(
        ' ',
      )}); ${EDITS} one-word edits of the 8 KB article sent to two servers in turn (one on the corpus, one on a copy with the sidecar), each timed from didChange to its publishDiagnostics.`,
    [
      '| Sidecar | Spawn → ready | Edit p50 | Edit p95 | Edit max |',
      '| --- | ---: | ---: | ---: | ---: |',
      row('none', plain),
      row(`${MENTIONS.toLocaleString('en-US')} mention corrections + ${RULES} corpus rules`, withSidecar),
    ].join('\n'),
    `With the sidecar the edit p95 is ${(p95(withSidecar) / p95(plain)).toFixed(2)}× the p95 without it` +
      ` (entity diagnostics on the edited article: ${entities.plain} without, ${entities.corrected} with)` +
      (addMs !== undefined
        ? `; one correction added to the open sidecar → the article's new diagnostics: ${fmt(addMs)}.`
        : '.'),
  ].join('\n\n');
  console.log(`\n${section}\n`);
  if (seriesFile)
    writeFileSync(seriesFile, JSON.stringify({ plain: plain.edits, withSidecar: withSidecar.edits }) + '\n');
  if (write) await writeDoc(section);
}

const START =
  '<!-- bench:curation:start (written by npm run bench:curation; edits inside are overwritten) -->';
const END = '<!-- bench:curation:end -->';

async function writeDoc(section: string): Promise<void> {
  const file = path.join(repoRoot, 'docs/benchmarks.md');
  const old = readFileSync(file, 'utf8');
  const a = old.indexOf(START);
  const b = old.indexOf(END);
  const body = `${START}\n\n${section}\n\n`;
  const doc =
    a >= 0 && b > a
      ? `${old.slice(0, a)}${body}${old.slice(b)}`
      : `${old.trimEnd()}\n\n## Corrections\n\n${body}${END}\n`;
  const config = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(doc, { ...config, filepath: file }));
  log('wrote docs/benchmarks.md');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
