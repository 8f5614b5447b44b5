// The same quotation across articles of the corpus, tolerant of small wording changes: postings from hashed
// word trigrams to quotes find the candidates, a word diff confirms them. No pairwise scan of the corpus.
import type { Quote, Span } from '../types';
import { diffSimilarity, wordDiff } from '../duplicates/wordDiff';
import { HashTable } from '../corpus/hashTable';
import { firstAbove } from '../text/sortedSearch';

export interface QuoteMatch {
  uri: string;
  contentSpan: Span;
  text: string;
  /** Word-level similarity 0..1 to the quote asked about. */
  similarity: number;
}

/**
 * The speech quotes of one article, packed in one array: first the offset of each quote's record, then per
 * quote its content span (start, end), its whitespace-separated word count (as the diff counts them), its
 * number of posting keys and the keys. The quote texts are read from the article's text when asked about.
 */
export interface FileQuotes {
  uri: string;
  /** Id of its first quote; the others follow in order. */
  firstId: number;
  count: number;
  data: Int32Array;
}

/** Quote `i` of an article, read from its packed record. */
interface Entry {
  uri: string;
  contentSpan: Span;
  words: number;
  keys: Int32Array;
}

function entryOf(file: FileQuotes, i: number): Entry {
  const at = file.data[i];
  const keyCount = file.data[at + 3];
  return {
    uri: file.uri,
    contentSpan: { start: file.data[at], end: file.data[at + 1] },
    words: file.data[at + 2],
    keys: file.data.subarray(at + 4, at + 4 + keyCount),
  };
}

/** The packed record of an article's quotes (see `FileQuotes`). */
function packQuotes(quotes: readonly { span: Span; words: number; keys: number[] }[]): Int32Array {
  let size = quotes.length;
  for (const q of quotes) size += 4 + q.keys.length;
  const data = new Int32Array(size);
  let at = quotes.length;
  quotes.forEach((q, i) => {
    data[i] = at;
    data[at] = q.span.start;
    data[at + 1] = q.span.end;
    data[at + 2] = q.words;
    data[at + 3] = q.keys.length;
    data.set(q.keys, at + 4);
    at += 4 + q.keys.length;
  });
  return data;
}

/**
 * The text of an indexed article, as it was added: quote texts are cut from it when asked about, so the
 * corpus index answers from its own copy.
 */
export type QuoteTextOf = (uri: string) => string | undefined;

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

/**
 * The quote index as plain data: see `QuoteIndex.exportState`. The per-id list is derived from the
 * articles' records; postings are flat, as [key, ids] with a lone id bare.
 */
export interface QuoteIndexState {
  files: FileQuotes[];
  postings: [number, number | number[]][];
  nextId: number;
}

export class QuoteIndex {
  /** Per quote id, the article holding it (unset once the article is removed or re-added). */
  private byId: (FileQuotes | undefined)[] = [];
  private byUri = new Map<string, FileQuotes>();
  /** Trigram key → quote ids; a lone id is stored bare, as most trigrams occur in one quote only. */
  private postings = new HashTable<number | number[]>();
  /** Texts of the indexed articles, kept here only when no `textOf` was given. */
  private readonly texts: Map<string, string> | undefined;
  private readonly textOf: QuoteTextOf;
  private nextId = 0;

  /** `textOf` gives the texts of indexed articles; without it the index keeps a copy of each. */
  constructor(textOf?: QuoteTextOf) {
    if (textOf) this.textOf = textOf;
    else {
      const texts = new Map<string, string>();
      this.texts = texts;
      this.textOf = (uri) => texts.get(uri);
    }
  }

  exportState(): QuoteIndexState {
    const postings: [number, number | number[]][] = [];
    this.postings.forEach((ids, key) => postings.push([key, ids]));
    return { files: [...this.byUri.values()], postings, nextId: this.nextId };
  }

  /** Takes over an exported state in place of what it held, with texts (when it keeps its own) from `textOf`. */
  restoreState(state: QuoteIndexState, textOf: (uri: string) => string): void {
    // Allocated to size and filled: assigning far past the end of an empty array makes it a slow dictionary.
    this.byId = new Array<FileQuotes | undefined>(state.nextId).fill(undefined);
    this.byUri = new Map();
    this.texts?.clear();
    for (const file of state.files) {
      this.byUri.set(file.uri, file);
      for (let i = 0; i < file.count; i++) this.byId[file.firstId + i] = file;
      this.texts?.set(file.uri, textOf(file.uri));
    }
    this.postings = new HashTable(state.postings.length);
    for (const [key, ids] of state.postings) this.postings.set(key, ids);
    this.nextId = state.nextId;
  }

  /** Adds (or replaces) the speech quotes of an article. */
  add(uri: string, text: string, quotes: readonly Quote[]): void {
    this.remove(uri);
    const kept: { span: Span; words: number; keys: number[] }[] = [];
    const firstId = this.nextId;
    for (const q of quotes) {
      if (q.kind !== 'speech') continue;
      const content = text.slice(q.contentSpan.start, q.contentSpan.end);
      const words = normalisedWords(content);
      if (words.length === 0) continue;
      const id = this.nextId++;
      const keys = keysOf(words);
      const count = content.split(/\s+/).filter((w) => w.length > 0).length;
      kept.push({ span: q.contentSpan, words: count, keys });
      for (const k of keys) {
        const list = this.postings.get(k);
        if (list === undefined) this.postings.set(k, id);
        else if (typeof list === 'number') this.postings.set(k, [list, id]);
        else list.push(id);
      }
    }
    if (kept.length === 0) return;
    const file: FileQuotes = { uri, firstId, count: kept.length, data: packQuotes(kept) };
    this.byUri.set(uri, file);
    for (let i = 0; i < kept.length; i++) this.byId[firstId + i] = file;
    this.texts?.set(uri, text);
  }

  remove(uri: string): void {
    const file = this.byUri.get(uri);
    if (!file) return;
    this.byUri.delete(uri);
    this.texts?.delete(uri);
    // An article's ids are handed out together and postings list ids in ascending order, so its ids are
    // side by side in every posting: cut out in place, at the end of each for an article edited last.
    const first = file.firstId;
    const last = first + file.count - 1;
    for (let i = 0; i < file.count; i++) {
      this.byId[first + i] = undefined;
      for (const k of entryOf(file, i).keys) {
        const list = this.postings.get(k);
        if (list === undefined) continue;
        if (typeof list === 'number') {
          if (list >= first && list <= last) this.postings.delete(k);
          continue;
        }
        const from = firstAbove(list, first - 1);
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
    const file = this.byUri.get(uri);
    if (!file) return [];
    let self: Entry | undefined;
    for (let i = 0; i < file.count && !self; i++) {
      const e = entryOf(file, i);
      if (e.contentSpan.start === quote.contentSpan.start && e.contentSpan.end === quote.contentSpan.end)
        self = e;
    }
    const text = this.textOf(uri);
    if (!self || text === undefined) return [];
    const selfText = text.slice(self.contentSpan.start, self.contentSpan.end);
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
      const holder = this.byId[id];
      if (!holder || holder.uri === uri) continue;
      const e = entryOf(holder, id - holder.firstId);
      const fewer = Math.min(self.keys.length, e.keys.length);
      if (shared < Math.max(1, Math.ceil(fewer * 0.25))) continue;
      const otherText = this.textOf(e.uri)?.slice(e.contentSpan.start, e.contentSpan.end);
      if (otherText === undefined) continue;
      const parts = wordDiff(selfText, otherText);
      const similarity = diffSimilarity(parts);
      const same = parts.filter((p) => p.kind === 'same').reduce((n, p) => n + p.text.split(' ').length, 0);
      const shorter = Math.min(self.words, e.words);
      const contained = shorter >= MIN_CONTAINED_WORDS && same / shorter >= MIN_CONTAINMENT;
      if (similarity < MIN_SIMILARITY && !contained) continue;
      out.push({ uri: e.uri, contentSpan: e.contentSpan, text: otherText, similarity });
    }
    return out.sort((a, b) => b.similarity - a.similarity || a.uri.localeCompare(b.uri));
  }
}
