// Candidate gathering for related ranking: a partial dot product over the query's most distinctive words
// and entities, read from their postings, so a query never scans the corpus; only the best few dozen
// documents go on to be scored exactly.
import { kthLargest } from './selection';
import type { Discounts } from './templateDiscounts';
import type { FeatureDiscount, FeatureIndex, WeightedFeature } from './termIndex';

/**
 * How many of the query's heaviest words and entities open their postings. Same-story articles share
 * the rare words (names, places, figures); the 32 heaviest reach them, while the bulk of a 5 KB article's
 * vocabulary is common and would cost postings reads without changing the top of the ranking.
 */
const QUERY_TERMS = 32;
const QUERY_ENTITIES = 16;
/** Postings read per query at most; the heaviest features come first, so a cut drops only weak ones. */
const POSTINGS_BUDGET = 20_000;
export class CandidatePass {
  /** Per-document accumulator of one query, reset after use; indexed by document id. */
  private scratch = new Float64Array(1024);
  /** The touched documents' scores of one query, reordered to find the candidates' cut; reused. */
  private selection = new Float64Array(1024);

  constructor(
    private readonly terms: FeatureIndex,
    private readonly entities: FeatureIndex,
  ) {}

  /**
   * The documents scoring at least the `pool`-th best partial dot product with `doc` (at most twice
   * `pool` of them, in the order first reached), its boilerplate taken off first; `docCount` bounds the
   * document ids.
   */
  best(doc: number, docCount: number, discounts: Discounts, pool: number): number[] {
    if (this.scratch.length < docCount) this.scratch = new Float64Array(docCount * 2);
    const scores = this.scratch;
    const touched: number[] = [];
    const entities = distinctive(this.entities, doc, QUERY_ENTITIES, discounts.entities);
    this.entities.accumulate(entities, doc, scores, touched);
    this.terms.accumulate(distinctive(this.terms, doc, QUERY_TERMS, discounts.terms), doc, scores, touched);
    let ranked = touched;
    if (touched.length > pool) {
      // Only the best `pool` matter.
      if (this.selection.length < touched.length) this.selection = new Float64Array(touched.length * 2);
      const values = this.selection;
      for (let i = 0; i < touched.length; i++) values[i] = scores[touched[i]];
      const cut = kthLargest(values, touched.length, pool);
      ranked = touched.filter((d) => scores[d] >= cut).slice(0, pool * 2);
    }
    for (const d of touched) scores[d] = 0;
    return ranked;
  }
}

/**
 * The heaviest features of the document that other documents also have, within the postings budget.
 * Weights are normalised by the document's norm so terms and entities mix on the same scale. Boilerplate
 * is discounted first: a site's footer words would otherwise open the postings of every page of the site.
 */
export function distinctive(
  index: FeatureIndex,
  doc: number,
  limit: number,
  discount: FeatureDiscount,
): WeightedFeature[] {
  const norm = index.norm(doc, discount) || 1;
  const out: WeightedFeature[] = [];
  let budget = POSTINGS_BUDGET;
  for (const f of index.weighted(doc, discount)) {
    if (out.length >= limit) break;
    const df = index.docFrequency(f.id);
    if (df < 2 || df > budget) continue;
    budget -= df;
    out.push({ id: f.id, weight: f.weight / norm });
  }
  return out;
}
