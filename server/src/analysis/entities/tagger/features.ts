// Feature extraction of the entity tagger: for every token of a document, the hashed ids of its
// features (word forms, shape, affixes, POS, context, the form of its line, gazetteer and list flags,
// how the same word is written elsewhere in the document, and optionally the rule engine's labels).
// Pure functions of the document, shared by training and tagging, so both see the same features.
import {
  EVENT_HEADS,
  FAC_HEADS,
  GAZETTEER,
  GAZETTEER_MAX_WORDS,
  GPE_SUFFIXES,
  LOC_SUFFIXES,
  NEWS_AGENCIES,
  ORG_HEADS,
  TITLES,
  placeKey,
} from '../gazetteers';

/** One token of a tagged document: its span in the text, its form and its wink POS tag. */
export interface TagToken {
  start: number;
  end: number;
  value: string;
  pos: string;
}

/** A document to tag: its text and its tokens (no whitespace tokens), in text order. */
export interface TaggerDoc {
  text: string;
  tokens: TagToken[];
  /**
   * The rule engine's reading of each token, `B-TYPE` / `I-TYPE` / `O` in our type set; only used
   * by a model trained with rule features.
   */
  rules?: string[];
}

/** Per-token facts computed once per document and shared by every token's features. */
export interface DocLayout {
  /** 1 where a token opens a sentence. */
  sentenceStart: Uint8Array;
  /** Index of the sentence holding each token; sentences never cross a line break. */
  sentence: Int32Array;
  /** The form of each token's line: bit 1 all capitals, bit 2 table or results row, bit 4 short line. */
  lineForm: Uint8Array;
  /** Counts over each token's line. */
  lines: LineCounts;
  /** 1 where a token has a capital letter. */
  upper: Uint8Array;
}

/** For each token, counts over its line. */
export interface LineCounts {
  /** Tokens with a letter. */
  words: Int32Array;
  /** Tokens with a digit ("1996-12-06"). */
  digits: Int32Array;
  /** Bars ("|"), as menus separate their items. */
  bars: Int32Array;
  /** Commas, semicolons and opening brackets, as lists of names and results have them. */
  marks: Int32Array;
  /** Words of four letters or more, and how many of them are capitalised (title case leaves out "of"). */
  long: Int32Array;
  capLong: Int32Array;
}

const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\d/;
const CAP_RE = /^\p{Lu}/u;
const ALL_CAPS_RE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set(
  'Mr. Mrs. Ms. Dr. Prof. St. Gen. Lt. Col. Maj. Capt. Sgt. Sen. Rep. Gov. Jr. Sr. Inc. Corp. Co. Ltd. No. vs. v.'.split(
    ' ',
  ),
);

/** Words of sports reports: a document with several of them reads city names as clubs. */
export const SPORTS_WORDS = new Set(
  `soccer football cricket tennis golf rugby basketball baseball hockey cycling athletics skiing boxing
  league cup championship championships match matches goal goals scored scorer scorers striker
  midfielder defender goalkeeper coach season innings wicket wickets batsman bowler bowled lap
  standings played won drew lost beat beaten draw halftime half-time penalty penalties tournament
  semifinal semi-final quarterfinal quarter-final seeded champion champions club clubs division
  premier nba nfl nhl olympic olympics race racing squad striker captain referee points win wins
  victory defeat unbeaten fixture fixtures stage overall`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-case suffixes of company names that follow the name ("Norvane Ltd", "Acme Inc."). */
const COMPANY_SUFFIXES = new Set(
  'inc inc. corp corp. co co. ltd ltd. plc llc ag sa s.a. nv n.v. gmbh spa s.p.a. bhd pty llp group holdings'.split(
    ' ',
  ),
);

const FNV_OFFSET = 0x811c9dc5;

/** 32-bit FNV-1a hash of a string. */
function fnv(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A feature id from a template's hash and a value's hash (a murmur3 finaliser of their mix), as a signed
 * 32-bit integer: the same bits as the unsigned id once stored in a `Uint32Array`, without the boxed
 * number an unsigned one of 2^31 or more costs.
 */
function c1(t: number, a: number): number {
  let h = Math.imul(t ^ Math.imul(a, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
function c2(t: number, a: number, b: number): number {
  return c1(c1(t, a), b);
}
function c3(t: number, a: number, b: number, c: number): number {
  return c1(c1(c1(t, a), b), c);
}

/** Hashes of the short strings features are made of (templates, tags, POS), computed once each. */
const STRING_HASHES = new Map<string, number>();
function sh(s: string): number {
  let h = STRING_HASHES.get(s);
  if (h === undefined) {
    h = fnv(s);
    if (STRING_HASHES.size < 10_000) STRING_HASHES.set(s, h);
  }
  return h;
}

/**
 * The id of a feature: a template ("w=", "l-1|l=") and its values. Extraction composes the same ids
 * from hashes kept per word, without building strings.
 */
export function featureId(template: string, ...values: string[]): number {
  let h = fnv(template);
  if (values.length === 0) return h;
  for (const v of values) h = c1(h, fnv(v));
  return h >>> 0;
}

/** The word's shape with runs of one character class collapsed: "Xx", "X.X.", "d-d", "xX". */
export function shape(w: string): string {
  let out = '';
  let last = '';
  for (const c of w) {
    const code = c.charCodeAt(0);
    const k =
      code < 128
        ? code >= 65 && code <= 90
          ? 'X'
          : code >= 97 && code <= 122
            ? 'x'
            : code >= 48 && code <= 57
              ? 'd'
              : c
        : UPPER_RE.test(c)
          ? 'X'
          : LOWER_RE.test(c)
            ? 'x'
            : DIGIT_RE.test(c)
              ? 'd'
              : c;
    if (k !== last) out += k;
    last = k;
  }
  return out.length > 8 ? out.slice(0, 8) : out;
}

/** The lower-case form with digits folded, so that dates and scores share features. */
export function normal(w: string): string {
  return DIGIT_RE.test(w) ? w.toLowerCase().replace(/\d/g, '0') : w.toLowerCase();
}

function titleCase(w: string): string {
  return w.length > 1 && ALL_CAPS_RE.test(w) ? w[0] + w.slice(1).toLowerCase() : w;
}

function isCap(w: string): boolean {
  // ASCII first: this runs for every token.
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAP_RE.test(w);
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

// What `layout` asks of a token, as bits (see `tokenKind`).
const K_LETTER = 1;
const K_LOWER = 2;
const K_UPPER = 4;
const K_FIRST_UPPER = 8;
const K_DIGIT = 16;
const K_NUMBER = 32;
/** A UTF-16 surrogate: the character tests above read code units, so such a token is tested whole too. */
const K_SURROGATE = 64;

/** The letter, case and digit facts of a token, by character codes (expressions past ASCII; digits are ASCII). */
function tokenKind(v: string): number {
  let k = 0;
  let number = v.length > 0;
  let digit = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c >= 65 && c <= 90) {
      k |= K_LETTER | K_UPPER | (i === 0 ? K_FIRST_UPPER : 0);
      number = false;
    } else if (c >= 97 && c <= 122) {
      k |= K_LETTER | K_LOWER;
      number = false;
    } else if (c === 46 || c === 44 || c === 58 || c === 47 || c === 45) continue;
    else {
      number = false;
      if (c < 128) continue;
      if (c >= 0xd800 && c <= 0xdfff) k |= K_SURROGATE;
      const ch = v[i] as string;
      if (UPPER_RE.test(ch)) k |= K_LETTER | K_UPPER | (i === 0 ? K_FIRST_UPPER : 0);
      else if (LOWER_RE.test(ch)) k |= K_LETTER | K_LOWER;
      else if (LETTER_RE.test(ch)) k |= K_LETTER;
    }
  }
  if (digit) k |= K_DIGIT;
  if (number && digit) k |= K_NUMBER;
  return k;
}

/** Sentences, the form of each line and counts over it. */
export function layout(doc: TaggerDoc): DocLayout {
  const { text, tokens } = doc;
  const n = tokens.length;
  const sentenceStart = new Uint8Array(n);
  const sentence = new Int32Array(n);
  const lineForm = new Uint8Array(n);
  const lines: LineCounts = {
    words: new Int32Array(n),
    digits: new Int32Array(n),
    bars: new Int32Array(n),
    marks: new Int32Array(n),
    long: new Int32Array(n),
    capLong: new Int32Array(n),
  };
  const kinds = new Uint8Array(n);
  const upper = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = (tokens[i] as TagToken).value;
    const kind = tokenKind(v);
    kinds[i] = kind;
    upper[i] = (kind & K_UPPER) !== 0 || ((kind & K_SURROGATE) !== 0 && UPPER_RE.test(v)) ? 1 : 0;
  }
  let s = -1;
  let lineFrom = 0;
  const closeLine = (to: number): void => {
    let letters = 0;
    let lowerWords = 0;
    let numbers = 0;
    let capsWords = 0;
    let digits = 0;
    let bars = 0;
    let marks = 0;
    let long = 0;
    let capLong = 0;
    for (let k = lineFrom; k < to; k++) {
      const v = (tokens[k] as TagToken).value;
      const kind = kinds[k] as number;
      if (kind & K_DIGIT) digits++;
      if (v === '|') bars++;
      else if (v === ',' || v === ';' || v === '(') marks++;
      if (kind & K_NUMBER) numbers++;
      else if (kind & K_LETTER) {
        letters++;
        if (v.length >= 4) {
          long++;
          if (kind & K_FIRST_UPPER) capLong++;
        }
        if (kind & K_LOWER) {
          if (!(kind & K_FIRST_UPPER)) lowerWords++;
        } else capsWords++;
      }
    }
    let form = 0;
    if (capsWords >= 2 && capsWords === letters) form |= 1;
    if (numbers >= 2 && lowerWords <= 2 && numbers * 4 >= to - lineFrom) form |= 2;
    if (to - lineFrom <= 6) form |= 4;
    lineForm.fill(form, lineFrom, to);
    lines.words.fill(letters, lineFrom, to);
    lines.digits.fill(digits, lineFrom, to);
    lines.bars.fill(bars, lineFrom, to);
    lines.marks.fill(marks, lineFrom, to);
    lines.long.fill(long, lineFrom, to);
    lines.capLong.fill(capLong, lineFrom, to);
    lineFrom = to;
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as TagToken;
    const prev = tokens[i - 1];
    let start = i === 0;
    if (prev) {
      const cap = ((kinds[i] as number) & K_FIRST_UPPER) !== 0;
      if (hasNewline(text, prev.end, t.start)) {
        start = true;
        closeLine(i);
      } else if ((prev.value === '.' || prev.value === '!' || prev.value === '?') && cap) start = true;
      else if (prev.value.endsWith('.') && prev.value.length > 2 && !ABBREVIATIONS.has(prev.value) && cap)
        start = /^\p{Ll}+\.$/u.test(prev.value);
    }
    if (start) s++;
    sentenceStart[i] = start ? 1 : 0;
    sentence[i] = s;
  }
  closeLine(n);
  return { sentenceStart, sentence, lineForm, lines, upper };
}

/**
 * How a lower-cased word is written across the document being read (outside all-caps lines), as the
 * number of that document (see `docForms`) where it was last seen so: one object per lower-cased form,
 * shared by its spellings, so that marking it costs no set of strings per document.
 */
interface LowerForm {
  lowerSeen: number;
  capMidSeen: number;
  sportsSeen: number;
}

const LOWER_FORMS = new Map<string, LowerForm>();
/** The number of the document `docForms` last read (0: none yet). */
let docNumber = 0;

/** Marks how the document writes each word (see `LowerForm`); returns the document's number and whether it reads as sports. */
function docForms(words: readonly WordFeatures[], lay: DocLayout): { doc: number; sports: boolean } {
  const doc = ++docNumber;
  let sports = 0;
  for (let i = 0; i < words.length; i++) {
    const x = words[i] as WordFeatures;
    const form = x.form;
    if (x.sportsWord && form.sportsSeen !== doc) {
      form.sportsSeen = doc;
      sports++;
    }
    if (((lay.lineForm[i] ?? 0) & 1) !== 0 || !x.letter) continue;
    if (!x.cap) form.lowerSeen = doc;
    else if (!lay.sentenceStart[i] && !x.allCaps) form.capMidSeen = doc;
  }
  return { doc, sports: sports >= 3 };
}

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
interface PhraseEntry {
  tag: string;
  continues: boolean;
}

function gazetteerEntry(key: string, phrase: string, prefixes: Set<string>): PhraseEntry {
  const e = GAZETTEER.get(key) ?? NEWS_AGENCIES.get(phrase);
  return { tag: e ? e.type + (e.weak ? 'w' : '') : '', continues: prefixes.has(key) };
}

/** Gazetteer reading of each token: `B-GPE`, `I-LOC`, `B-GPEw` (weak entry) or ''. */
function gazetteerTags(doc: TaggerDoc, words: readonly WordFeatures[]): string[] {
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
function runHeads(doc: TaggerDoc): string[] {
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

const T = {
  w: sh('w='),
  l: sh('l='),
  s: sh('s='),
  p: sh('p='),
  tl: sh('tl='),
  prefix: ['', 'p1=', 'p2=', 'p3=', 'p4='].map(sh),
  suffix: ['', 'x1=', 'x2=', 'x3=', 'x4='].map(sh),
  lm1: sh('l-1='),
  lp1: sh('l+1='),
  lm2: sh('l-2='),
  lp2: sh('l+2='),
  lm1l: sh('l-1|l='),
  llp1: sh('l|l+1='),
  sm1: sh('s-1='),
  sp1: sh('s+1='),
  sss: sh('s-1|s|s+1='),
  pm1: sh('p-1='),
  pp1: sh('p+1='),
  pm1p: sh('p-1|p='),
  ppp1: sh('p|p+1='),
  ln: sh('ln='),
  lns: sh('ln|s='),
  sss1: sh('ss|s='),
  ssl: sh('ss|l='),
  len: sh('len='),
  doc: sh('doc='),
  docss: sh('doc|ss='),
  g: sh('g='),
  gs: sh('g|s='),
  gln: sh('g|ln='),
  h: sh('h='),
  sps: sh('sp|s='),
  spln: sh('sp|ln='),
  spg: sh('sp|g='),
  splm1: sh('sp|l-1='),
  splp1: sh('sp|l+1='),
  r: sh('r='),
  rs: sh('r|s='),
  rm1: sh('r-1='),
  rp1: sh('r+1='),
  rg: sh('r|g='),
};
const BIAS = featureId('b');
const NEXT_CO = featureId('nextCo');
const CO = featureId('co');
const AFTER_TITLE = featureId('afterTitle');
const TITLE = featureId('title');
const H_BOS = sh('<s>');
const H_EOS = sh('</s>');
const H_NONE = sh('_');
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7'].map(sh);
const SEEN = ['', 'L', 'C', 'LC'].map(sh);
/** The most features one token has (see `extractFeatures`). */
const MAX_FEATURES = 56;

/** What a word yields on its own, whatever its context: computed once per spelling and kept. */
interface WordFeatures {
  lc: string;
  /** Hashes of the normal (lower-case, digits folded) form and of the shape. */
  lowerH: number;
  shapeH: number;
  cap: boolean;
  allCaps: boolean;
  letter: boolean;
  /** The word title-cased if written in capitals ("NEW" → "New"), and that without stops or apostrophes. */
  title: string;
  key: string;
  /** A title ("Mr.", "President"), a company suffix ("Ltd"). */
  isTitle: boolean;
  companySuffix: boolean;
  /** A word of sports reports (see `SPORTS_WORDS`). */
  sportsWord: boolean;
  /** How the document being read writes the word (see `docForms`). */
  form: LowerForm;
  /** The word alone as a gazetteer phrase, once looked up. */
  entry?: PhraseEntry;
  /** Ids of w=, l= and s=, then of the prefixes and suffixes of one to four letters. */
  own: Uint32Array;
}

const WORD_CACHE = new Map<string, WordFeatures>();
const WORD_CACHE_LIMIT = 50_000;

function wordFeatures(w: string): WordFeatures {
  let x = WORD_CACHE.get(w);
  if (x) return x;
  const lowerH = fnv(normal(w));
  const lc = w.toLowerCase();
  const shapeH = fnv(shape(w));
  const title = titleCase(w);
  const own = [c1(T.w, fnv(w)), c1(T.l, lowerH), c1(T.s, shapeH)];
  for (let k = 1; k <= 4 && k < lc.length; k++) {
    own.push(c1(T.prefix[k] as number, fnv(lc.slice(0, k))), c1(T.suffix[k] as number, fnv(lc.slice(-k))));
  }
  x = {
    lc,
    lowerH,
    shapeH,
    cap: isCap(w),
    allCaps: ALL_CAPS_RE.test(w),
    letter: LETTER_RE.test(w),
    title,
    key: title.replace(/['’.]/g, ''),
    isTitle: TITLES.has(w),
    companySuffix: COMPANY_SUFFIXES.has(lc),
    sportsWord: SPORTS_WORDS.has(lc),
    form: lowerForm(lc),
    own: Uint32Array.from(own),
  };
  WORD_CACHE.set(w, x);
  return x;
}

function lowerForm(lc: string): LowerForm {
  let f = LOWER_FORMS.get(lc);
  if (!f) {
    f = { lowerSeen: 0, capMidSeen: 0, sportsSeen: 0 };
    LOWER_FORMS.set(lc, f);
  }
  return f;
}

/**
 * Starts the word caches again once they hold `WORD_CACHE_LIMIT` spellings; only between documents, as
 * all spellings of a word in one document must share their `LowerForm`.
 */
function trimWordCaches(): void {
  if (WORD_CACHE.size < WORD_CACHE_LIMIT) return;
  WORD_CACHE.clear();
  LOWER_FORMS.clear();
}

/**
 * The feature ids of a document's tokens, as one array: token i's ids are `ids[at[i]]` to `ids[at[i + 1]]`.
 * Tokens that are not `active` have none: they are read as outside any name (see `activeTokens`).
 */
export interface FeatureTable {
  ids: Uint32Array;
  at: Int32Array;
  active: Uint8Array;
  /**
   * Where each token's context features start: `ids[at[i]]` to `ids[wordEnd[i]]` depend on the word
   * alone (`words[i]`), so a scorer may keep their sum per word.
   */
  wordEnd: Int32Array;
  words: readonly string[];
}

/** Token i's feature ids (a view of the table). */
export function featuresOf(table: FeatureTable, i: number): Uint32Array {
  return table.ids.subarray(table.at[i], table.at[i + 1]);
}

const AFTER_NAME_RE = /^(?:\d|['’]s$|\)$)/;
/** Tokens between two capitalised ones that are read with them ("Bank of England", "van der Sar"). */
const MAX_GAP = 2;

/**
 * Which tokens the tagger reads: those with a capital letter, a rule engine name, up to two tokens
 * between such tokens in a sentence, and a number, "'s" or ")" just after them ("Euro 96"). On the
 * development data this keeps under a third of the tokens and all but 0.3 % of the names; the others
 * are outside any name, so they cost nothing.
 */
export function activeTokens(doc: TaggerDoc, lay: DocLayout): Uint8Array {
  const { tokens, rules } = doc;
  const n = tokens.length;
  const active = new Uint8Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (!lay.upper[i] && (rules?.[i] ?? 'O') === 'O') continue;
    active[i] = 1;
    if (last >= 0 && i - last - 1 <= MAX_GAP && lay.sentence[last] === lay.sentence[i])
      active.fill(1, last + 1, i);
    last = i;
  }
  for (let i = 0; i + 1 < n; i++) {
    if (active[i] && !active[i + 1] && lay.sentence[i] === lay.sentence[i + 1]) {
      if (AFTER_NAME_RE.test((tokens[i + 1] as TagToken).value)) active[++i] = 1;
    }
  }
  return active;
}

/** The runs of active tokens within a sentence, [start, end) each, with whether each opens its sentence. */
export function segments(
  lay: DocLayout,
  active: Uint8Array,
): { start: number; end: number; opens: boolean }[] {
  const out: { start: number; end: number; opens: boolean }[] = [];
  const n = active.length;
  let i = 0;
  while (i < n) {
    if (!active[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && active[j] && lay.sentence[j] === lay.sentence[i]) j++;
    out.push({ start: i, end: j, opens: lay.sentenceStart[i] === 1 });
    i = j;
  }
  return out;
}

const H_RULE_O = sh('O');

/** Hashes of the rule labels, most of which are O. */
function ruleHashes(rules: readonly string[]): Uint32Array {
  const out = new Uint32Array(rules.length);
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i] as string;
    out[i] = r === 'O' ? H_RULE_O : sh(r);
  }
  return out;
}

/** Room for the ids of the last table extracted with `reuse` (see `extractFeatures`). */
let idScratch = new Uint32Array(0);

/**
 * Feature ids of every active token. With `reuse`, the ids live in memory the next such call
 * overwrites: for a caller that scores them at once (tagging), not one that keeps them (training).
 */
export function extractFeatures(
  doc: TaggerDoc,
  lay: DocLayout = layout(doc),
  active: Uint8Array = activeTokens(doc, lay),
  reuse = false,
): FeatureTable {
  const { tokens } = doc;
  const n = tokens.length;
  trimWordCaches();
  const words = tokens.map((t) => wordFeatures(t.value));
  const forms = docForms(words, lay);
  const gaz = gazetteerTags(doc, words);
  const heads = runHeads(doc);
  const posH = new Uint32Array(n);
  const lowerH = new Uint32Array(n);
  const shapeH = new Uint32Array(n);
  let count = 0;
  for (let j = 0; j < n; j++) {
    const x = words[j] as WordFeatures;
    posH[j] = sh((tokens[j] as TagToken).pos);
    lowerH[j] = x.lowerH;
    shapeH[j] = x.shapeH;
    count += active[j] as number;
  }
  const ruleH = doc.rules && ruleHashes(doc.rules);
  const sentence = lay.sentence;
  const at = new Int32Array(n + 1);
  const wordEnd = new Int32Array(n);
  // Room for the most features one token can have.
  let ids: Uint32Array;
  if (!reuse) ids = new Uint32Array(count * MAX_FEATURES);
  else {
    if (idScratch.length < count * MAX_FEATURES) idScratch = new Uint32Array(count * MAX_FEATURES * 2);
    ids = idScratch;
  }
  let k = 0;
  for (let i = 0; i < n; i++) {
    at[i] = k;
    wordEnd[i] = k;
    if (!active[i]) continue;
    const sent = sentence[i] as number;
    // Neighbours in the sentence, and their word forms, shapes and POS (or the sentence's edges).
    const hasL1 = i > 0 && sentence[i - 1] === sent;
    const hasR1 = i + 1 < n && sentence[i + 1] === sent;
    const l1 = hasL1 ? (lowerH[i - 1] as number) : H_BOS;
    const r1 = hasR1 ? (lowerH[i + 1] as number) : H_EOS;
    const l2 = hasL1 && i > 1 && sentence[i - 2] === sent ? (lowerH[i - 2] as number) : H_BOS;
    const r2 = hasR1 && i + 2 < n && sentence[i + 2] === sent ? (lowerH[i + 2] as number) : H_EOS;
    const s1 = hasL1 ? (shapeH[i - 1] as number) : H_NONE;
    const s2 = hasR1 ? (shapeH[i + 1] as number) : H_NONE;
    const p1 = hasL1 ? (posH[i - 1] as number) : H_NONE;
    const p2 = hasR1 ? (posH[i + 1] as number) : H_NONE;
    const t = tokens[i] as TagToken;
    const w = t.value;
    const own = words[i] as WordFeatures;
    const l = own.lowerH;
    const s = own.shapeH;
    const p = posH[i] as number;
    const form = lay.lineForm[i] ?? 0;
    const lineForm = DIGITS[form] as number;
    const lineKind = DIGITS[form & 3] as number;
    const caps = (form & 1) !== 0;
    const cap = own.cap;
    const ss = lay.sentenceStart[i] === 1;
    ids[k++] = BIAS;
    const ownIds = own.own;
    for (let j = 0; j < ownIds.length; j++) ids[k++] = ownIds[j] as number;
    wordEnd[i] = k;
    ids[k++] = c1(T.p, p);
    if (caps && cap) ids[k++] = c1(T.tl, fnv(own.title));
    ids[k++] = c1(T.lm1, l1);
    ids[k++] = c1(T.lp1, r1);
    ids[k++] = c1(T.lm2, l2);
    ids[k++] = c1(T.lp2, r2);
    ids[k++] = c2(T.lm1l, l1, l);
    ids[k++] = c2(T.llp1, l, r1);
    ids[k++] = c1(T.sm1, s1);
    ids[k++] = c1(T.sp1, s2);
    ids[k++] = c3(T.sss, s1, s, s2);
    ids[k++] = c1(T.pm1, p1);
    ids[k++] = c1(T.pp1, p2);
    ids[k++] = c2(T.pm1p, p1, p);
    ids[k++] = c2(T.ppp1, p, p2);
    ids[k++] = c1(T.ln, lineForm);
    ids[k++] = c2(T.lns, lineForm, s);
    if (ss) {
      ids[k++] = c1(T.sss1, s);
      ids[k++] = c1(T.ssl, l);
    }
    if (w.length === 1 || (w.length === 2 && w[1] === '.')) ids[k++] = c1(T.len, DIGITS[w.length] as number);
    // The same word elsewhere in the document.
    if (cap) {
      const seen = SEEN[
        (own.form.lowerSeen === forms.doc ? 1 : 0) + (own.form.capMidSeen === forms.doc ? 2 : 0)
      ] as number;
      ids[k++] = c1(T.doc, seen);
      ids[k++] = c3(T.docss, seen, DIGITS[ss ? 1 : 0] as number, DIGITS[caps ? 1 : 0] as number);
    }
    const g = gaz[i] as string;
    const gh = g ? sh(g) : 0;
    if (g) {
      ids[k++] = c1(T.g, gh);
      ids[k++] = c2(T.gs, gh, s);
      ids[k++] = c2(T.gln, gh, lineKind);
    }
    const h = heads[i] as string;
    if (h) ids[k++] = c1(T.h, sh(h));
    if (hasR1 && (words[i + 1] as WordFeatures).companySuffix) ids[k++] = NEXT_CO;
    if (cap && own.companySuffix) ids[k++] = CO;
    if (hasL1 && (words[i - 1] as WordFeatures).isTitle) ids[k++] = AFTER_TITLE;
    if (own.isTitle) ids[k++] = TITLE;
    if (forms.sports) {
      ids[k++] = c1(T.sps, s);
      ids[k++] = c1(T.spln, lineKind);
      if (g) ids[k++] = c1(T.spg, gh);
      if (cap) {
        ids[k++] = c1(T.splm1, l1);
        ids[k++] = c1(T.splp1, r1);
      }
    }
    if (ruleH) {
      const r = ruleH[i] as number;
      ids[k++] = c1(T.r, r);
      ids[k++] = c2(T.rs, r, s);
      ids[k++] = c1(T.rm1, hasL1 ? (ruleH[i - 1] as number) : H_NONE);
      ids[k++] = c1(T.rp1, hasR1 ? (ruleH[i + 1] as number) : H_NONE);
      if (g) ids[k++] = c2(T.rg, r, gh);
    }
  }
  at[n] = k;
  return { ids: ids.subarray(0, k), at, active, wordEnd, words: tokens.map((t) => t.value) };
}
