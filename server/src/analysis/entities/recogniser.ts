// Named-entity recognition over one article text: proper-noun runs built from wink tokens, typed by
// gazetteers, titles, heads and context ("X said"), then resolved against document and corpus evidence.
import { type TableStep, titleCase } from './aliases';
import {
  CONNECTORS,
  NAME_PARTICLES,
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
  RUN_BREAKERS,
  STATE_TITLES,
  TITLES,
  TRAVEL_WORDS,
  type GazetteerEntry,
} from './gazetteers';
import { NewlineIndex } from '../text/newlines';
import { applyDocumentEvidence } from './documentEvidence';
import { type Draft, resolveOverlaps } from './drafts';
import { GENERIC_WORDS, SPEECH_VERBS, TEAM_PLURAL_RE, gazetteer, teamPlace } from './lexicon';
import { type Unit, buildUnits, hasNewline, isCap, isLineBreak, isWord, splitHyphens } from './units';
import { analyzeText, type NlpDoc, type NlpToken } from '../text/nlp';
import type { EntityHints, EntityMention, EntitySource, EntityType } from '../types';

const SPEECH_ADVERBS = new Set('also then later previously has had was once again further'.split(' '));
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
/** First words of names that go on with "of the" ("Summit of the Americas", "Bank of the Philippine Islands"). */
const OF_THE_HEADS = new Set([
  ...EVENT_OF_HEADS,
  ...LOC_OF_HEADS,
  ...ORG_PREFIXES,
  ...ORG_FIRST_WORDS,
  ...['Republic', 'Kingdom', 'Church', 'Palace', 'Museum', 'Order', 'Cathedral', 'Temple'],
]);
const DASHES = new Set(['—', '–', '-', '--']);
/** Distinct words `inProse` looks up in one article at most: each lookup reads the whole text. */
const MAX_PROSE_LOOKUPS = 64;
/** A capitalised adjective of nationality by its ending ("Ostrevian", "Valdorean"). */
const DEMONYM_RE = /^\p{Lu}\p{Ll}{3,}(ian|ean)$/u;
/** Words that credit a photograph ("Photo: …", "(… Photo/…)", "Photograph by …"). */
const PHOTO_WORDS = new Set(['Photo', 'Photos', 'Photograph', 'Photographs', 'Picture', 'Pictures']);
/** Words before "by" that credit the people behind a story ("Reporting by …; Editing by …"). */
const CREDIT_WORDS = new Set([
  'Reporting',
  'reporting',
  'Editing',
  'editing',
  'Writing',
  'writing',
  'By',
  'by',
]);

/** True when text[from, to) is only spaces or tabs (1–2 of them): words of one name. */
function nameGap(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 1 || n > 2) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x202f && c !== 0x2009) return false;
  }
  return true;
}

/** How far a run may be guessed: headings only by lookup, connector pieces not by shape. */
type Mode = 'heading' | 'noGuess' | 'full';

class Recogniser {
  /** Lower-case words of the article, to tell common nouns from names. */
  readonly lowerWords = new Set<string>();
  readonly drafts: Draft[] = [];
  readonly claimed: Uint8Array;
  /** Units of runs that yielded nothing, for the evidence pass. */
  readonly leftovers: [number, number][] = [];
  /**
   * Places this article names by context (datelines, "in X", "X's Foreign Minister", "Xian"/"Xia"), keyed by
   * spelling; `true` when the context is certain (a dateline), so the word is a place wherever it stands alone.
   */
  readonly places = new Map<string, boolean>();
  /** Capitalised words of the article, to pair a demonym with its country ("Ostrevian", "Ostrevia"). */
  private readonly capWords = new Set<string>();
  private readonly newlines: NewlineIndex;
  /** Memoised line tests (see `shouted`, `proseLine`) and word lookups (see `inProse`). */
  private readonly shoutedLines = new Map<string, boolean>();
  private readonly proseLines = new Map<number, boolean>();
  private readonly proseWords = new Map<string, boolean>();

  constructor(
    private readonly text: string,
    private readonly tokens: NlpToken[],
    private readonly units: Unit[],
    private readonly unitOfTok: Int32Array,
  ) {
    this.claimed = new Uint8Array(units.length);
    this.newlines = new NewlineIndex(text);
    for (const u of units) {
      if (!u.cap) this.lowerWords.add(u.text);
      else this.capWords.add(u.text);
    }
  }

  private u(i: number): Unit {
    return this.units[i] as Unit;
  }

  /** Two units are neighbours in a name: one plain space apart, nothing else between. */
  private adjacent(a: Unit, b: Unit): boolean {
    return b.tok === a.lastTok + 1 && nameGap(this.text, a.end, b.start);
  }

  private emit(
    a: number,
    b: number,
    type: EntityType,
    source: EntitySource,
    canonical?: string,
    guess = false,
  ) {
    const first = this.u(a);
    const last = this.u(b);
    const name = this.text.slice(first.start, last.end);
    this.emitSpan(first.start, last.end, type, source, canonical ?? name, guess);
    for (let k = a; k <= b; k++) this.claimed[k] = 1;
  }

  emitSpan(
    start: number,
    end: number,
    type: EntityType,
    source: EntitySource,
    canonical: string,
    guess = false,
  ) {
    this.drafts.push({ start, end, type, canonical, source, guess });
  }

  private prevWord(unit: Unit): NlpToken | undefined {
    return this.tokens[unit.tok - 1];
  }

  private nextToken(unit: Unit, k = 1): NlpToken | undefined {
    return this.tokens[unit.lastTok + k];
  }

  /** "X said", "X also said", "said X", "according to X". */
  private speechContext(a: Unit, b: Unit): boolean {
    const n1 = this.nextToken(b);
    if (n1 && SPEECH_VERBS.has(n1.value)) return true;
    const n2 = this.nextToken(b, 2);
    if (n1 && n2 && SPEECH_ADVERBS.has(n1.value) && SPEECH_VERBS.has(n2.value)) return true;
    const p1 = this.prevWord(a);
    if (p1 && (p1.value === 'said' || p1.value === 'says')) return true;
    const p2 = this.tokens[a.tok - 2];
    return !!p1 && !!p2 && p2.value === 'according' && p1.value === 'to';
  }

  private lineStart(u: Unit): boolean {
    const prev = this.tokens[u.tok - 1];
    return !prev || isLineBreak(prev) || hasNewline(this.text, prev.end, u.start);
  }

  private lineEnd(from: number): number {
    return this.newlines.lineEnd(from);
  }

  /** The unit that starts exactly at token `t`, or -1. */
  private unitAt(t: number): number {
    const k = this.unitOfTok[t] ?? -1;
    return k >= 0 && this.u(k).tok === t ? k : -1;
  }

  /** Last unit of the run of adjacent, unclaimed capitalised units from `a`, at most `max` long; -1 if none. */
  private capRun(a: number, max: number): number {
    if (a < 0 || a >= this.units.length) return -1;
    const first = this.u(a);
    if (!first.cap || this.claimed[a] || NOT_NAMES.has(first.text) || RUN_BREAKERS.has(first.text)) return -1;
    let b = a;
    while (b - a + 1 < max) {
      const next = this.units[b + 1];
      if (!next || !next.cap || this.claimed[b + 1] || RUN_BREAKERS.has(next.text)) break;
      if (!this.adjacent(this.u(b), next)) break;
      b++;
    }
    return b;
  }

  /** Units a..b exactly covering tokens t0..t1 as one capitalised run, or undefined. */
  private runOfTokens(t0: number, t1: number): [number, number] | undefined {
    if (t1 < t0) return undefined;
    const a = this.unitAt(t0);
    if (a < 0) return undefined;
    const b = this.capRun(a, 4);
    return b >= 0 && this.u(b).lastTok === t1 ? [a, b] : undefined;
  }

  /** Running text after a dateline: several words, some in lower case. */
  private prose(fromTok: number, lineEnd: number): boolean {
    let words = 0;
    let lower = 0;
    for (let k = fromTok; k < this.tokens.length && words < 8; k++) {
      const t = this.tokens[k] as NlpToken;
      if (t.start >= lineEnd) break;
      if (!isWord(t)) continue;
      words++;
      if (!isCap(t.value)) lower++;
    }
    return words >= 5 && lower >= 2;
  }

  private placeKeyOf(u: Unit): string {
    return u.allCaps ? titleCase(u.text) : u.text;
  }

  /** Emits a run as a place named by context, recording it for the article's later bare mentions. */
  private emitPlace(a: number, b: number, strong: boolean): void {
    const first = this.u(a);
    const whole = this.text.slice(first.start, this.u(b).end);
    const g = gazetteer(whole, first.allCaps);
    if (g && g.type !== 'GPE' && g.type !== 'LOC') return this.emit(a, b, g.type, 'gazetteer', g.canonical);
    const canonical = g?.canonical ?? (first.allCaps ? titleCase(whole) : whole);
    this.emit(a, b, g?.type ?? 'GPE', g ? 'gazetteer' : 'pattern', canonical, !strong && !g);
    if (a === b && !g) this.places.set(this.placeKeyOf(first), strong || this.places.get(canonical) === true);
  }

  /** Emits a credited outlet or agency ("Tamsen Herald", "Eastgate"); a place-like gazetteer hit keeps its type. */
  private emitOutlet(a: number, b: number): void {
    const first = this.u(a);
    const g = gazetteer(this.text.slice(first.start, this.u(b).end), first.allCaps);
    if (g) this.emit(a, b, g.type, 'gazetteer', g.canonical);
    else this.emit(a, b, 'ORG', 'pattern');
  }

  /** Shapes that say what a name is before any run is typed: datelines, bylines, credits, demonyms. */
  context(): void {
    for (let i = 0; i < this.units.length; i++) {
      if (this.claimed[i]) continue;
      const u = this.u(i);
      if (u.allCaps && this.lineStart(u)) this.dateline(i);
      else if (u.text === 'By' || u.text === 'by') this.byline(i);
      else if (PHOTO_WORDS.has(u.text)) this.photoCredit(i);
      else if (u.cap && !u.allCaps) this.placeByShape(i);
    }
    this.parenCredits();
  }

  /** "KESTOWN, Valdoria (Harbor Wire) — …", "LINDVAL, March 4 (Eastgate) - …", "BRENMOOR — …". */
  private dateline(i: number): void {
    const u = this.u(i);
    if (NOT_NAMES.has(u.text)) return;
    let j = i;
    while (j - i < 2 && this.units[j + 1]?.allCaps && this.adjacent(this.u(j), this.u(j + 1))) j++;
    const lineEnd = this.lineEnd(u.start);
    const tokens = this.tokens;
    const within = (k: number): boolean => k < tokens.length && (tokens[k] as NlpToken).start < lineEnd;
    let k = this.u(j).lastTok + 1;
    let region: [number, number] | undefined;
    let agency: [number, number] | undefined;
    if (within(k) && tokens[k]?.value === ',') {
      const r0 = ++k;
      while (within(k) && k < r0 + 6 && !DASHES.has(tokens[k]?.value ?? '') && tokens[k]?.value !== '(') k++;
      region = this.runOfTokens(r0, k - 1);
    }
    if (within(k) && tokens[k]?.value === '(') {
      const a0 = k + 1;
      let e = a0;
      while (within(e) && e < a0 + 6 && tokens[e]?.value !== ')') e++;
      if (!within(e) || tokens[e]?.value !== ')') return;
      agency = this.runOfTokens(a0, e - 1);
      k = e + 1;
    }
    if (!within(k) || !DASHES.has(tokens[k]?.value ?? '') || !this.prose(k + 1, lineEnd)) return;
    this.emitPlace(i, j, true);
    if (region) this.emitPlace(region[0], region[1], true);
    if (agency) this.emitOutlet(agency[0], agency[1]);
  }

  /** "By Nadia Petrov", "By MIRELA COSTIN, Harbor Wire", "(Reporting by Anders Vik; Editing by Clara Moreau)". */
  private byline(i: number): void {
    const u = this.u(i);
    const prev = this.units[i - 1];
    const credit =
      u.text === 'By'
        ? this.lineStart(u) || (!!prev && CREDIT_WORDS.has(prev.text))
        : !!prev && CREDIT_WORDS.has(prev.text) && this.adjacent(prev, u);
    if (!credit) return;
    const a = i + 1;
    const b = this.capRun(a, 3);
    if (
      b <= a ||
      TITLES.has(this.u(a).text) ||
      gazetteer(this.text.slice(this.u(a).start, this.u(b).end), false)
    )
      return;
    // The name must end the credit: a line end, a comma before the outlet, or the close of the credit.
    const after = this.tokens[this.u(b).lastTok + 1];
    const lineEnd = this.lineEnd(this.u(b).end);
    if (after && after.start < lineEnd && ![',', ';', ')', '|', '/', 'and'].includes(after.value)) return;
    this.classifyPerson(a, b, true);
    if (after?.value === 'and' && after.start < lineEnd) {
      // "By Nafisa Tasnim and Rohan Deshpande": a second author, ending the credit the same way.
      const c = this.unitAt(this.u(b).lastTok + 2);
      const d = c >= 0 ? this.capRun(c, 3) : -1;
      const end = d > c ? this.tokens[this.u(d).lastTok + 1] : undefined;
      if (
        d > c &&
        !TITLES.has(this.u(c).text) &&
        (!end || end.start >= lineEnd || [',', ';', ')'].includes(end.value))
      )
        this.classifyPerson(c, d, true);
      return;
    }
    if (after?.value !== ',' || after.start >= lineEnd) return;
    const o = this.unitAt(this.u(b).lastTok + 2);
    const ob = this.capRun(o, 4);
    if (ob < 0) return;
    const close = this.tokens[this.u(ob).lastTok + 1];
    if (!close || close.start >= lineEnd || close.value === ')' || close.value === ';')
      this.emitOutlet(o, ob);
  }

  /** "(Tamsen Herald Photo/Hana Kurosaki)", "Photo: Mara Lund/Eastgate", "(Photo by Luka Ferrante/Valdoria Today)". */
  private photoCredit(i: number): void {
    const u = this.u(i);
    // The outlet named before the word, inside the credit's parenthesis.
    let a = i;
    while (a - 1 >= 0 && i - a < 4) {
      const p = this.u(a - 1);
      if (!p.cap || this.claimed[a - 1] || NOT_NAMES.has(p.text) || !this.adjacent(p, this.u(a))) break;
      a--;
    }
    if (a < i && this.tokens[this.u(a).tok - 1]?.value === '(') this.emitOutlet(a, i - 1);
    this.claimed[i] = 1;
    const next = this.tokens[u.lastTok + 1];
    if (!next || next.start !== u.end + (next.value === 'by' ? 1 : 0)) return;
    let s = -1;
    if (next.value === ':' || next.value === '/') s = this.unitAt(u.lastTok + 2);
    else if (next.value === 'by') s = this.unitAt(u.lastTok + 2);
    const e = this.capRun(s, 3);
    if (e < 0) return;
    const after = this.tokens[this.u(e).lastTok + 1];
    const last = this.u(e).text;
    if (e > s && !ORG_HEADS.has(last) && !PHOTO_WORDS.has(last) && last !== 'Images')
      this.classifyPerson(s, e, true);
    else if (e === s && (after?.value === '/' || after?.value === ')')) this.emitOutlet(s, e);
    else return;
    if (after?.value !== '/' || after.start !== this.u(e).end) return;
    let o = this.unitAt(this.u(e).lastTok + 2);
    if (o >= 0 && this.u(o).text === 'The') o++;
    const ob = this.capRun(o, 4);
    if (ob >= 0) this.emitOutlet(o, ob);
  }

  /** "(Eastgate)" closing a paragraph: the agency that filed it. */
  private parenCredits(): void {
    const tokens = this.tokens;
    for (let k = 1; k < tokens.length; k++) {
      if ((tokens[k] as NlpToken).value !== '(') continue;
      const before = (tokens[k - 1] as NlpToken).value;
      if (before !== '.' && before !== '”' && before !== '"' && before !== '!' && before !== '?') continue;
      const a = this.unitAt(k + 1);
      const b = this.capRun(a, 3);
      if (b < 0) continue;
      const close = tokens[this.u(b).lastTok + 1];
      if (!close || close.value !== ')') continue;
      const next = tokens[this.u(b).lastTok + 2];
      if (next && !hasNewline(this.text, close.end, next.start)) continue;
      this.emitOutlet(a, b);
    }
  }

  /** A country by its people's adjective ("Ostrevian" beside "Ostrevia") or by a state title ("Tamsen's Premier"). */
  private placeByShape(i: number): void {
    const u = this.u(i);
    const prev = this.units[i - 1];
    if (prev && prev.cap && this.adjacent(prev, u)) return;
    if (gazetteer(u.text, false)) return;
    const next = this.units[i + 1];
    const nameFollows = !!next && next.cap && this.adjacent(u, next) && !TITLES.has(next.text);
    if (DEMONYM_RE.test(u.text) && !nameFollows) {
      const t = u.text;
      const stem = [t.slice(0, -1), t.slice(0, -2), `${t.slice(0, -3)}y`].find((w) => this.capWords.has(w));
      const titled = !!next && this.adjacent(u, next) && STATE_TITLES.has(next.text);
      if (stem || titled) {
        this.emit(i, i, 'NORP', 'pattern');
        if (stem) this.places.set(stem, true);
      }
      return;
    }
    if (this.beforeCountry(i)) return this.emitPlace(i, i, true);
    const poss = this.tokens[u.lastTok + 1];
    if (!poss || (poss.value !== '’s' && poss.value !== "'s") || poss.start !== u.end) return;
    const title = this.unitAt(u.lastTok + 2);
    if (title < 0 || !STATE_TITLES.has(this.u(title).text) || ORG_HEADS.has(u.text)) return;
    this.emitPlace(i, i, false);
  }

  /** Finds runs of capitalised units and classifies each. */
  run(): void {
    const units = this.units;
    let i = 0;
    while (i < units.length) {
      const first = this.u(i);
      if (!first.cap || this.claimed[i]) {
        i++;
        continue;
      }
      let j = i;
      for (;;) {
        const cur = this.u(j);
        const next = units[j + 1];
        if (!next || this.claimed[j + 1] || !this.adjacent(cur, next)) break;
        if (next.cap && !RUN_BREAKERS.has(next.text)) {
          j++;
          continue;
        }
        // A connector is kept only between two capitalised words ("University of Tokyo"), or two
        // connectors when the second is an article ("Summit of the Americas").
        const article = units[j + 3];
        if (
          j === i &&
          next.text === 'of' &&
          OF_THE_HEADS.has(cur.text) &&
          units[j + 2]?.text === 'the' &&
          article?.cap &&
          !this.claimed[j + 2] &&
          !this.claimed[j + 3] &&
          this.adjacent(next, units[j + 2] as Unit) &&
          this.adjacent(units[j + 2] as Unit, article) &&
          !RUN_BREAKERS.has(article.text)
        ) {
          j += 3;
          continue;
        }
        // Two or three particles of a person's name ("von der", "van den", "de la").
        let particles = 0;
        while (particles < 3 && NAME_PARTICLES.has(units[j + 1 + particles]?.text ?? '')) particles++;
        const named = units[j + 1 + particles];
        if (
          particles >= 2 &&
          named?.cap &&
          !RUN_BREAKERS.has(named.text) &&
          this.joined(j, j + 1 + particles)
        ) {
          j += 1 + particles;
          continue;
        }
        const after = units[j + 2];
        if (
          CONNECTORS.has(next.text) &&
          after &&
          !this.claimed[j + 2] &&
          this.adjacent(next, after) &&
          after.cap &&
          !RUN_BREAKERS.has(after.text)
        ) {
          j += 2;
          continue;
        }
        // "Group of 20"
        const num = this.tokens[next.lastTok + 1];
        if (
          next.text === 'of' &&
          ORG_PREFIXES.has(cur.text) &&
          num &&
          num.kind === 'number' &&
          num.start === next.end + 1
        ) {
          this.emitGroupOfNumber(i, j + 1, num);
          j = -(j + 2);
        }
        break;
      }
      if (j < 0) {
        i = -j;
        continue;
      }
      this.classifyRun(i, j);
      i = j + 1;
    }
  }

  /** Units from..to are one unbroken stretch, none claimed, each a plain space from the next. */
  private joined(from: number, to: number): boolean {
    for (let k = from + 1; k <= to; k++) {
      if (this.claimed[k] || !this.adjacent(this.u(k - 1), this.u(k))) return false;
    }
    return true;
  }

  /** Every connector of units a..b is a name particle ("von der"), none a joining word ("of", "and"). */
  private onlyParticles(a: number, b: number): boolean {
    for (let k = a; k <= b; k++) if (this.isConnector(k) && !this.isParticle(k)) return false;
    return true;
  }

  private isParticle(i: number): boolean {
    const u = this.u(i);
    return !u.cap && NAME_PARTICLES.has(u.text);
  }

  /**
   * A person's name with particles: capitalised words with particles between them and none at either end
   * ("Katharina von der Heyden", "Hamad bin Khalid Al-Muraikhi"), at most four capitalised words.
   */
  private particleName(a: number, b: number): boolean {
    if (this.isConnector(a) || this.isConnector(b)) return false;
    let caps = 0;
    let particles = 0;
    for (let k = a; k <= b; k++) {
      if (this.isParticle(k)) particles++;
      else if (this.isConnector(k)) return false;
      else caps++;
    }
    return particles > 0 && caps >= 2 && caps <= 4;
  }

  private emitGroupOfNumber(a: number, b: number, num: NlpToken): void {
    const first = this.u(a);
    this.emitSpan(first.start, num.end, 'ORG', 'pattern', this.text.slice(first.start, num.end));
    for (let k = a; k <= b; k++) this.claimed[k] = 1;
  }

  private isConnector(i: number): boolean {
    const u = this.u(i);
    return !u.cap && CONNECTORS.has(u.text);
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

  private roleBefore(u: Unit): boolean {
    const before = this.prevWord(u);
    return !!before && ROLE_NOUNS.has(before.value);
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

  private properNoun(u: Unit): boolean {
    return this.tokens[u.tok]?.pos === 'PROPN' || !u.sentenceStart;
  }

  private lastAnd(a: number, b: number): number {
    for (let k = b; k >= a; k--) {
      const w = this.u(k).text;
      if (w === 'and' || w === 'or' || w === '&') return k;
    }
    return -1;
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

  private classifyPerson(a: number, b: number, strong: boolean): void {
    const first = this.u(a);
    const last = this.u(b);
    const name = this.text.slice(first.start, last.end);
    const g = gazetteer(name, first.allCaps);
    if (g && !g.weak) return this.emit(a, b, g.type, 'gazetteer', g.canonical);
    const canonical = first.allCaps ? titleCase(name) : name;
    // "AfriWire", "WireWatch": a word capitalised again inside is a brand, not a person's name.
    for (let k = a; k <= b; k++)
      if (CAMEL_BRAND_RE.test(this.u(k).text) && !NAME_PREFIX_RE.test(this.u(k).text))
        return this.emit(a, b, 'ORG', 'pattern', canonical, !strong);
    this.emit(a, b, 'PERSON', 'pattern', canonical, !strong);
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
  /** "Mongla, Bangladesh": a word set off by a comma before a country's name is a place in it. */
  private beforeCountry(i: number): boolean {
    const u = this.u(i);
    const comma = this.tokens[u.lastTok + 1];
    const country = this.units[i + 1];
    if (!comma || comma.value !== ',' || comma.start !== u.end || !country) return false;
    if (country.tok !== u.lastTok + 2 || NOT_NAMES.has(u.text) || TITLES.has(u.text)) return false;
    if (this.lowerWords.has(u.text.toLowerCase()) || this.tokens[u.tok]?.pos !== 'PROPN') return false;
    const entry = gazetteer(country.text, country.allCaps);
    if (!entry || entry.weak || entry.type !== 'GPE') return false;
    // "Lula, Brazil's president": a possessive makes the country a description of a person.
    const after = this.tokens[country.lastTok + 1];
    return !after || (after.value !== '’s' && after.value !== "'s");
  }

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

/** A word with a capital after lower-case letters ("AfriWire", "QatarEnergy"). */
const CAMEL_BRAND_RE = /^\p{Lu}\p{Ll}+\p{Lu}/u;
/** Family-name prefixes written with an inner capital ("McDonald", "MacArthur", "DeSantis", "LeBlanc"). */
const NAME_PREFIX_RE = /^(Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)\p{Lu}/u;

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
  const rec = new Recogniser(text, tokens, units, unitOfTok);
  rec.context();
  rec.run();
  applyDocumentEvidence(rec, { text, tokens, units, hints, journal });
  for (const v of doc.values) {
    if (v.type === 'CARDINAL') continue;
    rec.emitSpan(v.span.start, v.span.end, v.type, 'wink', text.slice(v.span.start, v.span.end));
  }
  return resolveOverlaps(rec.drafts).map((d) => ({
    span: { start: d.start, end: d.end },
    type: d.type,
    text: text.slice(d.start, d.end),
    canonical: d.canonical,
    source: d.source,
  }));
}
