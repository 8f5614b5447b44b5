// Alignment of two indexed files from their common fingerprints: exact, near-duplicate tolerant stretches,
// each inside one paragraph of either file, with the matching range in the other.
import { SHINGLE_WORDS } from '../shingles';
import {
  findResume,
  growTolerant,
  matchBackward,
  matchForward,
  type AlignBounds,
  type WordPair,
} from '../wordAlign';

/** What alignment reads of an indexed file. */
export interface AlignedText {
  words: Uint32Array;
  shapes: Uint8Array;
  /** Word indexes where paragraphs begin. */
  paragraphs: Uint32Array;
  /** Fingerprint hashes sorted ascending, with the word position of each. */
  sortedHashes: Uint32Array;
  sortedPositions: Uint32Array;
}

/** A sentence of up to this many words dropped from one copy still links the stretches on both sides. */
const MAX_DROPPED_WORDS = 40;
/** Words that must match again after a dropped sentence. */
const DROP_RESUME_WORDS = 6;

/** Index of the paragraph holding word `w` (`starts`: each paragraph's first word, in order). */
export function paragraphIndex(starts: Uint32Array, w: number): number {
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

/** Fingerprints of a text in word order: `hashes[i]` is the shingle starting at word `positions[i]`. */
export interface WordOrderFingerprints {
  hashes: Uint32Array;
  positions: Uint32Array;
}

/** First index in `sorted[lo, hi)` not below `v`. */
function lowerBound(sorted: Uint32Array, v: number, lo = 0, hi = sorted.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A text's fingerprints in word order, from the hash-sorted arrays the index keeps. */
export function inWordOrder(t: AlignedText): WordOrderFingerprints {
  const n = t.sortedPositions.length;
  // Position and index packed in one double, so a plain numeric sort orders them.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = t.sortedPositions[i] * 4294967296 + i;
  keys.sort();
  const hashes = new Uint32Array(n);
  const positions = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = keys[k] % 4294967296;
    hashes[k] = t.sortedHashes[i];
    positions[k] = t.sortedPositions[i];
  }
  return { hashes, positions };
}

/** Fingerprint indexes `[from, to)` of `fp` whose shingles start in the word range `[start, end)`. */
export function fingerprintRange(fp: WordOrderFingerprints, start: number, end: number): [number, number] {
  const from = lowerBound(fp.positions, start);
  return [from, lowerBound(fp.positions, end, from)];
}

/**
 * Aligns paragraph `[aMin, aMax)` of `x` with `y`, appending the passages to `out` (in x's word positions).
 * Seeds are the fingerprints `[from, to)` of `fp` (x's, in word order) that `y` holds too, taken by
 * position in x and then in y. Every passage stays inside one paragraph of each file, so a shared paragraph
 * is linked as itself rather than glued to its neighbours by a couple of words that happen to continue
 * across the break, and a paragraph's passages depend only on its own words and fingerprints and on `y`.
 */
export function alignParagraph(
  x: AlignedText,
  fp: WordOrderFingerprints,
  from: number,
  to: number,
  aMin: number,
  aMax: number,
  y: AlignedText,
  minWords: number,
  out: WordPair[],
): void {
  const A = x.words;
  const B = y.words;
  const hb = y.sortedHashes;
  const first = out.length;
  const covered = (a: number, b: number): boolean => {
    for (let k = first; k < out.length; k++) {
      const p = out[k];
      if (a >= p.a0 && a < p.a1 && b >= p.b0 && b < p.b1) return true;
    }
    return false;
  };
  for (let i = from; i < to; i++) {
    const a = fp.positions[i];
    const h = fp.hashes[i];
    for (let j = lowerBound(hb, h); j < hb.length && hb[j] === h; j++) {
      const b = y.sortedPositions[j];
      if (covered(a, b)) continue;
      const bp = paragraphIndex(y.paragraphs, b);
      const bMin = y.paragraphs[bp];
      const bMax = bp + 1 < y.paragraphs.length ? y.paragraphs[bp + 1] : B.length;
      const bounds: AlignBounds = { aMin, aMax, bMin, bMax };
      const fwd = matchForward(A, B, a, b, bounds);
      if (fwd < SHINGLE_WORDS) continue; // a hash collision or a paragraph break inside the shingle
      const back = matchBackward(A, B, a, b, bounds);
      // Only a stretch equal as written, capitals included, anchors a passage; case changes and other
      // small edits then extend it. A headline re-cased by another site is left to the related-articles
      // ranking rather than reported on its own.
      if (longestSameCase(x.shapes, y.shapes, a - back, b - back, fwd + back) < minWords) continue;
      const core: WordPair = { a0: a - back, a1: a + fwd, b0: b - back, b1: b + fwd, matched: fwd + back };
      growTolerant(A, B, core, bounds);
      out.push(core);
      // Link the stretches beyond a sentence that one copy dropped, on both sides.
      for (const forward of [true, false]) {
        let edge = core;
        for (;;) {
          const at = findResume(A, B, edge, bounds, forward, MAX_DROPPED_WORDS, DROP_RESUME_WORDS);
          if (!at || covered(forward ? at.a : at.a - 1, forward ? at.b : at.b - 1)) break;
          const next: WordPair = { a0: at.a, a1: at.a, b0: at.b, b1: at.b, matched: 0 };
          growTolerant(A, B, next, bounds);
          if (next.matched < DROP_RESUME_WORDS) break;
          out.push(next);
          edge = next;
        }
      }
    }
  }
}

/** Aligns `x` with `y`: its paragraphs one by one, in order (see `alignParagraph`). */
export function alignTexts(
  x: AlignedText,
  y: AlignedText,
  minWords: number,
  fp: WordOrderFingerprints = inWordOrder(x),
): WordPair[] {
  const pairs: WordPair[] = [];
  const starts = x.paragraphs;
  let from = 0;
  for (let k = 0; k < starts.length; k++) {
    const aMax = k + 1 < starts.length ? starts[k + 1] : x.words.length;
    const to = lowerBound(fp.positions, aMax, from);
    if (to > from) alignParagraph(x, fp, from, to, starts[k], aMax, y, minWords, pairs);
    from = to;
  }
  return pairs;
}

/** Words that the ranges cover, overlaps counted once; `ranges` holds from, to, from, to, … (end exclusive). */
export function coveredWords(ranges: readonly number[]): number {
  const n = ranges.length >> 1;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((p, q) => ranges[2 * p] - ranges[2 * q]);
  let covered = 0;
  let reach = 0;
  for (let k = 0; k < n; k++) {
    const from = ranges[2 * order[k]];
    const to = ranges[2 * order[k] + 1];
    const start = Math.max(from, reach);
    if (to > start) covered += to - start;
    reach = Math.max(reach, to);
  }
  return covered;
}
