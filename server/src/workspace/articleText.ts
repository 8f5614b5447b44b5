// Article bytes to text, with one rule for every entry point (index, open buffer, CLI): a UTF-8 or UTF-16
// byte-order mark is honoured and stripped, NUL bytes mean binary, and size is the UTF-8 length of the text.
// Text past the size limit is not analysed; the part before it is, cut at a line break.

/** Bytes inspected by the binary guard, as git does. */
const BINARY_SNIFF_BYTES = 8000;
/** The highest size limit the settings accept: analysis of this much text stays within a few seconds. */
export const HARD_MAX_FILE_SIZE_KB = 4096;

export type DecodeResult = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { binary: true };

/** Decodes a file's bytes; a UTF-16 file is recognised by its byte-order mark. */
export function decodeArticle(bytes: Uint8Array): DecodeResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { text: buf.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, buf.length - (buf.length % 2)));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), encoding: 'utf-16be' };
  }
  if (buf.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { binary: true };
  return { text: stripBom(buf.toString('utf8')), encoding: 'utf-8' };
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
