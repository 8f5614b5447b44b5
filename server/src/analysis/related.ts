// Ranking of related articles. Placeholder until scoring lands.
import type { EntityMention, RelatedArticle, SharedPassage, AnalysisOptions } from './types';

export class RelatedIndex {
  add(_uri: string, _text: string, _entities: readonly EntityMention[]): void {}
  remove(_uri: string): void {}
  rank(_uri: string, _shared: readonly SharedPassage[], _options: AnalysisOptions): RelatedArticle[] {
    return [];
  }
}
