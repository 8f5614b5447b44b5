// The built corpus index as plain data (maps, arrays, typed arrays and plain objects, shared where the
// index shares them), so a later session can take it over instead of rebuilding it from every file's
// analysis. Each index exports and restores its own part; texts are kept once, in the articles. Mention
// lists are the index's packed ones (entities/packedMentions.ts), which compactState.ts stores as numbers.
import type { EntityIndexState } from '../../entities/entityIndex';
import type { PassageIndexState } from '../../duplicates/passageIndex';
import type { QuoteIndexState } from '../../quotes/quoteIndex';
import type { RelatedIndexState } from '../../related/related';
import type { IndexedArticle } from '../corpusIndex';

/** Bump with any change to the shape of a state below, so a snapshot of another shape is never read. */
export const INDEX_STATE_VERSION = 5;

export interface CorpusIndexState {
  articles: Map<string, IndexedArticle>;
  entities: EntityIndexState;
  quotes: QuoteIndexState;
  passages: PassageIndexState;
  related: RelatedIndexState;
}
