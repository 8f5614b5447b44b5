// The wink analyses of recently read paragraphs. wink reads a paragraph the same alone as within its text
// (tokens, tags and value entities never cross a blank line), so an edit reads again only the paragraph it
// changed, and a paragraph printed in many files (wire copy, a site's footer) is read once per thread.
import { LRUCache } from 'lru-cache';
import type { EncodedNlpDoc } from './nlpCache';

/** Characters of cached paragraphs, about a thousand articles' worth; their encoded tokens add a third. */
const MAX_CACHED_CHARS = 3_000_000;
/** Longer paragraphs (a live page without blank lines) are one-offs, read again on every change. */
const MAX_CACHED_PARAGRAPH = 20_000;

const cache = new LRUCache<string, EncodedNlpDoc>({
  maxSize: MAX_CACHED_CHARS,
  sizeCalculation: (_doc, paragraph) => Math.max(1, paragraph.length),
});

export function cachedParagraph(paragraph: string): EncodedNlpDoc | undefined {
  return cache.get(paragraph);
}

export function cacheParagraph(paragraph: string, doc: EncodedNlpDoc): void {
  if (paragraph.length > MAX_CACHED_PARAGRAPH) return;
  // A copy, not the slice: V8 keeps a sliced string's whole parent text alive with it.
  cache.set(Buffer.from(paragraph).toString(), doc);
}

/** Empties the cache (tests compare fresh analyses with cached ones). */
export function clearParagraphCache(): void {
  cache.clear();
}

/**
 * The paragraphs of `text` as [start, end) ranges that cover it: each ends after the blank lines (and any
 * whitespace) that follow it, so the next one starts at a non-space character.
 */
export function paragraphRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  for (const m of text.matchAll(/\n[^\S\n]*\n\s*/g)) {
    const end = m.index + m[0].length;
    if (end === text.length) break;
    ranges.push([from, end]);
    from = end;
  }
  ranges.push([from, text.length]);
  return ranges;
}
