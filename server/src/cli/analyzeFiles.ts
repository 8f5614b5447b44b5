// The CLI's analysis run: reads the files under the server's text rule, indexes them in the two passes of
// the language server and collects each file's findings. Files that cannot be used are reported, not fatal.
// With a cache, files unchanged since an earlier run skip their own analysis, and when the whole corpus is
// unchanged the corpus findings come from the cache too, without building the index.
import * as path from 'node:path';
import { CorpusIndexer, withCorpusFindings } from '../analysis/analyzeArticle';
import { CorpusIndex } from '../analysis/corpusIndex';
import type { AnalysisCache } from '../analysis/corpus/analysisStore';
import { finalLocal, type CachedAnalysis } from '../analysis/corpus/cachedAnalysis';
import { corpusFingerprint } from '../analysis/corpus/cacheKey';
import {
  defaultAnalysisOptions,
  type EntityTaggerMode,
  neverCancelled,
  type ArticleAnalysis,
  type ArticleSnapshot,
  type LocalAnalysis,
} from '../analysis/types';
import { pathToUri } from '../util/uri';
import { sizeLimitBytes } from '../workspace/articleText';
import { readArticle, type SkippedPath } from '../workspace/fsCorpus';
import type { FileResult } from './format';

export interface AnalyzeRun {
  results: FileResult[];
  skipped: SkippedPath[];
  /** Files analysed only in part: their prefix under the size limit. */
  truncated: { path: string; bytes: number }[];
}

interface ReadFile {
  file: string;
  snapshot: ArticleSnapshot;
  truncated: boolean;
}

const noFindings: LocalAnalysis = { entities: [], quotes: [], unbalanced: [], repeats: [], limits: [] };

export function analyzeFiles(
  files: readonly string[],
  base: string,
  maxFileSizeKB: number,
  cache?: AnalysisCache,
  /** Readies the index before it is filled (the curation stage of the corpus's corrections). */
  prepare?: (index: CorpusIndex) => void,
  entityTagger: EntityTaggerMode = 'off',
  /** Related ranking compares pages of several stories whole instead of story by story. */
  relatedWholePages = false,
): AnalyzeRun {
  const options = {
    ...defaultAnalysisOptions,
    // Set only when not the default, so that the corpus fingerprint (every option) stays as it was.
    ...(entityTagger === 'off' ? {} : { entityTagger }),
    ...(relatedWholePages ? { relatedWholePages } : {}),
  };
  const run: AnalyzeRun = { results: [], skipped: [], truncated: [] };
  const limit = sizeLimitBytes(maxFileSizeKB);
  const read: ReadFile[] = [];
  for (const file of files) {
    const article = readArticle(file, limit);
    if ('skipped' in article) {
      run.skipped.push({ path: file, reason: article.skipped });
      continue;
    }
    if (article.truncated) run.truncated.push({ path: file, bytes: article.bytes });
    const snapshot = { uri: pathToUri(path.resolve(file)), version: 0, text: article.text };
    read.push({ file, snapshot, truncated: article.truncated });
  }
  const result = (r: ReadFile, analysis: ArticleAnalysis): FileResult => ({
    file: path.relative(base, r.file).split(path.sep).join('/'),
    text: r.snapshot.text,
    analysis,
    truncated: r.truncated,
  });

  const cached = read.map((r) => cache?.lookup(r.snapshot, options));
  const fingerprint =
    cache &&
    corpusFingerprint(
      read.map((r) => cache.key(r.snapshot, options)),
      options,
    );
  const complete = (c: CachedAnalysis | undefined): c is CachedAnalysis =>
    c?.corpus !== undefined && c.corpus.fingerprint === fingerprint;
  if (fingerprint && cached.every(complete)) {
    read.forEach((r, i) => run.results.push(result(r, fromCache(r.snapshot, cached[i] as CachedAnalysis))));
    return run;
  }

  const index = new CorpusIndex();
  prepare?.(index);
  const indexer = new CorpusIndexer(index, neverCancelled);
  read.forEach((r, i) => indexer.first(r.snapshot, options, cached[i]));
  for (const _ of indexer.second());

  const analyses = new Map<string, ArticleAnalysis>();
  for (const r of read) {
    const { snapshot } = r;
    const local = index.get(snapshot.uri)?.local ?? noFindings;
    const analysis = withCorpusFindings(
      { uri: snapshot.uri, version: 0, ...local },
      snapshot,
      index,
      options,
    );
    analyses.set(snapshot.uri, analysis);
    run.results.push(result(r, analysis));
  }
  if (cache && fingerprint) {
    for (const { snapshot, entry } of indexer.entries()) {
      const analysis = analyses.get(snapshot.uri);
      if (!analysis || entry.corpus?.fingerprint === fingerprint) continue;
      const corpus = { fingerprint, shared: analysis.shared, related: analysis.related };
      cache.save(snapshot, options, { ...entry, corpus });
    }
  }
  return run;
}

function fromCache(snapshot: ArticleSnapshot, entry: CachedAnalysis): ArticleAnalysis {
  const corpus = entry.corpus ?? { shared: [], related: [] };
  return {
    uri: snapshot.uri,
    version: 0,
    ...finalLocal(entry),
    shared: corpus.shared,
    related: corpus.related,
  };
}
