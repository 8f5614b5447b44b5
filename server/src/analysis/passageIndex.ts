// Passages shared between articles of the corpus: an in-memory inverted index from winnowed word-shingle
// fingerprints to the files holding them, updated per file, and the alignment that turns a file's
// fingerprint hits into exact, near-duplicate tolerant passages with the matching range in the other file.
import { SHINGLE_WORDS, WINNOW_WINDOW, shingleHashes, winnow, type Fingerprints } from './shingles';
import {
  findResume,
  growTolerant,
  matchBackward,
  matchForward,
  similarityOf,
  type AlignBounds,
  type WordPair,
} from './wordAlign';
import { paragraphStarts, widenOverPunctuation, wordTokens, type WordTokens } from './wordTokens';
import type { AnalysisOptions, SharedPassage, Span } from './types';

/**
 * Files read per fingerprint when looking for candidates. A fingerprint held by more files is boilerplate;
 * a sample of them is enough to locate the passage, and the posting count gives its file count.
 */
const CANDIDATES_PER_FINGERPRINT = 24;
/** Fingerprints held by more files than this do not make their holders "affected" by an edit. */
const AFFECTED_MAX_FILES = 64;
/** A sentence of up to this many words dropped from one copy still links the stretches on both sides. */
const MAX_DROPPED_WORDS = 40;
/** Words that must match again after a dropped sentence. */
const DROP_RESUME_WORDS = 6;
/** Word offsets of this many recently used files are kept; the others are re-read from their text. */
const TOKEN_CACHE_SIZE = 256;

interface IndexedFile {
  id: number;
  uri: string;
  text: string;
  words: Uint32Array;
  shapes: Uint8Array;
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

/** One aligned stretch between the queried file and another. */
interface Piece extends WordPair {
  other: IndexedFile;
}

/** Postings: a single file id, or the ids of every file holding the fingerprint. */
type Posting = number | number[];

function postingSize(p: Posting | undefined): number {
  return p === undefined ? 0 : typeof p === 'number' ? 1 : p.length;
}

function sortFingerprints(fp: Fingerprints): { hashes: Uint32Array; positions: Uint32Array } {
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

/** First index of `h` in a sorted array, or the insertion point. */
function lowerBound(sorted: Uint32Array, h: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The word range `[start, end)` of the paragraph holding word `w`. */
function paragraphOf(starts: Uint32Array, w: number, words: number): [number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= w) lo = mid;
    else hi = mid - 1;
  }
  return [starts[lo], lo + 1 < starts.length ? starts[lo + 1] : words];
}

/** Index of the paragraph holding word `w`. */
function paragraphIndex(starts: Uint32Array, w: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= w) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Longest run of words written with the same capitals in both copies, within `len` aligned words. */
function longestSameCase(sa: Uint8Array, sb: Uint8Array, a: number, b: number, len: number): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < len; i++) {
    run = sa[a + i] === sb[b + i] ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** The number of files a passage must appear in to count as boilerplate, for a corpus of `files` files. */
export function boilerplateThreshold(options: AnalysisOptions, files: number): number {
  const setting = options.boilerplateMinFiles;
  // A value below 1 is a share of the corpus; at least 3 files always, so a pair of copies in a small
  // corpus is never mistaken for a site footer.
  const count = setting > 0 && setting < 1 ? Math.ceil(setting * files) : Math.floor(setting);
  return Math.max(3, count);
}

export class PassageIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly byId = new Map<number, IndexedFile>();
  private readonly postings = new Map<number, Posting>();
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
  private nextId = 1;

  get size(): number {
    return this.files.size;
  }

  /** Adds or replaces a file; returns the other files whose shared passages may have changed. */
  add(uri: string, text: string): Set<string> {
    const affected = this.remove(uri);
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
      uri,
      text,
      words: tokens.hashes,
      shapes: tokens.shapes,
      paragraphs,
      sortedHashes: sorted.hashes,
      sortedPositions: sorted.positions,
      fingerprintChars,
      paragraphChars,
    };
    this.files.set(uri, file);
    this.byId.set(file.id, file);
    this.cacheTokens(file.id, tokens);
    this.forEachUniqueHash(file, (h) => {
      const p = this.postings.get(h);
      this.collectAffected(p, affected);
      if (p === undefined) this.postings.set(h, file.id);
      else if (typeof p === 'number') this.postings.set(h, [p, file.id]);
      else {
        p.push(file.id);
        if (p.length === this.spansThreshold) this.forgetSpans(p);
      }
    });
    // Found now, while the file's word offsets are at hand, rather than re-read from its text when the
    // ranking first asks; valid as long as the threshold last asked for holds.
    if (this.spansThreshold > 0)
      this.spansCache.set(file.id, this.computeBoilerplateSpans(file, this.spansThreshold));
    affected.delete(uri);
    return affected;
  }

  /** Removes a file; returns the other files whose shared passages may have changed. */
  remove(uri: string): Set<string> {
    const affected = new Set<string>();
    const file = this.files.get(uri);
    if (!file) return affected;
    this.files.delete(uri);
    this.byId.delete(file.id);
    this.tokenCache.delete(file.id);
    this.spansCache.delete(file.id);
    this.forEachUniqueHash(file, (h) => {
      const p = this.postings.get(h);
      if (p === undefined) return;
      if (typeof p === 'number') {
        if (p === file.id) this.postings.delete(h);
        return;
      }
      if (p.length === this.spansThreshold) this.forgetSpans(p);
      const at = p.indexOf(file.id);
      if (at >= 0) {
        p[at] = p[p.length - 1];
        p.pop();
      }
      if (p.length === 1) this.postings.set(h, p[0]);
      this.collectAffected(this.postings.get(h), affected);
    });
    affected.delete(uri);
    return affected;
  }

  /** The passages of `uri` found in other files, sorted by position; boilerplate reported once per passage. */
  shared(uri: string, options: AnalysisOptions): SharedPassage[] {
    const file = this.files.get(uri);
    if (!file) return [];
    const minWords = Math.max(SHINGLE_WORDS, Math.floor(options.minSharedWords));
    const fp = fingerprintsOf(file.words);
    const fileCounts = new Uint32Array(fp.hashes.length);
    // Seeds per candidate file: indexes into `fp` of the fingerprints it shares.
    const seeds = new Map<number, number[]>();
    for (let i = 0; i < fp.hashes.length; i++) {
      const p = this.postings.get(fp.hashes[i]);
      fileCounts[i] = postingSize(p);
      const ids = p === undefined ? [] : typeof p === 'number' ? [p] : p;
      let taken = 0;
      for (const id of ids) {
        if (id === file.id) continue;
        if (taken++ >= CANDIDATES_PER_FINGERPRINT) break;
        const list = seeds.get(id);
        if (list) list.push(i);
        else seeds.set(id, [i]);
      }
    }
    const pieces: Piece[] = [];
    for (const [id, hits] of seeds) {
      const other = this.byId.get(id);
      if (!other) continue;
      for (const piece of this.align(file, other, fp, hits, minWords)) pieces.push({ ...piece, other });
    }
    return this.toPassages(file, pieces, fp, fileCounts, boilerplateThreshold(options, this.files.size));
  }

  /**
   * The stretches of `uri` that are boilerplate under the current corpus: words covered by fingerprints
   * that at least the boilerplate threshold of files hold. Only posting counts are read, no alignment, so
   * the related-articles ranking can ask it for every candidate it scores and always sees the corpus as
   * it is now. Winnowing keeps one fingerprint per window, so neighbouring hits are joined across a
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
  private forgetSpans(ids: readonly number[]): void {
    for (const id of ids) this.spansCache.delete(id);
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

  /**
   * Aligns the queried file with one other file from their common fingerprints. Each passage stays inside
   * one paragraph of each file, so a shared paragraph is linked as itself rather than glued to its
   * neighbours by a couple of words that happen to continue across the break.
   */
  private align(
    file: IndexedFile,
    other: IndexedFile,
    fp: Fingerprints,
    hits: readonly number[],
    minWords: number,
  ): WordPair[] {
    const A = file.words;
    const B = other.words;
    const pairs: WordPair[] = [];
    const covered = (a: number, b: number): boolean =>
      pairs.some((p) => a >= p.a0 && a < p.a1 && b >= p.b0 && b < p.b1);
    const seedPairs: [number, number][] = [];
    for (const i of hits) {
      const h = fp.hashes[i];
      for (
        let j = lowerBound(other.sortedHashes, h);
        j < other.sortedHashes.length && other.sortedHashes[j] === h;
        j++
      )
        seedPairs.push([fp.positions[i], other.sortedPositions[j]]);
    }
    seedPairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (const [a, b] of seedPairs) {
      if (covered(a, b)) continue;
      const [aMin, aMax] = paragraphOf(file.paragraphs, a, A.length);
      const [bMin, bMax] = paragraphOf(other.paragraphs, b, B.length);
      const bounds: AlignBounds = { aMin, aMax, bMin, bMax };
      const fwd = matchForward(A, B, a, b, bounds);
      if (fwd < SHINGLE_WORDS) continue; // a hash collision or a paragraph break inside the shingle
      const back = matchBackward(A, B, a, b, bounds);
      // Only a stretch equal as written, capitals included, anchors a passage; case changes and other
      // small edits then extend it. A headline re-cased by another site is left to the related-articles
      // ranking rather than reported on its own.
      if (longestSameCase(file.shapes, other.shapes, a - back, b - back, fwd + back) < minWords) continue;
      const core: WordPair = { a0: a - back, a1: a + fwd, b0: b - back, b1: b + fwd, matched: fwd + back };
      growTolerant(A, B, core, bounds);
      pairs.push(core);
      // Link the stretches beyond a sentence that one copy dropped, on both sides.
      for (const forward of [true, false]) {
        let edge = core;
        for (;;) {
          const at = findResume(A, B, edge, bounds, forward, MAX_DROPPED_WORDS, DROP_RESUME_WORDS);
          if (!at || covered(forward ? at.a : at.a - 1, forward ? at.b : at.b - 1)) break;
          const next: WordPair = { a0: at.a, a1: at.a, b0: at.b, b1: at.b, matched: 0 };
          growTolerant(A, B, next, bounds);
          if (next.matched < DROP_RESUME_WORDS) break;
          pairs.push(next);
          edge = next;
        }
      }
    }
    return pairs;
  }

  private toPassages(
    file: IndexedFile,
    pieces: Piece[],
    fp: Fingerprints,
    fileCounts: Uint32Array,
    threshold: number,
  ): SharedPassage[] {
    const tokens = this.tokensOf(file);
    const results: SharedPassage[] = [];
    const boilerplate: { piece: Piece; fileCount: number }[] = [];
    const seen = new Set<string>();
    for (const piece of pieces) {
      // Files holding the passage: those aligned here, or, for fingerprints too common to read every
      // holder, the smallest posting count of the fingerprints inside it.
      const linked = new Set<number>([file.id]);
      const half = (piece.a1 - piece.a0) / 2;
      for (const q of pieces) {
        if (Math.min(q.a1, piece.a1) - Math.max(q.a0, piece.a0) >= half) linked.add(q.other.id);
      }
      let fromPostings = 0;
      for (let i = 0; i < fp.positions.length; i++) {
        const pos = fp.positions[i];
        if (pos >= piece.a0 && pos + SHINGLE_WORDS <= piece.a1)
          fromPostings = fromPostings === 0 ? fileCounts[i] : Math.min(fromPostings, fileCounts[i]);
      }
      const fileCount = Math.max(linked.size, fromPostings > CANDIDATES_PER_FINGERPRINT ? fromPostings : 0);
      if (fileCount >= threshold) {
        boilerplate.push({ piece, fileCount });
        continue;
      }
      const key = `${piece.a0}:${piece.a1}:${piece.other.id}`;
      if (seen.has(key)) continue; // a passage the other file carries twice links to its first copy
      seen.add(key);
      results.push(this.toPassage(file, tokens, piece, false, fileCount));
    }
    // Boilerplate: one passage per stretch of this file, however many files carry it.
    boilerplate.sort(
      (x, y) => y.piece.a1 - y.piece.a0 - (x.piece.a1 - x.piece.a0) || x.piece.a0 - y.piece.a0,
    );
    const kept: { piece: Piece; fileCount: number }[] = [];
    for (const b of boilerplate) {
      const over = kept.find((k) => b.piece.a0 < k.piece.a1 && k.piece.a0 < b.piece.a1);
      if (over) over.fileCount = Math.max(over.fileCount, b.fileCount);
      else kept.push(b);
    }
    for (const k of kept) results.push(this.toPassage(file, tokens, k.piece, true, k.fileCount));
    return results.sort((x, y) => x.span.start - y.span.start || x.otherUri.localeCompare(y.otherUri));
  }

  private toPassage(
    file: IndexedFile,
    tokens: WordTokens,
    piece: Piece,
    boilerplate: boolean,
    fileCount: number,
  ): SharedPassage {
    const otherTokens = this.tokensOf(piece.other);
    const span: Span = { start: tokens.starts[piece.a0], end: tokens.ends[piece.a1 - 1] };
    const otherSpan: Span = { start: otherTokens.starts[piece.b0], end: otherTokens.ends[piece.b1 - 1] };
    widenOverPunctuation(file.text, span, piece.other.text, otherSpan);
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
    const tokens = wordTokens(file.text);
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

  private collectAffected(p: Posting | undefined, into: Set<string>): void {
    if (p === undefined) return;
    if (typeof p === 'number') {
      const f = this.byId.get(p);
      if (f) into.add(f.uri);
      return;
    }
    if (p.length > AFFECTED_MAX_FILES) return;
    for (const id of p) {
      const f = this.byId.get(id);
      if (f) into.add(f.uri);
    }
  }
}
