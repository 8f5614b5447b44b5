// The tagger's weights and their file format: hashed feature ids with Int16-quantised weights per
// label, and float transition scores, as base64 in a versioned JSON document.
import type { FeatureTable } from './features';
import { LABELS, LABEL_COUNT } from './labels';

const L = LABEL_COUNT;

export const MODEL_FORMAT = 'article-lens-entity-tagger';
/** Bumped whenever features, labels or the encoding change: an older file is refused, not misread. */
export const MODEL_VERSION = 2;

export interface ModelFile {
  format: string;
  version: number;
  labels: string[];
  /** Whether the model reads the rule engine's labels as features. */
  ruleFeatures: boolean;
  /** Weight of one quantisation step. */
  scale: number;
  /** (labels + 1) × labels transition scores; row 0 is the sentence start. */
  transitions: number[];
  /** Sorted feature ids, little-endian Uint32, base64. */
  keys: string;
  /** keys × labels Int16 weights, little-endian, base64. */
  weights: string;
  /** Free-form training notes (data, epochs, dev score). */
  trainedOn?: string;
}

// `emissions` sums the nine labels' weights in locals.
if (L !== 9) throw new Error('the tagger scores nine labels');

/** Int32 words per slot of the table: the feature id, then the labels' Int16 weights two to a word. */
const STRIDE = 1 + Math.ceil(L / 2);

/**
 * Weights ready for scoring: an open-addressing table whose slot holds a feature id and its row of
 * weights side by side, so that scoring a feature reads one place in memory. Feature ids are hashes
 * already, so their low bits pick the slot. Id 0 marks a free slot (a feature whose id is 0 is left
 * out: one in four billion).
 */
export class TaggerModel {
  private readonly slots: Int32Array;
  /** The same memory as Int16 weights: slot s, label y at `s * STRIDE * 2 + 2 + y`. */
  private readonly slotWeights: Int16Array;
  private readonly mask: number;

  constructor(
    readonly keys: Uint32Array,
    readonly weights: Int16Array,
    readonly scale: number,
    readonly transitions: Float32Array,
    readonly ruleFeatures: boolean,
  ) {
    let size = 1;
    while (size < keys.length * 2) size <<= 1;
    this.mask = size - 1;
    this.slots = new Int32Array(size * STRIDE);
    this.slotWeights = new Int16Array(this.slots.buffer);
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r] as number;
      if (k === 0) continue;
      let s = k & this.mask;
      while ((this.slots[s * STRIDE] as number) !== 0) s = (s + 1) & this.mask;
      this.slots[s * STRIDE] = k | 0;
      for (let y = 0; y < L; y++) this.slotWeights[s * STRIDE * 2 + 2 + y] = weights[r * L + y] as number;
    }
  }

  /** Slot of feature `id`, or -1 when the model has no weights for it. */
  row(id: number): number {
    const key = id | 0;
    if (key === 0) return -1;
    const slots = this.slots;
    let s = key & this.mask;
    for (;;) {
      const k = slots[s * STRIDE] as number;
      if (k === key) return s;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** Sums of the weights of a word's own features (see `FeatureTable.wordEnd`), by spelling. */
  private readonly wordScores = new Map<string, Int32Array>();

  /** Adds the weights of features ids[from, to) to `acc`. */
  private add(ids: Uint32Array, from: number, to: number, acc: Int32Array): void {
    const w = this.slotWeights;
    for (let f = from; f < to; f++) {
      const r = this.row(ids[f] as number);
      if (r < 0) continue;
      const base = r * STRIDE * 2 + 2;
      for (let y = 0; y < L; y++) acc[y] = (acc[y] as number) + (w[base + y] as number);
    }
  }

  /** The emission scores (n × labels) of tokens [from, to) of a feature table. */
  emissions(features: FeatureTable, from: number, to: number): Float32Array {
    const out = new Float32Array((to - from) * L);
    this.emissionsInto(features, from, to, out, 0);
    return out;
  }

  /**
   * `emissions` written to `out` from row `row` on: a document's runs share one table, which saves
   * allocating one per run.
   */
  emissionsInto(features: FeatureTable, from: number, to: number, out: Float32Array, row: number): void {
    const { ids, at, wordEnd, words } = features;
    const slots = this.slots;
    const w = this.slotWeights;
    const mask = this.mask;
    const scale = this.scale;
    for (let t = from; t < to; t++) {
      const word = words[t] as string;
      let own = this.wordScores.get(word);
      if (!own) {
        own = new Int32Array(L);
        this.add(ids, at[t] as number, wordEnd[t] as number, own);
        if (this.wordScores.size >= WORD_SCORES_LIMIT) this.wordScores.clear();
        this.wordScores.set(word, own);
      }
      // The context features, probed inline (see `row`) and summed in locals: this loop is most of the
      // tagger's time. Nine labels: O and B-/I- of four types (checked where the model is read).
      let a0 = own[0] as number;
      let a1 = own[1] as number;
      let a2 = own[2] as number;
      let a3 = own[3] as number;
      let a4 = own[4] as number;
      let a5 = own[5] as number;
      let a6 = own[6] as number;
      let a7 = own[7] as number;
      let a8 = own[8] as number;
      const end = at[t + 1] as number;
      for (let f = wordEnd[t] as number; f < end; f++) {
        const key = (ids[f] as number) | 0;
        if (key === 0) continue;
        let s = key & mask;
        let k = slots[s * STRIDE] as number;
        while (k !== key && k !== 0) {
          s = (s + 1) & mask;
          k = slots[s * STRIDE] as number;
        }
        if (k === 0) continue;
        const b = s * STRIDE * 2 + 2;
        a0 += w[b] as number;
        a1 += w[b + 1] as number;
        a2 += w[b + 2] as number;
        a3 += w[b + 3] as number;
        a4 += w[b + 4] as number;
        a5 += w[b + 5] as number;
        a6 += w[b + 6] as number;
        a7 += w[b + 7] as number;
        a8 += w[b + 8] as number;
      }
      const o = (row + t - from) * L;
      out[o] = a0 * scale;
      out[o + 1] = a1 * scale;
      out[o + 2] = a2 * scale;
      out[o + 3] = a3 * scale;
      out[o + 4] = a4 * scale;
      out[o + 5] = a5 * scale;
      out[o + 6] = a6 * scale;
      out[o + 7] = a7 * scale;
      out[o + 8] = a8 * scale;
    }
  }
}

/** Words whose own scores are kept at most (the cache starts again past it). */
const WORD_SCORES_LIMIT = 50_000;

/** Reads a model file, refusing another format, another version or another label set. */
export function parseModel(file: unknown): TaggerModel {
  const m = file as Partial<ModelFile> | null;
  if (!m || typeof m !== 'object' || m.format !== MODEL_FORMAT) throw new Error('not an entity tagger model');
  if (m.version !== MODEL_VERSION) {
    throw new Error(
      `entity tagger model version ${String(m.version)}, this build reads version ${MODEL_VERSION}`,
    );
  }
  if (!Array.isArray(m.labels) || m.labels.join(' ') !== LABELS.join(' ')) {
    throw new Error('entity tagger model labels differ from this build');
  }
  if (typeof m.keys !== 'string' || typeof m.weights !== 'string' || typeof m.scale !== 'number') {
    throw new Error('entity tagger model is incomplete');
  }
  const keyBytes = Buffer.from(m.keys, 'base64');
  const weightBytes = Buffer.from(m.weights, 'base64');
  const n = keyBytes.length / 4;
  if (!Number.isInteger(n) || weightBytes.length !== n * L * 2)
    throw new Error('entity tagger model is truncated');
  if (!Array.isArray(m.transitions) || m.transitions.length !== (L + 1) * L) {
    throw new Error('entity tagger model transitions are malformed');
  }
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) keys[i] = keyBytes.readUInt32LE(i * 4);
  const weights = new Int16Array(n * L);
  for (let i = 0; i < n * L; i++) weights[i] = weightBytes.readInt16LE(i * 2);
  return new TaggerModel(keys, weights, m.scale, Float32Array.from(m.transitions), m.ruleFeatures === true);
}

/**
 * Encodes float weights (rows × labels, one row per entry of `keys`) as a model file: rows whose
 * largest weight is below `prune` are dropped, the rest quantised to Int16.
 */
export function encodeModel(
  keys: ArrayLike<number>,
  weights: Float32Array,
  transitions: Float32Array,
  options: { ruleFeatures: boolean; prune: number; trainedOn?: string },
): ModelFile {
  const order: number[] = [];
  let maxAbs = 0;
  for (let r = 0; r < keys.length; r++) {
    let m = 0;
    for (let y = 0; y < L; y++) m = Math.max(m, Math.abs(weights[r * L + y] as number));
    if (m < options.prune) continue;
    order.push(r);
    maxAbs = Math.max(maxAbs, m);
  }
  order.sort((a, b) => (keys[a] as number) - (keys[b] as number));
  const scale = maxAbs / 32767 || 1;
  const keyBytes = Buffer.alloc(order.length * 4);
  const weightBytes = Buffer.alloc(order.length * L * 2);
  order.forEach((r, i) => {
    keyBytes.writeUInt32LE(keys[r] as number, i * 4);
    for (let y = 0; y < L; y++)
      weightBytes.writeInt16LE(Math.round((weights[r * L + y] as number) / scale), (i * L + y) * 2);
  });
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    labels: [...LABELS],
    ruleFeatures: options.ruleFeatures,
    scale,
    transitions: Array.from(transitions, (v) => Math.round(v * 1e4) / 1e4),
    keys: keyBytes.toString('base64'),
    weights: weightBytes.toString('base64'),
    ...(options.trainedOn ? { trainedOn: options.trainedOn } : {}),
  };
}
