// The language server at corpus scale, over real LSP stdio: for each corpus size (1k, 10k, 100k articles of
// the load corpus, see loadCorpus.ts) it spawns the built server on the generated folder and measures cold
// indexing (work-done progress begin → end, and spawn → `ready` status), a warm second start on the same
// unchanged corpus and storage folder, edit → publishDiagnostics of an 8 KB reprinted article, hover,
// related-list and workspace-symbol latency, and the server's RSS. Every figure is also given as a ratio to
// a reference measured in the same run (bare wink readDoc of the same text, reading the corpus files), so
// runs on a busy machine stay comparable. Prints one table and writes it to docs/benchmarks.md.
//
//   npm run bench                        1k, 10k and 100k within a 14-minute budget
//   npm run bench -- --sizes 1k,10k      chosen sizes
//   npm run bench -- --quick             fewer samples, 1k unless --sizes; does not write the doc
//   options: --budget SECONDS, --seed N, --no-write, --out FILE, --jobs N (the servers' index.jobs),
//            --cpu-prof DIR (profile the server; the windows of the edit loop and of the hover, related and
//            symbol requests go to DIR/edit-window.json, hover-window.json, related-window.json, …),
//            --heap-snapshot DIR (one snapshot after indexing); both skip the warm start and the doc;
//            --warm-cpu-prof DIR (profile the warm start alone, spawn → exit; does not write the doc).
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import * as prettier from 'prettier';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { winkReadDoc } from '../../server/src/analysis/text/nlp';
import {
  defaultSettings,
  RelatedArticlesRequest,
  type RelatedArticlesResult,
} from '../../server/src/protocol';
import { BenchClient, fileUri, TimeoutError } from './lspClient';
import { emptyLoadCorpusTrash, type LoadCorpusManifest } from './loadCorpus';

const repoRoot = path.resolve(__dirname, '../..');
const serverPath = path.join(repoRoot, 'server/out/server.js');

// ---------------------------------------------------------------------------------------------------
// Options

function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const [key, inline] = a.slice(2).split('=', 2);
    if (inline !== undefined) out[key] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[key] = argv[++i];
    else out[key] = true;
  }
  return out;
}
const args = parseArgs(process.argv.slice(2));
const known = [
  'sizes',
  'quick',
  'budget',
  'seed',
  'no-write',
  'out',
  'cpu-prof',
  'heap-snapshot',
  'warm-cpu-prof',
  'jobs',
  'help',
];
for (const k of Object.keys(args)) if (!known.includes(k)) throw new Error(`unknown option --${k}`);
if (args.help) {
  console.log(
    readFileSync(__filename, 'utf8')
      .split('\n')
      .slice(8, 16)
      .join('\n')
      .replace(/^\/\/ ?/gm, ''),
  );
  process.exit(0);
}
const quick = args.quick === true;
const parseSize = (s: string): number => {
  const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad size ${s} (use 1k, 10k, 2500…)`);
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
};
const sizes = (typeof args.sizes === 'string' ? args.sizes : quick ? '1k' : '1k,10k,100k')
  .split(',')
  .map(parseSize)
  .sort((a, b) => a - b);
const budgetS = typeof args.budget === 'string' ? Number(args.budget) : quick ? 300 : 840;
const seed = typeof args.seed === 'string' ? Number(args.seed) : 2026;
const cpuProfDir = typeof args['cpu-prof'] === 'string' ? path.resolve(args['cpu-prof']) : undefined;
const heapDir = typeof args['heap-snapshot'] === 'string' ? path.resolve(args['heap-snapshot']) : undefined;
const profiling = cpuProfDir !== undefined || heapDir !== undefined;
const warmProfDir =
  typeof args['warm-cpu-prof'] === 'string' ? path.resolve(args['warm-cpu-prof']) : undefined;
/** `articleLens.index.jobs` of the servers started (`--jobs N`); the default setting when not given. */
const jobs = typeof args.jobs === 'string' ? Number(args.jobs) : undefined;
if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0))
  throw new Error(`bad --jobs ${String(args.jobs)}`);
const settings = jobs === undefined ? undefined : { ...defaultSettings, index: { jobs } };
const write = !quick && !profiling && warmProfDir === undefined && args['no-write'] !== true;
const outFile = path.resolve(repoRoot, typeof args.out === 'string' ? args.out : 'docs/benchmarks.md');

const EDITS = quick ? 40 : 200;
const HOVERS = quick ? 20 : 50;
const RELATED = quick ? 20 : 50;
const SYMBOLS = quick ? 20 : 50;
/** One request or one edit may take this long before its stage stops as timed out. */
const OP_TIMEOUT_MS = 30_000;
/** Time kept back for each larger size still to run. */
const RESERVE_PER_LATER_SIZE_MS = 150_000;
const STAGE_CAP_MS = { edit: 300_000, query: 60_000 };

const benchStart = performance.now();
const deadline = benchStart + budgetS * 1000;

// ---------------------------------------------------------------------------------------------------
// Helpers

const log = (msg: string): void =>
  void process.stderr.write(`[bench ${((performance.now() - benchStart) / 1000).toFixed(0)}s] ${msg}\n`);
const MB = 1024 * 1024;
function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}
const median = (xs: readonly number[]): number => percentile(xs, 0.5);
function sig(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 10 ** digits) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(digits)).toString();
}
const fmtMs = (x: number): string =>
  !Number.isFinite(x) ? '–' : x >= 100 ? `${Math.round(x).toLocaleString('en-US')} ms` : `${x.toFixed(1)} ms`;
const fmtS = (ms: number): string => `${(ms / 1000).toFixed(ms >= 100_000 ? 0 : 1)} s`;
const fmtMB = (bytes: number): string => `${sig(bytes / MB, 3)} MB`;
const label = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Median milliseconds of bare wink readDoc of `text` (after a warm-up). */
function readDocMs(text: string, runs: number): number[] {
  for (let i = 0; i < 5; i++) winkReadDoc(text);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    winkReadDoc(text);
    out.push(performance.now() - t);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// One size

interface StartFigures {
  outcome: 'ok' | 'timeout' | 'exited' | 'skipped' | 'error';
  note?: string;
  /** progress begin → end */
  indexMs?: number;
  /** spawn → ready */
  readyMs?: number;
  /** When timed out: fraction of the work done (status indexed / total) and elapsed time. */
  fraction?: number;
  elapsedMs?: number;
}

interface SizeResult {
  size: number;
  manifest: LoadCorpusManifest;
  cached: boolean;
  refs: {
    readMBs: number;
    readDocMBs: number;
    readDocSampleBytes: number;
    readDoc8kMs: number;
    readDocEditedMs: number;
  };
  cold: StartFigures;
  warm: StartFigures;
  memory?: { rss: number; hwm: number; when: string };
  edit?: { latencies: number[]; note?: string };
  hover?: { latencies: number[]; answered: number; note?: string };
  related?: { latencies: number[]; items: number; note?: string };
  symbols?: { latencies: number[]; results: number; note?: string };
}

function sizeDeadline(size: number): number {
  const later = sizes.filter((s) => s > size).length;
  return deadline - later * RESERVE_PER_LATER_SIZE_MS;
}

async function startAndIndex(
  manifest: LoadCorpusManifest,
  storageDir: string,
  timeoutMs: number,
  nodeArgs: string[],
  cwd: string | undefined,
  what: string,
): Promise<{ client?: BenchClient; figures: StartFigures }> {
  let client: BenchClient;
  try {
    client = await BenchClient.start(
      { serverPath, folder: manifest.dir, storageDir, nodeArgs, cwd, settings },
      Math.min(60_000, timeoutMs),
    );
  } catch (e) {
    return {
      figures: { outcome: 'error', note: `initialize failed: ${e instanceof Error ? e.message : String(e)}` },
    };
  }
  const ticker = setInterval(() => {
    const s = client.lastStatus;
    if (s) log(`${what}: ${s.state} ${s.indexed}/${s.total}`);
  }, 15_000);
  const outcome = await client.until(
    () => client.readyAt !== undefined,
    timeoutMs - (performance.now() - client.spawnedAt),
  );
  clearInterval(ticker);
  // How much of the workers' first pass was kept (their hint questions replayed at their turn).
  for (const line of client.logs.filter((l) => l.includes('first pass in worker threads')))
    log(`${what}: ${line}`);
  const figures: StartFigures = { outcome };
  if (outcome === 'ok') {
    figures.readyMs = (client.readyAt ?? NaN) - client.spawnedAt;
    if (client.progressBeginAt !== undefined && client.progressEndAt !== undefined)
      figures.indexMs = client.progressEndAt - client.progressBeginAt;
    return { client, figures };
  }
  const s = client.lastStatus;
  figures.fraction = s && s.total > 0 ? s.indexed / s.total : 0;
  figures.elapsedMs = performance.now() - (client.progressBeginAt ?? client.spawnedAt);
  figures.note =
    outcome === 'exited'
      ? `server exited (code ${client.exitCode}) at ${Math.round((figures.fraction ?? 0) * 100)}%: ${client.stderrTail.slice(-300)}`
      : `timed out after ${Math.round(timeoutMs / 1000)} s`;
  return { client, figures };
}

async function runSize(size: number): Promise<SizeResult> {
  const myDeadline = sizeDeadline(size);
  const left = (): number => myDeadline - performance.now();
  log(`${label(size)}: corpus`);
  // Generated in a child process, so its garbage does not slow this process's reference measurements.
  const { manifest, cached } = JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'loadCorpus.ts'), String(size), String(seed), '--keep-trash'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * MB,
      },
    ),
  ) as { manifest: LoadCorpusManifest; cached: boolean };
  log(
    `${label(size)}: ${manifest.files} files, ${fmtMB(manifest.bytes)} (${cached ? 'cached' : `generated in ${fmtS(manifest.generateMs)}`})`,
  );

  // References: reading the files, bare readDoc over a sample and of the 8 KB article.
  const files = listFiles(manifest.dir);
  let readBytes = 0;
  const readStart = performance.now();
  for (const f of files) {
    // What the server does per file: stat, read, decode.
    if (!statSync(f).isFile()) continue;
    const bytes = readFileSync(f);
    if (bytes.toString('utf8').length > 0) readBytes += bytes.length;
  }
  const readMBs = readBytes / MB / ((performance.now() - readStart) / 1000);
  const sampleGoal = quick ? 0.5 * MB : 2 * MB;
  const step = Math.max(
    1,
    Math.floor(files.length / Math.max(1, Math.round(sampleGoal / (manifest.bytes / files.length)))),
  );
  const sample: string[] = [];
  let sampleBytes = 0;
  for (let i = 0; i < files.length && sampleBytes < sampleGoal; i += step) {
    const text = readFileSync(files[i], 'utf8');
    sample.push(text);
    sampleBytes += Buffer.byteLength(text);
  }
  for (const t of sample.slice(0, 20)) winkReadDoc(t);
  const rdStart = performance.now();
  for (const t of sample) winkReadDoc(t);
  const readDocMBs = sampleBytes / MB / ((performance.now() - rdStart) / 1000);
  const targetText = readFileSync(manifest.target.file, 'utf8');
  const readDoc8k = readDocMs(targetText, 30);
  log(
    `${label(size)}: references: read ${sig(readMBs, 3)} MB/s, readDoc ${sig(readDocMBs, 3)} MB/s, readDoc(8 KB) ${fmtMs(median(readDoc8k))}`,
  );

  const result: SizeResult = {
    size,
    manifest,
    cached,
    refs: {
      readMBs,
      readDocMBs,
      readDocSampleBytes: sampleBytes,
      readDoc8kMs: median(readDoc8k),
      readDocEditedMs: NaN,
    },
    cold: { outcome: 'skipped' },
    warm: { outcome: 'skipped' },
  };

  const storageDir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-bench-storage-'));
  try {
    // Cold start.
    const nodeArgs: string[] = [];
    if (cpuProfDir) {
      mkdirSync(cpuProfDir, { recursive: true });
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
    }
    if (heapDir) {
      mkdirSync(heapDir, { recursive: true });
      nodeArgs.push('--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${heapDir}`);
    }
    const coldTimeout = left() - 45_000;
    log(`${label(size)}: cold start (timeout ${fmtS(coldTimeout)})`);
    const cold = await startAndIndex(
      manifest,
      storageDir,
      coldTimeout,
      nodeArgs,
      heapDir,
      `${label(size)} cold`,
    );
    result.cold = cold.figures;
    const client = cold.client;
    if (!client) return result;
    if (cold.figures.outcome !== 'ok') {
      const m = client.memory();
      if (m)
        result.memory = {
          ...m,
          when: `at the timeout, ${Math.round((cold.figures.fraction ?? 0) * 100)}% indexed`,
        };
      await client.kill();
      result.warm = { outcome: 'skipped', note: 'cold indexing did not finish' };
      return result;
    }
    const m = client.memory();
    if (m) result.memory = { ...m, when: 'after indexing' };
    log(`${label(size)}: cold ready in ${fmtS(cold.figures.readyMs ?? NaN)}, RSS ${fmtMB(m?.rss ?? NaN)}`);

    if (heapDir) {
      const before = new Set(readdirSync(heapDir));
      process.kill(client.pid, 'SIGUSR2');
      // The server writes the snapshot on its main thread: once it answers again, the file is complete.
      // On a loaded machine writing a 10k snapshot takes more than ten minutes.
      await client.request('workspace/symbol', { query: 'xq' }, 3_600_000).catch(() => undefined);
      const snap = readdirSync(heapDir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot'));
      log(`${label(size)}: heap snapshot ${snap ? path.join(heapDir, snap) : 'not written'}`);
    }

    // Edit → publishDiagnostics on the 8 KB article.
    const uri = fileUri(manifest.target.file);
    const openOutcome = await client.open(uri, targetText, 'plaintext', 60_000);
    if (openOutcome !== 'ok') {
      result.edit = { latencies: [], note: `didOpen: no diagnostics (${openOutcome})` };
      await client.kill();
      return result;
    }
    const editDeadline = performance.now() + Math.min(STAGE_CAP_MS.edit, (left() - 30_000) * 0.5);
    const latencies: number[] = [];
    const edited: string[] = [];
    let text = targetText;
    let note: string | undefined;
    const editWindow = { startUs: 0, endUs: 0, pid: client.pid };
    editWindow.startUs = nowUs();
    for (let k = 0; k < EDITS; k++) {
      if (performance.now() > editDeadline) {
        note = `stopped after ${k} edits: stage time limit`;
        break;
      }
      const words = [...text.matchAll(/\b[a-z]{3,}\b/g)].filter(
        (w) => (w.index ?? 0) > 600 && (w.index ?? 0) < text.length - 900,
      );
      const w = words[(k * 7919) % words.length];
      const at = w.index ?? 0;
      const replacement =
        REPLACEMENTS[k % REPLACEMENTS.length] === w[0] ? 'harbour' : REPLACEMENTS[k % REPLACEMENTS.length];
      const range: Range = { start: positionAt(text, at), end: positionAt(text, at + w[0].length) };
      text = text.slice(0, at) + replacement + text.slice(at + w[0].length);
      const ms = await client.edit(uri, k + 2, range, replacement, OP_TIMEOUT_MS);
      if (ms === undefined) {
        note = `edit ${k + 1}: no diagnostics within ${OP_TIMEOUT_MS / 1000} s${client.exited ? ' (server exited)' : ''}`;
        break;
      }
      latencies.push(ms);
      edited.push(text);
    }
    editWindow.endUs = nowUs();
    if (cpuProfDir) writeFileSync(path.join(cpuProfDir, 'edit-window.json'), JSON.stringify(editWindow));
    /** Runs one kind of request, recording its window for the profile summary when profiling. */
    const windowed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const startUs = nowUs();
      const out = await run();
      if (cpuProfDir)
        writeFileSync(
          path.join(cpuProfDir, `${name}-window.json`),
          JSON.stringify({ startUs, endUs: nowUs(), pid: client.pid }),
        );
      return out;
    };
    result.edit = { latencies, note };
    log(
      `${label(size)}: ${latencies.length} edits, p50 ${fmtMs(percentile(latencies, 0.5))}, p95 ${fmtMs(percentile(latencies, 0.95))}`,
    );
    if (client.exited) return result;

    // Hovers on the entities of the edited article.
    const entities = (client.diagnostics(uri)?.diagnostics ?? []).filter((d: Diagnostic) =>
      String(d.code ?? '').startsWith('entity.'),
    );
    result.hover = await windowed('hover', () =>
      timedQueries(HOVERS, left, async (i) => {
        if (entities.length === 0) return undefined;
        const r = entities[Math.floor((i * entities.length) / HOVERS) % entities.length].range;
        const position = { line: r.start.line, character: r.start.character + 1 };
        const hover = await client.request<unknown>(
          'textDocument/hover',
          { textDocument: { uri }, position },
          OP_TIMEOUT_MS,
        );
        return hover ? 1 : 0;
      }),
    ).then(({ latencies: l, sum, note: n }) => ({
      latencies: l,
      answered: sum,
      note: entities.length === 0 ? 'no entity diagnostics' : n,
    }));

    // Related lists: the open article and other reprints of its story (not open: answered from the index).
    const relatedUris = [uri, ...manifest.relatedFiles.map(fileUri)];
    result.related = await windowed('related', () =>
      timedQueries(RELATED, left, async (i) => {
        const r = await client.request<RelatedArticlesResult>(
          RelatedArticlesRequest.method,
          { textDocument: { uri: relatedUris[i % relatedUris.length] } },
          OP_TIMEOUT_MS,
        );
        return r.items.length;
      }),
    ).then(({ latencies: l, sum, note: n }) => ({ latencies: l, items: sum, note: n }));

    // Workspace symbols.
    result.symbols = await windowed('symbols', () =>
      timedQueries(SYMBOLS, left, async (i) => {
        const r = await client.request<unknown[] | null>(
          'workspace/symbol',
          { query: manifest.symbolQueries[i % manifest.symbolQueries.length] },
          OP_TIMEOUT_MS,
        );
        return r?.length ?? 0;
      }),
    ).then(({ latencies: l, sum, note: n }) => ({ latencies: l, results: sum, note: n }));

    // References for the edit figure: readDoc of each edited text; the 8 KB figure once more.
    const editedRefs: number[] = [];
    for (const t of edited) editedRefs.push(...readDocMs(t, 1));
    result.refs.readDocEditedMs = median(editedRefs);
    result.refs.readDoc8kMs = median([...readDoc8k, ...readDocMs(targetText, 30)]);

    await client.stop(cpuProfDir ? 120_000 : 5000);
    if (cpuProfDir)
      log(
        `${label(size)}: CPU profile in ${cpuProfDir}, windows in edit-, hover-, related-, symbols-window.json`,
      );

    // Warm start: same corpus, same storage folder.
    if (profiling) {
      result.warm = { outcome: 'skipped', note: 'profiling run' };
      return result;
    }
    const warmTimeout = left() - 5000;
    if (warmTimeout < 10_000) {
      result.warm = { outcome: 'skipped', note: 'no time left in the budget' };
      return result;
    }
    log(`${label(size)}: warm start (timeout ${fmtS(warmTimeout)})`);
    const warmArgs: string[] = [];
    if (warmProfDir) {
      mkdirSync(warmProfDir, { recursive: true });
      warmArgs.push('--cpu-prof', `--cpu-prof-dir=${warmProfDir}`);
    }
    const warm = await startAndIndex(
      manifest,
      storageDir,
      warmTimeout,
      warmArgs,
      undefined,
      `${label(size)} warm`,
    );
    result.warm = warm.figures;
    if (warm.client) {
      if (warm.figures.outcome === 'ok') await warm.client.stop();
      else await warm.client.kill();
    }
    return result;
  } finally {
    rmSync(storageDir, { recursive: true, force: true });
  }
}

/** Words put in by the one-word edits. */
const REPLACEMENTS = 'ferry budget tunnel harvest inquiry pension market licence reservoir festival'.split(
  ' ',
);

/** Microseconds on the monotonic clock the server's CPU profile uses. */
function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

async function timedQueries(
  count: number,
  left: () => number,
  run: (i: number) => Promise<number | undefined>,
): Promise<{ latencies: number[]; sum: number; note?: string }> {
  const latencies: number[] = [];
  let sum = 0;
  const stop = performance.now() + Math.min(STAGE_CAP_MS.query, Math.max(5000, (left() - 30_000) * 0.3));
  for (let i = 0; i < count; i++) {
    if (performance.now() > stop) return { latencies, sum, note: `stopped after ${i}: stage time limit` };
    const t = performance.now();
    try {
      const n = await run(i);
      if (n === undefined) return { latencies, sum };
      sum += n;
    } catch (e) {
      return {
        latencies,
        sum,
        note:
          e instanceof TimeoutError
            ? `request ${i + 1} timed out after ${OP_TIMEOUT_MS / 1000} s`
            : String(e),
      };
    }
    latencies.push(performance.now() - t);
  }
  return { latencies, sum };
}

// ---------------------------------------------------------------------------------------------------
// The table

interface Cell {
  text: string;
  /** What the growth columns compare. */
  value?: number;
}
interface Row {
  label: string;
  cells: Cell[];
  /** Growth of a throughput is shown as a slowdown (first ÷ later), of everything else as later ÷ first. */
  throughput?: boolean;
}

function startCells(
  r: SizeResult,
  f: StartFigures,
  which: 'index' | 'ready',
): { speed: Cell; vsRead: Cell; vsReadDoc: Cell } {
  const mb = r.manifest.bytes / MB;
  const none = { text: '–' };
  if (f.outcome === 'ok') {
    const ms = which === 'index' ? f.indexMs : f.readyMs;
    if (ms === undefined) return { speed: { text: 'no progress reported' }, vsRead: none, vsReadDoc: none };
    const speed = mb / (ms / 1000);
    return {
      speed: { text: `${sig(speed, 3)} MB/s (${fmtS(ms)})`, value: speed },
      vsRead: { text: `${sig(r.refs.readMBs / speed)}×`, value: r.refs.readMBs / speed },
      vsReadDoc: { text: `${sig(r.refs.readDocMBs / speed)}×`, value: r.refs.readDocMBs / speed },
    };
  }
  if (f.outcome === 'timeout' && f.fraction !== undefined && f.elapsedMs !== undefined && f.fraction > 0) {
    const speed = (mb * f.fraction) / (f.elapsedMs / 1000);
    return {
      speed: {
        text: `${f.note}: ${Math.round(f.fraction * 100)}% indexed, ≈${sig(speed, 2)} MB/s (full corpus ≈${fmtS((mb / speed) * 1000)})`,
        value: speed,
      },
      vsRead: { text: `≈${sig(r.refs.readMBs / speed)}×`, value: r.refs.readMBs / speed },
      vsReadDoc: { text: `≈${sig(r.refs.readDocMBs / speed)}×`, value: r.refs.readDocMBs / speed },
    };
  }
  return { speed: { text: f.note ?? f.outcome }, vsRead: none, vsReadDoc: none };
}

function latencyCells(
  xs: readonly number[] | undefined,
  ref: number,
  note: string | undefined,
  extra = '',
): { abs: Cell; ratio: Cell } {
  if (!xs || xs.length === 0) return { abs: { text: note ?? 'not measured' }, ratio: { text: '–' } };
  const p95 = percentile(xs, 0.95);
  const suffix = `${extra}${note ? `; ${note}` : ''}`;
  return {
    abs: { text: `${fmtMs(p95)} (n=${xs.length}${suffix})`, value: p95 },
    ratio: { text: `${sig(p95 / ref)}×`, value: p95 / ref },
  };
}

function buildRows(results: SizeResult[]): Row[] {
  const rows: Row[] = [];
  const row = (label: string, cells: Cell[], throughput = false): void =>
    void rows.push({ label, cells, throughput });
  row(
    'Corpus',
    results.map((r) => ({
      text: `${r.manifest.files.toLocaleString('en-US')} files, ${fmtMB(r.manifest.bytes)}`,
      value: r.manifest.bytes,
    })),
  );
  const cold = results.map((r) => startCells(r, r.cold, 'index'));
  row(
    'Cold index, progress begin → end',
    cold.map((c) => c.speed),
    true,
  );
  row(
    '  ÷ reading the files (slowdown)',
    cold.map((c) => c.vsRead),
  );
  row(
    '  ÷ bare readDoc of the corpus (slowdown)',
    cold.map((c) => c.vsReadDoc),
  );
  const coldReady = results.map((r) => startCells(r, r.cold, 'ready'));
  row(
    'Cold start, spawn → ready status',
    coldReady.map((c) => c.speed),
    true,
  );
  row(
    '  ÷ reading the files (slowdown)',
    coldReady.map((c) => c.vsRead),
  );
  const warm = results.map((r) => startCells(r, r.warm, 'ready'));
  row(
    'Warm start, spawn → ready status',
    warm.map((c) => c.speed),
    true,
  );
  row(
    '  ÷ reading the files (slowdown)',
    warm.map((c) => c.vsRead),
  );
  row(
    'Edit → publishDiagnostics p50 / p95 / max',
    results.map((r) => {
      const xs = r.edit?.latencies ?? [];
      if (xs.length === 0) return { text: r.edit?.note ?? 'not measured' };
      return {
        text: `${fmtMs(percentile(xs, 0.5))} / ${fmtMs(percentile(xs, 0.95))} / ${fmtMs(Math.max(...xs))} (n=${xs.length}${r.edit?.note ? `; ${r.edit.note}` : ''})`,
        value: percentile(xs, 0.95),
      };
    }),
  );
  row(
    '  × readDoc of the edited article',
    results.map((r) => {
      const xs = r.edit?.latencies ?? [];
      const ref = r.refs.readDocEditedMs;
      if (xs.length === 0 || !Number.isFinite(ref)) return { text: '–' };
      return {
        text: `${sig(percentile(xs, 0.5) / ref)}× / ${sig(percentile(xs, 0.95) / ref)}× / ${sig(Math.max(...xs) / ref)}×`,
        value: percentile(xs, 0.95) / ref,
      };
    }),
  );
  const hover = results.map((r) => latencyCells(r.hover?.latencies, r.refs.readDoc8kMs, r.hover?.note));
  row(
    'Hover on an entity, p95',
    hover.map((c) => c.abs),
  );
  row(
    '  × readDoc of the 8 KB article',
    hover.map((c) => c.ratio),
  );
  const related = results.map((r) =>
    latencyCells(
      r.related?.latencies,
      r.refs.readDoc8kMs,
      r.related?.note,
      r.related && r.related.latencies.length
        ? `, ${sig(r.related.items / r.related.latencies.length, 2)} items`
        : '',
    ),
  );
  row(
    'Related list (articleLens/relatedArticles), p95',
    related.map((c) => c.abs),
  );
  row(
    '  × readDoc of the 8 KB article',
    related.map((c) => c.ratio),
  );
  const symbols = results.map((r) => latencyCells(r.symbols?.latencies, r.refs.readDoc8kMs, r.symbols?.note));
  row(
    'Workspace symbols, p95',
    symbols.map((c) => c.abs),
  );
  row(
    '  × readDoc of the 8 KB article',
    symbols.map((c) => c.ratio),
  );
  row(
    'Server RSS (VmRSS; peak VmHWM)',
    results.map((r) =>
      r.memory
        ? {
            text: `${fmtMB(r.memory.rss)} (peak ${fmtMB(r.memory.hwm)})${r.memory.when === 'after indexing' ? '' : `, ${r.memory.when}`}`,
            value: r.memory.rss,
          }
        : { text: '–' },
    ),
  );
  row(
    '  ÷ corpus size',
    results.map((r) =>
      r.memory
        ? { text: `${sig(r.memory.rss / r.manifest.bytes)}×`, value: r.memory.rss / r.manifest.bytes }
        : { text: '–' },
    ),
  );
  row(
    'Reference: reading the files',
    results.map((r) => ({ text: `${sig(r.refs.readMBs, 3)} MB/s`, value: r.refs.readMBs })),
    true,
  );
  row(
    'Reference: bare readDoc (sample)',
    results.map((r) => ({
      text: `${sig(r.refs.readDocMBs, 3)} MB/s (${fmtMB(r.refs.readDocSampleBytes)})`,
      value: r.refs.readDocMBs,
    })),
    true,
  );
  row(
    'Reference: readDoc of the 8 KB article / edited',
    results.map((r) => ({
      text: `${fmtMs(r.refs.readDoc8kMs)} / ${fmtMs(r.refs.readDocEditedMs)}`,
      value: r.refs.readDoc8kMs,
    })),
  );
  return rows;
}

function renderTable(results: SizeResult[]): string {
  const rows = buildRows(results);
  const first = results[0];
  const growthCols = results.slice(1).map((r) => `${label(first.size)} → ${label(r.size)}`);
  const head = ['Measure', ...results.map((r) => `${label(r.size)} articles`), ...growthCols];
  const lines = [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
  ];
  for (const r of rows) {
    const growth = results.slice(1).map((_, j) => {
      const a = r.cells[0]?.value;
      const b = r.cells[j + 1]?.value;
      if (a === undefined || b === undefined || !(a > 0) || !(b > 0)) return '–';
      return r.throughput ? `${sig(a / b)}× slower` : `${sig(b / a)}×`;
    });
    const labelText = r.label.startsWith('  ') ? `&nbsp;&nbsp;${r.label.trim()}` : r.label;
    lines.push(
      `| ${[labelText, ...r.cells.map((c) => c.text.replace(/\|/g, '\\|')), ...growth].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function corpusDescription(results: SizeResult[]): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  return results
    .map((r) => {
      const m = r.manifest;
      const s = m.sizes;
      return (
        `- **${label(r.size)}**: ${n(m.files)} files, ${fmtMB(m.bytes)} (${sig(m.bytes / m.files / 1024, 2)} KB average) ` +
        `on ${n(m.sites)} sites of ${m.groups} media groups; ${m.wireStories} wire stories reprinted ` +
        `${m.fanOut.min}–${m.fanOut.max} times (mean ${m.fanOut.mean}; ${n(m.reprints)} reprints, ${fmtMB(m.bytesByKind.wire)}), ` +
        `${n(m.localStories)} local stories, ${n(m.multiStoryPages)} pages of several stories, ` +
        `${m.livePages.count} live pages of ${sig(m.livePages.minBytes / 1024, 3)}–${sig(m.livePages.maxBytes / 1024, 3)} KB; ` +
        `captions printed twice in ${n(m.captionsTwice)} files; the widest group footer is in ${n(m.widestBoilerplateFiles)} files. ` +
        `Sizes: ${n(s.under2KB)} under 2 KB, ${n(s.from2To10KB)} of 2–10 KB, ${n(s.from10To200KB)} of 10–200 KB, ` +
        `${n(s.atLeast200KB)} of 200 KB or more. Edited article: ${sig(m.target.bytes / 1024, 2)} KB, a full reprint of a ` +
        `story with ${m.target.fanOut} copies.`
      );
    })
    .join('\n');
}

function machine(): string {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  const heapLimit = v8.getHeapStatistics().heap_size_limit;
  return (
    `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${sig(os.totalmem() / 1024 ** 3, 2)} GiB, ` +
    `${os.platform()} ${os.release()}, Node ${process.version} (default heap limit ${fmtMB(heapLimit)}); ` +
    `load average at the end ${load}`
  );
}

function commitOf(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const START_MARK = '<!-- bench:start (written by npm run bench; edits inside are overwritten) -->';
const END_MARK = '<!-- bench:end -->';

async function writeDoc(section: string): Promise<void> {
  let doc: string;
  if (existsSync(outFile)) {
    const old = readFileSync(outFile, 'utf8');
    const a = old.indexOf(START_MARK);
    const b = old.indexOf(END_MARK);
    doc =
      a >= 0 && b > a
        ? `${old.slice(0, a)}${START_MARK}\n\n${section}\n\n${old.slice(b)}`
        : `${old.trimEnd()}\n\n${START_MARK}\n\n${section}\n\n${END_MARK}\n`;
  } else {
    doc = `# Benchmarks\n\n${START_MARK}\n\n${section}\n\n${END_MARK}\n`;
  }
  const config = (await prettier.resolveConfig(outFile)) ?? {};
  writeFileSync(outFile, await prettier.format(doc, { ...config, filepath: outFile }));
}

async function main(): Promise<void> {
  if (!existsSync(serverPath)) throw new Error(`${serverPath} is missing: run npm run build first`);
  const started = new Date();
  const loadAtStart = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  log(
    `sizes ${sizes.map(label).join(', ')}, budget ${budgetS} s${quick ? ', quick' : ''}${profiling ? ', profiling' : ''}`,
  );
  const results: SizeResult[] = [];
  for (const size of sizes) {
    if (performance.now() > deadline - 30_000) {
      log(`${label(size)}: skipped, budget spent`);
      break;
    }
    results.push(await runSize(size));
  }
  if (results.length === 0) throw new Error('no size was measured');
  const table = renderTable(results);
  const totalS = (performance.now() - benchStart) / 1000;
  const section = [
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${commitOf()} in ${Math.round(totalS)} s ` +
      `(budget ${budgetS} s${quick ? ', quick run' : ''}). Machine: ${machine()}; load average at the start ${loadAtStart}.`,
    table,
    `Load corpus (seed ${seed}):\n\n${corpusDescription(results)}`,
  ].join('\n\n');
  const formatted = await prettier.format(section, {
    parser: 'markdown',
    printWidth: 110,
    proseWrap: 'preserve',
  });
  console.log(`\n${formatted}`);
  if (write) {
    await writeDoc(section);
    log(`wrote ${path.relative(repoRoot, outFile)}`);
  }
  emptyLoadCorpusTrash(true); // stale corpora, after the figures are taken
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
