// Passages shared between articles of the corpus. Placeholder until the shingle index lands.
import type { AnalysisOptions, SharedPassage } from './types';

export class PassageIndex {
  /** Adds or replaces a file; returns the other files whose shared passages may have changed. */
  add(_uri: string, _text: string): Set<string> {
    return new Set();
  }
  /** Removes a file; returns the other files whose shared passages may have changed. */
  remove(_uri: string): Set<string> {
    return new Set();
  }
  shared(_uri: string, _options: AnalysisOptions): SharedPassage[] {
    return [];
  }
}
