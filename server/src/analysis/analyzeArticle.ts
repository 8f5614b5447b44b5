// Runs the analysis stages of one article in order, checking the token between them, and the corpus pass.
import type { ArticleIndex } from './corpusIndex';
import { findEntities } from './entities';
import { findQuotes } from './quotes';
import { findRepeats } from './repeats';
import type {
  AnalysisOptions,
  ArticleAnalysis,
  ArticleSnapshot,
  EntityHints,
  LocalAnalysis,
  Token,
} from './types';

function emptyLocal(limits: string[]): LocalAnalysis {
  return { entities: [], quotes: [], unbalanced: [], repeats: [], limits };
}

/** What one file yields on its own. Returns partial results (with `limits`) when cancelled. */
export function analyzeLocal(
  text: string,
  options: AnalysisOptions,
  hints: EntityHints,
  token: Token,
): LocalAnalysis {
  const local = emptyLocal([]);
  local.entities = findEntities(text, hints);
  if (token.isCancellationRequested) return { ...local, limits: ['cancelled'] };
  const { quotes, unbalanced } = findQuotes(text, local.entities);
  local.quotes = quotes;
  local.unbalanced = unbalanced;
  if (token.isCancellationRequested) return { ...local, limits: ['cancelled'] };
  local.repeats = findRepeats(text, options.minRepeatWords);
  return local;
}

/** Analyses one article, records it in the index and adds what the corpus says about it. */
export function analyzeArticle(
  snapshot: ArticleSnapshot,
  index: ArticleIndex,
  options: AnalysisOptions,
  token: Token,
): ArticleAnalysis {
  const local = analyzeLocal(snapshot.text, options, index.entities.hints(), token);
  const base = { uri: snapshot.uri, version: snapshot.version, shared: [], related: [] };
  if (token.isCancellationRequested) return { ...base, ...local };
  index.update(snapshot, local);
  return { ...local, ...base, ...corpusFindings(snapshot, index, options) };
}

/** The corpus findings of an article already in the index. */
export function corpusFindings(
  snapshot: ArticleSnapshot,
  index: ArticleIndex,
  options: AnalysisOptions,
): Pick<ArticleAnalysis, 'shared' | 'related'> {
  const shared = index.sharedPassages(snapshot.uri, options);
  return { shared, related: index.related(snapshot.uri, options, shared) };
}

/**
 * Indexes a whole corpus: a first pass collects every file's findings, a second resolves entity names
 * against what the whole corpus knows (a surname alone in one file, a full name in another).
 */
export function indexCorpus(
  snapshots: readonly ArticleSnapshot[],
  index: ArticleIndex,
  options: AnalysisOptions,
  token: Token,
  onProgress?: (done: number, total: number) => void,
): void {
  const total = snapshots.length * 2;
  snapshots.forEach((s, i) => {
    if (token.isCancellationRequested) return;
    index.update(s, analyzeLocal(s.text, options, index.entities.hints(), token));
    onProgress?.(i + 1, total);
  });
  const hints = index.entities.hints();
  snapshots.forEach((s, i) => {
    if (token.isCancellationRequested) return;
    index.update(s, analyzeLocal(s.text, options, hints, token));
    onProgress?.(snapshots.length + i + 1, total);
  });
}
