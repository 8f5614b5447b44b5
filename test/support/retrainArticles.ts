// Articles for the retraining tests (every name invented): one where a curator corrects two mistakes of
// the shipped tagger, another that makes the same mistakes, one with neither name; and the corrections.
import assert from 'node:assert/strict';
import { makeAnchor } from '../../server/src/analysis/curation/anchor';
import type { Correction, CorrectionBody } from '../../server/src/analysis/curation/types';

export const FILE = 'kelmar.article';

/** Corrected here: a company the tagger types as a place, and a capitalised common word taken as a name. */
export const CORRECTED = [
  'Profits at Kelmar rose 12 percent in the third quarter.',
  'Kelmar, based in Ostend, makes pumps for oil rigs.',
  'The ministry said the Note was sent on Friday.',
].join(' ');
/** The same mistakes in another article, never corrected. */
export const OTHER = [
  'Orders at Kelmar fell in the second half, the pump maker said in Brussels.',
  'Kelmar will cut 300 jobs.',
  'Diplomats said the Note reached the embassy late on Tuesday.',
].join(' ');
/** Neither name: its entities must not move. */
export const UNTOUCHED = [
  'Shares of Tarvano fell in Frankfurt. Tarvano, which makes brakes, said sales in Lisbury dropped.',
  'Solvane Airways cancelled flights to Dursk. A Solvane spokeswoman said the carrier grounded its planes.',
  'Investors cheered Quarvex again on Tuesday. A spokesman for Quarvex said the firm would open a plant near Tolland.',
  'Prime Minister Alda Renn flew to Corvath on Monday.',
].join('\n');

/** A mention-scope correction of the first `needle` of `text`. */
export function correction(text: string, needle: string, body: CorrectionBody, n: number): Correction {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return {
    id: `c${n}`,
    scope: 'mention',
    file: FILE,
    anchor: makeAnchor(text, { start, end: start + needle.length }),
    ...body,
  } as Correction;
}

/** The curator's corrections: the company is an ORG, the common word no name. */
export function labelCorrections(text: string, file: string): Correction[] {
  return [
    { ...correction(text, 'Kelmar', { kind: 'changeType', type: 'ORG' }, 1), file },
    { ...correction(text, 'Note', { kind: 'notEntity' }, 2), file },
  ];
}
