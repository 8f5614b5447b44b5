// Typing of tagger spans: the tagger's coarse CoNLL types (PER, ORG, LOC, MISC) refined to ours by
// gazetteers and name heads. A LOC that the gazetteer knows as a country, state or city is GPE; a MISC
// that is a demonym or group is NORP; facility and event heads make FAC and EVENT; a MISC that is none
// of these (a language, a product, a work) has no type of ours and is dropped.
import {
  EVENT_HEADS,
  EVENT_PREFIXES,
  FAC_FIRST_WORDS,
  FAC_HEADS,
  GAZETTEER,
  GPE_PREFIXES,
  GPE_SUFFIXES,
  LOC_PREFIXES,
  LOC_SUFFIXES,
  ORG_HEADS,
  placeKey,
} from './gazetteers';
import type { NamedEntityType } from '../types';
import type { CoarseType } from './tagger/labels';

const ALL_CAPS_RE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const DEMONYM_RE = /^\p{Lu}\p{Ll}{2,}(ian|ean|ese|ish|ic|i)s?$/u;

const PEOPLE_RE = /^\p{Lu}\p{Ll}{2,}(ian|ean|ese|ish)$/u;

/**
 * Heads that make an event of a name the tagger read as neither person, body nor place (a sports
 * season's tours and series, a tournament's final); the rule engine does not read these heads alone.
 */
const MISC_EVENT_HEADS = new Set(['Tour', 'Masters', 'Classic', 'Series', 'Slam', 'Final', 'Finals']);

/** Whether a word names a people: the gazetteer's, singular or plural, or a demonym's shape. */
function isPeople(word: string): boolean {
  if (DEMONYM_RE.test(word)) return true;
  const key = placeKey(word);
  return GAZETTEER.get(key)?.type === 'NORP' || GAZETTEER.get(key.replace(/s$/, ''))?.type === 'NORP';
}

/** Whether a word is shaped like the adjective of a people ("Norvanian", "Estrenese"). */
export function isDemonymShape(word: string): boolean {
  return PEOPLE_RE.test(word);
}

/** "NEW YORK" → "New York"; other phrases unchanged. */
export function titlePhrase(phrase: string): string {
  if (!ALL_CAPS_RE.test(phrase)) return phrase;
  return phrase.replace(/\p{L}+/gu, (w) => (w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w));
}

/** Our type for a span the tagger typed `coarse`, or undefined when none fits. */
export function refineType(phrase: string, coarse: CoarseType): NamedEntityType | undefined {
  const name = titlePhrase(phrase);
  const words = name.split(/\s+/);
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  const known = GAZETTEER.get(placeKey(name));
  switch (coarse) {
    case 'PER':
      // A head noun makes a place or a body of it, whatever the tagger read ("Phoenicia Hotel").
      if (words.length > 1 && FAC_HEADS.has(last)) return 'FAC';
      if (words.length > 1 && ORG_HEADS.has(last)) return 'ORG';
      return 'PERSON';
    case 'ORG':
      if (words.length > 1 && (FAC_HEADS.has(last) || FAC_FIRST_WORDS.has(first))) return 'FAC';
      return 'ORG';
    case 'LOC':
      if (known?.type === 'GPE' || known?.type === 'LOC') return known.type;
      if (words.length > 1 && (FAC_HEADS.has(last) || FAC_FIRST_WORDS.has(first))) return 'FAC';
      if (LOC_SUFFIXES.has(last) || LOC_PREFIXES.has(first)) return 'LOC';
      if (GPE_SUFFIXES.has(last) || GPE_PREFIXES.has(first)) return 'GPE';
      return 'GPE';
    case 'MISC':
      if (known?.type === 'NORP') return 'NORP';
      if (EVENT_HEADS.has(last) || EVENT_PREFIXES.has(first) || MISC_EVENT_HEADS.has(last)) return 'EVENT';
      if (words.length === 1 && DEMONYM_RE.test(name)) return 'NORP';
      // A people named with its place or faith ("Iraqi Kurds", "Bosnian Serb"), or a compound of peoples
      // ("Arab-Israeli"): the people.
      if (words.length > 1 && isPeople(last)) return 'NORP';
      if (words.length === 1 && name.includes('-') && name.split('-').every(isPeople)) return 'NORP';
      return undefined;
  }
}
