// Direct quotations, their speakers and unbalanced quote marks. Placeholder until quote detection lands.
import type { EntityMention, Quote, UnbalancedMark } from './types';

export interface QuoteFindings {
  quotes: Quote[];
  unbalanced: UnbalancedMark[];
}

export function findQuotes(_text: string, _entities: readonly EntityMention[]): QuoteFindings {
  return { quotes: [], unbalanced: [] };
}
