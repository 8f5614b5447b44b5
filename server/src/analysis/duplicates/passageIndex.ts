// Passages shared between articles of the corpus: an in-memory inverted index from winnowed word-shingle
// fingerprints to the files holding them, updated per file, and the alignment that turns a file's
// fingerprint hits into exact, near-duplicate tolerant passages with the matching range in the other file.
//
// The work of one query is bounded whatever the number of files carrying its passages: each fingerprint's
// posting is read only up to a fixed sample of holders (the same files across every posting, see
// passages/postings.ts), a fixed number of them is aligned, and a passage many files carry is reported
// once, with its file count and the closest few copies.
import { alignTexts, coveredWords, inWordOrder, paragraphIndex } from './passages/align';
import { examplesOf, groupPieces, holdersOfGroup, type PassageGroup, type Piece } from './passages/grouping';
import {
  byRank,
  forFirstHolders,
  holdersOf,
  postingSize,
  rankOf,
  replaceHolder,
  withHolder,
  withoutHolder,
  type Posting,
} from './passages/postings';
import { HashTable } from '../corpus/hashTable';
import type { FlatPostings } from '../corpus/snapshot/flatLists';
import { ParagraphAlignments } from './passages/paragraphAlignments';
import { packWordOffsets, unpackWordOffsets } from './passages/wordOffsets';
import { FAMILY_HOLDERS, isReprint, sameStory } from './passages/stories';
import { SHINGLE_WORDS, WINNOW_WINDOW, shingleHashes, winnow, type Fingerprints } from './shingles';
import { similarityOf, type WordPair } from './wordAlign';
import { paragraphStarts, widenOverPunctuation, wordTokens, type WordTokens } from '../text/wordTokens';
import type { AnalysisOptions, SharedPassage, Span } from '../types';

/**
 * Holders read per fingerprint, lowest rank first. Beyond them a posting only gives its size: the file
 * count of the passages it is part of.
 */
const READ_PER_FINGERPRINT = 16;
/**
 * Per fingerprint, its first holders in rank order are aligned whatever else they share with the file:
 * an unbiased sample of each passage's carriers for the boilerplate-or-reprint judgement. Taken the first
 * of every fingerprint before any second, so every passage is represented within the cap.
 */
const SAMPLED_PER_FINGERPRINT = FAMILY_HOLDERS;
const MAX_SAMPLED = 48;
/** Besides the sample, the files holding the most of this file's fingerprints: its closest copies. */
const CLOSEST = 16;
/** Copies listed per passage: all of them up to this many files, the closest ones beyond. */
const EXAMPLES = 5;
/** Fingerprints held by more files than this do not make their holders "affected" by an edit. */
const AFFECTED_MAX_FILES = 64;
/** Word offsets of this many recently used files are kept unpacked. */
const TOKEN_CACHE_SIZE = 256;
/** Pairs of file versions kept with their passages for the same-story test; starts over beyond this. */
const STORY_CACHE_SIZE = 8192;
/** Files whose paragraph alignments are kept for their next version (the ones being edited). */
const ALIGNMENT_CACHE_SIZE = 8;

interface IndexedFile {
  id: number;
  /** Place in every posting; see `rankOf`. */
  rank: number;
  uri: string;
  words: Uint32Array;
  shapes: Uint8Array;
  /** Where each word starts and ends in the text, packed (see passages/wordOffsets.ts): no text is kept. */
  offsets: Uint8Array;
  /** Word indexes where paragraphs begin: passages never run across a paragraph break. */
  paragraphs: Uint32Array;
  /** Fingerprint hashes sorted ascending, with the word position of each. */
  sortedHashes: Uint32Array;
  sortedPositions: Uint32Array;
  /**
   * Per sorted fingerprint, the text offsets where its shingle starts and ends; per paragraph, where it
   * starts and ends. All boilerplate spans are made of these, so they are found without re-reading the text.
   */
  fingerprintChars: Uint32Array;
  paragraphChars: Uint32Array;
}

/** Two files judged for one story: their passages, the lower id on side a, and what they share beyond. */
interface StoryPair {
  pairs: readonly WordPair[];
  rest?: number;
}

/**
 * The text of an indexed file, as it was added: the passage index reads it only to widen a reported
 * passage over the punctuation at its ends, so the corpus index answers from its own copy.
 */
export type TextOf = (uri: string) => string | undefined;

/**
 * Content-word similarity of two files beyond the given spans of each (the passages they share), 0..1.
 * The corpus index answers it from the related-articles term index; see passages/stories.ts.
 */
export type RestSimilarity = (
  a: string,
  b: string,
  spansA: readonly Span[],
  spansB: readonly Span[],
) => number;

/** Word positions below this fit beside a 32-bit hash in one exactly represented double. */
const PACKED_POSITIONS = 2 ** 21;

function sortFingerprints(fp: Fingerprints): { hashes: Uint32Array; positions: Uint32Array } {
  const n = fp.hashes.length;
  if (n === 0 || fp.positions[n - 1] < PACKED_POSITIONS) {
    // Hash and position in one number, sorted natively: the same order as the comparison below.
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = fp.hashes[i] * PACKED_POSITIONS + fp.positions[i];
    packed.sort();
    const hashes = new Uint32Array(n);
    const positions = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      hashes[i] = Math.floor(packed[i] / PACKED_POSITIONS);
      positions[i] = packed[i] % PACKED_POSITIONS;
    }
    return { hashes, positions };
  }
  const order = Array.from(fp.hashes.keys()).sort(
    (x, y) => fp.hashes[x] - fp.hashes[y] || fp.positions[x] - fp.positions[y],
  );
  return {
    hashes: Uint32Array.from(order, (i) => fp.hashes[i]),
    positions: Uint32Array.from(order, (i) => fp.positions[i]),
  };
}

function fingerprintsOf(words: Uint32Array): Fingerprints {
  return winnow(shingleHashes(words, SHINGLE_WORDS), WINNOW_WINDOW);
}

/** First index of `v` in a sorted array, or the insertion point. */
function lowerBound(sorted: Uint32Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The `k` best items by `cmp` (best first), in one pass: k is small, the items may be many. */
function topBy<T>(items: Iterable<T>, k: number, cmp: (x: T, y: T) => number): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === k && cmp(item, top[k - 1]) >= 0) continue;
    let at = top.length;
    while (at > 0 && cmp(item, top[at - 1]) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

/** The number of files a passage must appear in to count as boilerplate, for a corpus of `files` files. */
export function boilerplateThreshold(options: AnalysisOptions, files: number): number {
  const setting = options.boilerplateMinFiles;
  // A value below 1 is a share of the corpus; at least 3 files always, so a pair of copies in a small
  // corpus is never mistaken for a site footer.
  const count = setting > 0 && setting < 1 ? Math.ceil(setting * files) : Math.floor(setting);
  return Math.max(3, count);
}

/** A file of the passage index as plain data. */
export type PassageFileState = IndexedFile;

/**
 * The passage index as plain data: see `PassageIndex.exportState`. Postings hold file ids (one, or all in
 * rank order), flat: hundreds of thousands of fingerprints are read back in one pass. Caches are left
 * out, as they are rebuilt equal on demand.
 */
export interface PassageIndexState {
  files: PassageFileState[];
  postings: FlatPostings;
  nextId: number;
}

export class PassageIndex {
  private readonly files = new Map<string, IndexedFile>();
  private postings = new HashTable<Posting<IndexedFile>>();
  private readonly tokenCache = new Map<number, WordTokens>();
  /**
   * Boilerplate spans per file id under `spansThreshold`. The related-articles ranking asks for them for
   * every candidate of every query, and they change only when one of the file's fingerprints reaches or
   * leaves the threshold, so entries are dropped exactly then (for the files holding that fingerprint),
   * and all at once when the threshold itself moves. An unchanged file gets the same array back, which
   * callers may use as the version of its boilerplate.
   */
  private readonly spansCache = new Map<number, readonly Span[]>();
  private spansThreshold = 0;
  /**
   * Passages and similarity beyond them of pairs of file versions judged for one story, by
   * `${lower id}:${higher id}`: ids are never reused, so an edited file is judged anew.
   */
  private readonly storyCache = new Map<string, StoryPair>();
  /**
   * Per URI recently asked about, the paragraph alignments of its last version with its candidates: the
   * next version (an edit) aligns again only the paragraphs that changed (see passages/paragraphAlignments.ts).
   */
  private readonly alignmentCache = new Map<string, ParagraphAlignments>();
  /** Texts of the indexed files, kept here only when no `textOf` was given. */
  private readonly texts: Map<string, string> | undefined;
  private readonly textOf: TextOf;
  private nextId = 1;
  private alignmentCount = 0;

  /**
   * `restSimilarity` tells stories apart beyond their shared text; without it only copy cover does.
   * `textOf` gives the texts of indexed files; without it the index keeps a copy of each.
   */
  constructor(
    private readonly restSimilarity?: RestSimilarity,
    textOf?: TextOf,
  ) {
    if (textOf) this.textOf = textOf;
    else {
      const texts = new Map<string, string>();
      this.texts = texts;
      this.textOf = (uri) => texts.get(uri);
    }
  }

  get size(): number {
    return this.files.size;
  }

  /** Pairwise alignments run so far: the work of `shared`, which stays bounded however many files share. */
  get alignments(): number {
    return this.alignmentCount;
  }

  exportState(): PassageIndexState {
    const n = this.postings.size;
    const keys = new Float64Array(n);
    const lengths = new Int32Array(n);
    const values: number[] = [];
    let i = 0;
    this.postings.forEach((p, h) => {
      keys[i] = h;
      if (Array.isArray(p)) {
        lengths[i] = p.length;
        for (const f of p) values.push(f.id);
      } else {
        lengths[i] = -1;
        values.push(p.id);
      }
      i++;
    });
    const files = [...this.files.values()];
    return { files, postings: { keys, lengths, values: Float64Array.from(values) }, nextId: this.nextId };
  }

  /**
   * Takes over an exported state in place of what it held, with texts (when it keeps its own copy) from
   * `textOf`.
   */
  restoreState(state: PassageIndexState, textOf: (uri: string) => string): void {
    for (const map of [this.files, this.tokenCache, this.spansCache, this.storyCache]) map.clear();
    this.alignmentCache.clear();
    this.texts?.clear();
    this.spansThreshold = 0;
    // Allocated to size and filled: ids run far past the number of files (every re-add takes a new one).
    const byId = new Array<IndexedFile | undefined>(state.nextId).fill(undefined);
    for (const file of state.files) {
      this.files.set(file.uri, file);
      this.texts?.set(file.uri, textOf(file.uri));
      byId[file.id] = file;
    }
    const fileOf = (id: number): IndexedFile => {
      const file = byId[id];
      if (!file) throw new Error(`a passage posting names file ${id}, which is not in the index`);
      return file;
    };
    const { keys, lengths, values } = state.postings;
    this.postings = new HashTable(keys.length);
    let at = 0;
    for (let k = 0; k < keys.length; k++) {
      const n = lengths[k];
      if (at + Math.max(1, n) > values.length) throw new Error('passage postings damaged');
      if (n < 0) this.postings.set(keys[k], fileOf(values[at++]));
      else {
        const holders = new Array<IndexedFile>(n);
        for (let j = 0; j < n; j++) holders[j] = fileOf(values[at + j]);
        at += n;
        this.postings.set(keys[k], holders);
      }
    }
    this.nextId = state.nextId;
  }

  /**
   * Adds or replaces a file; returns the other files whose shared passages may have changed (left empty
   * without `findAffected`: a corpus indexing has no use for them and would gather them for every file).
   */
  add(uri: string, text: string, findAffected = true): Set<string> {
    const previous = this.files.get(uri);
    const result = new Set<string>();
    const affected = findAffected ? result : undefined;
    if (previous) this.forgetFile(previous);
    const tokens = wordTokens(text);
    const sorted = sortFingerprints(fingerprintsOf(tokens.hashes));
    const paragraphs = paragraphStarts(text, tokens);
    const fingerprintChars = new Uint32Array(sorted.positions.length * 2);
    for (let i = 0; i < sorted.positions.length; i++) {
      const at = sorted.positions[i];
      fingerprintChars[2 * i] = tokens.starts[at];
      fingerprintChars[2 * i + 1] = tokens.ends[Math.min(tokens.count, at + SHINGLE_WORDS) - 1];
    }
    const paragraphChars = new Uint32Array(paragraphs.length * 2);
    for (let k = 0; k < paragraphs.length; k++) {
      const end = k + 1 < paragraphs.length ? paragraphs[k + 1] : tokens.count;
      paragraphChars[2 * k] = tokens.starts[paragraphs[k]];
      paragraphChars[2 * k + 1] = end > 0 ? tokens.ends[end - 1] : 0;
    }
    const file: IndexedFile = {
      id: this.nextId++,
      rank: rankOf(uri),
      uri,
      // Copies of the exact size: the tokenizer's arrays are views of larger buffers.
      words: tokens.hashes.slice(),
      shapes: tokens.shapes.slice(),
      offsets: packWordOffsets(tokens.starts, tokens.ends, tokens.count),
      paragraphs,
      sortedHashes: sorted.hashes,
      sortedPositions: sorted.positions,
      fingerprintChars,
      paragraphChars,
    };
    this.files.set(uri, file);
    this.texts?.set(uri, text);
    this.cacheTokens(file.id, { ...tokens, hashes: file.words, shapes: file.shapes });
    if (previous) this.movePostings(previous, file, affected);
    else this.forEachUniqueHash(file, (h) => this.addHolder(h, file, affected));
    // Found now, while the file's word offsets are at hand, rather than re-read from its text when the
    // ranking first asks; valid as long as the threshold last asked for holds.
    if (this.spansThreshold > 0)
      this.spansCache.set(file.id, this.computeBoilerplateSpans(file, this.spansThreshold));
    result.delete(uri);
    return result;
  }

  /** Removes a file; returns the other files whose shared passages may have changed. */
  remove(uri: string): Set<string> {
    const affected = new Set<string>();
    const file = this.files.get(uri);
    if (!file) return affected;
    this.forgetFile(file);
    this.forEachUniqueHash(file, (h) => this.removeHolder(h, file, affected));
    affected.delete(uri);
    return affected;
  }

  private forgetFile(file: IndexedFile): void {
    this.files.delete(file.uri);
    this.texts?.delete(file.uri);
    this.tokenCache.delete(file.id);
    this.spansCache.delete(file.id);
  }

  private addHolder(h: number, file: IndexedFile, affected: Set<string> | undefined): void {
    const p = this.postings.get(h);
    this.collectAffected(p, affected);
    const next = withHolder(p, file);
    if (next !== p) this.postings.set(h, next);
    if (Array.isArray(next) && next.length === this.spansThreshold) this.forgetSpans(next);
  }

  private removeHolder(h: number, file: IndexedFile, affected: Set<string> | undefined): void {
    const p = this.postings.get(h);
    if (p === undefined) return;
    if (Array.isArray(p) && p.length === this.spansThreshold) this.forgetSpans(p);
    const next = withoutHolder(p, file);
    if (next === undefined) this.postings.delete(h);
    else if (next !== p) this.postings.set(h, next);
    this.collectAffected(next, affected);
  }

  /**
   * Moves the postings of a file's previous version to its new one: removed from the fingerprints it no
   * longer has, added to its new ones, and put in its own place where it has the fingerprint still (most of
   * them after an edit), with what removing and adding would do to the affected files and cached spans.
   */
  private movePostings(previous: IndexedFile, file: IndexedFile, affected: Set<string> | undefined): void {
    const was = previous.sortedHashes;
    const now = file.sortedHashes;
    let i = 0;
    let j = 0;
    while (i < was.length || j < now.length) {
      const a = i < was.length ? was[i] : Infinity;
      const b = j < now.length ? now[j] : Infinity;
      if (a < b) this.removeHolder(a, previous, affected);
      else if (b < a) this.addHolder(b, file, affected);
      else this.replaceHolder(a, previous, file, affected);
      if (a <= b) while (i < was.length && was[i] === a) i++;
      if (b <= a) while (j < now.length && now[j] === b) j++;
    }
  }

  private replaceHolder(
    h: number,
    previous: IndexedFile,
    file: IndexedFile,
    affected: Set<string> | undefined,
  ): void {
    const p = this.postings.get(h);
    if (p !== undefined && !Array.isArray(p) && p.id === previous.id) {
      this.postings.set(h, file);
      return;
    }
    if (!Array.isArray(p) || !replaceHolder(p, previous, file)) {
      this.removeHolder(h, previous, affected);
      this.addHolder(h, file, affected);
      return;
    }
    // The files that removing and adding would both have reported, and the spans they would have dropped.
    if (affected && p.length - 1 <= AFFECTED_MAX_FILES)
      for (const f of p) if (f !== file) affected.add(f.uri);
    if (p.length === this.spansThreshold) this.forgetSpans(p);
  }

  /**
   * The passages of `uri` found in other files, sorted by position. Boilerplate is reported once per
   * passage; shared copy once per copy in up to EXAMPLES files (the closest), each with the passage's
   * file count, which may be far larger.
   */
  shared(uri: string, options: AnalysisOptions): SharedPassage[] {
    const file = this.files.get(uri);
    if (!file) return [];
    const minWords = Math.max(SHINGLE_WORDS, Math.floor(options.minSharedWords));
    const pieces: Piece<IndexedFile>[] = [];
    const found = new Map<IndexedFile, WordPair[]>();
    const fp = inWordOrder(file);
    const alignments = this.paragraphAlignments(file, fp, minWords);
    for (const other of this.candidatesOf(file)) {
      const pairs = alignments.align(other);
      if (pairs.length === 0) continue;
      found.set(other, pairs);
      for (const piece of pairs) pieces.push(piece);
    }
    alignments.settle();
    this.alignmentCount += alignments.computed;
    if (pieces.length === 0) return [];
    const fileCounts = Uint32Array.from(fp.hashes, (h) => postingSize(this.postings.get(h)));
    const threshold = boilerplateThreshold(options, this.files.size);
    const tokens = this.tokensOf(file);
    const results: SharedPassage[] = [];
    const boilerplate: { piece: Piece<IndexedFile>; fileCount: number }[] = [];
    for (const group of groupPieces(pieces)) {
      const holders = holdersOfGroup(group);
      const fileCount = Math.max(holders.length + 1, holderCount(fp, fileCounts, group.anchor));
      if (fileCount >= threshold && !this.reprinted(file, group, holders, found, minWords)) {
        boilerplate.push({ piece: group.anchor, fileCount });
        continue;
      }
      for (const piece of examplesOf(group, EXAMPLES))
        results.push(this.toPassage(file, tokens, piece, false, fileCount));
    }
    // Boilerplate: one passage per stretch of this file, however many files carry it.
    boilerplate.sort(
      (x, y) => y.piece.a1 - y.piece.a0 - (x.piece.a1 - x.piece.a0) || x.piece.a0 - y.piece.a0,
    );
    const kept: { piece: Piece<IndexedFile>; fileCount: number }[] = [];
    for (const b of boilerplate) {
      const over = kept.find((k) => b.piece.a0 < k.piece.a1 && k.piece.a0 < b.piece.a1);
      if (over) over.fileCount = Math.max(over.fileCount, b.fileCount);
      else kept.push(b);
    }
    for (const k of kept) results.push(this.toPassage(file, tokens, k.piece, true, k.fileCount));
    return results.sort((x, y) => x.span.start - y.span.start || x.otherUri.localeCompare(y.otherUri));
  }

  /**
   * The files aligned with `file`: per fingerprint its first holders in rank order (every passage's
   * sample of carriers, first holders of all fingerprints before second ones, up to MAX_SAMPLED), then
   * the CLOSEST files holding the most of its fingerprints among those read. Postings are read only up to
   * READ_PER_FINGERPRINT holders, so neither reading nor aligning grows with the number of holders.
   */
  private candidatesOf(file: IndexedFile): IndexedFile[] {
    const votes = new Map<IndexedFile, number>();
    const tiers: IndexedFile[][] = Array.from({ length: SAMPLED_PER_FINGERPRINT }, () => []);
    this.forEachUniqueHash(file, (h) => {
      forFirstHolders(this.postings.get(h), READ_PER_FINGERPRINT, file, (other, k) => {
        votes.set(other, (votes.get(other) ?? 0) + 1);
        if (k < SAMPLED_PER_FINGERPRINT) tiers[k].push(other);
      });
    });
    const byVotes = (x: IndexedFile, y: IndexedFile): number =>
      (votes.get(y) ?? 0) - (votes.get(x) ?? 0) || byRank(x, y);
    const out = new Set<IndexedFile>();
    for (const tier of tiers) {
      for (const other of [...new Set(tier)].sort(byVotes)) {
        if (out.size >= MAX_SAMPLED) break;
        out.add(other);
      }
    }
    const closest = topBy(
      [...votes.keys()].filter((f) => !out.has(f)),
      CLOSEST,
      byVotes,
    );
    for (const other of closest) out.add(other);
    return [...out];
  }

  /**
   * Whether a passage of `file` that enough files carry to be boilerplate is copied reporting instead:
   * judged on its family, `file` and its first FAMILY_HOLDERS carriers in rank order (see passages/stories.ts).
   */
  private reprinted(
    file: IndexedFile,
    group: PassageGroup<IndexedFile>,
    holders: readonly IndexedFile[],
    found: ReadonlyMap<IndexedFile, readonly WordPair[]>,
    minWords: number,
  ): boolean {
    // Where the passage lies in each member of the family: its longest copy there.
    const family: { file: IndexedFile; at: readonly [number, number] }[] = [
      { file, at: [group.anchor.a0, group.anchor.a1] },
    ];
    for (const h of holders.slice(0, FAMILY_HOLDERS)) {
      let copy: WordPair | undefined;
      for (const m of group.members)
        if (m.other === h && (!copy || m.b1 - m.b0 > copy.b1 - copy.b0)) copy = m;
      if (copy) family.push({ file: h, at: [copy.b0, copy.b1] });
    }
    return isReprint(family, (x, y) => {
      const known = x.file === file ? found.get(y.file) : undefined;
      return this.tellOneStory(x.file, x.at, y.file, y.at, known, minWords);
    });
  }

  /**
   * Whether two files tell one story, setting aside the passage being judged (at `atX` in x, `atY` in y):
   * see passages/stories.ts. `known` are their passages when already aligned, x on side a.
   */
  private tellOneStory(
    x: IndexedFile,
    atX: readonly [number, number],
    y: IndexedFile,
    atY: readonly [number, number],
    known: readonly WordPair[] | undefined,
    minWords: number,
  ): boolean {
    const pair = this.pairOf(x, y, known, minWords);
    const flip = x.id > y.id;
    // The other passages of the pair, as word ranges of each file: from, to, from, to, …
    const rangesX: number[] = [];
    const rangesY: number[] = [];
    for (const p of pair.pairs) {
      const x0 = flip ? p.b0 : p.a0;
      const x1 = flip ? p.b1 : p.a1;
      const y0 = flip ? p.a0 : p.b0;
      const y1 = flip ? p.a1 : p.b1;
      if ((x0 < atX[1] && atX[0] < x1) || (y0 < atY[1] && atY[0] < y1)) continue;
      rangesX.push(x0, x1);
      rangesY.push(y0, y1);
    }
    const wordsX = coveredWords(rangesX);
    const wordsY = coveredWords(rangesY);
    return sameStory({
      cover: [
        wordsX / Math.max(1, x.words.length - (atX[1] - atX[0])),
        wordsY / Math.max(1, y.words.length - (atY[1] - atY[0])),
      ],
      words: Math.min(wordsX, wordsY),
      rest: () => {
        if (pair.rest === undefined) {
          const [lo, hi] = flip ? [y, x] : [x, y];
          pair.rest = this.restBeyond(lo, hi, pair.pairs);
        }
        return pair.rest;
      },
    });
  }

  /** The passages of two files (lower id on side a) and their similarity beyond them, kept per pair. */
  private pairOf(
    x: IndexedFile,
    y: IndexedFile,
    known: readonly WordPair[] | undefined,
    minWords: number,
  ): StoryPair {
    const key = x.id < y.id ? `${x.id}:${y.id}` : `${y.id}:${x.id}`;
    let pair = this.storyCache.get(key);
    if (!pair) {
      const [lo, hi] = x.id < y.id ? [x, y] : [y, x];
      let pairs: readonly WordPair[];
      if (known && lo === x) pairs = known;
      else if (known)
        pairs = known.map((p) => ({ a0: p.b0, a1: p.b1, b0: p.a0, b1: p.a1, matched: p.matched }));
      else pairs = this.align(lo, hi, minWords);
      pair = { pairs };
      if (this.storyCache.size >= STORY_CACHE_SIZE) this.storyCache.clear();
      this.storyCache.set(key, pair);
    }
    return pair;
  }

  /** Content-word similarity of two files beyond the passages they share (x on side a). */
  private restBeyond(x: IndexedFile, y: IndexedFile, pairs: readonly WordPair[]): number {
    if (!this.restSimilarity) return 0;
    const tx = this.tokensOf(x);
    const ty = this.tokensOf(y);
    const spansX = pairs.map((p) => ({ start: tx.starts[p.a0], end: tx.ends[p.a1 - 1] }));
    const spansY = pairs.map((p) => ({ start: ty.starts[p.b0], end: ty.ends[p.b1 - 1] }));
    return this.restSimilarity(x.uri, y.uri, spansX, spansY);
  }

  /** The paragraph alignments of `file`, taking over those of the previous version of its URI. */
  private paragraphAlignments(
    file: IndexedFile,
    fp: ReturnType<typeof inWordOrder>,
    minWords: number,
  ): ParagraphAlignments {
    const previous = this.alignmentCache.get(file.uri);
    if (previous?.fileId === file.id && previous.minWords === minWords) {
      previous.computed = 0;
      return previous;
    }
    const next = new ParagraphAlignments(file.id, file, fp, minWords, previous);
    this.alignmentCache.delete(file.uri);
    this.alignmentCache.set(file.uri, next);
    if (this.alignmentCache.size > ALIGNMENT_CACHE_SIZE) {
      const oldest = this.alignmentCache.keys().next();
      if (!oldest.done) this.alignmentCache.delete(oldest.value);
    }
    return next;
  }

  private align(x: IndexedFile, y: IndexedFile, minWords: number): WordPair[] {
    this.alignmentCount++;
    return alignTexts(x, y, minWords);
  }

  /**
   * The stretches of `uri` that at least the boilerplate threshold of files carry under the current
   * corpus: words covered by fingerprints that many files hold, site boilerplate and widely reprinted copy
   * alike (the ranking takes both off before comparing texts, and counts reprints through the shared
   * passages instead). Only posting counts are read, no alignment, so the related-articles ranking can ask
   * it for every candidate it scores and always sees the corpus as it is now. Winnowing keeps one fingerprint per window, so neighbouring hits are joined across a
   * window's gap, and a stretch missing less than a window at either end of its paragraph is widened to it.
   */
  boilerplateSpans(uri: string, options: AnalysisOptions): readonly Span[] {
    const file = this.files.get(uri);
    if (!file) return [];
    const threshold = boilerplateThreshold(options, this.files.size);
    if (threshold !== this.spansThreshold) {
      this.spansCache.clear();
      this.spansThreshold = threshold;
    }
    let spans = this.spansCache.get(file.id);
    if (!spans) {
      spans = this.computeBoilerplateSpans(file, threshold);
      this.spansCache.set(file.id, spans);
    }
    return spans;
  }

  /** Drops the cached boilerplate spans of the files in a posting whose size crosses the threshold. */
  private forgetSpans(holders: readonly IndexedFile[]): void {
    for (const f of holders) this.spansCache.delete(f.id);
  }

  private computeBoilerplateSpans(file: IndexedFile, threshold: number): readonly Span[] {
    // Sorted fingerprint indexes of the boilerplate shingles, in text order.
    const hits: number[] = [];
    const hs = file.sortedHashes;
    for (let i = 0; i < hs.length; i++) if (postingSize(this.postings.get(hs[i])) >= threshold) hits.push(i);
    if (hits.length === 0) return [];
    const positions = file.sortedPositions;
    hits.sort((x, y) => positions[x] - positions[y]);
    const words = file.words.length;
    const chars = file.fingerprintChars;
    const spans: Span[] = [];
    // The stretch being merged: word range, its text offsets and its paragraph.
    let start = -1;
    let end = 0;
    let span: Span = { start: 0, end: 0 };
    let paragraph = 0;
    const close = (): void => {
      const pStart = file.paragraphs[paragraph];
      const pEnd = paragraph + 1 < file.paragraphs.length ? file.paragraphs[paragraph + 1] : words;
      if (start - pStart < WINNOW_WINDOW) span.start = file.paragraphChars[2 * paragraph];
      if (pEnd - end < WINNOW_WINDOW) span.end = file.paragraphChars[2 * paragraph + 1];
      spans.push(span);
    };
    for (const i of hits) {
      const at = positions[i];
      const atEnd = Math.min(words, at + SHINGLE_WORDS);
      const p = paragraphIndex(file.paragraphs, at);
      if (start >= 0 && file.paragraphs[p] <= start && at - end < WINNOW_WINDOW) {
        if (atEnd > end) {
          end = atEnd;
          span.end = chars[2 * i + 1];
        }
        continue;
      }
      if (start >= 0) close();
      start = at;
      end = atEnd;
      span = { start: chars[2 * i], end: chars[2 * i + 1] };
      paragraph = p;
    }
    close();
    return spans;
  }

  private toPassage(
    file: IndexedFile,
    tokens: WordTokens,
    piece: Piece<IndexedFile>,
    boilerplate: boolean,
    fileCount: number,
  ): SharedPassage {
    const otherTokens = this.tokensOf(piece.other);
    const span: Span = { start: tokens.starts[piece.a0], end: tokens.ends[piece.a1 - 1] };
    const otherSpan: Span = { start: otherTokens.starts[piece.b0], end: otherTokens.ends[piece.b1 - 1] };
    const text = this.textOf(file.uri);
    const otherText = this.textOf(piece.other.uri);
    if (text !== undefined && otherText !== undefined) widenOverPunctuation(text, span, otherText, otherSpan);
    return {
      span,
      otherUri: piece.other.uri,
      otherSpan,
      similarity: Math.round(similarityOf(piece) * 1000) / 1000,
      boilerplate,
      fileCount,
    };
  }

  private tokensOf(file: IndexedFile): WordTokens {
    const cached = this.tokenCache.get(file.id);
    if (cached) {
      // Refresh its place in the least-recently-used order.
      this.tokenCache.delete(file.id);
      this.tokenCache.set(file.id, cached);
      return cached;
    }
    const { starts, ends } = unpackWordOffsets(file.offsets, file.words.length);
    const tokens: WordTokens = {
      count: file.words.length,
      hashes: file.words,
      shapes: file.shapes,
      starts,
      ends,
    };
    this.cacheTokens(file.id, tokens);
    return tokens;
  }

  private cacheTokens(id: number, tokens: WordTokens): void {
    this.tokenCache.set(id, tokens);
    if (this.tokenCache.size > TOKEN_CACHE_SIZE) {
      const oldest = this.tokenCache.keys().next();
      if (!oldest.done) this.tokenCache.delete(oldest.value);
    }
  }

  private forEachUniqueHash(file: IndexedFile, fn: (h: number) => void): void {
    const hs = file.sortedHashes;
    for (let i = 0; i < hs.length; i++) if (i === 0 || hs[i] !== hs[i - 1]) fn(hs[i]);
  }

  private collectAffected(p: Posting<IndexedFile> | undefined, into: Set<string> | undefined): void {
    if (!into || postingSize(p) > AFFECTED_MAX_FILES) return;
    for (const f of holdersOf(p)) into.add(f.uri);
  }
}

/**
 * Files holding a passage, from its fingerprints' posting sizes: the upper quartile, since a copy with an
 * edit lacks the few fingerprints the edit touches, while a common phrase inside the passage may be held
 * by many unrelated files.
 */
function holderCount(fp: Fingerprints, counts: Uint32Array, piece: WordPair): number {
  const inside: number[] = [];
  for (let i = lowerBound(fp.positions, piece.a0); i < fp.positions.length; i++) {
    if (fp.positions[i] + SHINGLE_WORDS > piece.a1) break;
    inside.push(counts[i]);
  }
  if (inside.length === 0) return 0;
  inside.sort((x, y) => x - y);
  return inside[Math.floor((inside.length * 3) / 4)];
}
