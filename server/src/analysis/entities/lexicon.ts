// Word lists and lookups the rule engine's stages share: speech verbs, words never a name on their own,
// team plurals, and gazetteer lookups that try the title case and the unaccented spelling.
import {
  EVENT_HEADS,
  FAC_HEADS,
  GAZETTEER,
  GPE_SUFFIXES,
  LOC_SUFFIXES,
  NEWS_AGENCIES,
  ORG_HEADS,
  TITLES,
  placeKey,
  type GazetteerEntry,
} from './gazetteers';
import { titleCase } from './aliases';

/** Verbs of speech after a name ("Vell said"). */
export const SPEECH_VERBS = new Set(
  'said says told added wrote noted stressed argued explained warned asked insisted emphasized emphasised expressed claimed stated tweeted replied urged acknowledged suggested commented recalled continued agreed denied confirmed believes thinks hopes'.split(
    ' ',
  ),
);

/** A web domain written as a name ("Example.com"), an organisation. */
export const DOMAIN_RE = /\.(com|net|org|co|io|news|tv)$/i;

/** A capitalised plural, the last word of a team's name ("Padres", "Roughriders"). */
export const TEAM_PLURAL_RE = /^\p{Lu}\p{Ll}+[^s]s$/u;

/** Gazetteer entry of a phrase, trying the title case of all-capitals text ("TOKYO"). */
export function gazetteer(phrase: string, allCaps: boolean): GazetteerEntry | undefined {
  const key = placeKey(phrase);
  const hit = GAZETTEER.get(key) ?? NEWS_AGENCIES.get(key);
  if (hit) return hit;
  if (allCaps && phrase.length >= 4) return GAZETTEER.get(placeKey(titleCase(phrase)));
  // "İstanbul", "Zürich" written with marks the table's spelling lacks.
  if (hasNonAscii(phrase)) {
    const plain = phrase.normalize('NFD').replace(/\p{M}/gu, '');
    if (plain !== phrase) return GAZETTEER.get(placeKey(plain));
  }
  return undefined;
}

/** Whether `s` has a character past ASCII (by code, as this runs for most phrases looked up). */
function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return true;
  return false;
}

/** Word lists whose members, standing alone, are never a person's name. */
export const GENERIC_WORDS: ReadonlySet<string>[] = [
  ORG_HEADS,
  FAC_HEADS,
  TITLES,
  LOC_SUFFIXES,
  GPE_SUFFIXES,
  EVENT_HEADS,
];

/**
 * The place before a team's plural name: a polity, strong or of two words or more. A weak one-word place is
 * as often a given name ("Mary Jones", "Florence Williams").
 */
export function teamPlace(phrase: string, words: number, allCaps: boolean): boolean {
  const place = gazetteer(phrase, allCaps);
  return place?.type === 'GPE' && (words > 1 || !place.weak);
}
