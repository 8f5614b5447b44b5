// Span ↔ Range: the only position maths of the server. Spans and LSP positions both count UTF-16 code
// units, so conversion is line splitting; line indexes are cached per text so repeated lookups stay cheap.
import type { Position, Range } from 'vscode-languageserver';
import { lineIndex, type LineIndex } from '../analysis/text/lines';
import type { Span } from '../analysis/types';

const cache = new Map<string, LineIndex>();
// Line indexes of the most recent texts: the open documents and the files their diagnostics link to.
const CACHE_SIZE = 64;

/** The line index of a text, memoised for the texts seen most recently. */
export function linesOf(text: string): LineIndex {
  let lines = cache.get(text);
  if (lines) {
    cache.delete(text);
    cache.set(text, lines);
    return lines;
  }
  lines = lineIndex(text);
  cache.set(text, lines);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return lines;
}

export function offsetToPosition(text: string, offset: number): Position {
  return linesOf(text).positionAt(offset);
}

/**
 * The offset of a position. A character past the end of its line means the line end (LSP's rule), never
 * the line break or the next line.
 */
export function positionToOffset(text: string, position: Position): number {
  const lines = linesOf(text);
  const lineStart = lines.offsetAt({ line: position.line, character: 0 });
  let lineEnd = lines.offsetAt({ line: position.line + 1, character: 0 });
  // A line followed by another ends before its break (`\n`, `\r\n` or `\r`).
  if (lines.positionAt(lineEnd).line > position.line) {
    if (text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
    if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  }
  return Math.max(lineStart, Math.min(lineStart + Math.max(0, position.character), lineEnd));
}

/** The LSP range of a span; offsets outside the text are clamped to it. */
export function spanToRange(text: string, span: Span): Range {
  const lines = linesOf(text);
  return { start: lines.positionAt(span.start), end: lines.positionAt(Math.max(span.start, span.end)) };
}

/**
 * The LSP range of a span in a text asked once (one symbol per article): from the cached line index when
 * there is one, else by counting line starts up to the span, without indexing the whole text or pushing the
 * open documents' indexes out of the cache. The same range as `spanToRange`.
 */
export function spanToRangeOnce(text: string, span: Span): Range {
  const cached = cache.get(text);
  if (cached)
    return { start: cached.positionAt(span.start), end: cached.positionAt(Math.max(span.start, span.end)) };
  const scan = { at: 0, line: 0, lineStart: 0 };
  const start = positionBy(text, scan, span.start);
  return { start, end: positionBy(text, scan, Math.max(span.start, span.end)) };
}

/** The position of `offset`, counting line starts on from where the last call for a lower offset stopped. */
function positionBy(
  text: string,
  scan: { at: number; line: number; lineStart: number },
  offset: number,
): Position {
  const o = Math.max(0, Math.min(offset, text.length));
  for (; scan.at < o; scan.at++) {
    const c = text.charCodeAt(scan.at);
    // A line starts after `\n`, and after `\r` unless `\n` follows (lineIndex's rule).
    if (c === 10 || (c === 13 && text.charCodeAt(scan.at + 1) !== 10)) {
      scan.line++;
      scan.lineStart = scan.at + 1;
    }
  }
  return { line: scan.line, character: o - scan.lineStart };
}

export function rangeToSpan(text: string, range: Range): Span {
  const start = positionToOffset(text, range.start);
  return { start, end: Math.max(start, positionToOffset(text, range.end)) };
}

/** Whether `offset` lies in the span; the end counts too, so a cursor just after a word still hits it. */
export function spanContains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
