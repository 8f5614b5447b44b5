// Hashed word shingles and their winnowed fingerprints: the keys of the passage index.
//
// Why winnowing (Schleimer et al. 2003) rather than every shingle or MinHash: MinHash summarises whole
// documents and cannot say *where* two articles share text, and indexing every shingle costs one posting
// per word (millions for a 10,000-article corpus). Winnowing keeps the minimum shingle hash of each window
// of W consecutive shingles, about 2/(W+1) of them, and still guarantees that any common run of at least
// W + K - 1 words shares one fingerprint at the same offset in both texts, so exact spans can be grown
// from it. With K = 5 and W = 8 that guarantee is 12 words, the default shared-passage minimum.
import { wordTokens, type WordTokens } from '../text/wordTokens';

/** Words per shingle. Short enough that a changed word every dozen words still leaves seeds. */
export const SHINGLE_WORDS = 5;
/** Shingles per winnowing window. */
export const WINNOW_WINDOW = 8;
/** Any common run of at least this many words is guaranteed to share a fingerprint. */
export const GUARANTEED_WORDS = SHINGLE_WORDS + WINNOW_WINDOW - 1;

/** Murmur3's finaliser: spreads the bits so that the window minimum is an unbiased pick. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of the `k` words starting at each position (`count - k + 1` values). */
export function shingleHashes(words: Uint32Array, k: number): Uint32Array {
  const n = words.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c ^ k;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ words[i + j], 0x01000193) + j;
    out[i] = mix(h);
  }
  return out;
}

/** Selected fingerprints: `hashes[i]` is the shingle starting at word `positions[i]`, positions ascending. */
export interface Fingerprints {
  hashes: Uint32Array;
  positions: Uint32Array;
}

/**
 * Robust winnowing: in every window of `w` shingles keep the smallest hash (the rightmost on ties) and
 * record it once. A text shorter than one window keeps its smallest shingle.
 */
export function winnow(shingles: Uint32Array, w: number): Fingerprints {
  const n = shingles.length;
  const hashes: number[] = [];
  const positions: number[] = [];
  if (n === 0) return { hashes: new Uint32Array(0), positions: new Uint32Array(0) };
  const window = Math.min(w, n);
  // Monotonic deque of positions whose hashes increase strictly from front to back.
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    while (tail > head && shingles[deque[tail - 1]] >= shingles[i]) tail--;
    deque[tail++] = i;
    if (deque[head] <= i - window) head++;
    if (i >= window - 1 && deque[head] !== last) {
      last = deque[head];
      hashes.push(shingles[last]);
      positions.push(last);
    }
  }
  return { hashes: Uint32Array.from(hashes), positions: Uint32Array.from(positions) };
}

/** Words and fingerprints of a text, as the passage index stores them. */
export interface ShingledText {
  tokens: WordTokens;
  fingerprints: Fingerprints;
}

export function shingleText(text: string): ShingledText {
  const tokens = wordTokens(text);
  const fingerprints = winnow(shingleHashes(tokens.hashes, SHINGLE_WORDS), WINNOW_WINDOW);
  return { tokens, fingerprints };
}
