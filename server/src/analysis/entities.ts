// Named-entity recognition over one article text: proper-noun runs built from wink tokens, typed by
// gazetteers, titles, heads and context ("X said"), then resolved against document and corpus evidence.
import { AliasTable, titleCase } from './aliases';
import {
  CONNECTORS,
  EVENT_HEADS,
  EVENT_PREFIXES,
  EVENT_TAILS,
  FAC_HEADS,
  FAC_TAILS,
  GAZETTEER,
  GAZETTEER_MAX_WORDS,
  GPE_SUFFIXES,
  LOC_SUFFIXES,
  NEWS_AGENCIES,
  NOT_NAMES,
  ORG_HEADS,
  ORG_INTRODUCERS,
  ORG_PREFIXES,
  ROLE_NOUNS,
  RUN_BREAKERS,
  TITLES,
  placeKey,
  type GazetteerEntry,
} from './gazetteers';
import { analyzeText, type NlpToken } from './nlp';
import type { EntityHints, EntityMention, EntitySource, EntityType, NamedEntityType } from './types';

/** A word of a name: one wink token, or several glued without spaces ("Jae-myung", "Correspondents’"). */
interface Unit {
  start: number;
  end: number;
  text: string;
  /** First wink token of the unit. */
  tok: number;
  /** Last wink token of the unit. */
  lastTok: number;
  cap: boolean;
  allCaps: boolean;
  sentenceStart: boolean;
  titleLine: boolean;
}

interface Draft {
  start: number;
  end: number;
  type: EntityType;
  canonical: string;
  source: EntitySource;
  /** Guessed from shape alone; evidence from elsewhere may retype it. */
  guess: boolean;
}

const SPEECH_VERBS = new Set(
  'said says told added wrote noted stressed argued explained warned asked insisted emphasized emphasised expressed claimed stated tweeted replied urged acknowledged suggested commented recalled continued agreed denied confirmed believes thinks hopes'.split(
    ' ',
  ),
);
const SPEECH_ADVERBS = new Set('also then later previously has had was once again further'.split(' '));
const SENTENCE_BREAKS = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '‘', '(', '—', '–', '|', '•', '-']);
const FUNCTION_WORDS = new Set(
  'of and in at for the to a an on with as by from amid over into vs after before about is are'.split(' '),
);
const CAP_RE = /^\p{Lu}/u;
const LETTER_RE = /\p{L}/u;
const ALLCAPS_RE = /^[\p{Lu}\d.&'’-]+$/u;
const DOMAIN_RE = /\.(com|net|org|co|io|news|tv)$/i;

function isCap(s: string): boolean {
  return CAP_RE.test(s);
}
function isAllCaps(s: string): boolean {
  return ALLCAPS_RE.test(s) && TWO_CAPS_RE.test(s);
}
const TWO_CAPS_RE = /\p{Lu}[^]*\p{Lu}/u;

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

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) return true;
  return false;
}
function isWord(t: NlpToken): boolean {
  return t.kind === 'word' && LETTER_RE.test(t.value);
}

/** Marks tokens on heading-like lines: mostly capitalised words, or a few words with no sentence end. */
function headingTokens(text: string, tokens: NlpToken[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (!first) break;
    const lineEnd = text.indexOf('\n', first.start);
    const stop = lineEnd < 0 ? text.length : lineEnd;
    // A token may itself be a line break (wink keeps some as tokens): always consume one.
    let j = i;
    let words = 0;
    let caps = 0;
    let lower = 0;
    let endsSentence = false;
    while (j < tokens.length && (j === i || (tokens[j]?.start ?? stop) < stop)) {
      const t = tokens[j] as NlpToken;
      if (isWord(t) && !FUNCTION_WORDS.has(t.value)) {
        words++;
        if (isCap(t.value)) caps++;
        else lower++;
      }
      endsSentence =
        t.value === '.' || t.value === '!' || t.value === '?' || t.value === '”' || t.value === '"';
      j++;
    }
    // Title case leaves at most one lower-case content word; prose has many.
    const heading = (words >= 3 && caps / words >= 0.75 && lower <= 1) || (words <= 3 && !endsSentence);
    if (heading) out.fill(1, i, j);
    i = j;
  }
  return out;
}

/** Glues tokens into name units and flags each with its shape and position. */
function buildUnits(text: string, tokens: NlpToken[]): { units: Unit[]; unitOfTok: Int32Array } {
  const heading = headingTokens(text, tokens);
  const units: Unit[] = [];
  const unitOfTok = new Int32Array(tokens.length).fill(-1);
  const attached = (a: NlpToken | undefined, b: NlpToken | undefined): boolean =>
    !!a && !!b && a.end === b.start;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as NlpToken;
    if (!isWord(t)) {
      i++;
      continue;
    }
    let last = i;
    for (;;) {
      const sep = tokens[last + 1];
      const next = tokens[last + 2];
      if (!sep || !next || !attached(tokens[last], sep) || !attached(sep, next) || !isWord(next)) break;
      const left = text.slice(t.start, (tokens[last] as NlpToken).end);
      if (sep.value === '-') {
        // "Jae-myung", "Hardy-Chartrand" are one word; "Korea-Japan" and "anti-Japan" are two.
        if (!isCap(left)) break;
        const joined = `${left}-${next.value}`;
        const leftPlace = GAZETTEER.has(placeKey(left));
        // "US-made": a place with a lower-case suffix stays a place.
        if (leftPlace && !isCap(next.value)) break;
        if (isCap(next.value) && !GAZETTEER.has(placeKey(joined))) {
          if (leftPlace && startsGazetteer(tokens, last + 2)) break;
        }
      } else if (sep.value === '.') {
        // Domain names ("Example.NET").
        if (!/^(com|net|org|co|io|news|tv)$/i.test(next.value)) break;
      } else break;
      last += 2;
    }
    // A plural possessive stays with its noun inside a name ("Correspondents’ Club").
    const apo = tokens[last + 1];
    const after = tokens[last + 2];
    if (
      apo &&
      after &&
      (apo.value === '’' || apo.value === "'") &&
      attached(tokens[last], apo) &&
      (tokens[last] as NlpToken).value.endsWith('s') &&
      !attached(apo, after) &&
      isCap(after.value)
    ) {
      last += 1;
    }
    const end = (tokens[last] as NlpToken).end;
    const value = text.slice(t.start, end);
    const prev = tokens[i - 1];
    const lineBreak = !prev || hasNewline(text, prev.end, t.start);
    const sentenceStart = lineBreak || (prev !== undefined && SENTENCE_BREAKS.has(prev.value));
    const u: Unit = {
      start: t.start,
      end,
      text: value,
      tok: i,
      lastTok: last,
      cap: isCap(value),
      allCaps: isCap(value) && isAllCaps(value),
      sentenceStart,
      titleLine: heading[i] === 1,
    };
    for (let k = i; k <= last; k++) unitOfTok[k] = units.length;
    units.push(u);
    i = last + 1;
  }
  return { units, unitOfTok };
}

function startsGazetteer(tokens: NlpToken[], at: number): boolean {
  let phrase = '';
  for (let k = at; k < tokens.length && k < at + GAZETTEER_MAX_WORDS; k++) {
    const t = tokens[k] as NlpToken;
    if (!isWord(t)) break;
    phrase = phrase ? `${phrase} ${t.value}` : t.value;
    if (GAZETTEER.has(placeKey(phrase))) return true;
  }
  return false;
}

/** Gazetteer entry of a phrase, trying the title case of all-capitals text ("TOKYO"). */
function gazetteer(phrase: string, allCaps: boolean): GazetteerEntry | undefined {
  const key = placeKey(phrase);
  const hit = GAZETTEER.get(key) ?? NEWS_AGENCIES.get(key);
  if (hit) return hit;
  if (allCaps && phrase.length >= 4) return GAZETTEER.get(placeKey(titleCase(phrase)));
  return undefined;
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

  constructor(
    private readonly text: string,
    private readonly tokens: NlpToken[],
    private readonly units: Unit[],
    private readonly unitOfTok: Int32Array,
  ) {
    this.claimed = new Uint8Array(units.length);
    for (const u of units) if (!u.cap) this.lowerWords.add(u.text);
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

  /** Finds runs of capitalised units and classifies each. */
  run(): void {
    const units = this.units;
    let i = 0;
    while (i < units.length) {
      const first = this.u(i);
      if (!first.cap) {
        i++;
        continue;
      }
      let j = i;
      for (;;) {
        const cur = this.u(j);
        const next = units[j + 1];
        if (!next || !this.adjacent(cur, next)) break;
        if (next.cap && !RUN_BREAKERS.has(next.text)) {
          j++;
          continue;
        }
        // A connector is kept only between two capitalised words ("University of Tokyo").
        const after = units[j + 2];
        if (
          CONNECTORS.has(next.text) &&
          after &&
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
      for (let k = p; k <= b; k++) if (this.isConnector(k)) p = k + 1;
      if (b - p + 1 > 3) p = b - 1;
      if (p <= b && !this.allTitles(p, b)) {
        const prefixEnd = this.titleBlockStart(t, a) - 1;
        if (prefixEnd >= a) this.scanPieces(a, prefixEnd, 'full');
        this.classifyPerson(p, b, true);
        return;
      }
      if (p > b || this.allTitles(p, b)) {
        const prefixEnd = this.titleBlockStart(t, a) - 1;
        if (prefixEnd >= a) this.scanPieces(a, prefixEnd, 'full');
        return;
      }
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

  /** Types a run by its first or last word ("Operation …", "… Ministry", "… Temple", "University of …"). */
  private byHead(a: number, b: number): boolean {
    if (b <= a) return false;
    const first = this.u(a);
    const last = this.u(b);
    let connector = false;
    for (let k = a; k <= b; k++) if (this.isConnector(k)) connector = true;
    let type: EntityType | undefined;
    if (EVENT_PREFIXES.has(first.text) && !this.isConnector(a + 1)) type = 'EVENT';
    else if (ORG_HEADS.has(last.text)) type = 'ORG';
    else if (EVENT_HEADS.has(last.text)) type = 'EVENT';
    else if (FAC_HEADS.has(last.text)) type = 'FAC';
    else if (LOC_SUFFIXES.has(last.text)) type = 'LOC';
    else if (GPE_SUFFIXES.has(last.text) && !connector) type = 'GPE';
    else if (connector && this.andTailIsShort(a, b)) {
      // "University of Tokyo", "Foreign Correspondents’ Club of Japan", "Institute of … Studies".
      for (let k = a; k <= b && !this.isConnector(k); k++) {
        const w = this.u(k).text;
        if (ORG_HEADS.has(w) || ORG_PREFIXES.has(w)) type = 'ORG';
      }
    }
    if (!type) return false;
    this.emit(a, b, type, 'pattern');
    return true;
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
        if (hit && (!hit.weak || e > k || this.properNoun(this.u(k)))) {
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
        if (DOMAIN_RE.test(first.text) || /^[\p{Lu}&]{2,8}$/u.test(first.text.replace(/\./g, '')))
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
    const roleBefore = !!before && ROLE_NOUNS.has(before.value);
    if (this.speechContext(first, last) || roleBefore) return this.classifyPerson(a, b, true);
    if (n >= 2 && n <= 4 && mode === 'full') {
      if (before && (before.value === 'the' || before.value === 'The')) return this.leftover(a, b);
      // Words the article also writes in lower case are common nouns, not a name ("Stock Market").
      for (let k = a; k <= b; k++)
        if (this.lowerWords.has(this.u(k).text.toLowerCase())) return this.leftover(a, b);
      return this.classifyPerson(a, b, false);
    }
    this.leftover(a, b);
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

/** Splits words wink kept whole at their hyphens ("anti-Japan"), so each part can be a name. */
function splitHyphens(tokens: NlpToken[]): NlpToken[] {
  const out: NlpToken[] = [];
  for (const t of tokens) {
    if (t.kind !== 'word' || !/\p{L}-\p{L}/u.test(t.value)) {
      out.push(t);
      continue;
    }
    let at = t.start;
    for (const [k, part] of t.value.split('-').entries()) {
      if (k > 0) {
        out.push({ start: at, end: at + 1, value: '-', pos: 'PUNCT', kind: 'punctuation' });
        at++;
      }
      if (part) out.push({ start: at, end: at + part.length, value: part, pos: t.pos, kind: 'word' });
      at += part.length;
    }
  }
  return out;
}

/** Drops overlapping drafts, keeping the longer (then the earlier) one, and sorts by start. */
function resolveOverlaps(drafts: Draft[]): Draft[] {
  const sorted = [...drafts].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Draft[] = [];
  for (const d of sorted) {
    const prev = out[out.length - 1];
    if (prev && d.start < prev.end) {
      const named = (t: EntityType) => (t as string) in NAMED;
      if (named(d.type) && !named(prev.type)) out[out.length - 1] = d;
      continue;
    }
    out.push(d);
  }
  return out;
}
const NAMED: Record<NamedEntityType, true> = {
  PERSON: true,
  ORG: true,
  GPE: true,
  LOC: true,
  NORP: true,
  FAC: true,
  EVENT: true,
};

/** Adds the corpus hints to an alias table. */
function tableFromHints(hints: EntityHints): AliasTable {
  const table = new AliasTable();
  for (const [name, type] of hints.known) table.add(name, type);
  return table;
}

export function findEntities(text: string, hints: EntityHints): EntityMention[] {
  if (text.length === 0) return [];
  const doc = analyzeText(text);
  const tokens = splitHyphens(doc.tokens);
  const { units, unitOfTok } = buildUnits(text, tokens);
  const rec = new Recogniser(text, tokens, units, unitOfTok);
  rec.run();

  // Document evidence: full names found here (and corpus hints) name the same entity everywhere.
  const table = tableFromHints(hints);
  for (const d of rec.drafts) {
    if (d.type !== 'PERSON' || d.guess) continue;
    if (!/\s/.test(d.canonical)) continue;
    const known = table.lookup(d.canonical) ?? table.add(d.canonical, 'PERSON');
    d.canonical = known.canonical;
  }
  for (const d of rec.drafts) {
    if (d.type !== 'PERSON' || !d.guess) continue;
    if (/\s/.test(d.canonical)) {
      const known = table.lookup(d.canonical);
      if (known && known.type !== 'PERSON') {
        d.type = known.type as EntityType;
        d.canonical = known.canonical;
      } else {
        d.canonical = table.add(d.canonical, 'PERSON').canonical;
      }
    }
  }
  for (const d of rec.drafts) {
    if (d.type === 'PERSON' && !/\s/.test(d.canonical)) {
      const known = table.lookupWord(d.canonical, !GAZETTEER.has(placeKey(d.canonical)));
      if (known) {
        d.canonical = known.canonical;
        d.source = 'alias';
      }
    } else if (d.type !== 'PERSON' && hints.known.size > 0) {
      const known = table.lookup(d.canonical);
      if (known && known.type === d.type) d.canonical = known.canonical;
    }
  }
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
    const tryFull = table.mayStartName(u.text);
    for (let e = i + 1; tryFull && e < units.length && e < i + 5; e++) {
      const v = units[e] as Unit;
      const prev = units[e - 1] as Unit;
      if (!v.cap || rec.claimed[e] || text.slice(prev.end, v.start) !== ' ') break;
      phrase += ` ${v.text}`;
      const known = table.lookup(phrase);
      if (known) {
        rec.emitSpan(u.start, v.end, known.type as EntityType, 'alias', known.canonical);
        matchedEnd = e;
      }
    }
    if (matchedEnd >= 0) {
      for (let k = i; k <= matchedEnd; k++) rec.claimed[k] = 1;
      i = matchedEnd;
      continue;
    }
    const word = u.allCaps ? titleCase(u.text) : u.text;
    const pos = tokens[u.tok]?.pos;
    const fuzzy = (!u.sentenceStart || pos === 'PROPN') && !GAZETTEER.has(placeKey(word));
    const known = table.lookupWord(word, fuzzy);
    if (known && known.type === 'PERSON') {
      const source: EntitySource = hints.known.has(known.canonical) ? 'corpus' : 'alias';
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
