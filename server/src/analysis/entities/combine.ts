// The tagger as a source of entities beside the rules: its spans are typed to our type set, then
//  - 'candidates': a tagger span that no rule mention overlaps is added (the rules keep every
//    mention they found and their types);
//  - 'primary': tagger spans replace the rule mentions they overlap, keeping the rule's type and
//    canonical name where the rule found the same span with a type of the same kind (GPE for LOC),
//    and rule mentions the tagger missed stay.
// A name the tagger added is then marked at its other bare occurrences in the article, and a person's
// surname alone takes the full name found in the same article, as the rules do for their own names.
import { nameKey } from './aliases';
import { analyzeText, type NlpDoc } from '../text/nlp';
import type { TableStep } from './aliases';
import { findEntities } from './recogniser';
import type { EntityHints, EntityMention, EntityTaggerMode, NamedEntityType } from '../types';
import { NAMED_ENTITY_TYPES } from '../types';
import { isDemonymShape, refineType, titlePhrase } from './refine';
import { SPORTS_WORDS, type TagToken } from './tagger/features';
import { COARSE_OF } from './tagger/labels';
import type { TaggerModel } from './tagger/model';
import { occurrencesAtTokens } from './addedOccurrences';
import { shippedModel } from './tagger/shipped';
import { tagDoc, tagTokens, type TagResult, type TaggedEntity } from './tagger/tagger';
import {
  FAC_HEADS,
  GAZETTEER,
  GPE_SUFFIXES,
  LOC_SUFFIXES,
  NAME_PARTICLES,
  NOT_NAMES,
  ORG_HEADS,
  PLACE_NOUNS,
  WATER_NOUNS,
  PLACE_PREPOSITIONS,
  ROLE_NOUNS,
  TITLES,
  TRAVEL_WORDS,
  placeKey,
} from './gazetteers';

export type TaggerMode = EntityTaggerMode;

const NAMED = new Set<string>(NAMED_ENTITY_TYPES);
/** Rule types that the tagger's coarse classes do not tell apart (FAC among places, EVENT, NORP). */
const KEPT_TYPES = new Set<string>(['FAC', 'EVENT', 'NORP']);
/**
 * Margins of the model's Viterbi score (see `TagResult.preference`), tuned on the CoNLL development split
 * and held against the held-out pages: how much more the model must score
 *  - a name than no name for it to pass on the line checks alone, on a line that looks unlikely (a
 *    player alone on a line of results, a byline), or as a one-word person without a full name;
 */
const SURE_MARGIN = 80;
/**  - its reading than the rules' one to replace it; */
const OVERRIDE_MARGIN = 60;
/**
 *  - the same where the rules only guessed (a pattern of capitals, not a list entry nor the article's
 *    evidence), or where the tagger's name holds the rules' whole and more ("S. Waugh" for "Waugh");
 */
const LOOSE_MARGIN = 30;
/**  - the same in a sports report, where the rules' places are often clubs; */
const SPORTS_OVERRIDE_MARGIN = 10;
/**  - no name than a name only the rules found by a guess, for that name to be dropped. */
const DROP_MARGIN = 50;

/** `B-TYPE` and `I-TYPE` of each named type, made once: the labels are hashed per token. */
const RULE_LABELS = new Map(NAMED_ENTITY_TYPES.map((t) => [t as string, [`B-${t}`, `I-${t}`] as const]));

/** The rule mentions as BIO labels over the tagger's tokens (the model's rule features). */
export function ruleLabelsOf(tokens: TagToken[], mentions: readonly EntityMention[]): string[] {
  const out = new Array<string>(tokens.length).fill('O');
  const named = mentions.filter((m) => NAMED.has(m.type)).sort((a, b) => a.span.start - b.span.start);
  let k = 0;
  for (const m of named) {
    while (k < tokens.length && (tokens[k] as TagToken).end <= m.span.start) k++;
    const [b, inside] = RULE_LABELS.get(m.type) as readonly [string, string];
    for (let i = k; i < tokens.length && (tokens[i] as TagToken).start < m.span.end; i++) {
      out[i] = i === k ? b : inside;
    }
  }
  return out;
}

/** The tagger's entities of `text`, given the rule engine's mentions of it. */
export function taggedEntities(
  text: string,
  mentions: readonly EntityMention[],
  nlp: NlpDoc = analyzeText(text),
  model: TaggerModel = shippedModel(),
): TaggedEntity[] {
  return tagWithRules(text, mentions, nlp, model).entities;
}

function tagWithRules(
  text: string,
  mentions: readonly EntityMention[],
  nlp: NlpDoc,
  model: TaggerModel,
): Tagged {
  const tokens = tagTokens(text, nlp.tokens);
  const rules = ruleLabelsOf(tokens, mentions);
  return { ...tagDoc(model, { text, tokens, rules: model.ruleFeatures ? rules : undefined }), tokens, rules };
}

type Tagged = TagResult & {
  tokens: TagToken[];
  /** The rule mentions as BIO labels over the tokens (our types). */
  rules: string[];
  lower?: Set<string>;
  capMid?: Set<string>;
};

const CAP_RE = /^\p{Lu}/u;
/** A capital after a letter or a hyphen inside a word ("KeyCorp", "Itar-Tass"). */
const INNER_CAPITAL_RE = /[\p{Ll}-]\p{Lu}/u;

/**
 * Whether the line of token `k` may hold a name only the tagger found. The tagger learnt from wire copy,
 * which has no site furniture and no title-case headlines: a results row or table line ("Dorn 3 Vale 1")
 * is read as the tagger reads it, but not a menu ("World | Energy | Sports"), a short all-caps label
 * ("CRIME & COURTS"), a short line that is the name alone or a one-word name, nor a title-case headline
 * (a line of names in a report is not one: it has its verbs in lower case).
 */
function plausibleLine(text: string, r: Tagged, k: number, wordCount: number): boolean {
  const form = r.layout.lineForm[k] ?? 0;
  if ((form & 2) !== 0) return true;
  const lines = r.layout.lines;
  const lineWords = lines.words[k] ?? 0;
  if ((lines.bars[k] ?? 0) >= 2) return false;
  if ((form & 1) !== 0 && lineWords <= 5) return false;
  if (lineWords <= 3 && (wordCount === 1 || wordCount === lineWords)) return false;
  return !titleCaseLine(r, k);
}

/**
 * Whether token `k`'s line is in title case: every word of four letters or more capitalised (a line of
 * names has its verbs). An all-caps line has tests of its own, and a line with several numbers or
 * commas and brackets is a score card or a list of names, not a headline.
 */
function titleCaseLine(r: Tagged, k: number): boolean {
  const lines = r.layout.lines;
  if (((r.layout.lineForm[k] ?? 0) & 1) !== 0) return false;
  if ((lines.digits[k] ?? 0) >= 2 || (lines.marks[k] ?? 0) >= 2) return false;
  const long = lines.long[k] ?? 0;
  return long >= 3 && lines.capLong[k] === long;
}

/**
 * Whether the line of a tagger name allows it: a plausible line (see `plausibleLine`), or any line but
 * a menu or a title-case headline when the model is very sure of the name (a player alone on a line of
 * results, a byline).
 */
function lineAllows(text: string, r: Tagged, e: TaggedEntity, wordCount: number): boolean {
  if (plausibleLine(text, r, e.startTok, wordCount)) return true;
  if ((r.layout.lines.bars[e.startTok] ?? 0) >= 2 || titleCaseLine(r, e.startTok)) return false;
  return r.preference(e.startTok, e.endTok, []) >= SURE_MARGIN;
}

/** Whether none of a name's words is one the rules keep out of names ("Read More", "Photo", titles). */
function plausibleWords(words: readonly string[]): boolean {
  if (words.length > 1 && GAZETTEER.has(placeKey(titlePhrase(words.join(' '))))) return true;
  return !words.some((w) => NOT_NAMES.has(w) || TITLES.has(w) || NOT_NAMES.has(titlePhrase(w)));
}

/**
 * Whether a name only the tagger found is worth adding. The tagger learnt from wire copy, which has no
 * site furniture and no title-case headlines: it is not trusted on short lines ("Sports", "Login"), on
 * title-case lines, on words the rules keep out of names ("Read More", titles), nor on one capitalised
 * word opening a sentence that is not a proper noun or is written in lower case elsewhere ("Heavy").
 */
function plausible(text: string, r: Tagged, e: TaggedEntity): boolean {
  const { tokens } = r;
  const words = text.slice(e.start, e.end).split(/\s+/);
  if (!plausibleWords(words) || !plausibleLine(text, r, e.startTok, words.length)) return false;
  // "Minister of State for Energy Affairs": a portfolio after an office, not a person.
  if (e.type === 'PER' && afterOffice(r, e.startTok)) return false;
  if (e.endTok - e.startTok === 1) {
    const t = tokens[e.startTok] as TagToken;
    // Opening a sentence, a capitalised word is a name only if it is capitalised mid-sentence elsewhere;
    // not so a word no common word is written like ("KeyCorp"), nor the first word of a results row.
    const row = ((r.layout.lineForm[e.startTok] ?? 0) & 2) !== 0;
    if (
      !row &&
      !INNER_CAPITAL_RE.test(t.value) &&
      opensSentence(r, e.startTok) &&
      (t.pos !== 'PROPN' || !capitalisedMidSentence(r, t.value))
    )
      return false;
    const lower = t.value.toLowerCase();
    if (lower !== t.value && lowerWordsOf(r).has(lower)) return false;
  }
  return true;
}

/**
 * The tagger's names made ready to add: a title opening a person's name is left out ("Dr Katharina
 * Vell" → "Katharina Vell"), and two parts of a person's name around lower-case particles are one name
 * ("Anouk" "de" "Ridder").
 */
function tidied(r: Tagged, entities: readonly TaggedEntity[]): TaggedEntity[] {
  const out: TaggedEntity[] = [];
  for (const e of entities) {
    let x = e;
    while (
      x.type === 'PER' &&
      x.endTok - x.startTok > 1 &&
      TITLES.has((r.tokens[x.startTok] as TagToken).value)
    ) {
      const next = r.tokens[x.startTok + 1] as TagToken;
      x = { ...x, startTok: x.startTok + 1, start: next.start };
    }
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.type === 'PER' &&
      x.type === 'PER' &&
      x.startTok > prev.endTok &&
      x.startTok - prev.endTok <= 3
    ) {
      let particles = r.layout.sentence[prev.startTok] === r.layout.sentence[x.startTok];
      for (let k = prev.endTok; k < x.startTok; k++)
        if (!NAME_PARTICLES.has((r.tokens[k] as TagToken).value)) particles = false;
      if (particles) {
        out[out.length - 1] = { ...prev, end: x.end, endTok: x.endTok };
        continue;
      }
    }
    out.push(x);
  }
  return out;
}

/** Whether token `k` follows "of" or "for" after an office ("Minister of", "Secretary of State for"). */
function afterOffice(r: Tagged, k: number): boolean {
  const prev = r.tokens[k - 1]?.value;
  if (prev !== 'of' && prev !== 'for') return false;
  for (let j = k - 2; j >= Math.max(0, k - 5); j--) {
    const v = (r.tokens[j] as TagToken).value;
    if (TITLES.has(v) || ROLE_NOUNS.has(v.toLowerCase())) return true;
  }
  return false;
}

/** Whether token `k` opens its sentence, past any bullets, dashes or quote marks ("» Avocado", "- Additional"). */
function opensSentence(r: Tagged, k: number): boolean {
  for (let j = k; j >= 0; j--) {
    if (r.layout.sentenceStart[j]) return true;
    const prev = r.tokens[j - 1]?.value ?? '';
    if (prev === ':' || prev === ';' || prev === '.' || prev === '!' || prev === '?' || prev === '(')
      return true;
    if (/[\p{L}\p{N}]/u.test(prev)) return false;
  }
  return true;
}

/** Whether `word` stands capitalised inside a sentence somewhere in the document. */
function capitalisedMidSentence(r: Tagged, word: string): boolean {
  if (!r.capMid) {
    // After a lower-case word: inside prose, not in a title-case headline.
    r.capMid = new Set(
      r.tokens
        .filter((t, i) => CAP_RE.test(t.value) && /^\p{Ll}/u.test(r.tokens[i - 1]?.value ?? ''))
        .map((t) => t.value),
    );
  }
  return r.capMid.has(word);
}

/** Words written in lower case in the document (cached on the result). */
function lowerWordsOf(r: Tagged): Set<string> {
  if (!r.lower) r.lower = new Set(r.tokens.filter((t) => !/\p{Lu}/u.test(t.value)).map((t) => t.value));
  return r.lower;
}
interface Range {
  start: number;
  end: number;
}

/** Non-overlapping ranges kept sorted, for overlap tests in logarithmic time. */
class Ranges {
  private readonly items: Range[] = [];

  constructor(ranges: Iterable<Range> = []) {
    for (const r of ranges) this.add(r);
  }

  /** Index of the first range ending after `at`. */
  private firstEndingAfter(at: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.items[mid] as Range).end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The ranges that overlap `r`, in order. */
  overlapping(r: Range): Range[] {
    const out: Range[] = [];
    for (let k = this.firstEndingAfter(r.start); k < this.items.length; k++) {
      const x = this.items[k] as Range;
      if (x.start >= r.end) break;
      out.push(x);
    }
    return out;
  }

  overlaps(r: Range): boolean {
    const x = this.items[this.firstEndingAfter(r.start)];
    return x !== undefined && x.start < r.end;
  }

  /** Adds `r` if it overlaps none of the ranges; returns whether it did. */
  add(r: Range): boolean {
    // Ranges mostly come in text order: one after the last overlaps none.
    const last = this.items[this.items.length - 1];
    if (!last || r.start >= last.end) {
      this.items.push(r);
      return true;
    }
    if (this.overlaps(r)) return false;
    this.items.splice(this.firstEndingAfter(r.start), 0, r);
    return true;
  }
}

/** Combines the rule mentions of `text` with the tagger's entities. */
export function combineWithTagger(
  text: string,
  mentions: EntityMention[],
  mode: TaggerMode,
  nlp?: NlpDoc,
  model?: TaggerModel,
): EntityMention[] {
  if (mode === 'off' || text.length === 0) return mentions;
  const result = tagWithRules(text, mentions, nlp ?? analyzeText(text), model ?? shippedModel());
  const tagged = tidied(result, result.entities);
  const named = mentions.filter((m) => NAMED.has(m.type));
  const others = mentions.filter((m) => !NAMED.has(m.type));
  // The rule engine's mentions never overlap; by span, to find those a tagger span meets.
  const ruleSpans = new Ranges();
  const ruleAt = new Map<Range, EntityMention>();
  for (const m of named) {
    if (ruleSpans.add(m.span)) ruleAt.set(m.span, m);
  }
  const kept: EntityMention[] = [];
  const added: EntityMention[] = [];
  const fromTagger = (e: TaggedEntity, type: NamedEntityType): EntityMention => {
    const written = text.slice(e.start, e.end);
    return {
      span: { start: e.start, end: e.end },
      type,
      text: written,
      canonical: titlePhrase(written),
      source: 'tagger',
    };
  };
  // Last words of the article's full names of people, rules' or tagger's: a one-word person must be one
  // (outside results rows).
  const surnames = new Set<string>();
  for (const m of named)
    if (m.type === 'PERSON' && /\s/.test(m.text)) surnames.add(m.text.split(/\s+/).pop() ?? '');
  for (const e of tagged) {
    const w = text.slice(e.start, e.end);
    if (e.type === 'PER' && /\s/.test(w)) surnames.add(w.split(/\s+/).pop() ?? '');
  }
  const typeOf = (e: TaggedEntity, sure = false): NamedEntityType | undefined => {
    const w = text.slice(e.start, e.end);
    const type = refineType(w, e.type);
    if (!/\s/.test(w)) {
      // The surname of a person of the article is that person ("Villaseñor" after "Amparo Villaseñor").
      if (surnames.has(w)) return 'PERSON';
      // A people's name before a lower-case word is its adjective ("the Norvanian parliament"), whatever
      // the tagger made of it.
      const next = result.tokens[e.endTok]?.value ?? '';
      if (type !== 'PERSON' && isDemonymShape(w) && /^\p{Ll}/u.test(next)) return 'NORP';
    }
    // In a results row a surname alone is the usual way to name a player.
    const row = ((result.layout.lineForm[e.startTok] ?? 0) & 2) !== 0;
    return type === 'PERSON' && !/\s/.test(w) && !surnames.has(w) && !row && !sure ? undefined : type;
  };
  if (mode === 'candidates') {
    const replaced = new Set<EntityMention>();
    // In sports reports the rules' places are often clubs named after them: the tagger is heard sooner.
    let sports: boolean | undefined;
    for (const e of tagged) {
      if (!ruleSpans.overlaps(e)) {
        // A name the model is sure of passes on the line checks alone (a surname alone in a report).
        const words = text.slice(e.start, e.end).split(/\s+/);
        const oneWordPerson = e.type === 'PER' && words.length === 1;
        const ok = plausible(text, result, e);
        if (!ok && !(plausibleWords(words) && lineAllows(text, result, e, words.length))) continue;
        const sure = (!ok || oneWordPerson) && result.preference(e.startTok, e.endTok, []) >= SURE_MARGIN;
        if (!ok && !sure) continue;
        const type = typeOf(e, sure);
        if (type) added.push(fromTagger(e, type));
        continue;
      }
      // Where the rules read the words otherwise, a sure reading of the tagger wins ("Real Arbela"
      // for the rules' "Arbela", a club where the rules saw its city).
      const over = ruleSpans.overlapping(e).map((r) => ruleAt.get(r) as EntityMention);
      const same = over.find((m) => m.span.start === e.start && m.span.end === e.end);
      if (same && COARSE_OF[same.type] === e.type) continue;
      // Types the tagger has no class of its own for, and names the rules resolved to another written
      // form (not merely another case: "YORK" of "NEW YORK" is "York"), are the rules' to keep.
      // A people's adjective inside a longer name of the tagger's ("West Indian", "British Universities")
      // is read with it.
      const inside = (m: EntityMention): boolean =>
        e.start <= m.span.start && m.span.end <= e.end && e.end - e.start > m.text.length;
      const wider = over.every(inside);
      const keptType = (m: EntityMention): boolean =>
        KEPT_TYPES.has(m.type) && !(m.type === 'NORP' && inside(m));
      if (over.some((m) => keptType(m) || (!wider && titlePhrase(m.canonical) !== titlePhrase(m.text))))
        continue;
      const words = text.slice(e.start, e.end).split(/\s+/);
      // On an all-caps line with a date or number (a dateline: "NEW YORK 1996-12-06"), not a masthead,
      // the rules' name is the one read again.
      const dateline =
        ((result.layout.lineForm[e.startTok] ?? 0) & 1) !== 0 &&
        (result.layout.lines.digits[e.startTok] ?? 0) > 0;
      if (!plausibleWords(words) || !(dateline || lineAllows(text, result, e, words.length))) continue;
      sports ??= isSportsReport(result.tokens);
      const guessed = over.every((m) => m.source === 'pattern' || m.source === 'wink');
      const needed = Math.min(
        guessed || wider ? LOOSE_MARGIN : OVERRIDE_MARGIN,
        sports ? SPORTS_OVERRIDE_MARGIN : Infinity,
      );
      if (preferenceOverRules(result, e, over) < needed) continue;
      const last = over[over.length - 1];
      const type =
        typeOf(e) ??
        (e.type === 'MISC' && last?.type === 'NORP' && last.span.end === e.end ? 'NORP' : undefined);
      if (!type) continue;
      over.forEach((m) => replaced.add(m));
      added.push(fromTagger(e, type));
    }
    // A name only the rules found, by a guess, where the model clearly reads no name, is dropped.
    const taggerSpans = new Ranges(tagged);
    for (const m of named) {
      if (replaced.has(m)) continue;
      if (
        (m.source === 'pattern' || m.source === 'wink') &&
        !taggerSpans.overlaps(m.span) &&
        clearlyNoName(result, m)
      )
        continue;
      kept.push(m);
    }
  } else {
    const covered = new Set<EntityMention>();
    for (const e of tagged) {
      const over = ruleSpans.overlapping(e).map((r) => ruleAt.get(r) as EntityMention);
      const same = over.find((m) => m.span.start === e.start && m.span.end === e.end);
      over.forEach((m) => covered.add(m));
      // The same span with a type of the same kind: the rule's finer type and canonical name stand.
      if (same && COARSE_OF[same.type] === e.type) {
        kept.push(same);
        continue;
      }
      const type = over.length > 0 || plausible(text, result, e) ? typeOf(e) : undefined;
      if (type) added.push(fromTagger(e, type));
      else over.forEach((m) => covered.delete(m));
    }
    for (const m of named) if (!covered.has(m)) kept.push(m);
  }
  resolveAdded(text, kept, added, result);
  const all = [...kept, ...added].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: EntityMention[] = [];
  for (const m of all) {
    const prev = out[out.length - 1];
    if (prev && m.span.start < prev.span.end) continue;
    out.push(m);
  }
  // Value entities (dates, money…) where no name lies.
  const nameSpans = new Ranges(out.map((m) => m.span));
  for (const v of others) if (!nameSpans.overlaps(v.span)) out.push(v);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Whether the words before offset `at` introduce a place: "in", "near", "across"…, or "to" after a word
 * of travel ("ferries from Valletta to X", "flights to X").
 */
function placeBefore(text: string, at: number): boolean {
  const before = text
    .slice(Math.max(0, at - 40), at)
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
  const last = before[before.length - 1] ?? '';
  // "From" also introduces sources ("copy from AfriWire").
  if (PLACE_PREPOSITIONS.has(last) && last !== 'from') return true;
  return last === 'to' && before.slice(-4, -1).some((w) => TRAVEL_WORDS.has(w));
}

/**
 * How much the model prefers its reading of a name to the rules' reading of the same words: over the
 * tokens of the name and of the rule mentions it meets, their labels in the tagger's coarse types.
 */
function preferenceOverRules(r: Tagged, e: TaggedEntity | undefined, over: readonly EntityMention[]): number {
  let from = e?.startTok ?? firstEndingAfter(r.tokens, over[0]?.span.start ?? 0);
  let to = e?.endTok ?? from;
  for (const m of over) {
    while (from > 0 && (r.tokens[from - 1] as TagToken).end > m.span.start) from--;
    while (to < r.tokens.length && (r.tokens[to] as TagToken).start < m.span.end) to++;
  }
  const reading: (string | undefined)[] = [];
  for (let k = from; k < to; k++) {
    const label = r.rules[k] ?? 'O';
    const coarse = COARSE_OF[label.slice(2)];
    reading.push(label === 'O' || !coarse ? undefined : `${label.slice(0, 2)}${coarse}`);
  }
  return r.preference(from, to, reading);
}

/** Whether the model scores no name over the rules' reading of mention `m` by `DROP_MARGIN` or more. */
function clearlyNoName(r: Tagged, m: EntityMention): boolean {
  const p = preferenceOverRules(r, undefined, [m]);
  return p !== Infinity && p >= DROP_MARGIN;
}

/** Whether a text reads as a sports report: several different words of sport. */
function isSportsReport(tokens: readonly TagToken[]): boolean {
  const seen = new Set<string>();
  for (const t of tokens) {
    const l = t.value.toLowerCase();
    if (SPORTS_WORDS.has(l)) seen.add(l);
    if (seen.size >= 3) return true;
  }
  return false;
}

/** Index of the first token ending after offset `at`. */
function firstEndingAfter(tokens: readonly TagToken[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as TagToken).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Document consistency of the names the tagger added: a one-word person takes the full name of a person
 * of the article whose last word it is, and every other bare occurrence of an added name is marked too.
 */
function resolveAdded(text: string, kept: EntityMention[], added: EntityMention[], r: Tagged): void {
  // A one-word name that opens an organisation's full name in the article is that organisation
  // ("Hoshizora" after "Hoshizora Chemical Holdings"), unless the gazetteer knows it as a place.
  const orgs = new Map<string, string>();
  for (const m of [...kept, ...added]) {
    if (m.type !== 'ORG' || !/\s/.test(m.text)) continue;
    const [first = '', second = ''] = m.text.split(/\s+/);
    // "Mongla Port Authority", "Brell City Council": a body named after its place.
    if (ORG_HEADS.has(second) || FAC_HEADS.has(second) || GPE_SUFFIXES.has(second)) continue;
    if (!orgs.has(first)) orgs.set(first, m.canonical);
  }
  // A place of the gazetteer keeps its type, and so does a name the tagger read as a place after "the"
  // somewhere in the article ("the Gulf" beside "Gulf Business Today"): companies rarely take the article.
  const places = new Set<string>();
  for (const m of added) {
    const the = /\bthe\s+$/.test(text.slice(Math.max(0, m.span.start - 5), m.span.start));
    if (GAZETTEER.has(placeKey(m.text)) || (the && COARSE_OF[m.type] === 'LOC')) places.add(m.text);
  }
  for (const m of added) {
    const org = /\s/.test(m.text) || places.has(m.text) ? undefined : orgs.get(m.text);
    if (org && m.type !== 'PERSON') Object.assign(m, { type: 'ORG', canonical: org });
  }
  // "the Pasur river", "the Matla and Bidyadhari rivers": a natural feature; "near Tovar": a place.
  for (const m of added) {
    if (/\s/.test(m.text) || m.type === 'PERSON' || m.type === 'LOC') continue;
    const after =
      /^\s+(?:and\s+\p{Lu}\p{L}+\s+)?(\p{Ll}+)/u.exec(text.slice(m.span.end, m.span.end + 40))?.[1] ?? '';
    const feature = after.replace(/s$/, '');
    if (LOC_SUFFIXES.has(after) || LOC_SUFFIXES.has(feature) || WATER_NOUNS.has(feature)) m.type = 'LOC';
    else if (
      m.type === 'ORG' &&
      !orgs.has(m.text) &&
      (placeBefore(text, m.span.start) || PLACE_NOUNS.has(after))
    )
      m.type = 'GPE';
  }
  // One type per added name: the commonest; on a tie, a place if one occurrence follows "in" or "near".
  const votes = new Map<string, Map<NamedEntityType, number>>();
  for (const m of added) {
    const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, m.span.start - 12), m.span.start))?.[1] ?? '';
    const place = (before === 'in' || before === 'near') && COARSE_OF[m.type] === 'LOC' ? 0.5 : 0;
    const v = votes.get(m.text) ?? new Map<NamedEntityType, number>();
    v.set(m.type as NamedEntityType, (v.get(m.type as NamedEntityType) ?? 0) + 1 + place);
    votes.set(m.text, v);
  }
  for (const m of added) {
    const v = votes.get(m.text);
    if (!v || v.size < 2) continue;
    m.type = [...v].sort((a, b) => b[1] - a[1])[0]?.[0] ?? m.type;
  }
  const fullNames = new Map<string, string>();
  for (const p of [...kept, ...added]) {
    if (p.type !== 'PERSON' || !/\s/.test(p.canonical)) continue;
    const key = nameKey(p.canonical.split(/\s+/).pop() ?? '');
    if (!fullNames.has(key)) fullNames.set(key, p.canonical);
  }
  for (const m of added) {
    if (m.type !== 'PERSON' || /\s/.test(m.canonical)) continue;
    const full = fullNames.get(nameKey(m.canonical));
    if (full) m.canonical = full;
  }
  const taken = new Ranges();
  for (const m of [...kept, ...added].sort((a, b) => a.span.start - b.span.start)) taken.add(m.span);
  const extra: EntityMention[] = [];
  const firsts = new Map<string, EntityMention>();
  for (const m of added) if (!firsts.has(m.text) && m.text.length >= 2) firsts.set(m.text, m);
  const names = [...firsts.keys()];
  const found = occurrencesAtTokens(text, names, r.tokens);
  names.forEach((name, i) => {
    const m = firsts.get(name) as EntityMention;
    for (const k of found[i] as number[]) {
      if (!plausibleLine(text, r, k, name.split(/\s+/).length)) continue;
      const start = (r.tokens[k] as TagToken).start;
      const span = { start, end: start + name.length };
      if (taken.add(span)) extra.push({ ...m, span });
    }
  });
  added.push(...extra);
}

/**
 * The entities of one text as the analysis reports them: the rule engine's (see `findEntities`), joined
 * by the tagger's as `mode` says. The tagger depends on the text and the rule mentions only, so the
 * journal of the rules' questions to the hints still tells whether other hints give the same result.
 */
export function recogniseEntities(
  text: string,
  hints: EntityHints,
  mode: TaggerMode = 'off',
  journal?: TableStep[],
  nlp?: NlpDoc,
  model?: TaggerModel,
): EntityMention[] {
  if (mode === 'off') return findEntities(text, hints, journal, nlp);
  const doc = nlp ?? analyzeText(text);
  return combineWithTagger(text, findEntities(text, hints, journal, doc), mode, doc, model);
}
