// Decoding: the best label sequence of one sentence under emission and transition scores.
import { LABEL_COUNT, allowed } from './labels';

// A local copy: an imported binding read in the inner loops costs a property lookup when not bundled.
const L = LABEL_COUNT;

/** Transition scores: row 0 is the sentence start, row k + 1 follows label k. */
export type Transitions = Float32Array;

const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((L + 1) * L);
  for (let from = -1; from < L; from++)
    for (let to = 0; to < L; to++) a[(from + 1) * L + to] = allowed(from, to) ? 1 : 0;
  return a;
})();

// `viterbiInto` is written for the label set of labels.ts: O at 0, then B-X at odd ids and I-X after
// it; O and B-X may follow any label, I-X only B-X and I-X. Checked once here, so a change of labels
// fails at load rather than decoding wrongly.
for (let y = 0; y < L; y++)
  for (let p = 0; p < L; p++) {
    const expected = y === 0 || y % 2 === 1 || p === y - 1 || p === y;
    if ((ALLOWED[(p + 1) * L + y] === 1) !== expected) throw new Error('decode.ts expects BIO labels');
  }

/** Transition row of a run of tokens: 0 at a sentence start, 1 after a token outside any name (O). */
export const AFTER_START = 0;
export const AFTER_O = 1;

/** Work arrays of `viterbi`, grown as needed and reused (every cell read is written first). */
let scratch = { score: new Float64Array(64 * L), back: new Int32Array(64 * L) };

/**
 * Viterbi over `emissions` (n × L, row-major) and `transitions`, the first token following row `first`
 * of the transitions; labels that break BIO (I-X not after B-X or I-X) are never chosen. Returns one
 * label id per token.
 */
export function viterbi(
  emissions: Float32Array,
  n: number,
  transitions: Transitions,
  first = AFTER_START,
): Int32Array {
  const out = new Int32Array(n);
  viterbiInto(emissions, 0, n, transitions, first, out, 0);
  return out;
}

/**
 * `viterbi` over the n tokens whose emissions start at row `from` of `emissions`, writing their labels
 * to `out` from index `at`: a document's runs share one emission table and one label array.
 */
export function viterbiInto(
  emissions: Float32Array,
  from: number,
  n: number,
  transitions: Transitions,
  first: number,
  out: Int32Array,
  at: number,
): void {
  if (n === 0) return;
  if (scratch.score.length < n * L)
    scratch = { score: new Float64Array(n * L * 2), back: new Int32Array(n * L * 2) };
  const { score, back } = scratch;
  const e0 = from * L;
  for (let y = 0; y < L; y++) {
    const k = first * L + y;
    score[y] = ALLOWED[k] ? (emissions[e0 + y] as number) + (transitions[k] as number) : -Infinity;
  }
  for (let t = 1; t < n; t++) {
    const prev = (t - 1) * L;
    const cur = t * L;
    const e = e0 + cur;
    // O and B-X may follow any label: the best of the nine, the first on a tie.
    for (let y = 0; y < L; y += y === 0 ? 1 : 2) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const s = (score[prev + p] as number) + (transitions[(p + 1) * L + y] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[cur + y] = best + (emissions[e + y] as number);
      back[cur + y] = arg;
    }
    // I-X only follows B-X (y - 1) or I-X (y).
    for (let y = 2; y < L; y += 2) {
      let best = -Infinity;
      let arg = 0;
      const sb = (score[prev + y - 1] as number) + (transitions[y * L + y] as number);
      if (sb > best) {
        best = sb;
        arg = y - 1;
      }
      const si = (score[prev + y] as number) + (transitions[(y + 1) * L + y] as number);
      if (si > best) {
        best = si;
        arg = y;
      }
      score[cur + y] = best + (emissions[e + y] as number);
      back[cur + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < L; y++) {
    const s = score[(n - 1) * L + y] as number;
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  out[at + n - 1] = arg;
  for (let t = n - 1; t > 0; t--) out[at + t - 1] = back[t * L + (out[at + t] as number)] as number;
}

/** Greedy left-to-right decoding under the same constraints: cheaper, slightly less accurate. */
export function greedy(
  emissions: Float32Array,
  n: number,
  transitions: Transitions,
  first = AFTER_START,
): Int32Array {
  const out = new Int32Array(n);
  let prev = first - 1;
  for (let t = 0; t < n; t++) {
    let best = -Infinity;
    let arg = 0;
    for (let y = 0; y < L; y++) {
      if (!ALLOWED[(prev + 1) * L + y]) continue;
      const s = (emissions[t * L + y] as number) + (transitions[(prev + 1) * L + y] as number);
      if (s > best) {
        best = s;
        arg = y;
      }
    }
    out[t] = arg;
    prev = arg;
  }
  return out;
}

/**
 * The score of the best label sequence of one run under the same constraints, with token t's label
 * fixed to `forced[t]` wherever that is not -1: comparing it with the free best tells how much the model
 * prefers its own reading of some words to another one.
 */
export function bestScore(
  emissions: Float32Array,
  n: number,
  transitions: Transitions,
  first = AFTER_START,
  forced?: Int32Array,
): number {
  if (n === 0) return 0;
  let prev = new Float64Array(L);
  let cur = new Float64Array(L);
  const allowedAt = (t: number, y: number): boolean => !forced || forced[t] === -1 || forced[t] === y;
  for (let y = 0; y < L; y++) {
    const k = first * L + y;
    prev[y] =
      ALLOWED[k] && allowedAt(0, y) ? (emissions[y] as number) + (transitions[k] as number) : -Infinity;
  }
  for (let t = 1; t < n; t++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      if (allowedAt(t, y)) {
        for (let p = 0; p < L; p++) {
          if (!ALLOWED[(p + 1) * L + y]) continue;
          const s = (prev[p] as number) + (transitions[(p + 1) * L + y] as number);
          if (s > best) best = s;
        }
      }
      cur[y] = best + (emissions[t * L + y] as number);
    }
    [prev, cur] = [cur, prev];
  }
  let best = -Infinity;
  for (let y = 0; y < L; y++) best = Math.max(best, prev[y] as number);
  return best;
}
