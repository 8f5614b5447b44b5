// Passages repeated inside one file. Placeholder until repeat detection lands.
import type { Repeat } from './types';

export function findRepeats(_text: string, _minWords: number): Repeat[] {
  return [];
}
