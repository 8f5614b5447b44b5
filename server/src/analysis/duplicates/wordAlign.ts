// Word-level alignment of two copies of a passage: grows an exact seed into the longest matching stretch,
// stepping over small edits (a changed word, a fixed typo, an inserted or dropped word) in either copy.

/** Two aligned word ranges, end exclusive: `a` in one word array, `b` in the other (or the same). */
export interface WordPair {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  /** Words equal in both copies. */
  matched: number;
}

/** The word indices each side may use: `[aMin, aMax)` and `[bMin, bMax)`. */
export interface AlignBounds {
  aMin: number;
  aMax: number;
  bMin: number;
  bMax: number;
}

/** Equal words from (a, b) forward, inside the bounds. */
export function matchForward(
  A: Uint32Array,
  B: Uint32Array,
  a: number,
  b: number,
  bounds: AlignBounds,
): number {
  let k = 0;
  while (a + k < bounds.aMax && b + k < bounds.bMax && A[a + k] === B[b + k]) k++;
  return k;
}

/** Equal words ending just before (a, b), going backward inside the bounds. */
export function matchBackward(
  A: Uint32Array,
  B: Uint32Array,
  a: number,
  b: number,
  bounds: AlignBounds,
): number {
  let k = 0;
  while (a - k - 1 >= bounds.aMin && b - k - 1 >= bounds.bMin && A[a - k - 1] === B[b - k - 1]) k++;
  return k;
}

/**
 * Edits stepped over: a one-word substitution, insertion or deletion. Wider gaps end the stretch, because
 * a rewritten clause joined to its neighbours would claim words the other copy never had.
 */
const GAPS: readonly (readonly [number, number])[] = [
  [1, 1],
  [0, 1],
  [1, 0],
];

/** Words that must match again after an edit before it is stepped over (one word matches too easily). */
const RESUME_WORDS = 2;

/** Grows `p` in place: exact words first, then across small edits, forward and backward. */
export function growTolerant(
  A: Uint32Array,
  B: Uint32Array,
  p: WordPair,
  bounds: AlignBounds,
  resume = RESUME_WORDS,
): void {
  for (;;) {
    const k = matchForward(A, B, p.a1, p.b1, bounds);
    p.a1 += k;
    p.b1 += k;
    p.matched += k;
    let best: readonly [number, number] | undefined;
    let bestLen = 0;
    for (const gap of GAPS) {
      const len = matchForward(A, B, p.a1 + gap[0], p.b1 + gap[1], bounds);
      if (len >= resume && len > bestLen) {
        best = gap;
        bestLen = len;
      }
    }
    if (!best) break;
    p.a1 += best[0];
    p.b1 += best[1];
  }
  for (;;) {
    const k = matchBackward(A, B, p.a0, p.b0, bounds);
    p.a0 -= k;
    p.b0 -= k;
    p.matched += k;
    let best: readonly [number, number] | undefined;
    let bestLen = 0;
    for (const gap of GAPS) {
      const len = matchBackward(A, B, p.a0 - gap[0], p.b0 - gap[1], bounds);
      if (len >= resume && len > bestLen) {
        best = gap;
        bestLen = len;
      }
    }
    if (!best) break;
    p.a0 -= best[0];
    p.b0 -= best[1];
  }
}

/**
 * Where matching resumes after a sentence dropped from one copy: the nearest point within `maxDrop` words
 * where at least `need` words match again with one side continuing directly. Returns the word pair
 * starting the resumed stretch (forward) or ending it (backward), or undefined.
 */
export function findResume(
  A: Uint32Array,
  B: Uint32Array,
  p: WordPair,
  bounds: AlignBounds,
  forward: boolean,
  maxDrop: number,
  need: number,
): { a: number; b: number } | undefined {
  for (let g = 2; g <= maxDrop; g++) {
    if (forward) {
      const skipB = matchForward(A, B, p.a1, p.b1 + g, bounds);
      const skipA = matchForward(A, B, p.a1 + g, p.b1, bounds);
      if (skipB >= need || skipA >= need)
        return skipB >= skipA ? { a: p.a1, b: p.b1 + g } : { a: p.a1 + g, b: p.b1 };
    } else {
      const skipB = matchBackward(A, B, p.a0, p.b0 - g, bounds);
      const skipA = matchBackward(A, B, p.a0 - g, p.b0, bounds);
      if (skipB >= need || skipA >= need)
        return skipB >= skipA ? { a: p.a0, b: p.b0 - g } : { a: p.a0 - g, b: p.b0 };
    }
  }
  return undefined;
}

/** Word-level similarity of the two ranges: matched words over the longer copy. */
export function similarityOf(p: WordPair): number {
  const longer = Math.max(p.a1 - p.a0, p.b1 - p.b0);
  return longer > 0 ? p.matched / longer : 0;
}
