// The same quotation across articles of the corpus, tolerant of small wording changes: postings from hashed
// word trigrams to quotes find the candidates, a word diff confirms them. No pairwise scan of the corpus.
import type { Quote, Span } from '../types';
import { diffSimilarity, wordDiff } from '../duplicates/wordDiff';

export interface QuoteMatch {
  uri: string;
  contentSpan: Span;
  text: string;
  /** Word-level similarity 0..1 to the quote asked about. */
  similarity: number;
}

interface Entry {
  uri: string;
  contentSpan: Span;
  text: string;
  /** Whitespace-separated words, as the diff counts them. */
  words: number;
  keys: number[];
}

/** Words of a shingle: three survive one changed word in a ten-word quote on both sides of it. */
const SHINGLE = 3;
/** A shingle carried by more quotes than this is a stock phrase and does not nominate candidates. */
const MAX_POSTING = 2000;
/** Lowest word similarity for two quotes to count as the same. */
const MIN_SIMILARITY = 0.6;
/** A shorter quote whose words nearly all appear in a longer one is the same quote, cut. */
const MIN_CONTAINMENT = 0.9;
const MIN_CONTAINED_WORDS = 6;

/** Words compared loosely: case, apostrophe style and punctuation do not matter. */
export function normalisedWords(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

/** 32-bit FNV-1a of a string. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Signed, so keys stay small integers in the engine rather than boxed numbers.
  return h | 0;
}

/** Posting keys of a quote: its word trigrams, or the whole quote when it is shorter than one. */
function keysOf(words: string[]): number[] {
  if (words.length < SHINGLE) return [hash(`=${words.join(' ')}`)];
  // Word hashes mixed in order, so a trigram key costs no string building.
  const wh = words.map(hash);
  const keys = new Set<number>();
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    let h = wh[i];
    for (let k = 1; k < SHINGLE; k++) h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ wh[i + k];
    keys.add(h | 0);
  }
  return [...keys];
}

/** First index of a value at least `v` in an ascending array. */
function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class QuoteIndex {
  private readonly entries = new Map<number, Entry>();
  private readonly byUri = new Map<string, number[]>();
  /** Trigram key → quote ids; a lone id is stored bare, as most trigrams occur in one quote only. */
  private readonly postings = new Map<number, number | number[]>();
  private nextId = 0;

  /** Adds (or replaces) the speech quotes of an article. */
  add(uri: string, text: string, quotes: readonly Quote[]): void {
    this.remove(uri);
    const ids: number[] = [];
    for (const q of quotes) {
      if (q.kind !== 'speech') continue;
      const content = text.slice(q.contentSpan.start, q.contentSpan.end);
      const words = normalisedWords(content);
      if (words.length === 0) continue;
      const id = this.nextId++;
      const keys = keysOf(words);
      const count = content.split(/\s+/).filter((w) => w.length > 0).length;
      this.entries.set(id, { uri, contentSpan: { ...q.contentSpan }, text: content, words: count, keys });
      for (const k of keys) {
        const list = this.postings.get(k);
        if (list === undefined) this.postings.set(k, id);
        else if (typeof list === 'number') this.postings.set(k, [list, id]);
        else list.push(id);
      }
      ids.push(id);
    }
    if (ids.length > 0) this.byUri.set(uri, ids);
  }

  remove(uri: string): void {
    const ids = this.byUri.get(uri);
    if (!ids) return;
    this.byUri.delete(uri);
    // An article's ids are handed out together and postings list ids in ascending order, so its ids are
    // side by side in every posting: cut out in place, at the end of each for an article edited last.
    const first = ids[0];
    const last = ids[ids.length - 1];
    for (const id of ids) {
      const e = this.entries.get(id);
      this.entries.delete(id);
      if (!e) continue;
      for (const k of e.keys) {
        const list = this.postings.get(k);
        if (list === undefined) continue;
        if (typeof list === 'number') {
          if (list >= first && list <= last) this.postings.delete(k);
          continue;
        }
        const from = lowerBound(list, first);
        let to = from;
        while (to < list.length && list[to] <= last) to++;
        if (to === from) continue;
        list.splice(from, to - from);
        if (list.length === 0) this.postings.delete(k);
        else if (list.length === 1) this.postings.set(k, list[0]);
      }
    }
  }

  /** The same quote in other articles, most similar first. */
  sameQuotes(uri: string, quote: Quote): QuoteMatch[] {
    const ids = this.byUri.get(uri) ?? [];
    const self = ids
      .map((id) => this.entries.get(id))
      .find(
        (e) =>
          e && e.contentSpan.start === quote.contentSpan.start && e.contentSpan.end === quote.contentSpan.end,
      );
    if (!self) return [];
    const counts = new Map<number, number>();
    for (const k of self.keys) {
      const list = this.postings.get(k);
      if (list === undefined) continue;
      if (typeof list === 'number') counts.set(list, (counts.get(list) ?? 0) + 1);
      else if (list.length <= MAX_POSTING) for (const id of list) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // A candidate must share a fair part of the shorter quote's trigrams before it is diffed.
    const out: QuoteMatch[] = [];
    for (const [id, shared] of counts) {
      const e = this.entries.get(id);
      if (!e || e.uri === uri) continue;
      const fewer = Math.min(self.keys.length, e.keys.length);
      if (shared < Math.max(1, Math.ceil(fewer * 0.25))) continue;
      const parts = wordDiff(self.text, e.text);
      const similarity = diffSimilarity(parts);
      const same = parts.filter((p) => p.kind === 'same').reduce((n, p) => n + p.text.split(' ').length, 0);
      const shorter = Math.min(self.words, e.words);
      const contained = shorter >= MIN_CONTAINED_WORDS && same / shorter >= MIN_CONTAINMENT;
      if (similarity < MIN_SIMILARITY && !contained) continue;
      out.push({ uri: e.uri, contentSpan: { ...e.contentSpan }, text: e.text, similarity });
    }
    return out.sort((a, b) => b.similarity - a.similarity || a.uri.localeCompare(b.uri));
  }
}
