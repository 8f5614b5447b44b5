// The layout of a tagged document: its sentences, the form of each line (all capitals, a results row, a
// short line) and counts over it, computed once per document for every token's features.
import type { TagToken, TaggerDoc } from './taggerDoc';

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

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set(
  'Mr. Mrs. Ms. Dr. Prof. St. Gen. Lt. Col. Maj. Capt. Sgt. Sen. Rep. Gov. Jr. Sr. Inc. Corp. Co. Ltd. No. vs. v.'.split(
    ' ',
  ),
);

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
