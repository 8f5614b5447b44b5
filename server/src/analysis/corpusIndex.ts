// The corpus index: every article's local analysis, with the sub-indexes that answer corpus questions
// (entity postings, shared passages, same quotes, related articles). Pure TypeScript, kept in memory.
import { EntityIndex } from './entityIndex';
import { PassageIndex } from './passageIndex';
import { QuoteIndex } from './quoteIndex';
import { RelatedIndex } from './related';
import type { AnalysisOptions, ArticleSnapshot, LocalAnalysis, RelatedArticle, SharedPassage } from './types';

export interface IndexedArticle {
  snapshot: ArticleSnapshot;
  local: LocalAnalysis;
}

/** The small interface the server, the CLI and the tests use. */
export interface ArticleIndex {
  readonly entities: EntityIndex;
  readonly quotes: QuoteIndex;
  /** Adds or replaces an article; returns the other URIs whose corpus findings may have changed. */
  update(snapshot: ArticleSnapshot, local: LocalAnalysis): Set<string>;
  /** Forgets an article; returns the other URIs whose corpus findings may have changed. */
  remove(uri: string): Set<string>;
  get(uri: string): IndexedArticle | undefined;
  uris(): string[];
  readonly size: number;
  sharedPassages(uri: string, options: AnalysisOptions): SharedPassage[];
  /** `shared`, when given, are the article's shared passages just computed, so they are not found twice. */
  related(uri: string, options: AnalysisOptions, shared?: readonly SharedPassage[]): RelatedArticle[];
  /** Readies what ranking needs of the article (its boilerplate), so its first related list is quick. */
  prepareRelated(uri: string, options: AnalysisOptions): void;
}

export class CorpusIndex implements ArticleIndex {
  readonly entities = new EntityIndex();
  readonly quotes = new QuoteIndex();
  /** Pages carrying a common passage are told apart by what their texts say beyond what they share. */
  private readonly passages: PassageIndex = new PassageIndex((a, b, spansA, spansB) =>
    this.relatedIndex.restSimilarity(a, b, spansA, spansB),
  );
  private readonly relatedIndex: RelatedIndex = new RelatedIndex((uri, options) =>
    this.passages.boilerplateSpans(uri, options),
  );
  private readonly articles = new Map<string, IndexedArticle>();

  get size(): number {
    return this.articles.size;
  }

  update(snapshot: ArticleSnapshot, local: LocalAnalysis): Set<string> {
    const { uri, text } = snapshot;
    this.articles.set(uri, { snapshot, local });
    this.entities.add(uri, local.entities);
    this.quotes.add(uri, text, local.quotes);
    this.relatedIndex.add(uri, text, local.entities);
    const affected = this.passages.add(uri, text);
    affected.delete(uri);
    return affected;
  }

  remove(uri: string): Set<string> {
    if (!this.articles.delete(uri)) return new Set();
    this.entities.remove(uri);
    this.quotes.remove(uri);
    this.relatedIndex.remove(uri);
    const affected = this.passages.remove(uri);
    affected.delete(uri);
    return affected;
  }

  get(uri: string): IndexedArticle | undefined {
    return this.articles.get(uri);
  }

  uris(): string[] {
    return [...this.articles.keys()];
  }

  sharedPassages(uri: string, options: AnalysisOptions): SharedPassage[] {
    return this.articles.has(uri) ? this.passages.shared(uri, options) : [];
  }

  related(uri: string, options: AnalysisOptions, shared?: readonly SharedPassage[]): RelatedArticle[] {
    if (!this.articles.has(uri)) return [];
    return this.relatedIndex.rank(uri, shared ?? this.sharedPassages(uri, options), options);
  }

  prepareRelated(uri: string, options: AnalysisOptions): void {
    if (this.articles.has(uri)) this.relatedIndex.prepare(uri, options);
  }
}
