// The first stage of the rule engine: wink tokens to name units. Words wink keeps whole at hyphens are
// split, then tokens glued without spaces are joined into the words of names ("Jae-myung",
// "Correspondents’"), each flagged with its shape and position (sentence start, heading line).
import { GAZETTEER, GAZETTEER_MAX_WORDS, placeKey } from './gazetteers';
import { isBlank } from '../text/blank';
import type { NlpToken } from '../text/nlp';

export /** A word of a name: one wink token, or several glued without spaces ("Jae-myung", "Correspondents’"). */
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

const SENTENCE_BREAKS = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '‘', '(', '—', '–', '|', '•', '-']);
const FUNCTION_WORDS = new Set(
  'of and in at for the to a an on with as by from amid over into vs after before about is are'.split(' '),
);
const CAP_RE = /^\p{Lu}/u;
const LETTER_RE = /\p{L}/u;
const ALLCAPS_RE = /^[\p{Lu}\d.&'’-]+$/u;
const IRREGULAR_PLURAL_RE = /^\p{Lu}\p{L}*(men|ren|ple)$/u;
/** A name word led by a lower-case Arabic or Romance particle ("al-Muraikhi", "el-Sisi", "d'Alema"). */
const PARTICLE_PREFIX_RE = /^(al|el|ad|as|ash|at|az|ibn|bin|abu|d|l)[-'’]\p{Lu}/u;

/** Whether a word opens with a capital letter. */
export function isCap(s: string): boolean {
  // ASCII by its code, the rest by the expression: this runs several times per word.
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAP_RE.test(s);
}
/** Whether a word is written in capitals (two at least: "UN", "NEW", not "A"). */
function isAllCaps(s: string): boolean {
  return ALLCAPS_RE.test(s) && TWO_CAPS_RE.test(s);
}
const TWO_CAPS_RE = /\p{Lu}[^]*\p{Lu}/u;

/** Whether text[from, to) holds a line break. */
export function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) return true;
  return false;
}
/** wink keeps some line breaks as tokens of their own. */
export function isLineBreak(t: NlpToken): boolean {
  return isBlank(t.value);
}
/** A wink word with a letter in it. */
export function isWord(t: NlpToken): boolean {
  return t.kind === 'word' && hasLetter(t.value);
}

/** Whether `s` holds a letter: ASCII by its code, the rest by the expression. */
function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return LETTER_RE.test(s);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

/** Marks tokens on heading-like lines: mostly capitalised words, or a few words with no sentence end. */
export function headingTokens(text: string, tokens: NlpToken[]): Uint8Array {
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
export function buildUnits(text: string, tokens: NlpToken[]): { units: Unit[]; unitOfTok: Int32Array } {
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
        // "Jae-myung", "Hardy-Chartrand", "al-Muraikhi" are one word; "Korea-Japan" and "anti-Japan" are two.
        if (!isCap(left) && !PARTICLE_PREFIX_RE.test(`${left}-${next.value}`)) break;
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
    } else if (
      // So does the possessive of an irregular plural ("Fishermen's Association", "Children's Hospital").
      apo &&
      after &&
      (apo.value === '’s' || apo.value === "'s") &&
      attached(tokens[last], apo) &&
      IRREGULAR_PLURAL_RE.test((tokens[last] as NlpToken).value) &&
      !attached(apo, after) &&
      isCap(after.value)
    ) {
      last += 1;
    }
    const end = (tokens[last] as NlpToken).end;
    const value = text.slice(t.start, end);
    const prev = tokens[i - 1];
    const lineBreak = !prev || isLineBreak(prev) || hasNewline(text, prev.end, t.start);
    const sentenceStart = lineBreak || (prev !== undefined && SENTENCE_BREAKS.has(prev.value));
    const u: Unit = {
      start: t.start,
      end,
      text: value,
      tok: i,
      lastTok: last,
      cap: isCap(value) || PARTICLE_PREFIX_RE.test(value),
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

/** Splits words wink kept whole at their hyphens ("anti-Japan"), so each part can be a name. */
export function splitHyphens(tokens: NlpToken[]): NlpToken[] {
  const out: NlpToken[] = [];
  for (const t of tokens) {
    if (t.kind !== 'word' || !t.value.includes('-') || !/\p{L}-\p{L}/u.test(t.value)) {
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
