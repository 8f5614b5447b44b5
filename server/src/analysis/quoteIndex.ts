// The same quotation across articles of the corpus. Placeholder until quote matching lands.
import type { Quote, Span } from './types';

export interface QuoteMatch {
  uri: string;
  contentSpan: Span;
  text: string;
  /** Word-level similarity 0..1 to the quote asked about. */
  similarity: number;
}

export class QuoteIndex {
  add(_uri: string, _text: string, _quotes: readonly Quote[]): void {}
  remove(_uri: string): void {}
  sameQuotes(_uri: string, _quote: Quote): QuoteMatch[] {
    return [];
  }
}
