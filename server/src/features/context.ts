// What every feature reads: the corpus index, the corpus questions, document texts (open buffers over disk), the analysis of
// open documents at their current version, and settings. Features get this interface, never the connection.
import type { ArticleIndex, Headline } from '../analysis/corpus/corpusIndex';
import type { CorpusQuestions } from '../corpusQueries/corpusQuestions';
import type { ArticleAnalysis } from '../analysis/types';
import type { ArticleLensSettings } from '../protocol';
import type { Logger } from '../util/logger';
import { headlineTitle } from './articleTitle';

export interface FeatureContext {
  readonly index: ArticleIndex;
  /** Questions across the corpus (references, symbols, related): the in-memory index or the team database. */
  readonly corpus: CorpusQuestions;
  readonly logger: Logger;
  /** Text of a URI: the open buffer, else the indexed snapshot; `undefined` when unknown. */
  textOf(uri: string): string | undefined;
  /** Analysis of an open document at its current version, computed now if the scheduler has not run yet. */
  analysisOf(uri: string): ArticleAnalysis | undefined;
  /** Settings already fetched for a resource (or the defaults). */
  settingsOf(uri: string): ArticleLensSettings;
}

/** A short display name of a URI: its file name. */
export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * An article's detected headline (see articleTitle), or `fallback` (its file name) when it has none; `known`
 * is the headline the index keeps for this text.
 */
export function titleOf(text: string | undefined, fallback: string, known?: Headline): string {
  return (text && headlineTitle(text, fallback, known)) || fallback;
}

/** The headline the index keeps for `uri`, when what it holds is this very text. */
export function indexedHeadline(
  index: ArticleIndex,
  uri: string,
  text: string | undefined,
): Headline | undefined {
  const indexed = text === undefined ? undefined : index.get(uri);
  return indexed?.headline && indexed.snapshot.text === text ? indexed.headline : undefined;
}

/** The title of the article at `uri` whose text is `text`, or its file name. */
export function articleTitle(
  ctx: Pick<FeatureContext, 'index'>,
  uri: string,
  text: string | undefined,
): string {
  return titleOf(text, fileName(uri), indexedHeadline(ctx.index, uri, text));
}
