// Normalised word tokens with their UTF-16 offsets: the unit every duplicate finder compares. Two words
// are equal when they differ only in case, straight vs curly apostrophes or accents.

/** The words of a text: `hashes[i]` identifies the normalised word, `starts`/`ends` its UTF-16 span. */
export interface WordTokens {
  readonly count: number;
  readonly hashes: Uint32Array;
  /** Letter case of each word as written (see `caseShape`), which the normalised hash ignores. */
  readonly shapes: Uint8Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const nonAsciiWordChar = /[\p{L}\p{N}\p{M}]/u;
const wordCharCache = new Map<number, boolean>();

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const cp = text.codePointAt(i) ?? c;
  let known = wordCharCache.get(cp);
  if (known === undefined) {
    known = nonAsciiWordChar.test(String.fromCodePoint(cp));
    wordCharCache.set(cp, known);
  }
  return known;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Letter case of a word: 0 no capitals, 1 capitalised, 2 all capitals, 3 mixed. Lets a caller tell
 * "Discuss Economy" from "discuss economy" although both hash alike.
 */
export function caseShape(word: string): number {
  const lower = word.toLowerCase();
  if (word === lower) return 0;
  if (word === word.toUpperCase() && word.length > 1) return 2;
  return word.slice(1) === lower.slice(1) ? 1 : 3;
}

/** `caseShape` without allocating, for ASCII words; undefined for any other word. */
function asciiCaseShape(text: string, start: number, end: number): number | undefined {
  let uppers = 0;
  let lowers = 0;
  let firstUpper = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return undefined;
    if (c >= 65 && c <= 90) {
      uppers++;
      if (i === start) firstUpper = true;
    } else if (c >= 97 && c <= 122) lowers++;
  }
  if (uppers === 0) return 0;
  if (lowers === 0 && end - start > 1) return 2;
  return firstUpper && uppers === 1 ? 1 : 3;
}

/** Apostrophes that may join two halves of one word ("Japan’s", "don't"). */
function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 0x02bc;
}

/** Width in UTF-16 units of the character at `i` (2 for an astral code point). */
function charWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
}

/** Hash of a normalised word; accents are folded only for non-ASCII words, so the common case allocates nothing. */
function hashWord(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  let ascii = true;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128 && !isApostrophe(c)) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) c += 32;
    else if (c !== 39 && isApostrophe(c)) c = 39;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  if (ascii) return h >>> 0;
  const folded = text
    .slice(start, end)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘ʼ]/g, "'");
  h = FNV_OFFSET;
  for (let i = 0; i < folded.length; i++) h = Math.imul(h ^ folded.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * Splits a text into words: runs of letters, digits and marks, joined across an inner apostrophe
 * ("Japan’s") or a separator between digits ("1,300"). Hyphens and dashes split words, so
 * "Jae-myung" and "Jae myung" compare equal; punctuation, whitespace and emoji are never words.
 */
export function wordTokens(text: string): WordTokens {
  const cap = Math.max(16, text.length >> 2);
  let hashes: Uint32Array = new Uint32Array(cap);
  let starts: Uint32Array = new Uint32Array(cap);
  let ends: Uint32Array = new Uint32Array(cap);
  let shapes: Uint8Array = new Uint8Array(cap);
  let count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text, i)) {
      i += charWidth(text, i);
      continue;
    }
    const start = i;
    i += charWidth(text, i);
    for (;;) {
      if (i < n && isWordCode(text, i)) {
        i += charWidth(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      const joinsApostrophe = i + 1 < n && isApostrophe(c) && isWordCode(text, i + 1);
      const joinsNumber =
        (c === 44 || c === 46) && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1));
      if (joinsApostrophe || joinsNumber) {
        i += 1;
        continue;
      }
      break;
    }
    if (count === hashes.length) {
      const grow = (a: Uint32Array): Uint32Array => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      const bigger = new Uint8Array(shapes.length * 2);
      bigger.set(shapes);
      shapes = bigger;
      hashes = grow(hashes);
      starts = grow(starts);
      ends = grow(ends);
    }
    hashes[count] = hashWord(text, start, i);
    starts[count] = start;
    ends[count] = i;
    shapes[count] = asciiCaseShape(text, start, i) ?? caseShape(text.slice(start, i));
    count++;
  }
  return {
    count,
    hashes: hashes.subarray(0, count),
    shapes: shapes.subarray(0, count),
    starts: starts.subarray(0, count),
    ends: ends.subarray(0, count),
  };
}

/**
 * Word indexes where a paragraph begins (always 0 first): after a blank line, i.e. two line breaks with
 * only spaces between. A single line break (hard-wrapped text) does not end a paragraph.
 */
export function paragraphStarts(text: string, tokens: WordTokens): Uint32Array {
  const out = [0];
  for (let w = 1; w < tokens.count; w++) {
    let breaks = 0;
    for (let i = tokens.ends[w - 1]; i < tokens.starts[w] && breaks < 2; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) breaks++;
      else if (c === 13) {
        breaks++;
        if (text.charCodeAt(i + 1) === 10) i++;
      }
    }
    if (breaks >= 2) out.push(w);
  }
  return Uint32Array.from(out);
}

/** Characters around a passage that belong to it when both copies carry them ("(dpa)", a closing "”"). */
function isAttachedPunct(c: string): boolean {
  if (c === '') return false;
  const code = c.charCodeAt(0);
  // Never widen into half of a surrogate pair (emoji): the range must stay on code-point boundaries.
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return !/[\s\p{L}\p{N}\p{M}]/u.test(c);
}

function sameMark(a: string, b: string): boolean {
  const norm = (c: string): string =>
    c === '“' || c === '”' ? '"' : c === '‘' || c === '’' ? "'" : c === '—' || c === '–' ? '-' : c;
  return norm(a) === norm(b);
}

/**
 * Widens two copies of a passage (word spans) over the punctuation glued to their ends when both copies
 * carry the same marks, so a caption's closing ")" or a quote's closing "”" is part of the range.
 */
export function widenOverPunctuation(
  textA: string,
  a: { start: number; end: number },
  textB: string,
  b: { start: number; end: number },
): void {
  while (
    a.end < textA.length &&
    b.end < textB.length &&
    isAttachedPunct(textA[a.end]) &&
    sameMark(textA[a.end], textB[b.end])
  ) {
    a.end++;
    b.end++;
  }
  while (
    a.start > 0 &&
    b.start > 0 &&
    isAttachedPunct(textA[a.start - 1]) &&
    sameMark(textA[a.start - 1], textB[b.start - 1])
  ) {
    a.start--;
    b.start--;
  }
}
