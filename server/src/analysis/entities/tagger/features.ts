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
} from '../../gazetteers';

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
}

const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\d/;
const CAP_RE = /^\p{Lu}/u;
const ALL_CAPS_RE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const NUMBER_RE = /^[\d.,:/-]*\d[\d.,:/-]*$/;

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

/** FNV-1a over `s`, continuing from `h`: hashing "ab" equals hashing "b" after "a". */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** 32-bit FNV-1a hash of a feature string: the feature's id in the model. */
export function hashFeature(s: string): number {
  return fnv(FNV_OFFSET, s) >>> 0;
}

/** Ids of "prefix" + a, "prefix" + a + "|" + b…, without building the strings. */
function h1(prefix: string, a: string): number {
  return fnv(fnv(FNV_OFFSET, prefix), a) >>> 0;
}
function h2(prefix: string, a: string, b: string): number {
  return fnv(fnv(fnv(fnv(FNV_OFFSET, prefix), a), '|'), b) >>> 0;
}
function h3(prefix: string, a: string, b: string, c: string): number {
  return fnv(fnv(fnv(fnv(fnv(fnv(FNV_OFFSET, prefix), a), '|'), b), '|'), c) >>> 0;
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
  return CAP_RE.test(w);
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** Sentences and the form of each line. */
export function layout(doc: TaggerDoc): DocLayout {
  const { text, tokens } = doc;
  const n = tokens.length;
  const sentenceStart = new Uint8Array(n);
  const sentence = new Int32Array(n);
  const lineForm = new Uint8Array(n);
  let s = -1;
  let lineFrom = 0;
  const closeLine = (to: number): void => {
    let letters = 0;
    let lowerWords = 0;
    let numbers = 0;
    let capsWords = 0;
    for (let k = lineFrom; k < to; k++) {
      const v = (tokens[k] as TagToken).value;
      if (NUMBER_RE.test(v)) numbers++;
      else if (LETTER_RE.test(v)) {
        letters++;
        if (LOWER_RE.test(v)) {
          if (!UPPER_RE.test(v[0] ?? '')) lowerWords++;
        } else capsWords++;
      }
    }
    let form = 0;
    if (capsWords >= 2 && capsWords === letters) form |= 1;
    if (numbers >= 2 && lowerWords <= 2 && numbers * 4 >= to - lineFrom) form |= 2;
    if (to - lineFrom <= 6) form |= 4;
    lineForm.fill(form, lineFrom, to);
    lineFrom = to;
  };
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as TagToken;
    const prev = tokens[i - 1];
    let start = i === 0;
    if (prev) {
      if (hasNewline(text, prev.end, t.start)) {
        start = true;
        closeLine(i);
      } else if ((prev.value === '.' || prev.value === '!' || prev.value === '?') && isCap(t.value))
        start = true;
      else if (
        prev.value.endsWith('.') &&
        prev.value.length > 2 &&
        !ABBREVIATIONS.has(prev.value) &&
        isCap(t.value)
      )
        start = /^\p{Ll}+\.$/u.test(prev.value);
    }
    if (start) s++;
    sentenceStart[i] = start ? 1 : 0;
    sentence[i] = s;
  }
  closeLine(n);
  return { sentenceStart, sentence, lineForm };
}

/** How each lower-cased word is written across the document (outside all-caps lines). */
interface DocForms {
  lowerSeen: Set<string>;
  capMidSeen: Set<string>;
  sports: boolean;
}

function docForms(doc: TaggerDoc, lay: DocLayout): DocForms {
  const lowerSeen = new Set<string>();
  const capMidSeen = new Set<string>();
  let sportsHits = 0;
  const sportsSeen = new Set<string>();
  doc.tokens.forEach((t, i) => {
    const v = t.value;
    const l = v.toLowerCase();
    if (SPORTS_WORDS.has(l) && !sportsSeen.has(l)) {
      sportsSeen.add(l);
      sportsHits++;
    }
    if (((lay.lineForm[i] ?? 0) & 1) !== 0 || !LETTER_RE.test(v)) return;
    if (!isCap(v)) lowerSeen.add(l);
    else if (!lay.sentenceStart[i] && !ALL_CAPS_RE.test(v)) capMidSeen.add(l);
  });
  return { lowerSeen, capMidSeen, sports: sportsHits >= 3 };
}

/** Gazetteer reading of each token: `B-GPE`, `I-LOC`, `B-GPEw` (weak entry) or ''. */
function gazetteerTags(doc: TaggerDoc): string[] {
  const { tokens, text } = doc;
  const out = new Array<string>(tokens.length).fill('');
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as TagToken;
    if (!isCap(first.value)) continue;
    let phrase = '';
    let best = -1;
    let bestType = '';
    for (let j = i; j < tokens.length && j < i + GAZETTEER_MAX_WORDS; j++) {
      const t = tokens[j] as TagToken;
      if (j > i && text.slice((tokens[j - 1] as TagToken).end, t.start) !== ' ') break;
      if (!LETTER_RE.test(t.value) && t.value !== '.' && t.value !== '&') break;
      phrase = j === i ? titleCase(t.value) : `${phrase} ${titleCase(t.value)}`;
      const e = GAZETTEER.get(placeKey(phrase)) ?? NEWS_AGENCIES.get(phrase);
      if (e) {
        best = j;
        bestType = e.type + (e.weak ? 'w' : '');
      }
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

const PREFIX_NAMES = ['', 'p1=', 'p2=', 'p3=', 'p4='];
const SUFFIX_NAMES = ['', 'x1=', 'x2=', 'x3=', 'x4='];

const BIAS = hashFeature('b');

/** What a word yields on its own, whatever its context: computed once per spelling and kept. */
interface WordFeatures {
  lower: string;
  lc: string;
  shape: string;
  /** Ids of w=, l= and s=. */
  form: number[];
  /** Ids of the prefixes and suffixes of one to four letters. */
  affixes: number[];
}

const WORD_CACHE = new Map<string, WordFeatures>();
const WORD_CACHE_LIMIT = 50_000;

function wordFeatures(w: string): WordFeatures {
  let x = WORD_CACHE.get(w);
  if (x) return x;
  const lower = normal(w);
  const lc = w.toLowerCase();
  const sh = shape(w);
  const affixes: number[] = [];
  for (let k = 1; k <= 4 && k < lc.length; k++) {
    affixes.push(h1(PREFIX_NAMES[k] as string, lc.slice(0, k)), h1(SUFFIX_NAMES[k] as string, lc.slice(-k)));
  }
  x = { lower, lc, shape: sh, form: [h1('w=', w), h1('l=', lower), h1('s=', sh)], affixes };
  if (WORD_CACHE.size >= WORD_CACHE_LIMIT) WORD_CACHE.clear();
  WORD_CACHE.set(w, x);
  return x;
}

/** Feature ids of every token (`features[i]` for token i). */
export function extractFeatures(doc: TaggerDoc, lay: DocLayout = layout(doc)): Uint32Array[] {
  const { tokens } = doc;
  const n = tokens.length;
  const forms = docForms(doc, lay);
  const gaz = gazetteerTags(doc);
  const heads = runHeads(doc);
  const words = tokens.map((t) => wordFeatures(t.value));
  const lower = words.map((x) => x.lower);
  const shapes = words.map((x) => x.shape);
  const out: Uint32Array[] = new Array(n);
  const f: number[] = [];
  const FORMS = ['0', '1', '2', '3', '4', '5', '6', '7'];
  // Context readers, made once per document (not per token): `i` is the token being described.
  let i = 0;
  let sent = 0;
  const inSent = (k: number): boolean => k >= 0 && k < n && lay.sentence[k] === sent;
  const lw = (k: number): string => (inSent(k) ? (lower[k] as string) : k < i ? '<s>' : '</s>');
  const sp = (k: number): string => (inSent(k) ? (shapes[k] as string) : '_');
  const ps = (k: number): string => (inSent(k) ? (tokens[k] as TagToken).pos : '_');
  for (i = 0; i < n; i++) {
    f.length = 0;
    const t = tokens[i] as TagToken;
    const w = t.value;
    const l = lower[i] as string;
    const sh = shapes[i] as string;
    sent = lay.sentence[i] as number;
    const form = lay.lineForm[i] ?? 0;
    const lineForm = FORMS[form] as string;
    const lineKind = FORMS[form & 3] as string;
    const caps = (form & 1) !== 0;
    const cap = isCap(w);
    const own = words[i] as WordFeatures;
    const lc = own.lc;
    f.push(BIAS, own.form[0] as number, own.form[1] as number, own.form[2] as number, h1('p=', t.pos));
    if (caps && cap) f.push(h1('tl=', titleCase(w)));
    for (const id of own.affixes) f.push(id);
    const l1 = lw(i - 1);
    const r1 = lw(i + 1);
    const s1 = sp(i - 1);
    const s2 = sp(i + 1);
    const p1 = ps(i - 1);
    const p2 = ps(i + 1);
    f.push(h1('l-1=', l1), h1('l+1=', r1), h1('l-2=', lw(i - 2)), h1('l+2=', lw(i + 2)));
    f.push(h2('l-1|l=', l1, l), h2('l|l+1=', l, r1));
    f.push(h1('s-1=', s1), h1('s+1=', s2), h3('s-1|s|s+1=', s1, sh, s2));
    f.push(h1('p-1=', p1), h1('p+1=', p2), h2('p-1|p=', p1, t.pos), h2('p|p+1=', t.pos, p2));
    f.push(h1('ln=', lineForm), h2('ln|s=', lineForm, sh));
    if (lay.sentenceStart[i]) f.push(h1('ss|s=', sh), h1('ss|l=', l));
    if (w.length === 1 || (w.length === 2 && w[1] === '.')) f.push(h1('len=', w.length === 1 ? '1' : '2'));
    // The same word elsewhere in the document.
    if (cap) {
      const seen = `${forms.lowerSeen.has(lc) ? 'L' : ''}${forms.capMidSeen.has(lc) ? 'C' : ''}`;
      f.push(h1('doc=', seen), h3('doc|ss=', seen, lay.sentenceStart[i] ? '1' : '0', caps ? '1' : '0'));
    }
    const g = gaz[i] as string;
    if (g) f.push(h1('g=', g), h2('g|s=', g, sh), h2('g|ln=', g, lineKind));
    const h = heads[i] as string;
    if (h) f.push(h1('h=', h));
    if (COMPANY_SUFFIXES.has(r1)) f.push(hashFeature('nextCo'));
    if (COMPANY_SUFFIXES.has(l) && cap) f.push(hashFeature('co'));
    if (inSent(i - 1) && TITLES.has((tokens[i - 1] as TagToken).value)) f.push(hashFeature('afterTitle'));
    if (TITLES.has(w)) f.push(hashFeature('title'));
    if (forms.sports) {
      f.push(h1('sp|s=', sh), h1('sp|ln=', lineKind));
      if (g) f.push(h1('sp|g=', g));
      if (cap) f.push(h1('sp|l-1=', l1), h1('sp|l+1=', r1));
    }
    const r = doc.rules?.[i];
    if (r !== undefined) {
      f.push(h1('r=', r), h2('r|s=', r, sh), h1('r-1=', inSent(i - 1) ? (doc.rules?.[i - 1] ?? '') : '_'));
      f.push(h1('r+1=', inSent(i + 1) ? (doc.rules?.[i + 1] ?? '') : '_'));
      if (g) f.push(h2('r|g=', r, g));
    }
    out[i] = Uint32Array.from(f);
  }
  return out;
}
