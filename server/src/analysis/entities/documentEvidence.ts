// The rule engine's document stage: once the recogniser has read every name, evidence from the whole
// article and the corpus hints settles them. A bare first word of a company is the company; full names
// resolve through the alias table (and the corpus); guessed one-word places and people take the type a
// known name gives them; unclaimed capitalised words that are a known name, a place named here or a
// company's first word are marked; short forms of organisations and storms are found everywhere; an
// acronym the article defines names its full name.
import type { AliasTable, TableStep } from './aliases';
import { titleCase } from './aliases';
import { aliasTableFor } from './entityIndex';
import {
  GAZETTEER,
  NEWS_AGENCIES,
  NOT_NAMES,
  ORG_FIRST_WORDS,
  ORG_HEADS,
  ORG_PREFIXES,
  TITLES,
  placeKey,
} from './gazetteers';
import type { NlpToken } from '../text/nlp';
import { ContainIndex } from './spanIndex';
import type { EntityHints, EntitySource, EntityType } from '../types';
import type { Draft } from './drafts';
import { GENERIC_WORDS, SPEECH_VERBS, TEAM_PLURAL_RE, teamPlace } from './lexicon';
import type { Unit } from './units';

/** Short forms of organisations (see `shortForms`) looked for in one article at most. */
const MAX_SHORT_FORMS = 64;
/** First words of a named storm, whose name then stands alone ("Cyclone Vayura" … "Vayura"). */
const STORM_WORDS = new Set(['Cyclone', 'Hurricane', 'Typhoon', 'Storm']);
/** An acronym in brackets right after a name: "(WTO)". */
const ACRONYM_AFTER_RE = /^\s*\(\s*(\p{Lu}[\p{Lu}&]{1,7})\s*\)/u;
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** What the document stage reads and writes of the recogniser's work. */
export interface Recognised {
  readonly drafts: Draft[];
  /** Places the article names by context, keyed by spelling (see the recogniser). */
  readonly places: Map<string, boolean>;
  /** Units already part of a draft. */
  readonly claimed: Uint8Array;
  /** Lower-case words of the article. */
  readonly lowerWords: Set<string>;
  emitSpan(start: number, end: number, type: EntityType, source: EntitySource, canonical: string): void;
}

/** The article as the stage reads it. */
export interface EvidenceInput {
  text: string;
  tokens: NlpToken[];
  units: Unit[];
  hints: EntityHints;
  /** Receives every question asked of the hints (see `replaysWith`). */
  journal?: TableStep[];
}

/** Settles the recogniser's drafts by the article's and the corpus's evidence, and adds what it names. */
export function applyDocumentEvidence(rec: Recognised, input: EvidenceInput): void {
  const { text, tokens, units, hints, journal } = input;
  const orgFirst = orgFirstWords(rec.drafts, text, rec.places);
  for (const d of rec.drafts) {
    // "Norvane said" after "Norvane Shipping": the company, not a person.
    const org = d.type === 'PERSON' && !/\s/.test(d.canonical) ? orgFirst.get(d.canonical) : undefined;
    if (org) {
      d.type = 'ORG';
      d.canonical = org;
    }
  }

  // Document evidence: full names found here (and corpus hints) name the same entity everywhere.
  const table = tableFromHints(hints);
  if (journal) {
    table.record(journal);
    journal.push({ call: 'anyHints', arg: '', answer: hints.known.size > 0 ? '1' : '0' });
  }
  for (const d of rec.drafts) {
    if (d.type !== 'PERSON' || d.guess) continue;
    if (!/\s/.test(d.canonical)) continue;
    d.canonical = table.resolveFull(d.canonical).canonical;
  }
  for (const d of rec.drafts) {
    if (d.type !== 'PERSON' || !d.guess) continue;
    if (/\s/.test(d.canonical)) {
      const known = table.resolveGuess(d.canonical);
      d.type = known.type as EntityType;
      d.canonical = known.canonical;
    }
  }
  for (const d of rec.drafts) {
    if (d.type === 'GPE' && d.guess && !/\s/.test(d.canonical)) {
      // "a letter from Dalsgaard": a known person's name after a preposition is the person.
      const known = table.lookupWord(d.canonical, false);
      if (known && known.type === 'PERSON') {
        d.type = 'PERSON';
        d.canonical = known.canonical;
        d.source = 'alias';
        rec.places.delete(text.slice(d.start, d.end));
      }
      continue;
    }
    if (d.type === 'PERSON' && !/\s/.test(d.canonical)) {
      const known = table.lookupWord(d.canonical, !GAZETTEER.has(placeKey(d.canonical)));
      const place = rec.places.get(text.slice(d.start, d.end));
      // "said Kestown needed": a word this article names as a place is the place, unless a person has it.
      if (place === true || (place === false && !known)) {
        d.type = 'GPE';
        d.canonical = text.slice(d.start, d.end);
        continue;
      }
      if (known) {
        d.canonical = known.canonical;
        d.source = 'alias';
      }
    } else if (d.type !== 'PERSON' && hints.known.size > 0) {
      d.canonical = table.canonicalAs(d.canonical, d.type);
    }
  }
  /** Ends of one-word places, for "Lokitaung and Kalokol". */
  const placeEnds = new Set<number>();
  for (const d of rec.drafts) if (d.type === 'GPE' && !/\s/.test(d.canonical)) placeEnds.add(d.end);
  // Unclaimed capitalised words: a known person's single name, or a near-miss spelling of one.
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
  let formsRead = 0;
  for (const [core, [canonical, type]] of shortForms(rec.drafts, text, rec.lowerWords, rec.places)) {
    // A one-word form that names a person of this article or the corpus is left to the person.
    if (!/\s/.test(core) && table.lookupWord(core, false)?.type === 'PERSON') continue;
    // Each form reads the whole text: as many as an article has, not as many as a degenerate text makes.
    if (++formsRead > MAX_SHORT_FORMS) break;
    // What the drafts held before this form's occurrences: these never contain or repeat one another.
    const containing = new ContainIndex(rec.drafts.filter((d) => d.type === type));
    const byRange = new Map<string, Draft>();
    for (const d of rec.drafts)
      if (!byRange.has(`${d.start}:${d.end}`)) byRange.set(`${d.start}:${d.end}`, d);
    // "Serra Azul Mineração" after "Serra Azul Mineração S.A.", "Padres" after "San Diego Padres".
    for (let at = text.indexOf(core); at >= 0; at = text.indexOf(core, at + core.length)) {
      const end = at + core.length;
      if (WORD_CHAR_RE.test(text[at - 1] ?? '') || WORD_CHAR_RE.test(text[end] ?? '')) continue;
      if (containing.contains(at, end)) continue;
      const same = byRange.get(`${at}:${end}`);
      if (same) Object.assign(same, { type, canonical, source: 'alias' });
      else rec.emitSpan(at, end, type, 'alias', canonical);
    }
  }
  linkAcronyms(rec.drafts, text);
}

/**
 * Short forms of this article's organisations and storms that are safe to find anywhere in it: a company's
 * name without its legal or sector ending when two words or more remain ("Eko Re" of "Eko Re Group Plc"), a
 * team's nickname ("Padres" of "San Diego Padres"), a storm's name ("Vayura" of "Cyclone Vayura"). A form
 * two of them share is left out.
 */
function shortForms(
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

/** Capital initials of a name's words, connectors skipped ("Organisation for Economic Co-operation" → "OEC"). */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/**
 * "World Trade Organization (WTO)": an acronym the article defines names the same entity wherever it
 * stands, so hover, references and related articles see one entity, not two.
 */
function linkAcronyms(drafts: Draft[], text: string): void {
  const defined = new Map<string, Draft>();
  for (const d of drafts) {
    if (d.type !== 'ORG' && d.type !== 'FAC' && d.type !== 'EVENT' && d.type !== 'GPE') continue;
    const m = ACRONYM_AFTER_RE.exec(text.slice(d.end, d.end + 16));
    const acronym = m?.[1];
    if (acronym && initials(text.slice(d.start, d.end)) === acronym) defined.set(acronym, d);
  }
  if (defined.size === 0) return;
  for (const d of drafts) {
    const full = defined.get(text.slice(d.start, d.end));
    if (full && full !== d) Object.assign(d, { type: full.type, canonical: full.canonical, source: 'alias' });
  }
}

/**
 * First words of the article's companies and outlets ("Norvane" of "Norvane Shipping") → the full name, so a
 * bare first word is the organisation. Words that are places here, or head several names, are left out.
 */
function orgFirstWords(
  drafts: Draft[],
  text: string,
  places: ReadonlyMap<string, boolean>,
): Map<string, string> {
  const out = new Map<string, string>();
  const clash = new Set<string>();
  for (const d of drafts) {
    if (d.type !== 'ORG' || d.source !== 'pattern') continue;
    const words = text.slice(d.start, d.end).split(/\s+/);
    const first = words[0] ?? '';
    const last = words[words.length - 1] ?? '';
    if (words.length < 2 || !ORG_HEADS.has(last) || ORG_PREFIXES.has(first) || NOT_NAMES.has(first)) continue;
    if (places.has(first) || GAZETTEER.has(placeKey(first)) || !/^\p{Lu}\p{Ll}+$/u.test(first)) continue;
    const prev = out.get(first);
    if (prev !== undefined && prev !== d.canonical) clash.add(first);
    else out.set(first, d.canonical);
  }
  for (const w of clash) out.delete(w);
  return out;
}

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

/** Adds the corpus hints to an alias table. */
function tableFromHints(hints: EntityHints): AliasTable {
  return aliasTableFor(hints);
}
