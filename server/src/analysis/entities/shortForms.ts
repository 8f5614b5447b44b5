// Short forms of this article's organisations and storms, found wherever they stand in it: "Eko Re" of
// "Eko Re Group Plc", "Padres" of "San Diego Padres", "Vayura" of "Cyclone Vayura".
import type { AliasTable } from './aliases';
import type { Recognised } from './documentEvidence';
import type { Draft } from './drafts';
import {
  GAZETTEER,
  NOT_NAMES,
  ORG_FIRST_WORDS,
  ORG_HEADS,
  ORG_PREFIXES,
  TITLES,
  placeKey,
} from './gazetteers';
import { GENERIC_WORDS, TEAM_PLURAL_RE, teamPlace } from './lexicon';
import { ContainIndex } from './spanIndex';
import type { EntityType } from '../types';

/** Short forms (see `shortForms`) looked for in one article at most. */
const MAX_SHORT_FORMS = 64;
/** First words of a named storm, whose name then stands alone ("Cyclone Vayura" … "Vayura"). */
const STORM_WORDS = new Set(['Cyclone', 'Hurricane', 'Typhoon', 'Storm']);
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/**
 * A company's one-word name before its ending ("Halcyon" of "Halcyon Semiconductor Inc."): a capitalised
 * word that is no place (known, or named as one by this article), title, generic head, nor a word the article
 * also writes in lower case.
 */
function distinctiveFirstWord(
  word: string,
  lowerWords: ReadonlySet<string>,
  places: ReadonlyMap<string, boolean>,
): boolean {
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(word) || lowerWords.has(word.toLowerCase()) || places.has(word))
    return false;
  if (NOT_NAMES.has(word) || TITLES.has(word) || ORG_PREFIXES.has(word) || ORG_FIRST_WORDS.has(word))
    return false;
  return !GENERIC_WORDS.some((set) => set.has(word)) && !GAZETTEER.has(placeKey(word));
}

/**
 * Short forms of this article's organisations and storms that are safe to find anywhere in it: a company's
 * name without its legal or sector ending when two words or more remain ("Eko Re" of "Eko Re Group Plc"), a
 * team's nickname ("Padres" of "San Diego Padres"), a storm's name ("Vayura" of "Cyclone Vayura"). A form
 * two of them share is left out.
 */
export function shortForms(
  drafts: readonly Draft[],
  text: string,
  lowerWords: ReadonlySet<string>,
  places: ReadonlyMap<string, boolean>,
): Map<string, [string, EntityType]> {
  const out = new Map<string, [string, EntityType]>();
  const clash = new Set<string>();
  const add = (core: string, canonical: string, type: EntityType = 'ORG'): void => {
    const prev = out.get(core);
    // "Eko Re Group" and "Eko Re Group Plc" are one company: the fuller name is the canonical one.
    if (!prev || canonical.startsWith(prev[0])) out.set(core, [canonical, type]);
    else if (!prev[0].startsWith(canonical)) clash.add(core);
  };
  for (const d of drafts) {
    if ((d.type !== 'ORG' && d.type !== 'EVENT') || d.source !== 'pattern') continue;
    const words = text.slice(d.start, d.end).split(/\s+/);
    const last = words[words.length - 1] ?? '';
    if (d.type === 'ORG' && words.length >= 3 && ORG_HEADS.has(last)) {
      let k = words.length;
      while (k > 0 && ORG_HEADS.has(words[k - 1] ?? '')) k--;
      const core = words.slice(0, k);
      if (core.length >= 2 && core.every((w) => /^\p{Lu}/u.test(w)) && !NOT_NAMES.has(core[0] ?? ''))
        add(core.join(' '), d.canonical);
      else if (core.length === 1 && distinctiveFirstWord(core[0] ?? '', lowerWords, places))
        add(core[0] ?? '', d.canonical);
    } else if (d.type === 'EVENT' && words.length === 2 && STORM_WORDS.has(words[0] ?? '')) {
      // "Vayura" after "Cyclone Vayura".
      add(last, d.canonical, 'EVENT');
    } else if (
      words.length >= 2 &&
      TEAM_PLURAL_RE.test(last) &&
      !ORG_HEADS.has(last) &&
      teamPlace(words.slice(0, -1).join(' '), words.length - 1, false)
    ) {
      // Only a team's nickname, never a company's sector word ("Airways" of "Kenya Airways").
      add(last, d.canonical);
    }
  }
  for (const c of clash) out.delete(c);
  return out;
}

/** Marks every standalone occurrence of the article's short forms as the full name's entity. */
export function markShortForms(rec: Recognised, text: string, table: AliasTable): void {
  // One number per span of the text (offsets run to its length) while that stays exact, else a string.
  const width = text.length + 1;
  const rangeKey =
    width * width <= Number.MAX_SAFE_INTEGER
      ? (start: number, end: number): number | string => start * width + end
      : (start: number, end: number): number | string => `${start}:${end}`;
  let formsRead = 0;
  for (const [core, [canonical, type]] of shortForms(rec.drafts, text, rec.lowerWords, rec.places)) {
    // A one-word form that names a person of this article or the corpus is left to the person.
    if (!/\s/.test(core) && table.lookupWord(core, false)?.type === 'PERSON') continue;
    // Each form reads the whole text: as many as an article has, not as many as a degenerate text makes.
    if (++formsRead > MAX_SHORT_FORMS) break;
    // What the drafts held before this form's occurrences: these never contain or repeat one another.
    const containing = new ContainIndex(rec.drafts.filter((d) => d.type === type));
    const byRange = new Map<number | string, Draft>();
    for (const d of rec.drafts) {
      const key = rangeKey(d.start, d.end);
      if (!byRange.has(key)) byRange.set(key, d);
    }
    // "Serra Azul Mineração" after "Serra Azul Mineração S.A.", "Padres" after "San Diego Padres".
    for (let at = text.indexOf(core); at >= 0; at = text.indexOf(core, at + core.length)) {
      const end = at + core.length;
      if (WORD_CHAR_RE.test(text[at - 1] ?? '') || WORD_CHAR_RE.test(text[end] ?? '')) continue;
      if (containing.contains(at, end)) continue;
      const same = byRange.get(rangeKey(at, end));
      if (same) Object.assign(same, { type, canonical, source: 'alias' });
      else rec.emitSpan(at, end, type, 'alias', canonical);
    }
  }
}
