// The CLI's analysis run: reads the files under the server's text rule, indexes them in the two passes of
// the language server and collects each file's findings. Files that cannot be used are reported, not fatal.
// With a cache, files unchanged since an earlier run skip their own analysis, and when the whole corpus is
// unchanged the corpus findings come from the cache too, without building the index.
import * as path from 'node:path';
import { CorpusIndexer, withCorpusFindings } from '../analysis/analyzeArticle';
import { CorpusIndex } from '../analysis/corpus/corpusIndex';
import type { AnalysisCache } from '../analysis/corpus/analysisStore';
import { finalLocal, type CachedAnalysis } from '../analysis/corpus/cachedAnalysis';
import { corpusFingerprint } from '../analysis/corpus/cacheKey';
import {
  defaultAnalysisOptions,
  type EntityTaggerMode,
  neverCancelled,
  type AnalysisOptions,
  type ArticleAnalysis,
  type ArticleSnapshot,
  type LocalAnalysis,
} from '../analysis/types';
import { defaultSettings } from '../protocol';
import { pathToUri } from '../util/uri';
import { sizeLimitBytes } from '../workspace/articleText';
import { readArticle, type SkippedPath } from '../workspace/fsCorpus';
import { firstPass } from '../workspace/indexWorkers/firstPass';
import { startPool } from '../workspace/indexWorkers/jobs';
import type { FileResult } from './format';

export interface AnalyzeRun {
  results: FileResult[];
  skipped: SkippedPath[];
  /** Files analysed only in part: their prefix under the size limit. */
  truncated: { path: string; bytes: number }[];
}

export interface ReadFile {
  file: string;
  snapshot: ArticleSnapshot;
  truncated: boolean;
}

const noFindings: LocalAnalysis = { entities: [], quotes: [], unbalanced: [], repeats: [], limits: [] };

/** Why the run is where it is, for a progress line: the phase, files done, files in all. */
export type AnalyzeProgress = (phase: string, done: number, total: number) => void;

export function analyzeFiles(
  files: readonly string[],
  base: string,
  maxFileSizeKB: number,
  cache?: AnalysisCache,
  /** Readies the index before it is filled (the curation stage of the corpus's corrections). */
  prepare?: (index: CorpusIndex) => void,
  entityTagger: EntityTaggerMode = defaultSettings.entities.tagger,
  /** Related ranking compares pages of several stories whole instead of story by story. */
  relatedWholePages = false,
  /** Id of the tagger's weights when not the shipped ones (see loadedModels). */
  entityModel?: string,
): AnalyzeRun {
  const input = readFiles(files, maxFileSizeKB);
  const options = analysisOptionsFor(entityTagger, relatedWholePages, entityModel);
  const run = analyzeSnapshots(input.read, base, options, cache, prepare);
  return { ...run, skipped: input.skipped, truncated: input.truncated };
}

/** The analysis options of a run; set only where not the default, so the corpus fingerprint stays as it was. */
export function analysisOptionsFor(
  entityTagger: EntityTaggerMode,
  relatedWholePages = false,
  entityModel?: string,
): AnalysisOptions {
  return {
    ...defaultAnalysisOptions,
    ...(entityTagger === 'off' ? {} : { entityTagger }),
    ...(entityTagger !== 'off' && entityModel !== undefined ? { entityModel } : {}),
    ...(relatedWholePages ? { relatedWholePages } : {}),
  };
}

/** Reads the files under the server's text rule; those that cannot be used are listed, not fatal. */
export function readFiles(
  files: readonly string[],
  maxFileSizeKB: number,
): Omit<AnalyzeRun, 'results'> & { read: ReadFile[] } {
  const out: Omit<AnalyzeRun, 'results'> & { read: ReadFile[] } = { read: [], skipped: [], truncated: [] };
  const limit = sizeLimitBytes(maxFileSizeKB);
  for (const file of files) {
    const article = readArticle(file, limit);
    if ('skipped' in article) {
      out.skipped.push({ path: file, reason: article.skipped });
      continue;
    }
    if (article.truncated) out.truncated.push({ path: file, bytes: article.bytes });
    const snapshot = { uri: pathToUri(path.resolve(file)), version: 0, text: article.text };
    out.read.push({ file, snapshot, truncated: article.truncated });
  }
  return out;
}

/** Path of a read file relative to the base, `/`-separated. */
export function relativePath(base: string, r: ReadFile): string {
  return path.relative(base, r.file).split(path.sep).join('/');
}

/** Analyses files already read: both indexing passes, then each file's corpus findings. */
export function analyzeSnapshots(
  read: readonly ReadFile[],
  base: string,
  options: AnalysisOptions,
  cache?: AnalysisCache,
  prepare?: (index: CorpusIndex) => void,
  progress: AnalyzeProgress = () => undefined,
): Pick<AnalyzeRun, 'results'> {
  const run = startRun(read, base, options, cache);
  if (run.done) return { results: run.done };
  const index = new CorpusIndex();
  prepare?.(index);
  const indexer = new CorpusIndexer(index, neverCancelled);
  read.forEach((r, i) => {
    indexer.first(r.snapshot, options, run.cached[i]);
    progress('first pass', i + 1, read.length);
  });
  return { results: endRun(run, index, indexer, progress) };
}

/** How a run's first pass is shared out: `jobs` as `--jobs` takes it (0: one worker per core). */
export interface Jobs {
  jobs: number;
  /** Gets a line when a worker fails (its files are analysed in this thread). */
  log: (message: string) => void;
}

/** `analyzeSnapshots` with the first pass in worker threads; the findings are the same for any `jobs`. */
export async function analyzeSnapshotsInWorkers(
  read: readonly ReadFile[],
  base: string,
  options: AnalysisOptions,
  jobs: Jobs,
  cache?: AnalysisCache,
  prepare?: (index: CorpusIndex) => void,
  progress: AnalyzeProgress = () => undefined,
): Promise<Pick<AnalyzeRun, 'results'>> {
  const run = startRun(read, base, options, cache);
  if (run.done) return { results: run.done };
  const index = new CorpusIndex();
  prepare?.(index);
  const indexer = new CorpusIndexer(index, neverCancelled);
  const pool = startPool(jobs.jobs, read.length, [options], jobs.log);
  try {
    const source = {
      count: read.length,
      read: (i: number) => ({ snapshot: read[i].snapshot, options, cached: run.cached[i] }),
      after: (i: number) => progress('first pass', i + 1, read.length),
    };
    await firstPass(indexer, () => index.entities.hints(), source, pool, neverCancelled);
  } finally {
    await pool?.close();
  }
  return { results: endRun(run, index, indexer, progress) };
}

interface Run {
  read: readonly ReadFile[];
  base: string;
  options: AnalysisOptions;
  cache: AnalysisCache | undefined;
  cached: (CachedAnalysis | undefined)[];
  fingerprint: string | undefined;
  /** The results, when the cache holds the whole corpus's findings and no index needs building. */
  done?: FileResult[];
}

function resultOf(base: string, r: ReadFile, analysis: ArticleAnalysis): FileResult {
  return { file: relativePath(base, r), text: r.snapshot.text, analysis, truncated: r.truncated };
}

/** The files' cache entries, and the results when the cache alone answers for the whole corpus. */
function startRun(
  read: readonly ReadFile[],
  base: string,
  options: AnalysisOptions,
  cache: AnalysisCache | undefined,
): Run {
  const cached = read.map((r) => cache?.lookup(r.snapshot, options));
  const fingerprint =
    cache &&
    corpusFingerprint(
      read.map((r) => cache.key(r.snapshot, options)),
      options,
    );
  const run: Run = { read, base, options, cache, cached, fingerprint };
  const complete = (c: CachedAnalysis | undefined): c is CachedAnalysis =>
    c?.corpus !== undefined && c.corpus.fingerprint === fingerprint;
  if (fingerprint && cached.every(complete))
    run.done = read.map((r, i) => resultOf(base, r, fromCache(r.snapshot, cached[i] as CachedAnalysis)));
  return run;
}

/** After the first pass: the second, then each file's corpus findings (stored in the cache). */
function endRun(
  run: Run,
  index: CorpusIndex,
  indexer: CorpusIndexer,
  progress: AnalyzeProgress,
): FileResult[] {
  const { read, base, options, cache, fingerprint } = run;
  for (const done of indexer.second()) progress('second pass', done, read.length);
  const results: FileResult[] = [];
  const analyses = new Map<string, ArticleAnalysis>();
  // The long phase of a large corpus (every file's shared passages and related list): its own progress.
  read.forEach((r, i) => {
    const { snapshot } = r;
    const local = index.get(snapshot.uri)?.local ?? noFindings;
    const analysis = withCorpusFindings(
      { uri: snapshot.uri, version: 0, ...local },
      snapshot,
      index,
      options,
    );
    analyses.set(snapshot.uri, analysis);
    results.push(resultOf(base, r, analysis));
    progress('corpus findings', i + 1, read.length);
  });
  if (cache && fingerprint) {
    for (const { snapshot, entry } of indexer.entries()) {
      const analysis = analyses.get(snapshot.uri);
      if (!analysis || entry.corpus?.fingerprint === fingerprint) continue;
      const corpus = { fingerprint, shared: analysis.shared, related: analysis.related };
      cache.save(snapshot, options, { ...entry, corpus });
    }
  }
  return results;
}

export function fromCache(snapshot: ArticleSnapshot, entry: CachedAnalysis): ArticleAnalysis {
  const corpus = entry.corpus ?? { shared: [], related: [] };
  return {
    uri: snapshot.uri,
    version: 0,
    ...finalLocal(entry),
    shared: corpus.shared,
    related: corpus.related,
  };
}
