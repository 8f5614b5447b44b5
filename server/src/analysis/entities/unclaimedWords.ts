// Capitalised words no rule claimed, named by what the article and the corpus know: a known full name
// written out, a known person's single name (or a near-miss spelling of it), a place this article named
// by context or one joined to such a place, a company's first word before a speech verb, a lower-case
// agency credit ("(dpa)"), and the social network X.
import type { AliasTable, TableStep } from './aliases';
import { titleCase } from './aliases';
import type { EvidenceInput, Recognised } from './documentEvidence';
import { GAZETTEER, NEWS_AGENCIES, NOT_NAMES, TITLES, placeKey } from './gazetteers';
import { SPEECH_VERBS } from './lexicon';
import type { NlpToken } from '../text/nlp';
import type { EntitySource, EntityType } from '../types';
import type { Unit } from './units';

function joinedToPlace(
  u: Unit,
  tokens: NlpToken[],
  placeEnds: Set<number>,
  lowerWords: Set<string>,
): boolean {
  if (u.sentenceStart || u.allCaps || tokens[u.tok]?.pos !== 'PROPN' || lowerWords.has(u.text.toLowerCase()))
    return false;
  const conj = tokens[u.tok - 1];
  const other = tokens[u.tok - 2];
  return !!conj && !!other && (conj.value === 'and' || conj.value === 'or') && placeEnds.has(other.end);
}

/** `orgFirst` maps companies' first words to their names (see `orgFirstWords`). */
export function nameUnclaimedWords(
  rec: Recognised,
  input: EvidenceInput,
  table: AliasTable,
  orgFirst: ReadonlyMap<string, string>,
): void {
  const { text, tokens, units, hints } = input;
  const journal: TableStep[] | undefined = input.journal;
  /** Ends of one-word places, for "Lokitaung and Kalokol". */
  const placeEnds = new Set<number>();
  for (const d of rec.drafts) if (d.type === 'GPE' && !/\s/.test(d.canonical)) placeEnds.add(d.end);
  for (let i = 0; i < units.length; i++) {
    const u = units[i] as Unit;
    if (!u.cap && !rec.claimed[i] && NEWS_AGENCIES.has(u.text)) {
      // A lower-case agency credit ("(dpa)").
      const before = tokens[u.tok - 1];
      if (before && (before.value === '(' || before.value === '/')) {
        rec.emitSpan(u.start, u.end, 'ORG', 'gazetteer', u.text);
        rec.claimed[i] = 1;
      }
      continue;
    }
    if (!u.cap || rec.claimed[i] || NOT_NAMES.has(u.text) || TITLES.has(u.text)) continue;
    // A known full name written out ("Lee Jae Myung" in a heading).
    let matchedEnd = -1;
    let phrase = u.text;
    const phrases: string[] = [];
    for (let e = i + 1; e < units.length && e < i + 5; e++) {
      const v = units[e] as Unit;
      const prev = units[e - 1] as Unit;
      if (!v.cap || rec.claimed[e] || text.slice(prev.end, v.start) !== ' ') break;
      phrase += ` ${v.text}`;
      phrases.push(phrase);
    }
    table.knownRuns(u.text, phrases).forEach((known, k) => {
      if (!known) return;
      const e = i + 1 + k;
      rec.emitSpan(u.start, (units[e] as Unit).end, known.type as EntityType, 'alias', known.canonical);
      matchedEnd = e;
    });
    if (matchedEnd >= 0) {
      for (let k = i; k <= matchedEnd; k++) rec.claimed[k] = 1;
      i = matchedEnd;
      continue;
    }
    const word = u.allCaps ? titleCase(u.text) : u.text;
    const pos = tokens[u.tok]?.pos;
    const fuzzy = (!u.sentenceStart || pos === 'PROPN') && !GAZETTEER.has(placeKey(word));
    const place = rec.places.get(word);
    const known = place ? undefined : table.lookupWord(word, fuzzy);
    const org = orgFirst.get(word);
    if (place !== undefined || (!known && joinedToPlace(u, tokens, placeEnds, rec.lowerWords))) {
      // A place this article named by context, written bare elsewhere ("Kestown council", "TAMSEN"), or
      // joined to one ("the towns of Lokitaung and Kalokol").
      rec.emitSpan(u.start, u.end, 'GPE', 'pattern', word);
      rec.claimed[i] = 1;
      placeEnds.add(u.end);
    } else if (org && !known && SPEECH_VERBS.has(tokens[u.lastTok + 1]?.value ?? '')) {
      rec.emitSpan(u.start, u.end, 'ORG', 'alias', org);
      rec.claimed[i] = 1;
    } else if (known && known.type === 'PERSON') {
      const corpus = hints.known.has(known.canonical);
      journal?.push({ call: 'hint', arg: known.canonical, answer: corpus ? '1' : '0' });
      const source: EntitySource = corpus ? 'corpus' : 'alias';
      rec.emitSpan(u.start, u.end, 'PERSON', source, known.canonical);
      rec.claimed[i] = 1;
    } else if (u.text === 'X' || u.text === 'X.') {
      // The social network, as in "posted on X".
      const before = tokens[u.tok - 1];
      if (before && before.value === 'on') {
        rec.emitSpan(u.start, u.start + 1, 'ORG', 'pattern', 'X');
        rec.claimed[i] = 1;
      }
    }
  }
}
