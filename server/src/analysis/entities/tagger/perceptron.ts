// Training: a structured averaged perceptron over BIO labels with Viterbi decoding.
import { AFTER_O, AFTER_START, viterbi } from './decode';
import { LABEL_COUNT } from './labels';

const L = LABEL_COUNT;

/** One training run of tokens: the feature ids of each token, the gold label ids, and whether it opens a sentence. */
export interface TrainingSentence {
  features: Uint32Array[];
  gold: Int32Array;
  opens: boolean;
}

/** Weights being learnt: dense rows indexed through a map from feature id. */
export class Perceptron {
  readonly index = new Map<number, number>();
  keys: number[] = [];
  private w = new Float32Array(0);
  private u = new Float32Array(0);
  readonly t = new Float32Array((L + 1) * L);
  private readonly tu = new Float64Array((L + 1) * L);
  /** Update counter, for averaging. */
  private c = 1;

  /** 1 for rows that updates may change (all of them without a `learnable` test). */
  private learns = new Uint8Array(0);

  /**
   * @param learnTransitions false keeps the transition scores as seeded (retraining adjusts words only).
   * @param learnable which features updates may change; the others keep their (seeded) weights.
   */
  constructor(
    private readonly learnTransitions = true,
    private readonly learnable: (id: number) => boolean = () => true,
  ) {}

  /**
   * Starts from existing weights (rows × labels, one row per entry of `keys`) and transitions instead of
   * zeros; call before `addFeatures`. Averaging then runs from these weights.
   */
  seed(keys: ArrayLike<number>, weights: Float32Array, transitions: Float32Array): void {
    this.index.clear();
    this.keys = Array.from(keys);
    this.keys.forEach((k, r) => this.index.set(k, r));
    this.w = Float32Array.from(weights);
    this.u = new Float32Array(weights.length);
    this.t.set(transitions);
    this.learns = Uint8Array.from(this.keys, (k) => (this.learnable(k) ? 1 : 0));
  }

  /** Gives every feature of the data a row (features first seen later get none). */
  addFeatures(sentences: TrainingSentence[]): void {
    for (const s of sentences)
      for (const f of s.features)
        for (const id of f) {
          if (this.index.has(id)) continue;
          this.index.set(id, this.keys.length);
          this.keys.push(id);
        }
    const w = new Float32Array(this.keys.length * L);
    w.set(this.w);
    const u = new Float32Array(this.keys.length * L);
    u.set(this.u);
    this.w = w;
    this.u = u;
    const learns = new Uint8Array(this.keys.length);
    learns.set(this.learns);
    for (let r = this.learns.length; r < learns.length; r++)
      learns[r] = this.learnable(this.keys[r] as number) ? 1 : 0;
    this.learns = learns;
  }

  /** Whether updates can change how a sentence is decoded: one of its features may learn. */
  canChange(s: TrainingSentence): boolean {
    for (const f of s.features)
      for (const id of f) {
        const row = this.index.get(id);
        if (row !== undefined && this.learns[row] === 1) return true;
      }
    return false;
  }

  private rows(features: Uint32Array[]): Int32Array[] {
    return features.map((f) => {
      const r = new Int32Array(f.length);
      for (let k = 0; k < f.length; k++) r[k] = this.index.get(f[k] as number) ?? -1;
      return r;
    });
  }

  private emissions(rows: Int32Array[], w: Float32Array): Float32Array {
    const out = new Float32Array(rows.length * L);
    rows.forEach((r, t) => {
      for (const row of r) {
        if (row < 0) continue;
        for (let y = 0; y < L; y++) out[t * L + y] = (out[t * L + y] as number) + (w[row * L + y] as number);
      }
    });
    return out;
  }

  /**
   * One pass over `sentences` in the given order; returns the number of sentences with an error. With a
   * `margin`, every label but the gold one scores that much more while decoding, so a sentence counts
   * as right only when its gold labels win by the margin (updates then hold beyond the examples).
   */
  epoch(
    sentences: TrainingSentence[],
    order: number[],
    cache: Map<TrainingSentence, Int32Array[]>,
    margin = 0,
  ): number {
    let errors = 0;
    for (const k of order) {
      const s = sentences[k] as TrainingSentence;
      let rows = cache.get(s);
      if (!rows) {
        rows = this.rows(s.features);
        cache.set(s, rows);
      }
      const n = rows.length;
      const first = s.opens ? AFTER_START : AFTER_O;
      const emissions = this.emissions(rows, this.w);
      if (margin > 0)
        for (let i = 0; i < n; i++)
          for (let y = 0; y < L; y++) if (y !== s.gold[i]) emissions[i * L + y] += margin;
      const pred = viterbi(emissions, n, this.t, first);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = s.gold[i] as number;
        const p = pred[i] as number;
        const gPrev = i === 0 ? first - 1 : (s.gold[i - 1] as number);
        const pPrev = i === 0 ? first - 1 : (pred[i - 1] as number);
        if (g !== p) {
          wrong = true;
          for (const row of rows[i] as Int32Array) {
            if (row < 0 || this.learns[row] === 0) continue;
            this.bump(row * L + g, 1);
            this.bump(row * L + p, -1);
          }
        }
        if (this.learnTransitions && (g !== p || gPrev !== pPrev)) {
          this.bumpT((gPrev + 1) * L + g, 1);
          this.bumpT((pPrev + 1) * L + p, -1);
        }
      }
      if (wrong) errors++;
      this.c++;
    }
    return errors;
  }

  private bump(k: number, d: number): void {
    this.w[k] = (this.w[k] as number) + d;
    this.u[k] = (this.u[k] as number) + d * this.c;
  }

  private bumpT(k: number, d: number): void {
    this.t[k] = (this.t[k] as number) + d;
    this.tu[k] = (this.tu[k] as number) + d * this.c;
  }

  /** The averaged weights and transitions. */
  averaged(): { weights: Float32Array; transitions: Float32Array } {
    const weights = new Float32Array(this.w.length);
    for (let k = 0; k < weights.length; k++)
      weights[k] = (this.w[k] as number) - (this.u[k] as number) / this.c;
    const transitions = new Float32Array(this.t.length);
    for (let k = 0; k < transitions.length; k++) {
      transitions[k] = (this.t[k] as number) - (this.tu[k] as number) / this.c;
    }
    return { weights, transitions };
  }
}

export function shuffled(n: number, random: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a;
}
