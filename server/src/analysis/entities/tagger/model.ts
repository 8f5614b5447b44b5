// The tagger's weights and their file format: hashed feature ids with Int16-quantised weights per
// label, and float transition scores, as base64 in a versioned JSON document.
import { LABELS, LABEL_COUNT } from './labels';

const L = LABEL_COUNT;

export const MODEL_FORMAT = 'article-lens-entity-tagger';
/** Bumped whenever features, labels or the encoding change: an older file is refused, not misread. */
export const MODEL_VERSION = 1;

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

/** Weights ready for scoring: an open-addressing table from feature id to its row of weights. */
export class TaggerModel {
  /** Open-addressing table of (feature id, row + 1) pairs, interleaved so one probe reads both. */
  private readonly table: Int32Array;
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
    this.table = new Int32Array(size * 2);
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r] as number;
      let s = mix(k) & this.mask;
      while ((this.table[2 * s + 1] as number) !== 0) s = (s + 1) & this.mask;
      this.table[2 * s] = k | 0;
      this.table[2 * s + 1] = r + 1;
    }
  }

  /** Row of feature `id`, or -1 when the model has no weights for it. */
  row(id: number): number {
    const key = id | 0;
    let s = mix(id) & this.mask;
    for (;;) {
      const r = this.table[2 * s + 1] as number;
      if (r === 0) return -1;
      if (this.table[2 * s] === key) return r - 1;
      s = (s + 1) & this.mask;
    }
  }

  /** Adds the emission scores of each token's features into `out` (n × labels). */
  emissions(features: Uint32Array[], from: number, to: number): Float32Array {
    const out = new Float32Array((to - from) * L);
    const acc = new Int32Array(L);
    const w = this.weights;
    for (let t = from; t < to; t++) {
      acc.fill(0);
      for (const id of features[t] as Uint32Array) {
        const r = this.row(id);
        if (r < 0) continue;
        const base = r * L;
        for (let y = 0; y < L; y++) acc[y] = (acc[y] as number) + (w[base + y] as number);
      }
      for (let y = 0; y < L; y++) out[(t - from) * L + y] = (acc[y] as number) * this.scale;
    }
    return out;
  }
}

function mix(k: number): number {
  let h = Math.imul(k ^ (k >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}

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
