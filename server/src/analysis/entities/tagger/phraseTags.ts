// Phrase-level readings of a tagged document: the gazetteer entries its capitalised phrases are, and the
// capitalised runs that end in a head word of a kind ("… Bank", "… Stadium").
import {
  EVENT_HEADS,
  FAC_HEADS,
  GAZETTEER,
  GAZETTEER_MAX_WORDS,
  GPE_SUFFIXES,
  LOC_SUFFIXES,
  NEWS_AGENCIES,
  ORG_HEADS,
  placeKey,
} from '../gazetteers';
import type { TagToken, TaggerDoc } from './taggerDoc';
import { type WordFeatures, isCap } from './wordFeatures';

let gazetteerPrefixes: Set<string> | undefined;

/** Every phrase that the gazetteer or the agency list continues: "Bosnia and" of "Bosnia and Herzegovina". */
function prefixesOfGazetteer(): Set<string> {
  if (gazetteerPrefixes) return gazetteerPrefixes;
  const out = new Set<string>();
  for (const key of [...GAZETTEER.keys(), ...NEWS_AGENCIES.keys()]) {
    const ws = placeKey(key).split(' ');
    for (let k = 1; k < ws.length; k++) out.add(ws.slice(0, k).join(' '));
  }
  gazetteerPrefixes = out;
  return out;
}

/** A phrase's gazetteer entry as a tag ("GPE", "GPEw" for a weak entry, '' for none) and whether longer entries start with it. */
export interface PhraseEntry {
  tag: string;
  continues: boolean;
}

function gazetteerEntry(key: string, phrase: string, prefixes: Set<string>): PhraseEntry {
  const e = GAZETTEER.get(key) ?? NEWS_AGENCIES.get(phrase);
  return { tag: e ? e.type + (e.weak ? 'w' : '') : '', continues: prefixes.has(key) };
}

/** Gazetteer reading of each token: `B-GPE`, `I-LOC`, `B-GPEw` (weak entry) or ''. */
export function gazetteerTags(doc: TaggerDoc, words: readonly WordFeatures[]): string[] {
  const { tokens, text } = doc;
  const out = new Array<string>(tokens.length).fill('');
  const prefixes = prefixesOfGazetteer();
  for (let i = 0; i < tokens.length; i++) {
    if (!(words[i] as WordFeatures).cap) continue;
    let phrase = '';
    let key = '';
    let best = -1;
    let bestType = '';
    for (let j = i; j < tokens.length && j < i + GAZETTEER_MAX_WORDS; j++) {
      const t = tokens[j] as TagToken;
      const x = words[j] as WordFeatures;
      if (j > i) {
        const prev = tokens[j - 1] as TagToken;
        if (t.start !== prev.end + 1 || text.charCodeAt(prev.end) !== 32) break;
      }
      if (!x.letter && t.value !== '.' && t.value !== '&') break;
      // The phrase and its gazetteer key (`placeKey` of the phrase), grown a word at a time.
      phrase = j === i ? x.title : `${phrase} ${x.title}`;
      key = x.key === '' ? key : key === '' ? x.key : `${key} ${x.key}`;
      // A phrase of one word is looked up once per spelling (most capitalised words are no entry).
      if (j === i) {
        x.entry ??= gazetteerEntry(key, phrase, prefixes);
      }
      const e = j === i ? x.entry : gazetteerEntry(key, phrase, prefixes);
      if (e?.tag) {
        best = j;
        bestType = e.tag;
      }
      // No longer entry starts with this phrase.
      if (!e?.continues) break;
    }
    if (best < 0) continue;
    out[i] = `B-${bestType}`;
    for (let k = i + 1; k <= best; k++) out[k] = `I-${bestType}`;
    i = best;
  }
  return out;
}

/**
 * Capitalised runs and the kind of their last word: ORG for a company or body head ("… Bank",
 * "… Ltd"), FAC, EVENT, LOC or GPE heads; '' when the run has none.
 */
export function runHeads(doc: TaggerDoc): string[] {
  const { tokens } = doc;
  const out = new Array<string>(tokens.length).fill('');
  let i = 0;
  while (i < tokens.length) {
    if (!isCap((tokens[i] as TagToken).value)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = (tokens[j + 1] as TagToken).value;
      if (isCap(next) || ((next === 'of' || next === '&') && isCap(tokens[j + 2]?.value ?? ''))) j++;
      else break;
    }
    const last = (tokens[j] as TagToken).value;
    const head = ORG_HEADS.has(last)
      ? 'ORG'
      : FAC_HEADS.has(last)
        ? 'FAC'
        : EVENT_HEADS.has(last)
          ? 'EVENT'
          : LOC_SUFFIXES.has(last)
            ? 'LOC'
            : GPE_SUFFIXES.has(last)
              ? 'GPE'
              : '';
    if (head && j > i) for (let k = i; k <= j; k++) out[k] = head + (k === j ? 'h' : '');
    i = j + 1;
  }
  return out;
}
