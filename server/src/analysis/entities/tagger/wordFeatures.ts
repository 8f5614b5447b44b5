// What the tagger reads of a word on its own (forms, shape, affixes, lists it is in), kept per spelling,
// and how the document being read writes each lower-cased word elsewhere.
import { TITLES } from '../gazetteers';
import { c1, fnv, sh } from './featureHash';
import type { PhraseEntry } from './phraseTags';
import type { DocLayout } from './tokenLayout';

const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\d/;
const CAP_RE = /^\p{Lu}/u;
const ALL_CAPS_RE = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;

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

/** Templates of the features a word has on its own. */
const T = {
  w: sh('w='),
  l: sh('l='),
  s: sh('s='),
  prefix: ['', 'p1=', 'p2=', 'p3=', 'p4='].map(sh),
  suffix: ['', 'x1=', 'x2=', 'x3=', 'x4='].map(sh),
};

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

export function isCap(w: string): boolean {
  // ASCII first: this runs for every token.
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAP_RE.test(w);
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
export function docForms(words: readonly WordFeatures[], lay: DocLayout): { doc: number; sports: boolean } {
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

/** What a word yields on its own, whatever its context: computed once per spelling and kept. */
export interface WordFeatures {
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

export function wordFeatures(w: string): WordFeatures {
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
export function trimWordCaches(): void {
  if (WORD_CACHE.size < WORD_CACHE_LIMIT) return;
  WORD_CACHE.clear();
  LOWER_FORMS.clear();
}
