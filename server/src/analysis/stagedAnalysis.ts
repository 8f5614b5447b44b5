// The stages of analyzeLocal, with a turn of the event loop between them. A server analysing an open file
// this way lets the messages queued meanwhile (a newer edit, a hover on another file) run between stages,
// and gives up as soon as its token is cancelled instead of finishing a result nobody will use.
import { recogniseEntities } from './entities/combine';
import { taggerModelOf } from './entities/tagger/modelOption';
import { analyzeText } from './text/nlp';
import { findQuotes } from './quotes/quotes';
import { findRepeats } from './duplicates/repeats';
import type { AnalysisOptions, EntityHints, LocalAnalysis, Token } from './types';

/** Waits for the next turn of the event loop (after the I/O and timers that are due). */
export type Pause = () => Promise<void>;

export const nextTurn: Pause = () => new Promise((resolve) => setImmediate(resolve));

/**
 * What analyzeLocal finds in `text`, computed stage by stage with `pause` before each stage; `undefined` once
 * the token is cancelled. `hints` is read when the entity stage starts, so the corpus it sees is current.
 */
export async function analyzeLocalStaged(
  text: string,
  options: AnalysisOptions,
  hints: () => EntityHints,
  token: Token,
  pause: Pause = nextTurn,
): Promise<LocalAnalysis | undefined> {
  const stage = async <T>(run: () => T): Promise<T | undefined> => {
    await pause();
    return token.isCancellationRequested ? undefined : run();
  };
  // The entity stage skips the wink pass on an empty text; so does this.
  const nlp = await stage(() => (text.length > 0 ? analyzeText(text) : undefined));
  if (token.isCancellationRequested) return undefined;
  const entities = await stage(() =>
    recogniseEntities(text, hints(), options.entityTagger, undefined, nlp, taggerModelOf(options)),
  );
  if (!entities) return undefined;
  const quotes = await stage(() => findQuotes(text, entities));
  if (!quotes) return undefined;
  const repeats = await stage(() => findRepeats(text, options.minRepeatWords));
  if (!repeats) return undefined;
  return { entities, quotes: quotes.quotes, unbalanced: quotes.unbalanced, repeats, limits: [] };
}
