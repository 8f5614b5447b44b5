// A compact copy of an `NlpDoc`, so a text can be analysed again without running wink again. A corpus
// keeps one per file between its indexing passes; as objects, a thousand tokens per file would cost about
// 100 KB, encoded they take about 3 bytes each.
import type { NlpDoc, ValueEntity } from './nlp';
import { MAX_VARINT, writeVarint } from './varint';

/** An `NlpDoc` without its strings: token values are re-sliced from the text on `decodeNlpDoc`. */
export interface EncodedNlpDoc {
  readonly tokenCount: number;
  /**
   * Per token, as unsigned varints: the gap from the previous token's end (tokens never overlap), the
   * token's length, and the code of its (pos, kind) pair in `tagPairs`.
   */
  readonly tokens: Uint8Array;
  /** Per value entity: start, end and the code of its type in `tagPairs` (values are few). */
  readonly values: Uint32Array;
}

// Interned (pos, kind) pairs and value types, shared by every encoded doc: wink has a few dozen of them.
const tagPairs: [string, string][] = [];
const tagCodes = new Map<string, Map<string, number>>();

function tagCode(a: string, b: string): number {
  let codes = tagCodes.get(a);
  if (!codes) tagCodes.set(a, (codes = new Map()));
  let code = codes.get(b);
  if (code === undefined) {
    code = tagPairs.length;
    tagPairs.push([a, b]);
    codes.set(b, code);
  }
  return code;
}

function tagPair(code: number): [string, string] {
  const pair = tagPairs[code];
  if (!pair) throw new RangeError(`unknown tag code ${code}`);
  return pair;
}

/** Reads the varints of `bytes` one after another. */
function varintReader(bytes: Uint8Array): () => number {
  let at = 0;
  return () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined) throw new RangeError('truncated encoded doc');
      n += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return n;
      shift += 7;
    }
  };
}

/**
 * Encodes the output of `analyzeText(text)`. Its tokens are in text order, do not overlap and have
 * `value === text.slice(start, end)`: a doc breaking the first two is refused, and the third is assumed.
 */
export function encodeNlpDoc(doc: NlpDoc): EncodedNlpDoc {
  const buffer = new Uint8Array(doc.tokens.length * 3 * MAX_VARINT);
  let at = 0;
  let prevEnd = 0;
  for (const t of doc.tokens) {
    if (t.start < prevEnd || t.end < t.start) throw new RangeError('tokens out of order');
    at = writeVarint(buffer, at, t.start - prevEnd);
    at = writeVarint(buffer, at, t.end - t.start);
    at = writeVarint(buffer, at, tagCode(t.pos, t.kind));
    prevEnd = t.end;
  }
  const values = new Uint32Array(doc.values.length * 3);
  doc.values.forEach((v, i) => {
    values[i * 3] = v.span.start;
    values[i * 3 + 1] = v.span.end;
    values[i * 3 + 2] = tagCode(v.type, '');
  });
  // `slice` copies into a buffer of the exact size, so the worst-case one is freed.
  return { tokenCount: doc.tokens.length, tokens: buffer.slice(0, at), values };
}

/**
 * The `NlpDoc` that `encoded` was encoded from; `text` must be the text it was analysed from. With `offset`
 * and `into`, the tokens and values are appended to `into`, moved by `offset` (a piece of a longer text).
 */
export function decodeNlpDoc(
  encoded: EncodedNlpDoc,
  text: string,
  offset = 0,
  into: NlpDoc = { tokens: [], values: [] },
): NlpDoc {
  const { values: encodedValues } = encoded;
  const read = varintReader(encoded.tokens);
  const { tokens, values } = into;
  let prevEnd = 0;
  for (let i = 0; i < encoded.tokenCount; i++) {
    const start = prevEnd + read();
    const end = start + read();
    const [pos, kind] = tagPair(read());
    tokens.push({ start: start + offset, end: end + offset, value: text.slice(start, end), pos, kind });
    prevEnd = end;
  }
  for (let i = 0; i + 2 < encodedValues.length; i += 3) {
    const type = tagPair(encodedValues[i + 2] ?? -1)[0] as ValueEntity['type'];
    const span = { start: (encodedValues[i] ?? 0) + offset, end: (encodedValues[i + 1] ?? 0) + offset };
    values.push({ span, type });
  }
  return into;
}

/**
 * The (pos, kind) pairs this thread has coded from `from` on, in code order. Codes are given per thread in
 * the order pairs are first met, so a doc encoded in another thread is read with that thread's pairs.
 */
export function tagPairsFrom(from: number): [string, string][] {
  return tagPairs.slice(from);
}

/** `encoded` (coded by another thread whose pairs, in code order, are `pairs`) in this thread's codes. */
export function recodeNlpDoc(
  encoded: EncodedNlpDoc,
  pairs: readonly (readonly [string, string])[],
): EncodedNlpDoc {
  const local = pairs.map(([a, b]) => tagCode(a, b));
  const codeOf = (theirs: number): number => {
    const code = local[theirs];
    if (code === undefined) throw new RangeError(`unknown tag code ${theirs}`);
    return code;
  };
  const read = varintReader(encoded.tokens);
  const out = new Uint8Array(encoded.tokenCount * 3 * MAX_VARINT);
  let at = 0;
  for (let i = 0; i < encoded.tokenCount; i++) {
    at = writeVarint(out, at, read());
    at = writeVarint(out, at, read());
    at = writeVarint(out, at, codeOf(read()));
  }
  const values = Uint32Array.from(encoded.values);
  for (let i = 2; i < values.length; i += 3) values[i] = codeOf(values[i] ?? -1);
  return { tokenCount: encoded.tokenCount, tokens: out.slice(0, at), values };
}
