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

/** The word range `[start, end)` of the paragraph holding word `w`. */
function paragraphOf(starts: Uint32Array, w: number, words: number): [number, number] {
  const p = paragraphIndex(starts, w);
  return [starts[p], p + 1 < starts.length ? starts[p + 1] : words];
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

/**
 * Word positions of the fingerprints both files hold, as (position in x, position in y) sorted by x then
 * y: one linear merge of the two hash-sorted arrays, every pairing of a hash found more than once.
 */
function seedPairs(x: AlignedText, y: AlignedText): [number, number][] {
  const ha = x.sortedHashes;
  const hb = y.sortedHashes;
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < ha.length && j < hb.length) {
    if (ha[i] < hb[j]) i++;
    else if (ha[i] > hb[j]) j++;
    else {
      const h = ha[i];
      let end = j;
      while (end < hb.length && hb[end] === h) end++;
      for (; i < ha.length && ha[i] === h; i++)
        for (let k = j; k < end; k++) out.push([x.sortedPositions[i], y.sortedPositions[k]]);
      j = end;
    }
  }
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/**
 * Aligns `x` with `y`. Each passage stays inside one paragraph of each file, so a shared paragraph is linked
 * as itself rather than glued to its neighbours by a couple of words that happen to continue across the break.
 */
export function alignTexts(x: AlignedText, y: AlignedText, minWords: number): WordPair[] {
  const A = x.words;
  const B = y.words;
  const pairs: WordPair[] = [];
  const covered = (a: number, b: number): boolean =>
    pairs.some((p) => a >= p.a0 && a < p.a1 && b >= p.b0 && b < p.b1);
  for (const [a, b] of seedPairs(x, y)) {
    if (covered(a, b)) continue;
    const [aMin, aMax] = paragraphOf(x.paragraphs, a, A.length);
    const [bMin, bMax] = paragraphOf(y.paragraphs, b, B.length);
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

/** Words that the `[from, to)` ranges cover, overlaps counted once. */
export function coveredWords(ranges: readonly (readonly [number, number])[]): number {
  const sorted = [...ranges].sort((p, q) => p[0] - q[0]);
  let covered = 0;
  let reach = 0;
  for (const [from, to] of sorted) {
    const start = Math.max(from, reach);
    if (to > start) covered += to - start;
    reach = Math.max(reach, to);
  }
  return covered;
}
