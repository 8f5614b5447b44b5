// Edit, hover, related-list and workspace-symbol latency in process, on the server's own classes (the LSP
// corpus, the document analysis, the feature providers) without the JSON-RPC transport: the same edits and
// requests as lspLoad.bench.ts, timed per stage in CPU time of this process, so other load on a shared
// machine weighs less than on wall-clock figures. With --out FILE it also writes every answer (diagnostics,
// hovers, related lists, symbols) so two versions of the code can be compared for identical outputs.
//
//   node --import tsx test/bench/requestLatency.bench.ts [--size 10k] [--edits 200] [--out FILE]
//       [--cache DIR] (an analysis cache kept between runs, so the index is built from it after the first)
//       [--cpu-prof DIR] (a CPU profile of each kind of request, DIR/edit.cpuprofile, hover.cpuprofile, …)
//       [--keep-reprint] (every other edit puts the word back, so the edited article stays a full reprint of
//       its story, as a curator's corrections leave it, instead of drifting from its copies edit by edit)
// Garbage collections during each kind of request are counted and timed (a performance observer).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { constants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { SettingsStore } from '../../server/src/config';
import { memoryQuestions } from '../../server/src/corpusQueries/corpusQuestions';
import { DocumentAnalysis } from '../../server/src/documentAnalysis';
import type { FeatureContext } from '../../server/src/features/context';
import { provideHover } from '../../server/src/features/hover';
import { provideRelatedArticles } from '../../server/src/features/related';
import { provideWorkspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { defaultSettings } from '../../server/src/protocol';
import { nullLogger } from '../../server/src/util/logger';
import { pathToUri } from '../../server/src/util/uri';
import { LspCorpus } from '../../server/src/workspace/lspCorpus';
import { loadCorpus } from './loadCorpus';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const SIZES: Record<string, number> = { '1k': 1000, '10k': 10_000, '100k': 100_000 };
const sizeArg = option('--size') ?? '10k';
const articles = SIZES[sizeArg] ?? Number(sizeArg);
const EDITS = Number(option('--edits') ?? 200);
const keepReprint = process.argv.includes('--keep-reprint');
const HOVERS = 50;
const RELATED = 50;
const SYMBOLS = 50;
const outFile = option('--out');
const profileDir = option('--cpu-prof');
const cacheDir = option('--cache') ?? path.join(os.tmpdir(), `article-lens-latency-cache-${articles}`);
const REPLACEMENTS = 'ferry budget tunnel harvest inquiry pension market licence reservoir festival'.split(
  ' ',
);

/** CPU milliseconds of this process (user + system) since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

function percentile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const figures = new Map<string, { cpu: number[]; wall: number[] }>();
async function timed<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const out = await run();
  const f = figures.get(name) ?? { cpu: [], wall: [] };
  f.cpu.push(cpuMs(cpu));
  f.wall.push(performance.now() - wall);
  figures.set(name, f);
  return out;
}

/** Garbage collections by kind of request: count and total pause of the major ones and of all. */
const collections = new Map<string, { major: number; majorMs: number; all: number; allMs: number }>();
let phase = '';
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
    const c = collections.get(phase) ?? { major: 0, majorMs: 0, all: 0, allMs: 0 };
    c.all++;
    c.allMs += e.duration;
    if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      c.major++;
      c.majorMs += e.duration;
    }
    collections.set(phase, c);
  }
});

/** Runs one kind of request as a phase: its collections counted, and its CPU profile taken when asked. */
async function inPhase(name: string, run: () => Promise<void>): Promise<void> {
  phase = name;
  const session = profileDir ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  await run();
  if (session && profileDir) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
  phase = '';
}

function report(): void {
  const fmt = (x: number): string => x.toFixed(1).padStart(7);
  console.log(
    `${'figure'.padEnd(22)} ${'cpu p50'.padStart(7)} ${'cpu p95'.padStart(7)} ${'max'.padStart(7)}   wall p50 / p95`,
  );
  for (const [name, f] of figures)
    console.log(
      `${name.padEnd(22)} ${fmt(percentile(f.cpu, 0.5))} ${fmt(percentile(f.cpu, 0.95))} ${fmt(Math.max(...f.cpu))}   ${fmt(percentile(f.wall, 0.5))} / ${fmt(percentile(f.wall, 0.95))}  (n=${f.cpu.length})`,
    );
  for (const [name, c] of collections)
    console.log(
      `collections during ${name}: ${c.all} (${c.allMs.toFixed(0)} ms), of them major ${c.major} (${c.majorMs.toFixed(0)} ms)`,
    );
  const heap = process.memoryUsage();
  console.log(
    `heap used ${(heap.heapUsed / 1e6).toFixed(0)} MB of ${(heap.heapTotal / 1e6).toFixed(0)} MB, RSS ${(heap.rss / 1e6).toFixed(0)} MB`,
  );
}

async function main(): Promise<void> {
  const { manifest } = loadCorpus({ articles, seed: 2026 });
  mkdirSync(cacheDir, { recursive: true });
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  // One job: the worker bundle is not built for a tsx run, and the index is the same either way.
  const initial = { ...defaultSettings, index: { ...defaultSettings.index, jobs: 1 } };
  const settings = new SettingsStore(undefined, initial, nullLogger);
  const docs = new Map<string, TextDocument>();
  const corpus = new LspCorpus({
    logger: nullLogger,
    openDocument: (uri) => docs.get(uri),
    settings: (uri) => settings.get(uri),
    sendStatus: () => undefined,
    warn: (m) => console.error(m),
  });
  corpus.setFolders([pathToUri(manifest.dir)]);
  corpus.setCacheFolder(cacheDir);
  const published = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();
  const analysis = new DocumentAnalysis({
    logger: nullLogger,
    corpus,
    settings,
    openDocument: (uri) => docs.get(uri),
    isArticleDocument: () => true,
    publish: (uri, version, diagnostics) => published.set(uri, { version, diagnostics }),
    schedule: () => undefined,
    refreshViews: () => undefined,
  });
  const ctx: FeatureContext = {
    index: corpus.index,
    corpus: memoryQuestions({
      index: corpus.index,
      textOf: (uri) => corpus.textOf(uri),
      analysisOf: (uri) => analysis.analysisOf(uri),
    }),
    logger: nullLogger,
    textOf: (uri) => corpus.textOf(uri),
    analysisOf: (uri) => analysis.analysisOf(uri),
    settingsOf: (uri) => settings.peek(uri),
  };
  const started = performance.now();
  await corpus.indexWorkspace(undefined, { isCancellationRequested: false });
  console.error(
    `indexed ${corpus.index.size} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // After a start from the index snapshot the server readies ranking data in the background; edits are
  // timed once that is done, so they do not carry its slices.
  while (corpus.isPreparing) await new Promise((r) => setTimeout(r, 20));

  const outputs: Record<string, unknown> = {};
  const uri = pathToUri(manifest.target.file);
  let text = readFileSync(manifest.target.file, 'utf8');
  let doc = TextDocument.create(uri, 'plaintext', 1, text);
  docs.set(uri, doc);
  const never = { isCancellationRequested: false };
  await analysis.run(uri, never);
  gcObserver.observe({ entryTypes: ['gc'] });
  const edits: unknown[] = [];
  let lastEdit: { at: { index?: number; 0: string }; word: string } | undefined;
  await inPhase('edit', async () => {
    for (let k = 0; k < EDITS; k++) {
      const words = [...text.matchAll(/\b[a-z]{3,}\b/g)].filter(
        (w) => (w.index ?? 0) > 600 && (w.index ?? 0) < text.length - 900,
      );
      // With --keep-reprint every other edit puts the word back, so the article stays a full reprint.
      const restore = keepReprint && k % 2 === 1 ? lastEdit : undefined;
      const w: { index?: number; 0: string } = restore?.at ?? words[(k * 7919) % words.length];
      const at = w.index ?? 0;
      const replacement =
        restore?.word ??
        (REPLACEMENTS[k % REPLACEMENTS.length] === w[0] ? 'harbour' : REPLACEMENTS[k % REPLACEMENTS.length]);
      lastEdit = { at: { index: at, 0: replacement }, word: w[0] };
      const range = { start: doc.positionAt(at), end: doc.positionAt(at + w[0].length) };
      text = text.slice(0, at) + replacement + text.slice(at + w[0].length);
      doc = TextDocument.update(doc, [{ range, text: replacement }], k + 2);
      docs.set(uri, doc);
      await timed('edit → diagnostics', () => analysis.run(uri, never));
      const p = published.get(uri);
      if (p?.version !== doc.version) throw new Error(`edit ${k + 1}: no diagnostics for its version`);
      edits.push(p.diagnostics);
    }
  });
  outputs.edits = edits;

  const diagnostics = published.get(uri)?.diagnostics ?? [];
  const entities = diagnostics.filter((d) => String(d.code ?? '').startsWith('entity.'));
  const hovers: unknown[] = [];
  await inPhase('hover', async () => {
    for (let i = 0; i < HOVERS && entities.length > 0; i++) {
      const r = entities[Math.floor((i * entities.length) / HOVERS) % entities.length].range;
      const position = { line: r.start.line, character: r.start.character + 1 };
      hovers.push(await timed('hover', () => provideHover(ctx, { textDocument: { uri }, position })));
    }
  });
  outputs.hovers = hovers;

  const relatedUris = [uri, ...manifest.relatedFiles.map((f) => pathToUri(f))];
  const related: unknown[] = [];
  await inPhase('related', async () => {
    for (let i = 0; i < RELATED; i++) {
      const target = relatedUris[i % relatedUris.length];
      related.push(
        await timed('related list', () => provideRelatedArticles(ctx, { textDocument: { uri: target } })),
      );
    }
  });
  outputs.related = related;

  const symbols: unknown[] = [];
  await inPhase('symbols', async () => {
    for (let i = 0; i < SYMBOLS; i++) {
      const query = manifest.symbolQueries[i % manifest.symbolQueries.length];
      symbols.push(await timed('workspace symbols', () => provideWorkspaceSymbols(ctx, query)));
    }
  });
  gcObserver.disconnect();
  outputs.symbols = symbols;

  report();
  if (outFile) writeFileSync(outFile, JSON.stringify(outputs));
}

void main();
