// Ranking of related articles: text similarity (TF-IDF cosine over content words), shared canonical
// entities weighted by rarity, and shared passages, combined into one calibrated score in [0, 1].
// Candidates come from the postings of the query's most distinctive words and entities, never a full scan.
// Text and entities are compared on each article's content: words and names inside its boilerplate (site
// footers, "also read" lists, author bios carried by many files) are taken off before comparing. A page of
// several stories is compared story by story (relatedUnits.ts) and relates as its best story does. A pair
// gets one score, whichever of the two asks, given the same shared passages from both sides (the passage
// index lists every copy of a passage up to a few files, only the closest copies beyond).
import { outsideUnit, pairCover, passagesBetween, storyUnits } from './relatedUnits';
import { entityCounts, mentionsIn } from './entityFeatures';
import {
  combinedScore,
  corroborationOf,
  entityEvidenceOf,
  passageEvidenceOf,
  textEvidenceOf,
} from './evidence';
import { CandidatePass } from './candidates';
import { ExtendedCounts } from './extendedCounts';
import {
  copyOf,
  discountHash,
  NO_DISCOUNTS,
  packedDiscounts,
  sameEntries,
  sameTemplate,
  type Discounts,
} from './templateDiscounts';
import { contentTerms, FeatureIndex, type FeatureDiscount, type FeatureIndexState } from './termIndex';
import {
  type AnalysisOptions,
  type EntityMention,
  type RelatedArticle,
  type RelatedReason,
  type SharedPassage,
  type Span,
} from '../types';

/**
 * The boilerplate spans of an article under the current corpus. Asked at ranking time for the query and
 * for each scored candidate, so that the comparison always reflects the corpus as it is now: a footer
 * becomes boilerplate when enough files carry it, and stops being so when they go.
 */
export type BoilerplateSource = (uri: string, options: AnalysisOptions) => readonly Span[];

/**
 * Candidates scored exactly (full cosine) after the postings pass: twice the list's length, at least 40.
 * Exact scoring is most of a query's cost, and the postings pass already puts same-story articles first.
 */
const CANDIDATES = 40;
/** Corpora up to this size are scored whole: exact, and cheaper than the postings pass. */
const SCORE_WHOLE_CORPUS = 64;

/** Boilerplate span texts whose word counts are kept; beyond it the cache starts over. */
const SPAN_TERM_CACHE_LIMIT = 20_000;
/** Entities named in a reason, heaviest first. */
const REASON_NAMES = 8;

/** Counts by feature name → counts by feature id; names the index never saw cannot matter. */
function byId(index: FeatureIndex, counts: ReadonlyMap<string, number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [name, count] of counts) {
    const id = index.idOf(name);
    if (id !== undefined) out.set(id, count);
  }
  return out;
}

/**
 * `sameTemplate` for two units: the features common to the pages' boilerplate are dropped from each unit
 * as they are from whole pages; the rest of what a story leaves out stays as its own discount.
 */
function unitTemplate(a: Unit, b: Unit): [Discounts, Discounts] {
  const [pageA, pageB] = sameTemplate(a.page, b.page);
  return [withDropped(a, pageA), withDropped(b, pageB)];
}

function withDropped(unit: Unit, page: Discounts): Discounts {
  if (!unit.span) return page;
  if (page === unit.page) return unit.own;
  const drop = (own: FeatureDiscount, dropped: FeatureDiscount, before: FeatureDiscount): FeatureDiscount => {
    if (dropped === before) return own;
    const out = copyOf(own);
    dropped.forEach((count, id) => {
      if (count === Number.POSITIVE_INFINITY) out.set(id, count);
    });
    return out;
  };
  return {
    terms: drop(unit.own.terms, page.terms, unit.page.terms),
    entities: drop(unit.own.entities, page.entities, unit.page.entities),
  };
}

interface PassageEvidence {
  count: number;
  /** Share of either unit's text covered by the passages (the larger), each weighted by its similarity. */
  cover: number;
  /** The passages themselves, to compare the two articles beyond what one copied from the other. */
  list: readonly SharedPassage[];
}

/** What one side of a comparison is: a whole page, or one story of a page of several. */
interface Unit {
  doc: number;
  /** The story's span; absent for a whole page. */
  span?: Span;
  /** UTF-16 length of what the unit covers: the base of a shared passage's cover. */
  length: number;
  /** The page's boilerplate discounts. */
  page: Discounts;
  /** What the unit leaves out: the page's boilerplate, and for a story everything outside it too. */
  own: Discounts;
}

interface Source {
  text: string;
  entities: readonly EntityMention[];
}

/**
 * The related-articles index as plain data: see `RelatedIndex.exportState`. Texts are left out (the corpus
 * index keeps each once); ranking caches are left out too, as they are rebuilt equal on demand.
 */
export interface RelatedIndexState {
  terms: FeatureIndexState;
  entities: FeatureIndexState;
  /** Per document, its URI and the recorded mention list. */
  docs: Map<number, { uri: string; entities: readonly EntityMention[] }>;
  stories: Map<number, readonly Span[]>;
  nextDoc: number;
}

export class RelatedIndex {
  private readonly terms = new FeatureIndex();
  private readonly entities = new FeatureIndex();
  /** The indexed text and mentions, to find what lies inside boilerplate spans (shared, not copied). */
  private readonly sources = new Map<number, Source>();
  private readonly docOf = new Map<string, number>();
  private readonly uriOf = new Map<number, string>();
  /** Text length per URI, in UTF-16 code units: the base of a shared passage's cover. */
  private readonly lengths = new Map<string, number>();
  /** Story spans of pages that carry several stories, by document. */
  private readonly stories = new Map<number, readonly Span[]>();
  /** Per story of such a page, what comparing the story alone leaves out; see `unitsOf`. */
  private readonly unitCache = new Map<number, { spans: readonly Span[]; units: Discounts[] }>();
  /** Ids are never reused, so postings of a replaced version cannot be mistaken for the new one. */
  private nextDoc = 0;
  /** The postings pass that picks the documents worth an exact score. */
  private readonly postingsPass = new CandidatePass(this.terms, this.entities);
  /** Boilerplate discounts per document with the spans they were taken from; see `discountsFor`. */
  private readonly discountCache = new Map<number, { spans: readonly Span[]; discounts: Discounts }>();
  /** Discounts by a hash of their content, so equal ones are one object; see `shareable`. */
  private readonly sharedDiscounts = new Map<number, Discounts[]>();
  private sharedDiscountCount = 0;
  /** Word counts of boilerplate spans by their text; see `spanTerms`. */
  private readonly spanTermCache = new Map<string, { ids: ReadonlyMap<number, number>; unknown: string[] }>();

  constructor(private readonly boilerplateOf?: BoilerplateSource) {}

  get size(): number {
    return this.docOf.size;
  }

  exportState(): RelatedIndexState {
    const docs = new Map<number, { uri: string; entities: readonly EntityMention[] }>();
    for (const [doc, uri] of this.uriOf)
      docs.set(doc, { uri, entities: this.sources.get(doc)?.entities ?? [] });
    return {
      terms: this.terms.exportState(),
      entities: this.entities.exportState(),
      docs,
      stories: this.stories,
      nextDoc: this.nextDoc,
    };
  }

  /** Takes over an exported state, with each document's text from `textOf`, in place of what it held. */
  restoreState(state: RelatedIndexState, textOf: (uri: string) => string): void {
    for (const map of [this.docOf, this.uriOf, this.lengths, this.sources, this.stories, this.unitCache])
      map.clear();
    this.discountCache.clear();
    this.sharedDiscounts.clear();
    this.sharedDiscountCount = 0;
    this.spanTermCache.clear();
    this.terms.restoreState(state.terms);
    this.entities.restoreState(state.entities);
    for (const [doc, { uri, entities }] of state.docs) {
      const text = textOf(uri);
      this.docOf.set(uri, doc);
      this.uriOf.set(doc, uri);
      this.lengths.set(uri, text.length);
      this.sources.set(doc, { text, entities });
    }
    for (const [doc, spans] of state.stories) this.stories.set(doc, spans);
    this.nextDoc = state.nextDoc;
  }

  /** Adds or replaces an article; `stories` are the spans of its stories when it has several. */
  add(uri: string, text: string, entities: readonly EntityMention[], stories: readonly Span[] = []): void {
    this.addEntities(uri, text, entities, stories);
    this.terms.add(this.docOf.get(uri) as number, contentTerms(text));
  }

  /**
   * Adds or replaces an article with its entities alone, its words left out: the first pass of a corpus
   * indexing, whose second adds every article again with `add`. The entity features see the same adds
   * as if the words were there, so the index ends the same.
   */
  addEntities(
    uri: string,
    text: string,
    entities: readonly EntityMention[],
    stories: readonly Span[] = [],
  ): void {
    this.remove(uri);
    const doc = this.nextDoc++;
    this.docOf.set(uri, doc);
    this.uriOf.set(doc, uri);
    this.lengths.set(uri, text.length);
    this.sources.set(doc, { text, entities });
    if (stories.length > 1) this.stories.set(doc, stories);
    this.entities.add(doc, entityCounts(entities));
  }

  /**
   * Recomputes every word-vector norm under the corpus as it now is. Candidate generation reads norms
   * however stale; after a corpus indexing added the words file by file, each would otherwise be the norm
   * under the part of the corpus indexed before it.
   */
  refreshNorms(): void {
    for (const doc of this.uriOf.keys()) this.terms.norm(doc);
  }

  remove(uri: string): void {
    const doc = this.docOf.get(uri);
    if (doc === undefined) return;
    this.docOf.delete(uri);
    this.uriOf.delete(doc);
    this.lengths.delete(uri);
    this.sources.delete(doc);
    this.discountCache.delete(doc);
    this.stories.delete(doc);
    this.unitCache.delete(doc);
    this.terms.remove(doc);
    this.entities.remove(doc);
  }

  /**
   * Computes what ranking needs of an article ahead of time: its boilerplate spans and discounts and its
   * norms. A query scores dozens of candidates, and each one seen for the first time costs as much as the
   * rest of its scoring; a server that prepares every article after loading keeps first queries fast.
   */
  prepare(uri: string, options: AnalysisOptions): void {
    const doc = this.docOf.get(uri);
    if (doc === undefined) return;
    for (const unit of this.unitsOf(doc, options, this.discountsFor(options))) {
      this.terms.norm(doc, unit.own.terms);
      this.entities.norm(doc, unit.own.entities);
    }
  }

  /**
   * Related articles of `uri`, best first: those scoring at least `options.relatedThreshold`, at most
   * `options.relatedLimit` of them. `shared` are this article's passages found in other files.
   */
  rank(uri: string, shared: readonly SharedPassage[], options: AnalysisOptions): RelatedArticle[] {
    const doc = this.docOf.get(uri);
    if (doc === undefined || options.relatedLimit <= 0) return [];
    const passages = this.passagesByDoc(uri, shared);
    const discounts = this.discountsFor(options);
    const mine = this.unitsOf(doc, options, discounts);
    const out: RelatedArticle[] = [];
    const pool = Math.max(CANDIDATES, 2 * options.relatedLimit);
    const candidates = new Set<number>();
    for (const unit of mine)
      for (const other of this.candidates(doc, passages, unit.own, pool)) candidates.add(other);
    for (const other of candidates) {
      const related = this.bestOfUnits(mine, this.unitsOf(other, options, discounts), passages.get(other));
      if (related && related.score > 0 && related.score >= options.relatedThreshold) out.push(related);
    }
    out.sort((a, b) => b.score - a.score || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return out.slice(0, options.relatedLimit);
  }

  /**
   * Content-word cosine of two articles with the words inside the given spans of each taken off (the
   * passages they share): how far they tell the same story beyond what one copied from the other.
   */
  restSimilarity(a: string, b: string, spansA: readonly Span[], spansB: readonly Span[]): number {
    const docA = this.docOf.get(a);
    const docB = this.docOf.get(b);
    if (docA === undefined || docB === undefined) return 0;
    return this.terms.cosine(docA, docB, this.termsIn(docA, spansA), this.termsIn(docB, spansB), false)
      .similarity;
  }

  /** Content-word counts inside spans of a document, each span's counted once per text (see `spanTerms`). */
  private termsIn(doc: number, spans: readonly Span[]): FeatureDiscount {
    const source = this.sources.get(doc);
    const out = new Map<number, number>();
    if (!source) return out;
    for (const span of spans) {
      for (const [id, count] of this.spanTerms(source.text.slice(span.start, span.end)))
        out.set(id, (out.get(id) ?? 0) + count);
    }
    return out;
  }

  /** Both documents' discounts extended by the passages they share, each side by its own copy. */
  private beyondPassages(
    doc: number,
    other: number,
    mine: Discounts,
    theirs: Discounts,
    list: readonly SharedPassage[],
  ): [Discounts, Discounts] {
    return [
      this.withSpans(
        doc,
        mine,
        list.map((p) => p.span),
      ),
      this.withSpans(
        other,
        theirs,
        list.map((p) => p.otherSpan),
      ),
    ];
  }

  /** A document's discounts extended by the words and entity mentions inside some of its spans. */
  private withSpans(doc: number, base: Discounts, spans: readonly Span[]): Discounts {
    const source = this.sources.get(doc);
    if (!source || spans.length === 0) return base;
    const terms = new ExtendedCounts(base.terms);
    for (const span of spans) {
      // The span's known words with their counts, in text order: what counting them here would give.
      for (const [id, count] of this.spanTerms(source.text.slice(span.start, span.end))) terms.add(id, count);
    }
    const entities = new ExtendedCounts(base.entities);
    for (const [id, count] of byId(this.entities, entityCounts(mentionsIn(source.entities, spans))))
      entities.add(id, count);
    return { terms, entities };
  }

  /**
   * Each document's boilerplate discounts, kept across queries while its boilerplate spans stay the same
   * array: the boilerplate source hands back the very array it gave before until the spans change.
   */
  private discountsFor(options: AnalysisOptions): (doc: number) => Discounts {
    return (doc) => {
      const uri = this.uriOf.get(doc);
      if (!this.boilerplateOf || uri === undefined) return NO_DISCOUNTS;
      const spans = this.boilerplateOf(uri, options);
      const cached = this.discountCache.get(doc);
      if (cached && cached.spans === spans) return cached.discounts;
      const discounts = this.shareable(packedDiscounts(this.discounts(doc, spans)));
      this.discountCache.set(doc, { spans, discounts });
      return discounts;
    };
  }

  /**
   * One object for equal discounts: the pages of a site built on one template carry the same boilerplate,
   * so thousands of documents would otherwise keep a copy each. Read-only once made, so sharing is safe.
   */
  private shareable(discounts: Discounts): Discounts {
    if (discounts === NO_DISCOUNTS) return discounts;
    const hash = discountHash(discounts.entities, discountHash(discounts.terms, 0));
    const bucket = this.sharedDiscounts.get(hash);
    for (const known of bucket ?? [])
      if (sameEntries(known.terms, discounts.terms) && sameEntries(known.entities, discounts.entities))
        return known;
    // Entries of replaced documents are dropped now and then, not tracked one by one.
    if (this.sharedDiscountCount >= Math.max(1024, 2 * this.docOf.size)) {
      this.sharedDiscounts.clear();
      this.sharedDiscountCount = 0;
    }
    if (bucket && this.sharedDiscounts.has(hash)) bucket.push(discounts);
    else this.sharedDiscounts.set(hash, [discounts]);
    this.sharedDiscountCount++;
    return discounts;
  }

  /**
   * The words and entity mentions of a document that lie inside the spans: its boilerplate, or what a story
   * leaves out of its page. Boilerplate span texts recur across a site's pages and their counts are kept
   * (`spanTerms`); the rest of a page around one story does not recur and is counted afresh.
   */
  private discounts(doc: number, spans: readonly Span[], recurring = true): Discounts {
    const source = this.sources.get(doc);
    if (!source || spans.length === 0) return NO_DISCOUNTS;
    // Each span tokenised on its own, so no word is made of the ends of two spans.
    const terms = new Map<number, number>();
    for (const span of spans) {
      const text = source.text.slice(span.start, span.end);
      for (const [id, count] of recurring ? this.spanTerms(text) : this.termIds(text))
        terms.set(id, (terms.get(id) ?? 0) + count);
    }
    const inside = mentionsIn(source.entities, spans);
    return { terms, entities: byId(this.entities, entityCounts(inside)) };
  }

  /** Content-word counts by feature id of a text; words the index never saw cannot matter. */
  private termIds(text: string): Map<number, number> {
    return byId(this.terms, contentTerms(text));
  }

  /**
   * Content-word counts by feature id of one boilerplate span. The pages of a site carry the same footer,
   * menu and bio, so most spans a ranking meets have been split into words before: their counts are kept
   * by text. An entry is reused only while none of the words the index did not know has since become
   * known, so it always equals a fresh count.
   */
  private spanTerms(text: string): ReadonlyMap<number, number> {
    const cached = this.spanTermCache.get(text);
    if (cached && cached.unknown.every((name) => this.terms.idOf(name) === undefined)) return cached.ids;
    const ids = new Map<number, number>();
    const unknown: string[] = [];
    for (const [name, count] of contentTerms(text)) {
      const id = this.terms.idOf(name);
      if (id === undefined) unknown.push(name);
      else ids.set(id, count);
    }
    if (this.spanTermCache.size >= SPAN_TERM_CACHE_LIMIT) this.spanTermCache.clear();
    this.spanTermCache.set(text, { ids, unknown });
    return ids;
  }

  /** Per other file: the non-boilerplate passages this article shares with it. */
  private passagesByDoc(uri: string, shared: readonly SharedPassage[]): Map<number, SharedPassage[]> {
    const byDoc = new Map<number, SharedPassage[]>();
    for (const p of shared) {
      if (p.boilerplate || p.otherUri === uri) continue;
      const other = this.docOf.get(p.otherUri);
      if (other === undefined) continue;
      const list = byDoc.get(other) ?? [];
      list.push(p);
      byDoc.set(other, list);
    }
    return byDoc;
  }

  /** The passages two units share and how much of them they cover (the union, so overlaps count once). */
  private passageEvidence(a: Unit, b: Unit, list: readonly SharedPassage[]): PassageEvidence | undefined {
    const between = passagesBetween(list, a.span, b.span);
    if (between.length === 0) return undefined;
    return { count: between.length, cover: pairCover(between, a.length, b.length), list: between };
  }

  /**
   * What a document is compared as: the whole page, and each of its stories when it has several and the
   * options rank by story. A story's discounts are kept while the page's boilerplate spans stay the same.
   */
  private unitsOf(doc: number, options: AnalysisOptions, discounts: (doc: number) => Discounts): Unit[] {
    const page = discounts(doc);
    const length = this.lengths.get(this.uriOf.get(doc) ?? '') ?? 0;
    const spans = storyUnits(this.stories.get(doc) ?? [], options);
    if (!spans) return [{ doc, length, page, own: page }];
    const boilerplate = this.boilerplateOf?.(this.uriOf.get(doc) ?? '', options) ?? [];
    let cached = this.unitCache.get(doc);
    if (!cached || cached.spans !== boilerplate) {
      const units = spans.map((s) => this.discounts(doc, outsideUnit(s, length, boilerplate), false));
      cached = { spans: boilerplate, units };
      this.unitCache.set(doc, cached);
    }
    const own = cached.units;
    // The whole page stays a unit too: a story boundary found where there is none never costs a relation.
    const whole: Unit = { doc, length, page, own: page };
    return [
      whole,
      ...spans.map((span, k) => ({ doc, span, length: span.end - span.start, page, own: own[k] })),
    ];
  }

  /** The best-scoring pair of units of two documents, as the second document's entry. */
  private bestOfUnits(
    mine: readonly Unit[],
    theirs: readonly Unit[],
    list: readonly SharedPassage[] | undefined,
  ): RelatedArticle | undefined {
    let best: RelatedArticle | undefined;
    for (const a of mine)
      for (const b of theirs) {
        const related = this.score(a, b, list ? this.passageEvidence(a, b, list) : undefined);
        if (related && (!best || related.score > best.score)) best = related;
      }
    return best;
  }

  /** Documents worth an exact score: the best by a partial dot product, and those sharing passages. */
  private candidates(
    doc: number,
    passages: ReadonlyMap<number, unknown>,
    discounts: Discounts,
    pool: number,
  ): number[] {
    if (this.uriOf.size <= Math.max(SCORE_WHOLE_CORPUS, pool))
      return [...this.uriOf.keys()].filter((d) => d !== doc);
    const out = new Set(this.postingsPass.best(doc, this.nextDoc, discounts, pool));
    for (const d of passages.keys()) out.add(d);
    return [...out];
  }

  /**
   * The score of two units, the same whichever is `a`: every channel is symmetric (cosines, and the larger
   * of the two passage covers).
   */
  private score(a: Unit, b: Unit, passage: PassageEvidence | undefined): RelatedArticle | undefined {
    const { doc } = a;
    const other = b.doc;
    const uri = this.uriOf.get(other);
    if (uri === undefined) return undefined;
    const [mine, theirs] = unitTemplate(a, b);
    const reasons: RelatedReason[] = [];
    // Copied reporting comes with the rest of the story; a passage shared by articles that otherwise have
    // nothing in common is furniture of their site (an author's bio, a sign-off) that the boilerplate rule
    // did not reach because too few files carry it. So the two are first compared beyond their shared
    // passages: as far as that agrees, the passages count, and the text and names inside them count too;
    // where it does not, neither does (the bio is not counted once as a copy and again as similar wording).
    let corroboration = 1;
    let textCosine = this.terms.cosine(doc, other, mine.terms, theirs.terms, false).similarity;
    // Entities compared without listing the shared ones; listed only when they make a reason.
    let entityDiscounts = [mine.entities, theirs.entities];
    let entities = this.entities.cosine(doc, other, mine.entities, theirs.entities, false);
    if (passage) {
      const [myRest, theirRest] = this.beyondPassages(doc, other, mine, theirs, passage.list);
      const rest = this.terms.cosine(doc, other, myRest.terms, theirRest.terms, false).similarity;
      corroboration = corroborationOf(rest);
      textCosine = rest + corroboration * Math.max(0, textCosine - rest);
      if (corroboration < 1) {
        entityDiscounts = [myRest.entities, theirRest.entities];
        entities = this.entities.cosine(doc, other, myRest.entities, theirRest.entities, false);
      }
    }
    const text = textCosine;
    const textEvidence = textEvidenceOf(text);
    if (textEvidence > 0) reasons.push({ kind: 'text', similarity: text, weight: textEvidence });

    const entityEvidence = entityEvidenceOf(entities.similarity);
    if (entityEvidence > 0) {
      const names = this.entities
        .cosine(doc, other, entityDiscounts[0], entityDiscounts[1])
        .shared.sort((a, b) => b.weight - a.weight)
        .slice(0, REASON_NAMES)
        .map((f) => this.entities.name(f.id));
      reasons.push({ kind: 'entities', names, weight: entityEvidence });
    }

    const passageEvidence = passage ? passageEvidenceOf(passage.cover, corroboration) : 0;
    if (passage && passageEvidence > 0)
      reasons.push({ kind: 'passages', count: passage.count, weight: passageEvidence });

    reasons.sort((a, b) => b.weight - a.weight);
    return { uri, score: combinedScore(textEvidence, entityEvidence, passageEvidence), reasons };
  }
}
