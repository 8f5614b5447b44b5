// Named-entity recognition over one article text: proper-noun runs built from wink tokens, typed by
// gazetteers, titles, heads and context ("X said"), then resolved against document and corpus evidence.
// Names their context settles (datelines, credits, place shapes) are read first by contextNames.ts, then
// the candidate runs are found by candidateRuns.ts.
import type { TableStep } from './aliases';
import { ArticleView } from './articleView';
import { type Candidate, findCandidateRuns } from './candidateRuns';
import { nameByContext } from './contextNames';
import { DraftWriter } from './draftWriter';
import {
  EVENT_HEADS,
  EVENT_OF_HEADS,
  EVENT_PREFIXES,
  FAC_FIRST_WORDS,
  LOC_OF_HEADS,
  ORG_FIRST_WORDS,
  EVENT_TAILS,
  FAC_HEADS,
  FAC_TAILS,
  GAZETTEER_MAX_WORDS,
  GPE_SUFFIXES,
  LOC_SUFFIXES,
  GPE_PREFIXES,
  LOC_PREFIXES,
  NOT_NAMES,
  ORG_HEADS,
  ORG_INTRODUCERS,
  ORG_PREFIXES,
  OUTLET_PREFIXES,
  PLACE_PREPOSITIONS,
  ROLE_NOUNS,
  TITLES,
  TRAVEL_WORDS,
  type GazetteerEntry,
} from './gazetteers';
import type { NewlineIndex } from '../text/newlines';
import { applyDocumentEvidence } from './documentEvidence';
import { type Draft, resolveOverlaps } from './drafts';
import { GENERIC_WORDS, TEAM_PLURAL_RE, gazetteer, teamPlace } from './lexicon';
import { type Unit, buildUnits, isCap, splitHyphens } from './units';
import { analyzeText, type NlpDoc, type NlpToken } from '../text/nlp';
import type { EntityHints, EntityMention, EntitySource, EntityType } from '../types';

const DOMAIN_RE = /\.(com|net|org|co|io|news|tv)$/i;
/** Capitalised words of ministerial portfolios, which stand between a title and a name. */
const PORTFOLIO_WORDS = new Set(
  (
    'Energy Affairs Climate Environment Agriculture Economy Economic Finance Trade Industry Labour Labor ' +
    'Transport Infrastructure Tourism Culture Sport Sports Youth Women Family Justice Interior Defence Defense ' +
    'Security Health Education Science Technology Digital Development Housing Water Fisheries Mines ' +
    'Petroleum Commerce Investment Planning Information Communications Immigration Migration Refugees ' +
    'Welfare Treasury Budget Relations Cooperation Integration Neighbourhood Enlargement Competition'
  ).split(' '),
);
/** Distinct words `inProse` looks up in one article at most: each lookup reads the whole text. */
const MAX_PROSE_LOOKUPS = 64;

/** How far a run may be guessed: headings only by lookup, connector pieces not by shape. */
type Mode = 'heading' | 'noGuess' | 'full';

class Recogniser {
  private readonly text: string;
  private readonly tokens: NlpToken[];
  private readonly units: Unit[];
  private readonly lowerWords: Set<string>;
  private readonly capWords: Set<string>;
  private readonly newlines: NewlineIndex;
  private readonly drafts: Draft[];
  private readonly claimed: Uint8Array;
  /** Units of runs that yielded nothing. */
  readonly leftovers: [number, number][] = [];
  /** Memoised line tests (see `shouted`, `proseLine`) and word lookups (see `inProse`). */
  private readonly shoutedLines = new Map<string, boolean>();
  private readonly proseLines = new Map<number, boolean>();
  private readonly proseWords = new Map<string, boolean>();

  constructor(
    private readonly view: ArticleView,
    private readonly out: DraftWriter,
  ) {
    this.text = view.text;
    this.tokens = view.tokens;
    this.units = view.units;
    this.lowerWords = view.lowerWords;
    this.capWords = view.capWords;
    this.newlines = view.newlines;
    this.drafts = out.drafts;
    this.claimed = out.claimed;
  }

  private u(i: number): Unit {
    return this.view.u(i);
  }
  private adjacent(a: Unit, b: Unit): boolean {
    return this.view.adjacent(a, b);
  }
  private prevWord(unit: Unit): NlpToken | undefined {
    return this.view.prevWord(unit);
  }
  private nextToken(unit: Unit, k = 1): NlpToken | undefined {
    return this.view.nextToken(unit, k);
  }
  private lineStart(u: Unit): boolean {
    return this.view.lineStart(u);
  }
  private lineEnd(from: number): number {
    return this.view.lineEnd(from);
  }
  private isConnector(i: number): boolean {
    return this.view.isConnector(i);
  }
  private isParticle(i: number): boolean {
    return this.view.isParticle(i);
  }
  private particleName(a: number, b: number): boolean {
    return this.view.particleName(a, b);
  }
  private speechContext(a: Unit, b: Unit): boolean {
    return this.view.speechContext(a, b);
  }
  private roleBefore(u: Unit): boolean {
    return this.view.roleBefore(u);
  }
  private properNoun(u: Unit): boolean {
    return this.view.properNoun(u);
  }
  private lastAnd(a: number, b: number): number {
    return this.view.lastAnd(a, b);
  }
  private emit(
    a: number,
    b: number,
    type: EntityType,
    source: EntitySource,
    canonical?: string,
    guess = false,
  ) {
    this.out.emit(a, b, type, source, canonical, guess);
  }
  private emitSpan(start: number, end: number, type: EntityType, source: EntitySource, canonical: string) {
    this.out.emitSpan(start, end, type, source, canonical);
  }
  private emitPlace(a: number, b: number, strong: boolean): void {
    this.out.emitPlace(a, b, strong);
  }
  private classifyPerson(a: number, b: number, strong: boolean): void {
    this.out.emitPerson(a, b, strong);
  }

  /** Every connector of units a..b is a name particle ("von der"), none a joining word ("of", "and"). */
  private onlyParticles(a: number, b: number): boolean {
    for (let k = a; k <= b; k++) if (this.isConnector(k) && !this.isParticle(k)) return false;
    return true;
  }

  /** Types the candidate runs in order. */
  typeCandidates(candidates: readonly Candidate[]): void {
    for (const c of candidates) {
      if (c.numberEnd === undefined) {
        this.classifyRun(c.first, c.last);
        continue;
      }
      // "Group of 20": the number closes the name.
      const start = this.u(c.first).start;
      this.emitSpan(start, c.numberEnd, 'ORG', 'pattern', this.text.slice(start, c.numberEnd));
      this.out.claim(c.first, c.last);
    }
  }

  /** Classifies the units a..b (inclusive) of one capitalised run. */
  classifyRun(a: number, b: number): void {
    // Drop leading non-names ("The", "In", month names) and sentence-initial common words.
    while (a <= b) {
      const u = this.u(a);
      if (this.isConnector(a) || NOT_NAMES.has(u.text) || NOT_NAMES.has(u.text.replace(/\.$/, ''))) {
        a++;
        continue;
      }
      const pos = this.tokens[u.tok]?.pos;
      if (
        u.sentenceStart &&
        a < b &&
        pos !== 'PROPN' &&
        // A paragraph often opens with a name ("Woo Sung-lak, head of …"), so there the word must look common.
        (!this.lineStart(u) || this.commonWord(u.text, pos)) &&
        !gazetteer(u.text, u.allCaps) &&
        !TITLES.has(u.text)
      ) {
        a++;
        continue;
      }
      break;
    }
    while (b >= a && this.isConnector(b)) b--;
    if (a > b) return;
    const first = this.u(a);
    const last = this.u(b);
    const n = b - a + 1;
    const heading = first.titleLine;
    const hasConnector = (): boolean => {
      for (let k = a; k <= b; k++) if (this.isConnector(k)) return true;
      return false;
    };
    const whole = this.text.slice(first.start, last.end);

    // Lower-case tails: "Chosei coal mine" (FAC), "… Daiichi nuclear disaster" (EVENT), "Korean peninsula".
    if (!heading && this.tryTail(a, b)) return;

    const g = gazetteer(whole, first.allCaps);
    if (g && (!g.weak || n > 1 || this.properNoun(first))) {
      this.emit(a, b, g.type, 'gazetteer', g.canonical);
      return;
    }
    // In a heading only short runs, bounded by lower-case words, can be trusted to their head word.
    if (heading && n <= 3 && this.byHead(a, b)) return;
    if (heading) {
      this.scanPieces(a, b, 'heading');
      return;
    }
    if (this.byHead(a, b)) return;
    // A title splits the run: what follows is a person ("Prime Minister Sanae Takaichi").
    let t = -1;
    for (let k = b - 1; k >= a; k--) {
      const w = this.u(k).text;
      if (TITLES.has(w) || TITLES.has(w.replace(/\.$/, ''))) {
        t = k;
        break;
      }
    }
    if (t >= 0) {
      let p = t + 1;
      let end = b;
      // "Prime Minister Seo Ha-rim of Ostrevia": the name ends at a connector that follows it.
      let c = -1;
      for (let k = p + 1; k <= b; k++) if (c < 0 && this.isConnector(k) && !this.isParticle(k)) c = k;
      if (c > p && c - p <= 3 && !this.isConnector(p)) end = c - 1;
      else for (let k = p; k <= b; k++) if (this.isConnector(k) && !this.isParticle(k)) p = k + 1;
      // "Commissioner for Energy Katharina von der Heyden": after "for" or "of" the portfolio comes first.
      if (p > t + 1) while (p <= end && this.portfolioWord(p)) p++;
      // A name with particles is whole as it stands ("Katharina von der Heyden").
      if (!this.particleName(p, end)) {
        for (let k = p; k <= end; k++) if (this.isParticle(k)) p = k + 1;
        // Up to four words: Spanish and Portuguese names carry two surnames ("José Luis Peña Ortiz").
        if (end - p + 1 > 4) p = end - 1;
      }
      if (p <= end && !this.allTitles(p, end)) {
        const prefixEnd = this.titleBlockStart(t, a) - 1;
        // "Japanese Foreign Minister Tsuda Haruki and Philippine Foreign Secretary Ramon Dizon": two titled names.
        const and = this.lastAnd(a, prefixEnd);
        if (and > a && this.hasTitle(a, and - 1)) {
          this.classifyRun(a, and - 1);
          if (and < prefixEnd) this.scanPieces(and + 1, prefixEnd, 'full');
        } else if (prefixEnd >= a) this.scanPieces(a, prefixEnd, 'full');
        this.classifyPerson(p, end, true);
        if (end < b) this.scanPieces(end + 2, b, 'noGuess');
        return;
      }
      if (p > b || this.allTitles(p, b)) {
        const prefixEnd = this.titleBlockStart(t, a) - 1;
        if (prefixEnd >= a) this.scanPieces(a, prefixEnd, 'full');
        return;
      }
    }
    if (this.particleName(a, b)) {
      this.classifyPerson(a, b, this.speechContext(first, last) || this.roleBefore(first));
      return;
    }
    if (hasConnector()) {
      // "the Korean Peninsula and Japan": each side of the connector on its own, without shape guesses.
      let s0 = a;
      for (let k = a; k <= b + 1; k++) {
        if (k <= b && !this.isConnector(k)) continue;
        if (s0 <= k - 1 && !this.byHead(s0, k - 1)) this.scanPieces(s0, k - 1, 'noGuess');
        s0 = k + 1;
      }
      return;
    }
    this.scanPieces(a, b, 'full');
  }

  /** Units a..b make a name of their own: a known place, or ending in an organisation or facility word. */
  private wholeName(a: number, b: number): boolean {
    const last = this.u(b).text;
    if (ORG_HEADS.has(last) || FAC_HEADS.has(last) || EVENT_HEADS.has(last)) return true;
    return !!gazetteer(this.text.slice(this.u(a).start, this.u(b).end), this.u(a).allCaps);
  }

  /** An office and its portfolio ("Commissioner for Energy", "Secretary of Energy"), not an organisation. */
  private officePhrase(a: number, b: number): boolean {
    for (let k = a; k < b; k++) {
      const next = this.u(k + 1).text;
      if (TITLES.has(this.u(k).text) && (next === 'for' || next === 'of')) return true;
    }
    return false;
  }

  /** A word of an office's portfolio rather than of a name ("Energy", "Foreign Affairs"). */
  private portfolioWord(k: number): boolean {
    const u = this.u(k);
    if (this.isConnector(k)) return !this.isParticle(k);
    return (
      GENERIC_WORDS.some((set) => set.has(u.text)) ||
      this.lowerWords.has(u.text.toLowerCase()) ||
      PORTFOLIO_WORDS.has(u.text)
    );
  }

  /** Types a run by its first or last word ("Operation …", "… Ministry", "… Temple", "University of …"). */
  private byHead(a: number, b: number): boolean {
    if (b <= a) return false;
    const first = this.u(a);
    const last = this.u(b);
    let connector = false;
    for (let k = a; k <= b; k++) if (this.isConnector(k)) connector = true;
    let type: EntityType | undefined;
    const short = !connector && b - a <= 2;
    // "Eko Re Group Plc and Abahani Limited": two organisations, each side typed on its own.
    const and = this.lastAnd(a, b);
    const tail = and > 0 && and < b ? this.text.slice(this.u(and + 1).start, this.u(b).end) : '';
    if (
      and > a + 1 &&
      (b - and >= 2 || (tail && gazetteer(tail, this.u(b).allCaps))) &&
      this.wholeName(a, and - 1)
    ) {
      this.classifyRun(a, and - 1);
      this.classifyRun(and + 1, b);
      return true;
    }
    const ofName = a + 1 < b && this.u(a + 1).text === 'of';
    if (EVENT_PREFIXES.has(first.text) && !this.isConnector(a + 1)) type = 'EVENT';
    else if (ofName && EVENT_OF_HEADS.has(first.text)) type = 'EVENT';
    else if (ofName && LOC_OF_HEADS.has(first.text)) type = 'LOC';
    else if (ORG_HEADS.has(last.text) && !this.officePhrase(a, b)) type = 'ORG';
    else if (ORG_FIRST_WORDS.has(first.text)) type = 'ORG';
    else if (FAC_FIRST_WORDS.has(first.text)) type = 'FAC';
    else if (this.teamName(a, b)) type = 'ORG';
    else if (OUTLET_PREFIXES.has(first.text) && short) type = 'ORG';
    else if (EVENT_HEADS.has(last.text)) type = 'EVENT';
    else if (FAC_HEADS.has(last.text)) type = 'FAC';
    else if (LOC_PREFIXES.has(first.text) && short) type = 'LOC';
    else if (
      GPE_PREFIXES.has(first.text) &&
      short &&
      (first.text !== 'New' || (b === a + 1 && !first.titleLine))
    )
      type = 'GPE';
    else if (LOC_SUFFIXES.has(last.text)) type = 'LOC';
    else if (GPE_SUFFIXES.has(last.text) && !connector) type = 'GPE';
    else if (connector && !this.onlyParticles(a, b) && this.andTailIsShort(a, b)) {
      // "University of Tokyo", "Foreign Correspondents’ Club of Japan", "Institute of … Studies".
      for (let k = a; k <= b && !this.isConnector(k); k++) {
        const w = this.u(k).text;
        if (ORG_HEADS.has(w) || ORG_PREFIXES.has(w)) type = 'ORG';
      }
      // "Palace of Westminster", "Quay of Saint Aurel".
      if (!type && a + 1 <= b && this.isConnector(a + 1) && FAC_HEADS.has(first.text)) type = 'FAC';
    }
    if (!type) return false;
    this.emit(a, b, type, 'pattern');
    return true;
  }

  /**
   * A place followed by a plural name is a sports team ("San Diego Padres", "Montreal Alouettes"); a
   * plural that is itself a place, people or feature word ("Koreans", "Islands") is not.
   */
  private teamName(a: number, b: number): boolean {
    const last = this.u(b);
    if (!TEAM_PLURAL_RE.test(last.text) || b - a > 3 || last.titleLine) return false;
    // "Iran Protests", "Israel Says": a common plural or a verb after a place.
    if (this.tokens[last.tok]?.pos !== 'PROPN' || this.lowerWords.has(last.text.toLowerCase())) return false;
    if (LOC_SUFFIXES.has(last.text) || FAC_HEADS.has(last.text) || gazetteer(last.text, last.allCaps))
      return false;
    // "Minas Gerais" is a state, not a team of Minas.
    if (gazetteer(this.text.slice(this.u(a).start, last.end), this.u(a).allCaps)) return false;
    return teamPlace(this.text.slice(this.u(a).start, this.u(b - 1).end), b - a, this.u(a).allCaps);
  }

  /** After an "and", only one word may follow in an organisation name ("Ministry of Trade and Industry"). */
  private andTailIsShort(a: number, b: number): boolean {
    for (let k = b; k >= a; k--) {
      const w = this.u(k).text;
      if (w === 'and' || w === '&') return b - k <= 1;
    }
    return true;
  }

  private hasTitle(a: number, b: number): boolean {
    for (let k = a; k <= b; k++) {
      const w = this.u(k).text;
      if (TITLES.has(w) || TITLES.has(w.replace(/\.$/, ''))) return true;
    }
    return false;
  }

  private allTitles(a: number, b: number): boolean {
    for (let k = a; k <= b; k++) {
      const w = this.u(k).text;
      if (!TITLES.has(w) && !TITLES.has(w.replace(/\.$/, ''))) return false;
    }
    return true;
  }

  private titleBlockStart(t: number, a: number): number {
    let s = t;
    while (s - 1 >= a) {
      const w = this.u(s - 1).text;
      if (TITLES.has(w) || TITLES.has(w.replace(/\.$/, '')) || this.isConnector(s - 1)) s--;
      else break;
    }
    // Keep a leading acronym or place out of the title ("UN High Commissioner", "Kharkiv Mayor").
    return s;
  }

  /** Splits a run by gazetteer matches; what remains is classified by shape and context. */
  private scanPieces(a: number, b: number, mode: Mode): void {
    let k = a;
    let pieceStart = a;
    while (k <= b) {
      let matched = -1;
      let entry: GazetteerEntry | undefined;
      let phrase = '';
      for (let e = k; e <= b && e < k + GAZETTEER_MAX_WORDS; e++) {
        const u = this.u(e);
        phrase = phrase ? `${phrase} ${u.text}` : u.text;
        const hit = gazetteer(phrase, u.allCaps);
        // "Mary Jones": a weak one-word place followed by a capitalised word of the same run is a given name.
        const givenName = hit?.weak && e === k && k < b && !this.u(k + 1).allCaps && mode !== 'heading';
        if (hit && !givenName && (!hit.weak || e > k || this.properNoun(this.u(k)))) {
          matched = e;
          entry = hit;
        }
      }
      if (matched >= 0 && entry) {
        if (pieceStart < k) this.classifyRest(pieceStart, k - 1, mode);
        this.emit(k, matched, entry.type, 'gazetteer', entry.canonical);
        k = matched + 1;
        pieceStart = k;
      } else k++;
    }
    if (pieceStart <= b) this.classifyRest(pieceStart, b, mode);
  }

  /** Units a..b with no gazetteer match: acronyms, names by shape and context. */
  private classifyRest(a: number, b: number, mode: Mode): void {
    for (let k = a; k <= b; k++) if (this.isConnector(k)) return this.leftover(a, b);
    const first = this.u(a);
    const last = this.u(b);
    const n = b - a + 1;
    if (first.allCaps) {
      if (n === 1) {
        if (NOT_NAMES.has(first.text)) return;
        // "Hampton, SC 29924": a state code before a ZIP code.
        const zip = this.nextToken(first);
        if (/^[A-Z]{2}$/.test(first.text) && zip && /^\d{5}$/.test(zip.value))
          return this.emit(a, a, 'GPE', 'pattern');
        if (first.text.length >= 4 && this.tokens[first.tok]?.pos !== 'PROPN') return;
        if (DOMAIN_RE.test(first.text)) return this.emit(a, a, 'ORG', 'pattern');
        // An acronym is short and sits in running text; capitals beside capitals are a shouted heading.
        if (this.shouted(a)) return;
        const letters = first.text.replace(/\./g, '');
        if (
          /^[\p{Lu}&]{2,5}$/u.test(letters) ||
          (/^\p{Lu}{6,8}$/u.test(letters) && this.inProse(first.text, 2))
        )
          return this.emit(a, a, 'ORG', 'pattern');
        return;
      }
      // "EPA/SERGEY KOZLOV": a credited photographer.
      const before = this.prevWord(first);
      if (n <= 3 && before && (before.value === '/' || before.value === 'by'))
        return this.classifyPerson(a, b, true);
      for (let k = a; k <= b; k++) this.scanPieces(k, k, mode);
      return;
    }
    if (DOMAIN_RE.test(last.text) && n === 1) return this.emit(a, b, 'ORG', 'pattern');
    if (mode === 'heading') return this.leftover(a, b);
    if (mode === 'full' && this.byHead(a, b)) return;
    const before = this.prevWord(first);
    if (before && ORG_INTRODUCERS.has(before.value))
      return this.emit(a, b, 'ORG', 'pattern', undefined, true);
    // A lone head or title word ("Association", "Council", "Minister") is no one's name.
    if (n === 1 && GENERIC_WORDS.some((set) => set.has(first.text))) return this.leftover(a, b);
    if (n === 1 && this.placeContext(first)) return this.emitPlace(a, a, false);
    const roleBefore = !!before && ROLE_NOUNS.has(before.value);
    // "Analysts said", "Residents said": a sentence's first word before a verb is more often a plural noun
    // than an unseen surname, and a surname seen in full is found again by the evidence pass.
    if (n === 1 && first.sentenceStart && !roleBefore && this.commonNounLike(first))
      return this.leftover(a, b);
    if (roleBefore) return this.classifyPerson(a, b, true);
    if (this.speechContext(first, last)) {
      // "Ostrevia and Tamsen agreed": a bare word joined to a name that is no person is no person either.
      if (n === 1 && this.joinedToNonPerson(first)) return this.leftover(a, b);
      return this.classifyPerson(a, b, true);
    }
    if (n >= 2 && n <= 4 && mode === 'full') {
      if (before && (before.value === 'the' || before.value === 'The')) return this.leftover(a, b);
      // Words the article also writes in lower case are common nouns, not a name ("Stock Market").
      for (let k = a; k <= b; k++)
        if (this.lowerWords.has(this.u(k).text.toLowerCase())) return this.leftover(a, b);
      return this.classifyPerson(a, b, false);
    }
    this.leftover(a, b);
  }

  /**
   * A sentence's first word that is an ordinary word, not a name wink mistook ("Woo" of "Woo Sung-lak"):
   * written in lower case elsewhere, of a closed or modifier class, or inflected like one.
   */
  commonWord(word: string, pos: string | undefined): boolean {
    if (this.lowerWords.has(word.toLowerCase())) return true;
    if (pos !== 'NOUN' && pos !== 'VERB' && pos !== 'X' && pos !== 'INTJ') return true;
    return /(ed|ing|ly|s)$/.test(word);
  }

  private joinedToNonPerson(u: Unit): boolean {
    const conj = this.tokens[u.tok - 1];
    const other = this.tokens[u.tok - 2];
    if (!conj || !other || (conj.value !== 'and' && conj.value !== 'or') || !isCap(other.value)) return false;
    const prev = this.drafts[this.drafts.length - 1];
    return !prev || prev.end !== other.end || prev.type !== 'PERSON';
  }

  /** Capitals on both sides, or a line with no lower-case word: a heading, not an acronym. */
  private shouted(i: number): boolean {
    const u = this.u(i);
    const prev = this.units[i - 1];
    const next = this.units[i + 1];
    if (prev && prev.allCaps && prev.text.length > 1 && this.adjacent(prev, u)) return true;
    if (next && next.allCaps && next.text.length > 1 && this.adjacent(u, next)) return true;
    const from = this.newlines.lineStart(u.start);
    const to = this.lineEnd(u.end);
    // Once per line and end: every unit of a line of one long line would read all of it again.
    const key = `${from}:${to}`;
    let shouted = this.shoutedLines.get(key);
    if (shouted === undefined) {
      shouted = !/\p{Ll}{2}/u.test(this.text.slice(from, to));
      this.shoutedLines.set(key, shouted);
    }
    return shouted;
  }

  /**
   * Whether `word` occurs at least `min` times inside lines that are mostly lower case. Each scans the whole
   * text, so a word is looked up once and only the first `MAX_PROSE_LOOKUPS` words are; the rest, as many as
   * the words of a degenerate text, are taken as not in prose.
   */
  private inProse(word: string, min: number): boolean {
    const key = `${min}:${word}`;
    const known = this.proseWords.get(key);
    if (known !== undefined) return known;
    if (this.proseWords.size >= MAX_PROSE_LOOKUPS) return false;
    let seen = 0;
    for (let at = this.text.indexOf(word); at >= 0 && seen < min; at = this.text.indexOf(word, at + 1)) {
      if (this.proseLine(this.newlines.lineStart(at))) seen++;
    }
    this.proseWords.set(key, seen >= min);
    return seen >= min;
  }

  /** Whether the line starting at `from` is mostly lower-case letters; once per line. */
  private proseLine(from: number): boolean {
    let prose = this.proseLines.get(from);
    if (prose === undefined) {
      const line = this.text.slice(from, this.lineEnd(from));
      prose = (line.match(/\p{Ll}/gu)?.length ?? 0) > line.length / 2;
      this.proseLines.set(from, prose);
    }
    return prose;
  }

  /** "flooding in Kestown", "a village near Soragai", "flew to Lindval": a lone name after a place preposition. */
  private placeContext(u: Unit): boolean {
    if (u.sentenceStart || u.allCaps || this.tokens[u.tok]?.pos !== 'PROPN') return false;
    if (NOT_NAMES.has(u.text) || this.lowerWords.has(u.text.toLowerCase())) return false;
    const p1 = this.tokens[u.tok - 1];
    if (!p1) return false;
    if (PLACE_PREPOSITIONS.has(p1.value)) return true;
    const p2 = this.tokens[u.tok - 2];
    return p1.value === 'to' && !!p2 && TRAVEL_WORDS.has(p2.value);
  }

  /** A sentence's first word that reads as a common noun: tagged so, written in lower case elsewhere, or plural. */
  private commonNounLike(u: Unit): boolean {
    if (this.tokens[u.tok]?.pos !== 'PROPN') return true;
    const lower = u.text.toLowerCase();
    if (this.lowerWords.has(lower)) return true;
    return /[^s]s$/.test(u.text) && !this.capWords.has(u.text.slice(0, -1));
  }

  private leftover(a: number, b: number): void {
    this.leftovers.push([a, b]);
  }

  /** "Chosei coal mine", "Fukushima Daiichi nuclear disaster", "Korean peninsula", "Dokdo islets". */
  private tryTail(a: number, b: number): boolean {
    const last = this.u(b);
    const whole = this.text.slice(this.u(a).start, last.end);
    const g = gazetteer(whole, false);
    const read = (words: string[]): number => {
      let prev = last;
      for (let k = 0; k < words.length; k++) {
        const u = this.units[b + 1 + k];
        if (!u || u.text !== words[k] || !this.adjacent(prev, u)) return -1;
        prev = u;
      }
      return b + words.length;
    };
    if (g && (g.type === 'NORP' || g.type === 'GPE')) {
      const next = this.units[b + 1];
      if (next && !next.cap && LOC_SUFFIXES.has(next.text) && this.adjacent(last, next)) {
        this.emit(a, b + 1, 'LOC', 'pattern');
        return true;
      }
      return false;
    }
    if (g || NOT_NAMES.has(this.u(a).text)) return false;
    for (const tail of EVENT_TAILS) {
      const e = read(tail);
      if (e > 0 && b - a >= 1) {
        this.emit(a, e, 'EVENT', 'pattern');
        return true;
      }
    }
    for (const tail of FAC_TAILS) {
      const e = read(tail);
      if (e > 0) {
        this.emit(a, e, 'FAC', 'pattern');
        return true;
      }
    }
    const next = this.units[b + 1];
    if (a === b && next && !next.cap && LOC_SUFFIXES.has(next.text) && this.adjacent(last, next)) {
      this.emit(a, b, 'LOC', 'pattern');
      return true;
    }
    return false;
  }
}

/**
 * The entities of one text. `journal`, when given, receives every question asked of the hints and its
 * answer, so `replaysWith` can later tell whether other hints would give the same result. `nlp`, when
 * given, must be `analyzeText(text)`: a caller that already has it saves running wink again.
 */
export function findEntities(
  text: string,
  hints: EntityHints,
  journal?: TableStep[],
  nlp?: NlpDoc,
): EntityMention[] {
  if (text.length === 0) return [];
  const doc = nlp ?? analyzeText(text);
  const tokens = splitHyphens(doc.tokens);
  const { units, unitOfTok } = buildUnits(text, tokens);
  const view = new ArticleView(text, tokens, units, unitOfTok);
  const out = new DraftWriter(view);
  nameByContext(view, out);
  new Recogniser(view, out).typeCandidates(findCandidateRuns(view, out.claimed));
  applyDocumentEvidence(out, { text, tokens, units, hints, journal });
  for (const v of doc.values) {
    if (v.type === 'CARDINAL') continue;
    out.emitSpan(v.span.start, v.span.end, v.type, 'wink', text.slice(v.span.start, v.span.end));
  }
  return resolveOverlaps(out.drafts).map((d) => ({
    span: { start: d.start, end: d.end },
    type: d.type,
    text: text.slice(d.start, d.end),
    canonical: d.canonical,
    source: d.source,
  }));
}
