// The team-database commands: `index --db URL <corpus>` loads a corpus into PostgreSQL, and `analyze` and
// `export` with `--db URL` read from it. Per-file analyses are found by content digest, so re-running
// `index` on a corpus analyses only its new and changed files, and a corpus that has not changed at all
// is not written again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AnalysisCache } from '../analysis/corpus/analysisStore';
import { finalLocal } from '../analysis/corpus/cachedAnalysis';
import { corpusFingerprint, type CacheKey } from '../analysis/corpus/cacheKey';
import type { CorpusIndex } from '../analysis/corpus/corpusIndex';
import type { AnalysisOptions, ArticleAnalysis } from '../analysis/types';
import { CorpusQueries } from '../storage/postgres/corpusQueries';
import { describeError, migrate, openPool } from '../storage/postgres/database';
import { PgAnalysisStore } from '../storage/postgres/pgAnalysisStore';
import { ReadOnlyError, TeamCorrections } from '../storage/postgres/teamCorrections';
import { writeCorpus } from '../storage/postgres/writeCorpus';
import { LayeredAnalysisStore } from '../storage/layeredAnalysisStore';
import { pathToUri } from '../util/uri';
import { FileAnalysisStore, runningAnalyserVersion } from '../workspace/fileAnalysisStore';
import { resolveInputs } from '../workspace/fsCorpus';
import {
  analysisOptionsFor,
  analyzeSnapshotsInWorkers,
  readFiles,
  relativePath,
  type AnalyzeProgress,
  type ReadFile,
} from './analyzeFiles';
import { HelpRequest, parseArgs, UsageError, type CliArgs } from './args';
import { DEFAULT_SIDECAR, readCorrections, useCorrections } from './corpus';
import { entitiesOfCachedCorpus } from './cachedEntities';
import { cliEntityModel } from './entityModel';
import { toJson, toText, type FileResult } from './format';
import { parseExport, writeExport } from './exportCommand';
import { CurationReadError, CurationUsageError, takeOption } from './options';
import { warn } from './output';

export const INDEX_USAGE = `usage: article-lens index --db URL [--cache DIR] [--entity-tagger MODE] [--entity-model FILE]
                          [--max-file-size-kb N] [--jobs N] <corpus>

Loads the corpus into the PostgreSQL database at URL (postgres://user@host:port/db; the password may come
from PGPASSWORD): per-file analyses, entity postings, passage fingerprints, quotes, shared passages and
related lists. Files whose content is already in the database are not analysed again. Files are analysed
in worker threads, one per core (--jobs N to choose, 1 for none). Progress goes to stderr. The tagger's
weights are chosen as for "analyze": --entity-model FILE, else the corpus folder's retrained model.
With --cache DIR the analyses are looked up in the local analysis cache first (the one "analyze --cache
DIR" and the editor write) and the cache gets the new ones: a corpus cached with its corpus findings is
loaded with nothing analysed.
\`analyze --db URL <corpus>\` and \`export --db URL ...\` then read from the database.

usage: article-lens corrections --db URL --import FILE | --export FILE

Copies a sidecar of corrections (.article-lens/annotations.json) into the team database (entries with
the same id are replaced), or writes the database's corrections as a sidecar file.`;

const MB = 1024 * 1024;
const PROGRESS_EVERY_MS = 1000;

/** Runs `index`, or `analyze`/`export` given `--db`; `undefined` for anything else. */
export function runDatabaseCommand(argv: readonly string[]): Promise<number> | undefined {
  const [command, ...rest0] = argv;
  if (command !== 'index' && command !== 'analyze' && command !== 'export' && command !== 'corrections')
    return undefined;
  const rest = [...rest0];
  let url: string | undefined;
  try {
    url = takeOption(rest, '--db');
  } catch (e) {
    return Promise.resolve(usage((e as Error).message));
  }
  if ((command === 'analyze' || command === 'export') && url === undefined) return undefined;
  if (url === undefined || url === '') return Promise.resolve(usage('--db URL is required'));
  const run = {
    index: runIndex,
    analyze: runAnalyze,
    export: runExportFromDb,
    corrections: runCorrections,
  }[command];
  return run(url, rest).catch((e: unknown) => {
    if (e instanceof UsageError || e instanceof CurationUsageError) return usage(e.message);
    if (e instanceof HelpRequest) {
      process.stdout.write(`${INDEX_USAGE}\n`);
      return 0;
    }
    if (e instanceof CurationReadError) {
      warn(e.message);
      return 2;
    }
    warn(describeError(e, url));
    return 2;
  });
}

function usage(message: string): number {
  process.stderr.write(`article-lens: ${message}\n${INDEX_USAGE}\n`);
  return 2;
}

/** Prints the phase and count at most once a second, then the last line of each phase. */
function progressLine(): AnalyzeProgress {
  let last = 0;
  return (phase, done, total) => {
    const now = Date.now();
    if (done !== total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    process.stderr.write(`article-lens: ${phase}: ${done}/${total}\n`);
  };
}

interface Opened {
  read: ReadFile[];
  base: string;
  options: AnalysisOptions;
  keys: CacheKey[];
  /** The corpus by relative path and content: equal on every curator's machine for the same corpus. */
  fingerprint: string;
  store: PgAnalysisStore;
  cache: AnalysisCache;
  queries: CorpusQueries;
  close: () => Promise<void>;
  skippedCount: number;
}

async function open(url: string, args: CliArgs): Promise<Opened> {
  const { files, base, skipped } = resolveInputs(args.inputs);
  const input = readFiles(files, args.maxFileSizeKB);
  for (const s of [...skipped, ...input.skipped]) warn(`skipped ${s.path}: ${s.reason}`);
  // The same weights as `analyze` and the editor: --entity-model, else the corpus folder's retrained model.
  const entityModel = args.entityTagger === 'off' ? undefined : cliEntityModel(base, args.entityModel, warn);
  const options = analysisOptionsFor(args.entityTagger, args.relatedWholePages, entityModel);
  const pool = openPool(url, { applicationName: 'article-lens cli' });
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end();
    throw e;
  }
  const store = new PgAnalysisStore(pool, runningAnalyserVersion());
  const cache = new AnalysisCache(store);
  const keys = input.read.map((r) => cache.key(r.snapshot, options));
  const fingerprint = corpusFingerprint(
    input.read.map((r, i) => ({ uri: relativePath(base, r), hash: keys[i].hash })),
    options,
  );
  return {
    read: input.read,
    base,
    options,
    keys,
    fingerprint,
    store,
    cache,
    queries: new CorpusQueries(pool),
    close: () => pool.end(),
    skippedCount: skipped.length + input.skipped.length,
  };
}

function parse(command: 'analyze', rest: readonly string[]): CliArgs {
  return parseArgs([command, ...rest]);
}

async function runIndex(url: string, rest: readonly string[]): Promise<number> {
  const started = Date.now();
  const args = parse('analyze', rest);
  const db = await open(url, args);
  try {
    const bytes = db.read.reduce((n, r) => n + Buffer.byteLength(r.snapshot.text), 0);
    if (db.read.length === 0) {
      warn('nothing could be read');
      return 2;
    }
    const storedFingerprint = await db.queries.meta('fingerprint');
    const storedVersion = await db.queries.meta('analyser_version');
    if (storedFingerprint === db.fingerprint && storedVersion === db.store.version) {
      process.stdout.write(`${db.read.length} articles already in the database, unchanged\n`);
      return db.skippedCount > 0 ? 1 : 0;
    }
    const step = (what: string): void =>
      void process.stderr.write(`article-lens: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    step(`read ${db.read.length} files`);
    await db.store.prefetch(db.keys);
    step('read the stored analyses');
    // The local cache first (files analysed by `analyze --cache` or the editor), then the database.
    const near =
      args.cacheDir === undefined ? undefined : new FileAnalysisStore(args.cacheDir, { log: warn });
    await near?.load();
    if (near) step('read the local cache');
    const cache = near ? new AnalysisCache(new LayeredAnalysisStore(near, db.store)) : db.cache;
    const inDatabase = db.keys.filter((k) => db.store.get(k) !== undefined).length;
    const inNear = near ? db.keys.filter((k) => db.store.get(k) === undefined && near.get(k)).length : 0;
    const toAnalyse = db.keys.length - inDatabase - inNear;
    const progress = progressLine();
    let index: CorpusIndex | undefined;
    const run = await analyzeSnapshotsInWorkers(
      db.read,
      db.base,
      db.options,
      { jobs: args.jobs, log: warn },
      cache,
      (i) => void (index = i),
      progress,
    );
    const analysed = Date.now();
    step(index ? 'analysed' : 'every file found with its corpus findings');
    // Every file's entry into the database (those it holds already are skipped), also when the local
    // cache answered for the whole corpus and nothing was analysed.
    const entries = db.read.map((r, i) => ({
      uri: r.snapshot.uri,
      key: db.keys[i],
      // Checked against its text by the run (an entry that did not fit was analysed again and replaced).
      entry: cache.store.get(db.keys[i]),
    }));
    for (const { key, entry } of entries) if (entry) db.store.put(key, entry);
    // The analyses go in on a connection of their own while the corpus tables are written; the corpus
    // commits after them, so no reader finds an article whose analysis is not there yet.
    const stored = Promise.all([db.store.flush(), near?.flush()]).then(() => step('stored the analyses'));
    stored.catch(() => undefined);
    const entities =
      index?.entities.entities() ??
      entitiesOfCachedCorpus(entries.flatMap(({ uri, entry }) => (entry ? [{ uri, entry }] : [])));
    const byUri = new Map(db.read.map((r, i) => [r.snapshot.uri, db.keys[i].hash]));
    const tableBytes = await writeCorpus(
      db.store.pool,
      {
        articles: run.results.map((r) => ({
          path: r.file,
          hash: byUri.get(r.analysis.uri) ?? '',
          text: r.text,
          analysis: r.analysis,
        })),
        entities,
        fingerprint: db.fingerprint,
        analyserVersion: db.store.version,
      },
      (table) => step(`writing ${table}`),
      stored,
    );
    const seconds = (Date.now() - started) / 1000;
    const writing = (Date.now() - analysed) / 1000;
    const rowBytes = db.store.writtenBytes + tableBytes;
    process.stdout.write(
      `indexed ${run.results.length} articles (${bytes} bytes): ${toAnalyse} analysed, ` +
        `${inDatabase} unchanged (found by content)${near ? `, ${inNear} from the local cache` : ''}` +
        `${index ? '' : ' with their corpus findings'}, in ${seconds.toFixed(1)} s, ` +
        `${(bytes / MB / seconds).toFixed(2)} MB/s; database writes ${writing.toFixed(1)} s for ` +
        `${(rowBytes / MB).toFixed(1)} MB of rows, ${(rowBytes / MB / writing).toFixed(2)} MB/s\n`,
    );
    return db.skippedCount > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

/** The corpus's analyses as the database holds them; undefined when it holds another corpus. */
async function readStored(db: Opened): Promise<FileResult[] | undefined> {
  if ((await db.queries.meta('fingerprint')) !== db.fingerprint) return undefined;
  if ((await db.store.prefetch(db.keys)) < new Set(db.keys.map((k) => k.hash)).size) return undefined;
  const [shared, related] = await Promise.all([db.queries.allShared(), db.queries.allRelated()]);
  const uriOf = (file: string): string => pathToUri(path.resolve(db.base, ...file.split('/')));
  return db.read.map((r, i) => {
    const entry = db.store.get(db.keys[i]);
    const file = relativePath(db.base, r);
    if (!entry) throw new Error(`analysis of ${file} vanished`);
    const analysis: ArticleAnalysis = {
      uri: r.snapshot.uri,
      version: 0,
      ...finalLocal(entry),
      shared: (shared.get(file) ?? []).map(({ otherPath, ...s }) => ({ ...s, otherUri: uriOf(otherPath) })),
      related: (related.get(file) ?? []).map(({ path: p, ...rel }) => ({ ...rel, uri: uriOf(p) })),
    };
    return { file, text: r.snapshot.text, analysis, truncated: r.truncated };
  });
}

async function runAnalyze(url: string, rest: readonly string[]): Promise<number> {
  const args = parse('analyze', rest);
  const db = await open(url, args);
  try {
    // The stored findings are the model's: with corrections, they are applied to a locally built index.
    const corrections = readCorrections(path.join(db.base, ...DEFAULT_SIDECAR.split('/')), warn);
    let results = corrections.length > 0 ? undefined : await readStored(db);
    if (!results) {
      if (corrections.length === 0)
        warn('the database holds another state of this corpus: corpus findings are computed here');
      await db.store.prefetch(db.keys);
      const curate =
        corrections.length > 0
          ? (index: CorpusIndex): void => void useCorrections(index, db.base, corrections)
          : undefined;
      const jobs = { jobs: args.jobs, log: warn };
      results = (await analyzeSnapshotsInWorkers(db.read, db.base, db.options, jobs, db.cache, curate))
        .results;
    }
    const out = args.format === 'json' ? JSON.stringify(toJson(results, db.base)) : toText(results, db.base);
    process.stdout.write(`${out}\n`);
    return db.skippedCount > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

async function runExportFromDb(url: string, rest: readonly string[]): Promise<number> {
  const request = parseExport(rest, warn);
  const args = parse('analyze', [...request.files]);
  const db = await open(url, { ...args, inputs: request.files });
  try {
    await db.store.prefetch(db.keys);
    const { results } = await analyzeSnapshotsInWorkers(
      db.read,
      request.base,
      db.options,
      { jobs: args.jobs, log: warn },
      db.cache,
      (index) => useCorrections(index, request.base, request.corrections),
    );
    return writeExport(
      request,
      results.map((r) => ({ ...r, uri: r.analysis.uri })),
    );
  } finally {
    await db.close();
  }
}

/** `corrections --db URL --import FILE | --export FILE`: a sidecar into or out of the team database. */
async function runCorrections(url: string, rest: readonly string[]): Promise<number> {
  const args = [...rest];
  const from = takeOption(args, '--import');
  const to = takeOption(args, '--export');
  if ((from === undefined) === (to === undefined))
    throw new UsageError('give --import FILE or --export FILE');
  if (args.length > 0) throw new UsageError(`unexpected argument ${args[0]}`);
  const pool = openPool(url, { applicationName: 'article-lens cli' });
  try {
    await migrate(pool);
    const team = new TeamCorrections(pool, url);
    if (from !== undefined) {
      const corrections = readCorrections(from, warn);
      await team.add(corrections);
      process.stdout.write(`imported ${corrections.length} corrections from ${from}\n`);
    } else if (to !== undefined) {
      const text = await team.sidecarText();
      fs.mkdirSync(path.dirname(path.resolve(to)), { recursive: true });
      fs.writeFileSync(to, text);
      process.stdout.write(`exported ${(await team.list()).length} corrections to ${to}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ReadOnlyError) {
      warn(e.message);
      return 2;
    }
    throw e;
  } finally {
    await pool.end();
  }
}
