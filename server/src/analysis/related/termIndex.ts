// Incremental inverted index over weighted features (content words, canonical entities) with smoothed
// IDF and cosine similarity. wink-bm25-text-search is not used: it cannot add documents after
// consolidate() nor remove any, so every edit would rebuild the whole corpus.

import { DroppedCounts } from './droppedCounts';
import { ExtendedCounts } from './extendedCounts';

/** Words that carry no topic in news prose: function words and reporting verbs. */
const STOPWORDS = new Set(
  (
    'a about above after again against all almost also although am among an and another any are around as at ' +
    'be because been before being below between both but by can cannot could did do does doing done down ' +
    'during each either else even ever every few for from further get gets got had has have having he her ' +
    'here hers herself him himself his how however i if in into is it its itself just least less like made ' +
    'make many may me might more most much must my myself neither no nor not now of off on once one only or ' +
    'other others our ours ourselves out over own per perhaps rather same say says said saying she should ' +
    'since so some such than that the their theirs them themselves then there these they this those though ' +
    'through thus to too toward towards under until up upon us very via was we were what whatever when where ' +
    'whether which while who whom whose why will with within without would yet you your yours yourself ' +
    'according added adding told tell tells stated statement news report reported reports reporting reuters ' +
    'mr mrs ms dr st monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week ' +
    'weeks year years month months day days time times two three four five six seven eight nine ten first ' +
    'second last new also still well back going include including includes included amp http https www com'
  ).split(' '),
);

/**
 * Harman's S-stemmer: folds plurals ("talks" → "talk", "policies" → "policy") without the over-merging of
 * a full stemmer, so that outlets writing singular and plural forms still share the term.
 */
function stem(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies'))
    return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (/[us]s$/.test(word)) return word;
  return word.slice(0, -1);
}

const NON_WORD = /[^\p{L}\p{M}\p{N}]+/u;
const HAS_LETTER = /\p{L}/u;

/**
 * Content-word counts of a text: lowercased, plural-folded, without stopwords, pure numbers or one-letter
 * tokens. Apostrophes split words, so a possessive "'s" falls away as a one-letter token.
 */
export function contentTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of text.toLowerCase().split(NON_WORD)) {
    if (raw.length < 2 || STOPWORDS.has(raw)) continue;
    const first = raw.charCodeAt(0);
    // Only a token that starts with a digit can lack a letter ("2026", "1,200" split into numbers).
    if (first >= 48 && first <= 57 && !HAS_LETTER.test(raw)) continue;
    const term = stem(raw);
    if (term !== raw && STOPWORDS.has(term)) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/**
 * One document's features, sorted by feature id so two vectors meet in a linear merge. Whole counts (words)
 * are kept in two bytes each; fractional ones (type-weighted entities) as they are.
 */
export interface FeatureVector {
  ids: Int32Array;
  counts: Float64Array | Uint16Array;
}

/** The counts in the smallest array that holds them exactly. */
function compactCounts(counts: Float64Array): Float64Array | Uint16Array {
  for (const c of counts) if (c !== (c & 0xffff)) return counts;
  return Uint16Array.from(counts);
}

/**
 * Counts to take off a document's features when comparing it, by feature id: the occurrences that fall in
 * its boilerplate. Boilerplate depends on the whole corpus and changes as files come and go, so it is
 * applied when comparing rather than baked into the postings.
 */
export type FeatureDiscount = ReadonlyMap<number, number>;

/** A feature of a query document with its TF-IDF weight. */
export interface WeightedFeature {
  id: number;
  weight: number;
}

/**
 * IDF is smoothed with pseudo-documents: the corpus is treated as if it held `PRIOR_DOCS` more files in
 * which a feature occurs with probability `PRIOR_RATE`. In a 5-file corpus a word found in every file then
 * still weighs about half as much as a word found in one (not zero), while in a 10,000-file corpus the prior
 * is negligible and a feature in most files weighs close to nothing.
 */
const PRIOR_DOCS = 20;
const PRIOR_RATE = 0.05;

/**
 * A posting entry is `document id × 64 + count` when the count is a whole number below 63, and
 * `document id × 64 + 63` when the count has to be read from the document's vector (fractional or large).
 * Candidate generation reads tens of thousands of entries per query; reading each count from another
 * document's vector costs a memory access and a binary search, and nearly every count is small and whole.
 */
const COUNT_SLOTS = 64;
const COUNT_IN_VECTOR = COUNT_SLOTS - 1;

function postingEntry(doc: number, count: number): number {
  return doc * COUNT_SLOTS + (count < COUNT_IN_VECTOR && (count | 0) === count ? count : COUNT_IN_VECTOR);
}

/** The document of a posting entry (a division: past 2^25 documents an entry no longer fits a shift). */
function postingDoc(entry: number): number {
  return Math.floor(entry / COUNT_SLOTS);
}

/** log1p of the whole counts below 64. */
const TF_TABLE = Float64Array.from({ length: 64 }, (_, c) => Math.log1p(c));

/** A document's norm terms under one discount: see `FeatureIndex.normTerms`. */
interface NormTerms {
  ids: Int32Array;
  /** Where each id is in the document's vector. */
  positions: Int32Array;
  kept: Float64Array;
  /** Filled on first use; +Infinity where not computed yet. */
  dropped: Float64Array;
}

/** A feature index as plain data: see `FeatureIndex.exportState`. */
export interface FeatureIndexState {
  /** Feature names by id; the id map is derived from it. */
  names: string[];
  postings: number[][];
  df: number[];
  vectors: Map<number, FeatureVector>;
  /** Cached norms and IDFs with their epochs: candidate generation reads norms however stale, so they are kept as they are. */
  norms: Float64Array<ArrayBuffer>;
  normEpochs: Int32Array<ArrayBuffer>;
  epoch: number;
  idfs: Float64Array<ArrayBuffer>;
  idfEpochs: Int32Array<ArrayBuffer>;
}

export class FeatureIndex {
  private readonly featureIds = new Map<string, number>();
  private names: string[] = [];
  /**
   * Per feature id, its documents in the order they were added, each with its count of the feature when
   * that fits (see `postingEntry`). Entries of removed documents (as many as the postings hold beyond the
   * live document frequency) are skipped on read, and dropped once they are the majority.
   */
  private postings: number[][] = [];
  /** Live document frequency per feature id. */
  private df: number[] = [];
  /**
   * Vectors by document id (ids are handed out in order, so the array stays dense): candidate generation
   * reads one per posting entry, tens of thousands per query, where a map lookup costs several times more.
   */
  private vectors: (FeatureVector | undefined)[] = [];
  private live = 0;
  /**
   * Norms depend on every IDF, so a change to the corpus makes them all slightly stale. Recomputing
   * thousands after each keystroke would not fit the ranking budget: candidate generation reads the
   * cached (possibly stale) norm, which only orders candidates, and exact scoring refreshes the few it
   * compares. Norms are indexed by document id; NaN marks none cached.
   */
  private norms = new Float64Array(1024).fill(Number.NaN);
  private normEpochs = new Int32Array(1024);
  private epoch = 0;
  /** IDF per feature id as of `idfEpochs[id]`; an epoch of -1 marks none cached. */
  private idfs = new Float64Array(1024);
  private idfEpochs = new Int32Array(1024).fill(-1);
  /**
   * Discounted norms by discount. A document's boilerplate discount is one long-lived map compared against
   * every candidate of every query, so its norm correction is worth keeping until the corpus changes.
   */
  private readonly discountedNorms = new WeakMap<
    FeatureDiscount,
    { epoch: number; norms: Map<number, number> }
  >();
  /** Norm terms of documents under a discount that pairs extend; see `normTerms`. */
  private readonly normTermCache = new WeakMap<
    FeatureDiscount,
    { epoch: number; docs: Map<number, NormTerms> }
  >();

  exportState(): FeatureIndexState {
    return {
      names: this.names,
      postings: this.postings,
      df: this.df,
      vectors: new Map(
        this.vectors.flatMap((v, doc): [number, FeatureVector][] => (v === undefined ? [] : [[doc, v]])),
      ),
      norms: this.norms,
      normEpochs: this.normEpochs,
      epoch: this.epoch,
      idfs: this.idfs,
      idfEpochs: this.idfEpochs,
    };
  }

  /** Takes over an exported state, in place of whatever the index held. */
  restoreState(state: FeatureIndexState): void {
    this.featureIds.clear();
    this.names = state.names;
    this.names.forEach((name, id) => this.featureIds.set(name, id));
    this.postings = state.postings;
    this.df = state.df;
    this.vectors = [];
    for (const [doc, v] of state.vectors) {
      while (this.vectors.length < doc) this.vectors.push(undefined);
      this.vectors[doc] = v;
    }
    this.live = state.vectors.size;
    this.norms = state.norms;
    this.normEpochs = state.normEpochs;
    this.epoch = state.epoch;
    this.idfs = state.idfs;
    this.idfEpochs = state.idfEpochs;
  }

  /** Number of live documents. */
  get size(): number {
    return this.live;
  }

  has(doc: number): boolean {
    return this.vectors[doc] !== undefined;
  }

  name(id: number): string {
    return this.names[id];
  }

  /** The id of a feature name, if any document ever had it. */
  idOf(name: string): number | undefined {
    return this.featureIds.get(name);
  }

  /** Adds a document under a fresh id (callers never reuse ids, so stale postings cannot revive). */
  add(doc: number, counts: ReadonlyMap<string, number>): void {
    if (this.has(doc)) this.remove(doc);
    const n = counts.size;
    const ids = new Int32Array(n);
    const raw = new Float64Array(n);
    let k = 0;
    for (const [name, count] of counts) {
      if (count <= 0) continue;
      let id = this.featureIds.get(name);
      if (id === undefined) {
        id = this.names.length;
        // A copy, not a slice: V8 keeps long substrings as views that would pin the whole source text.
        const key = name.length >= 13 ? [...name].join('') : name;
        this.featureIds.set(key, id);
        this.names.push(key);
        this.postings.push([]);
        this.df.push(0);
      }
      ids[k] = id;
      raw[k] = count;
      k++;
    }
    // Sort by id through one packed numeric key (id × 2^20 + position): a typed-array sort without a
    // comparator is several times faster, and a document has far fewer than 2^20 distinct features.
    const keys = new Float64Array(k);
    for (let i = 0; i < k; i++) keys[i] = ids[i] * 1048576 + i;
    keys.sort();
    const order = new Int32Array(k);
    for (let i = 0; i < k; i++) order[i] = keys[i] % 1048576;
    const sortedIds = new Int32Array(k);
    const sortedCounts = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      const id = ids[order[i]];
      sortedIds[i] = id;
      sortedCounts[i] = raw[order[i]];
      const p = this.postings[id];
      const entry = postingEntry(doc, sortedCounts[i]);
      // A literal is allocated to size; pushing onto an empty array would reserve room for 17 ids.
      if (p.length === 0) this.postings[id] = [entry];
      else p.push(entry);
      this.df[id]++;
    }
    // Filled up to `doc` first: writing far past the end would turn the array into a dictionary.
    while (this.vectors.length < doc) this.vectors.push(undefined);
    this.vectors[doc] = { ids: sortedIds, counts: compactCounts(sortedCounts) };
    this.live++;
    this.changed();
    this.computeNorm(doc);
  }

  remove(doc: number): void {
    const vector = this.vectors[doc];
    if (!vector) return;
    this.vectors[doc] = undefined;
    this.live--;
    if (doc < this.norms.length) this.norms[doc] = Number.NaN;
    for (const id of vector.ids) {
      this.df[id]--;
      const p = this.postings[id];
      if ((p.length - this.df[id]) * 2 > p.length) this.compact(p);
    }
    this.changed();
  }

  private changed(): void {
    this.epoch++;
  }

  private compact(p: number[]): void {
    let w = 0;
    for (let r = 0; r < p.length; r++) {
      if (this.vectors[postingDoc(p[r])] === undefined) continue;
      p[w] = p[r];
      w++;
    }
    p.length = w;
  }

  docFrequency(id: number): number {
    return this.df[id];
  }

  idf(id: number): number {
    // Exact scoring reads the same IDFs for every candidate: one logarithm per feature per corpus change.
    if (id < this.idfs.length && this.idfEpochs[id] === this.epoch) return this.idfs[id];
    const n = this.live;
    const idf = Math.log((n + PRIOR_DOCS + 1) / (this.df[id] + PRIOR_DOCS * PRIOR_RATE + 1));
    if (id >= this.idfs.length) {
      const size = Math.max(id + 1, this.idfs.length * 2);
      const idfs = new Float64Array(size);
      idfs.set(this.idfs);
      const epochs = new Int32Array(size).fill(-1);
      epochs.set(this.idfEpochs);
      this.idfs = idfs;
      this.idfEpochs = epochs;
    }
    this.idfs[id] = idf;
    this.idfEpochs[id] = this.epoch;
    return idf;
  }

  /**
   * Sublinear term frequency: a word repeated ten times is not ten times as telling. log(1 + c) rather
   * than 1 + log(c) because counts may be fractional weights below 1, and must stay positive.
   */
  private static tf(count: number): number {
    // Counts are mostly small whole numbers: read those from a table, as exact scoring asks for thousands.
    return count < TF_TABLE.length && (count | 0) === count ? TF_TABLE[count] : Math.log1p(count);
  }

  /** The document's features with their TF-IDF weights, heaviest first; discounted ones drop out. */
  weighted(doc: number, discount?: FeatureDiscount): WeightedFeature[] {
    const vector = this.vectors[doc];
    if (!vector) return [];
    const out: WeightedFeature[] = [];
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i];
      const count = FeatureIndex.discounted(vector.counts[i], id, discount);
      if (count > 0) out.push({ id, weight: FeatureIndex.tf(count) * this.idf(id) });
    }
    return out.sort((a, b) => b.weight - a.weight);
  }

  private static discounted(count: number, id: number, discount: FeatureDiscount | undefined): number {
    const off = discount?.get(id);
    return off === undefined ? count : Math.max(0, count - off);
  }

  /** The norm of the document's TF-IDF vector under the current IDFs, less the discounted counts. */
  norm(doc: number, discount?: FeatureDiscount): number {
    const full =
      doc < this.norms.length && this.normEpochs[doc] === this.epoch && !Number.isNaN(this.norms[doc])
        ? this.norms[doc]
        : this.computeNorm(doc);
    if (!discount || discount.size === 0) return full;
    const vector = this.vectors[doc];
    if (!vector) return full;
    // Per document: pages of one template share one discount object.
    let cached = this.discountedNorms.get(discount);
    if (!cached || cached.epoch !== this.epoch) {
      cached = { epoch: this.epoch, norms: new Map() };
      this.discountedNorms.set(discount, cached);
    }
    const known = cached.norms.get(doc);
    if (known !== undefined) return known;
    // Only the few discounted features change: correct the squared norm for them alone.
    let squared = full * full;
    if (discount instanceof DroppedCounts) {
      // The base discount's terms, each as it is or dropped, added in the same order as below.
      const terms = this.normTerms(doc, vector, discount.base);
      const { ids, kept } = terms;
      for (let k = 0; k < ids.length; k++) {
        const term = discount.dropped.has(ids[k]) ? this.droppedTerm(terms, k, vector) : kept[k];
        if (!Number.isNaN(term)) squared += term;
      }
    } else if (discount instanceof ExtendedCounts && !(discount.base instanceof ExtendedCounts)) {
      squared = this.extendedSquared(squared, doc, vector, discount);
    } else {
      // forEach, in the same order as for-of: a packed discount's iterator makes a pair per entry.
      discount.forEach((off, id) => {
        const i = FeatureIndex.find(vector.ids, id);
        if (i < 0 || off <= 0) return;
        squared += this.normTerm(vector.counts[i], id, off);
      });
    }
    const norm = Math.sqrt(Math.max(0, squared));
    cached.norms.set(doc, norm);
    return norm;
  }

  /**
   * `squared` with a document's norm terms under an extended discount added one by one, in the order of
   * its entries: the base's from their cache (dropped where the base drops them), raised and added ones
   * computed afresh.
   */
  private extendedSquared(
    squared: number,
    doc: number,
    vector: FeatureVector,
    discount: ExtendedCounts,
  ): number {
    let root = discount.base;
    let dropped: ReadonlySet<number> | undefined;
    if (root instanceof DroppedCounts) {
      dropped = root.dropped;
      root = root.base;
    }
    const terms = this.normTerms(doc, vector, root);
    const { raised } = discount;
    let out = squared;
    for (let k = 0; k < terms.ids.length; k++) {
      const id = terms.ids[k];
      const off = raised.get(id);
      const term =
        off !== undefined
          ? off <= 0
            ? Number.NaN
            : this.normTerm(vector.counts[terms.positions[k]], id, off)
          : dropped?.has(id)
            ? this.droppedTerm(terms, k, vector)
            : terms.kept[k];
      if (!Number.isNaN(term)) out += term;
    }
    discount.added.forEach((off, id) => {
      const i = FeatureIndex.find(vector.ids, id);
      if (i < 0 || off <= 0) return;
      out += this.normTerm(vector.counts[i], id, off);
    });
    return out;
  }

  /** What taking `off` of a feature's `count` adds to the squared norm. */
  private normTerm(count: number, id: number, off: number): number {
    const idf = this.idf(id);
    const before = FeatureIndex.tf(count) * idf;
    const after = FeatureIndex.tf(Math.max(0, count - off)) * idf;
    return after * after - before * before;
  }

  /**
   * Per entry of a discount that the document has, in the discount's order: its norm term as discounted
   * and as wholly dropped (NaN where it adds nothing). A page compared with many others under one
   * discount, each pair dropping its own common features, shares these until the corpus changes.
   */
  private normTerms(doc: number, vector: FeatureVector, base: FeatureDiscount): NormTerms {
    let byDoc = this.normTermCache.get(base);
    if (!byDoc || byDoc.epoch !== this.epoch) {
      byDoc = { epoch: this.epoch, docs: new Map() };
      this.normTermCache.set(base, byDoc);
    }
    const known = byDoc.docs.get(doc);
    if (known) return known;
    const ids: number[] = [];
    const positions: number[] = [];
    const kept: number[] = [];
    base.forEach((off, id) => {
      const i = FeatureIndex.find(vector.ids, id);
      if (i < 0) return;
      ids.push(id);
      positions.push(i);
      kept.push(off <= 0 ? Number.NaN : this.normTerm(vector.counts[i], id, off));
    });
    const terms = {
      ids: Int32Array.from(ids),
      positions: Int32Array.from(positions),
      kept: Float64Array.from(kept),
      // Filled on first use: most entries of a page's discount are never dropped by any pair.
      dropped: new Float64Array(ids.length).fill(Number.POSITIVE_INFINITY),
    };
    byDoc.docs.set(doc, terms);
    return terms;
  }

  /** Entry `k`'s norm term wholly dropped (never positive, so +Infinity marks one not computed yet). */
  private droppedTerm(terms: NormTerms, k: number, vector: FeatureVector): number {
    let term = terms.dropped[k];
    if (term === Number.POSITIVE_INFINITY) {
      term = this.normTerm(vector.counts[terms.positions[k]], terms.ids[k], Number.POSITIVE_INFINITY);
      terms.dropped[k] = term;
    }
    return term;
  }

  /** Index of `id` in a sorted id array, or -1. */
  private static find(ids: Int32Array, id: number): number {
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid] < id) lo = mid + 1;
      else if (ids[mid] > id) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** The last norm computed for the document, however stale; good enough to order candidates. */
  cachedNorm(doc: number): number {
    const norm = doc < this.norms.length ? this.norms[doc] : Number.NaN;
    return Number.isNaN(norm) ? this.computeNorm(doc) : norm;
  }

  private computeNorm(doc: number): number {
    const vector = this.vectors[doc];
    let sum = 0;
    if (vector) {
      for (let i = 0; i < vector.ids.length; i++) {
        const w = FeatureIndex.tf(vector.counts[i]) * this.idf(vector.ids[i]);
        sum += w * w;
      }
    }
    const norm = Math.sqrt(sum);
    if (doc >= this.norms.length) {
      const size = Math.max(doc + 1, this.norms.length * 2);
      const norms = new Float64Array(size).fill(Number.NaN);
      norms.set(this.norms);
      const epochs = new Int32Array(size);
      epochs.set(this.normEpochs);
      this.norms = norms;
      this.normEpochs = epochs;
    }
    this.norms[doc] = norm;
    this.normEpochs[doc] = this.epoch;
    return norm;
  }

  /**
   * Adds `weight × w(doc, feature) / |doc|` into `scores` (indexed by document id; ids first reached are
   * appended to `touched`) for every live document that has one of the given features, skipping `self`.
   * Only the postings of the features passed are read, so callers choose the most distinctive ones and
   * the cost stays bounded however large the corpus grows.
   */
  accumulate(
    features: readonly WeightedFeature[],
    self: number,
    scores: Float64Array,
    touched: number[],
  ): void {
    for (const { id, weight } of features) {
      const p = this.postings[id];
      const idf = this.idf(id);
      for (let i = 0; i < p.length; i++) {
        const entry = p[i];
        const doc = postingDoc(entry);
        const vector = this.vectors[doc];
        if (doc === self || vector === undefined) continue;
        const slot = entry - doc * COUNT_SLOTS;
        const tf =
          slot === COUNT_IN_VECTOR
            ? FeatureIndex.tf(vector.counts[FeatureIndex.find(vector.ids, id)])
            : TF_TABLE[slot];
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += (weight * tf * idf) / (this.cachedNorm(doc) || 1);
      }
    }
  }

  /**
   * Cosine of the TF-IDF vectors of two documents, in [0, 1], each less its discounted counts; the shared
   * features with their weight.
   */
  cosine(
    a: number,
    b: number,
    discountA?: FeatureDiscount,
    discountB?: FeatureDiscount,
    withShared = true,
  ): { similarity: number; shared: WeightedFeature[] } {
    const va = this.vectors[a];
    const vb = this.vectors[b];
    const shared: WeightedFeature[] = [];
    if (!va || !vb) return { similarity: 0, shared };
    let dot = 0;
    let i = 0;
    let j = 0;
    while (i < va.ids.length && j < vb.ids.length) {
      const ia = va.ids[i];
      const ib = vb.ids[j];
      if (ia < ib) i++;
      else if (ia > ib) j++;
      else {
        const ca = FeatureIndex.discounted(va.counts[i], ia, discountA);
        const cb = FeatureIndex.discounted(vb.counts[j], ib, discountB);
        if (ca > 0 && cb > 0) {
          const idf = this.idf(ia);
          const product = FeatureIndex.tf(ca) * FeatureIndex.tf(cb) * idf * idf;
          dot += product;
          // Callers that need only the similarity skip one object per shared feature.
          if (withShared) shared.push({ id: ia, weight: product });
        }
        i++;
        j++;
      }
    }
    const denominator = this.norm(a, discountA) * this.norm(b, discountB);
    const similarity = denominator > 0 ? Math.min(1, dot / denominator) : 0;
    return { similarity, shared };
  }
}
