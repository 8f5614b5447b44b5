// Article bytes to text, with one rule for every entry point (index, open buffer, CLI): a UTF-8 or UTF-16
// byte-order mark is honoured and stripped, UTF-16 without one is recognised by where its NUL bytes fall,
// other NUL bytes mean binary, and size is the UTF-8 length of the text.
// Text past the size limit is not analysed; the part before it is, cut at a line break.

/** Bytes inspected by the binary guard, as git does. */
const BINARY_SNIFF_BYTES = 8000;
/** The highest size limit the settings accept: 1 MB of text is analysed in about 1.6 s (stage by stage), 4 MB took 12 s. */
export const HARD_MAX_FILE_SIZE_KB = 1024;

export type DecodeResult = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { binary: true };

/**
 * Decodes a file's bytes. A UTF-16 file is recognised by its byte-order mark, or without one by its NUL
 * pattern: mostly-Latin UTF-16 has a NUL in (nearly) every high byte and none in the low ones.
 */
export function decodeArticle(bytes: Uint8Array): DecodeResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return { text: utf16be(buf.subarray(2)), encoding: 'utf-16be' };
  if (!buf.subarray(0, BINARY_SNIFF_BYTES).includes(0))
    return { text: stripBom(buf.toString('utf8')), encoding: 'utf-8' };
  const order = utf16ByNuls(buf.subarray(0, BINARY_SNIFF_BYTES));
  if (order === undefined) return { binary: true };
  const text =
    order === 'utf-16le' ? buf.toString('utf16le', 0, buf.length - (buf.length % 2)) : utf16be(buf);
  // The NUL pattern alone could be chance; real text also has no control characters or lone surrogates.
  return looksLikeText(text) ? { text, encoding: order } : { binary: true };
}

function utf16be(buf: Buffer): string {
  const swapped = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  swapped.swap16();
  return swapped.toString('utf16le');
}

/**
 * The byte order of BOM-less UTF-16, from where NULs fall in the first bytes: at least half of the code
 * units with a NUL high byte (Latin text has one in nearly all) and almost no NUL low byte.
 */
function utf16ByNuls(head: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const units = head.length >> 1;
  if (units < 2) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  const few = Math.max(1, units / 100);
  if (oddNuls >= units / 2 && evenNuls <= few) return 'utf-16le';
  if (evenNuls >= units / 2 && oddNuls <= few) return 'utf-16be';
  return undefined;
}

/**
 * Whether decoded UTF-16 reads as text: no C0 control other than tab, line breaks, form feed and escape,
 * and no lone surrogate (one at the very end is a prefix cut inside a pair).
 */
function looksLikeText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && (c < 0x09 || (c > 0x0d && c !== 0x1b))) return false;
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 < text.length && !(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    }
  }
  return true;
}

/** Drops a leading U+FEFF, as editors do when they open a file. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether text (an open buffer) looks binary: a NUL among its first characters. */
export function looksBinary(text: string): boolean {
  return text.slice(0, BINARY_SNIFF_BYTES).includes('\u0000');
}

/** The effective limit in bytes: the setting, never above the hard ceiling. */
export function sizeLimitBytes(maxFileSizeKB: number): number {
  return Math.min(Math.max(1, maxFileSizeKB), HARD_MAX_FILE_SIZE_KB) * 1024;
}

export interface LimitedText {
  /** The text to analyse: all of it, or a prefix ending at a line break. */
  text: string;
  /** UTF-8 size of the whole text. */
  bytes: number;
  /** Set when only a prefix is analysed. */
  truncated: boolean;
}

/**
 * Cuts a text to the size limit (UTF-8 bytes). The prefix ends at the last line break before the limit,
 * or at the limit itself (never inside a surrogate pair) when the text has no line break there.
 */
export function limitText(text: string, limitBytes: number): LimitedText {
  // UTF-16 units never outnumber UTF-8 bytes, so a short text is within the limit without counting.
  if (text.length * 3 <= limitBytes)
    return { text, bytes: Buffer.byteLength(text, 'utf8'), truncated: false };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limitBytes) return { text, bytes, truncated: false };
  let units = 0;
  let used = 0;
  while (units < text.length) {
    const code = text.charCodeAt(units);
    const pair = code >= 0xd800 && code <= 0xdbff && units + 1 < text.length;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (used + size > limitBytes) break;
    used += size;
    units += pair ? 2 : 1;
  }
  const lineEnd = Math.max(text.lastIndexOf('\n', units - 1), text.lastIndexOf('\r', units - 1));
  const cut = lineEnd > 0 ? lineEnd + 1 : units;
  return { text: text.slice(0, cut), bytes, truncated: true };
}
