// The corrections both curation benches put in their sidecars: mention corrections on capitalised words
// (not an entity, change type and merge in turn) and corpus rules on a word wherever it occurs.
import { makeAnchor } from '../../server/src/analysis/curation/anchor';
import type { Correction } from '../../server/src/analysis/curation/types';
import type { Span } from '../../server/src/analysis/types';

/** Capitalised words and two-word names: where the model's entities mostly are. */
export const capitalised = (text: string): Span[] =>
  [...text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));

const KINDS = ['notEntity', 'changeType', 'merge'] as const;

/** Correction number `n`, of the mention at `span` in `file`. */
export function mentionCorrection(n: number, file: string, text: string, span: Span): Correction {
  const base = {
    id: `m${n}`,
    scope: 'mention' as const,
    file,
    anchor: makeAnchor(text, span),
    time: '2026-01-01T00:00:00Z',
  };
  const kind = KINDS[n % 3];
  if (kind === 'notEntity') return { ...base, kind };
  return kind === 'changeType' ? { ...base, kind, type: 'ORG' } : { ...base, kind, canonical: 'Merged Name' };
}

/** Corpus rule number `n` on `word`: every other one "never an entity", the rest "always an EVENT". */
export function corpusRule(n: number, word: string, file: string): Correction {
  const base = {
    id: `c${n}`,
    scope: 'corpus' as const,
    file,
    anchor: { text: word, before: '', after: '', offset: 0 },
  };
  return n % 2 ? { ...base, kind: 'notEntity' } : { ...base, kind: 'changeType', type: 'EVENT' };
}
