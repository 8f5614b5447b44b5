// What every feature reads: the corpus index, document texts (open buffers over disk), the analysis of
// open documents at their current version, and settings. Features get this interface, never the connection.
import type { ArticleIndex } from '../analysis/corpusIndex';
import type { ArticleAnalysis } from '../analysis/types';
import type { ArticleLensSettings } from '../protocol';
import type { Logger } from '../util/logger';

export interface FeatureContext {
  readonly index: ArticleIndex;
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

/** The first non-empty line of a text, trimmed and shortened: an article's headline. */
export function titleOf(text: string | undefined, fallback: string): string {
  if (!text) return fallback;
  const m = /^[ \t]*(\S[^\r\n]*)/m.exec(text);
  const line = m ? m[1].trim() : '';
  if (!line) return fallback;
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
