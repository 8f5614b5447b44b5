// The only wink-nlp user: one readDoc per paragraph, giving tokens with exact UTF-16 offsets, POS tags and
// wink's own value entities (DATE, TIME, MONEY, PERCENT, CARDINAL) as spans of the original text.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../types';
import { decodeNlpDoc, encodeNlpDoc } from './nlpCache';
import { cacheParagraph, cachedParagraph, paragraphRanges } from './paragraphNlpCache';

/**
 * Only the annotations read here: POS tags and wink's entities (token values and types come with any
 * pipe). Sentence boundaries, negation, sentiment and custom entities are never read, and skipping them
 * makes a readDoc about a third cheaper with the same tokens, tags and entities.
 */
const PIPE = ['pos', 'ner'];
/** Made on first use: loading the model is a quarter of a second, and a warm start analyses no text. */
let pipe: ReturnType<typeof winkNLP> | undefined;
/** wink with its default pipe, made on first use: the reference the benchmarks compare against. */
let fullPipe: ReturnType<typeof winkNLP> | undefined;

export interface NlpToken {
  start: number;
  end: number;
  /** The token as written (`text.slice(start, end)`). */
  value: string;
  /** Universal POS tag from wink (PROPN, NOUN, VERB, PUNCT…). */
  pos: string;
  /** wink's token type: word, number, punctuation, emoji, url, email, symbol… */
  kind: string;
}

export interface ValueEntity {
  span: Span;
  type: 'DATE' | 'TIME' | 'MONEY' | 'PERCENT' | 'CARDINAL';
}

export interface NlpDoc {
  tokens: NlpToken[];
  values: ValueEntity[];
}

const VALUE_TYPES = new Set<string>(['DATE', 'TIME', 'MONEY', 'PERCENT', 'CARDINAL']);

/** wink's bare pass with its default pipe, for benchmarks that compare against it. */
export function winkReadDoc(text: string): number {
  fullPipe ??= winkNLP(model);
  return fullPipe.readDoc(text).tokens().length();
}

/** Letters of the Latin Extended blocks, which wink's tokeniser cuts words at ("Karaosmano|ğ|lu"). */
const EXTENDED_LATIN = /[\u0100-\u024F\u1E00-\u1EFF]/gu;

/**
 * `text` with every extended Latin letter replaced by one letter wink knows, keeping every offset: its
 * base letter when it has one ("ğ" → "g", "İ" → "I"), else "x" in its case ("ł", "đ"). wink then reads
 * "Karaosmanoğlu" or "Milošević" as one word, while tokens are still located in, and sliced from, the text.
 */
export function foldForWink(text: string): string {
  return text.replace(EXTENDED_LATIN, (c) => {
    const base = c.normalize('NFD')[0];
    if (base !== c && base.charCodeAt(0) < 0x100) return base;
    return c === c.toUpperCase() ? 'X' : 'x';
  });
}

/**
 * Longest run without whitespace handed to wink. Its tokeniser tests regexes (e-mail, abbreviation) that
 * backtrack over a whole run, quadratic in the run's length: 80,000 apostrophes took 16 s. Real words and
 * URLs are far shorter.
 */
const MAX_WINK_RUN = 256;

/**
 * `text` with one character of every `MAX_WINK_RUN` in a longer run without whitespace replaced by a space,
 * keeping every offset.
 */
export function breakLongRuns(text: string): string {
  const parts: string[] = [];
  let from = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      run = 0;
      continue;
    }
    run++;
    if (run <= MAX_WINK_RUN) continue;
    if (isLow(c) && isHigh(text.charCodeAt(i - 1))) continue;
    // A whole surrogate pair becomes two spaces: half of one would leave a token inside a character.
    const width = isHigh(c) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    parts.push(text.slice(from, i), width === 2 ? '  ' : ' ');
    from = i + width;
    i += width - 1;
    run = 0;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(from));
  return parts.join('');
}

const SPACE_RE = /\s/;
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 128 && SPACE_RE.test(String.fromCharCode(c));
}

/**
 * Tokenises and tags `text`, paragraph by paragraph: paragraphs read recently are taken from the cache.
 */
export function analyzeText(text: string): NlpDoc {
  const doc: NlpDoc = { tokens: [], values: [] };
  if (text.length === 0) return doc;
  for (const [start, end] of paragraphRanges(text)) {
    const paragraph = start === 0 && end === text.length ? text : text.slice(start, end);
    let encoded = cachedParagraph(paragraph);
    if (!encoded) {
      encoded = encodeNlpDoc(readWithWink(paragraph));
      cacheParagraph(paragraph, encoded);
    }
    decodeNlpDoc(encoded, paragraph, start, doc);
  }
  return doc;
}

/**
 * Tokenises and tags `text` with wink. wink reports tokens by value, not offset, so each token is located after
 * the end of the previous one and the whitespace that follows it; a token wink rewrote (it never should, but a
 * model update might) is dropped rather than given a wrong span.
 */
export function readWithWink(text: string): NlpDoc {
  if (text.length === 0) return { tokens: [], values: [] };
  const folded = breakLongRuns(foldForWink(text));
  const nlp = (pipe ??= winkNLP(model, PIPE));
  const its = nlp.its;
  const doc = nlp.readDoc(folded);
  const all = doc.tokens();
  const values = all.out(its.value);
  const pos = all.out(its.pos);
  const kinds = all.out(its.type);
  const tokens: NlpToken[] = [];
  /** wink token index → index in `tokens`, or -1 when the token could not be located. */
  const located = new Int32Array(values.length).fill(-1);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!v) continue;
    // Only whitespace may lie between two tokens; anything else means the value was rewritten. Looking
    // only there, never further on, keeps a text of rewritten values linear.
    let next = cursor;
    while (next < folded.length && isSpaceCode(folded.charCodeAt(next))) next++;
    const at = folded.startsWith(v, cursor) ? cursor : folded.startsWith(v, next) ? next : -1;
    if (at < 0) continue;
    located[i] = tokens.length;
    const value = folded === text ? v : text.slice(at, at + v.length);
    tokens.push({ start: at, end: at + v.length, value, pos: pos[i] ?? 'X', kind: kinds[i] ?? 'word' });
    cursor = at + v.length;
  }
  const out: ValueEntity[] = [];
  const details = doc.entities().out(its.detail) as unknown as { type: string }[];
  const spans = doc.entities().out(its.span) as unknown as [number, number][];
  for (let e = 0; e < details.length; e++) {
    const type = details[e]?.type;
    const sp = spans[e];
    if (!type || !sp || !VALUE_TYPES.has(type)) continue;
    const first = located[sp[0]] ?? -1;
    const last = located[sp[1]] ?? -1;
    const a = tokens[first];
    const b = tokens[last];
    if (!a || !b || first < 0 || last < 0) continue;
    out.push({ span: { start: a.start, end: b.end }, type: type as ValueEntity['type'] });
  }
  return { tokens, values: out };
}
