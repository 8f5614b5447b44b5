// Gender cues: what the article shows about a person ("Ms Ortega", "the spokeswoman", "…, who said she"),
// used only to keep "he" and "she" off the wrong person. Unknown fits both.
import type { Span } from '../../types';
import { FEMALE_NOUNS, MALE_NOUNS } from './lexicon';

/** 'it' marks a name the article treats as a thing ("X said that it would"), whatever its entity type. */
export type Gender = 'he' | 'she' | 'it' | '';

const MALE_PRONOUN = /^(?:he|him|his|himself)$/i;
const THING = /^\s*(?:,\s*which\b|(?:said|says|added)\b[^.,;]{0,40}?\bthat\s+it\b)/;

/** A cue at one mention: an honorific or gendered role before it, else the first pronoun after it in its sentence. */
export function genderAround(text: string, span: Span, roles: readonly string[]): Gender {
  const title = /\b(Mr|Mrs|Ms|Miss)\.?\s+(?:\p{Lu}[\p{L}'’-]*\s+)?$/u.exec(
    text.slice(Math.max(0, span.start - 30), span.start),
  );
  if (title) return title[1] === 'Mr' ? 'he' : 'she';
  if (roles.some((w) => FEMALE_NOUNS.has(w))) return 'she';
  if (roles.some((w) => MALE_NOUNS.has(w))) return 'he';
  // The pronoun must follow in the same clause of narration, not inside a quote or the next sentence.
  const window = text.slice(span.end, span.end + 90).split(/[.?!]\s|["“”]/)[0];
  // "X, which …", "X said in a statement that it …": the article treats X as a thing.
  if (THING.test(window)) return 'it';
  const g = /\b(he|him|his|himself|she|her|hers|herself)\b/i.exec(window);
  if (!g) return '';
  return MALE_PRONOUN.test(g[1]) ? 'he' : 'she';
}

/** Whether a pronoun can stand for a referent of this gender. */
export function fitsGender(pronoun: string, gender: Gender): boolean {
  if (pronoun !== 'he' && pronoun !== 'she') return true;
  return gender === '' || gender === pronoun;
}
