// The CLI's analysis run: reads the files under the server's text rule, indexes them in the two passes of
// the language server and collects each file's findings. Files that cannot be used are reported, not fatal.
import * as path from 'node:path';
import { CorpusIndexer, withCorpusFindings } from '../analysis/analyzeArticle';
import { CorpusIndex } from '../analysis/corpusIndex';
import {
  defaultAnalysisOptions,
  neverCancelled,
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

const noFindings: LocalAnalysis = { entities: [], quotes: [], unbalanced: [], repeats: [], limits: [] };

export function analyzeFiles(files: readonly string[], base: string, maxFileSizeKB: number): AnalyzeRun {
  const run: AnalyzeRun = { results: [], skipped: [], truncated: [] };
  const limit = sizeLimitBytes(maxFileSizeKB);
  const read: { file: string; snapshot: ArticleSnapshot; truncated: boolean }[] = [];
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

  const index = new CorpusIndex();
  const options = defaultAnalysisOptions;
  const indexer = new CorpusIndexer(index, neverCancelled);
  for (const { snapshot } of read) indexer.first(snapshot, options);
  for (const _ of indexer.second());

  for (const { file, snapshot, truncated } of read) {
    const local = index.get(snapshot.uri)?.local ?? noFindings;
    const analysis = withCorpusFindings(
      { uri: snapshot.uri, version: 0, ...local },
      snapshot,
      index,
      options,
    );
    const rel = path.relative(base, file).split(path.sep).join('/');
    run.results.push({ file: rel, text: snapshot.text, analysis, truncated });
  }
  return run;
}
