// The corpus index: every article's local analysis, with the sub-indexes that answer corpus questions
// (entity postings, shared passages, same quotes, related articles). Pure TypeScript, kept in memory.
import type { CurationStage } from '../curation/stage';
import { EntityIndex } from '../entities/entityIndex';
import { PassageIndex } from '../duplicates/passageIndex';
import { QuoteIndex } from '../quotes/quoteIndex';
import { RelatedIndex } from '../related/related';
import {
  headlineOf,
  structureOf,
  unpackStorySpans,
  type Headline,
  type PageOutline,
} from '../structure/pageStructure';
import type { CorpusIndexState } from './snapshot/indexState';
import { MentionLists, packedRecord } from '../entities/packedMentions';
import { StringPool } from './stringPool';
import type {
  AnalysisOptions,
  ArticleSnapshot,
  EntityMention,
  LocalAnalysis,
  RelatedArticle,
  SharedPassage,
  Span,
} from '../types';

export type { Headline } from '../structure/pageStructure';

export interface IndexedArticle {
  snapshot: ArticleSnapshot;
  /** The findings as recorded: the model's, with the curation stage's corrections applied. */
  local: LocalAnalysis;
  /** The model's findings before corrections, so they can be re-applied when the corrections change. */
  raw: LocalAnalysis;
  /**
   * The page's headline, kept from the page structure recording computes anyway, so that lists naming
   * articles from all over the corpus (hovers, related lists) never analyse a page's structure to title it.
   */
  headline?: Headline;
}

/** The small interface the server, the CLI and the tests use. */
export interface ArticleIndex {
  readonly entities: EntityIndex;
  readonly quotes: QuoteIndex;
  /**
   * Adds or replaces an article; returns the other URIs whose corpus findings may have changed, unless
   * `findAffected` is false (a corpus indexing, which has no use for them): then none. `outline` is the
   * page's story spans and headline when already found (by an indexing worker), so they are not found again.
   */
  update(
    snapshot: ArticleSnapshot,
    local: LocalAnalysis,
    findAffected?: boolean,
    outline?: PageOutline,
  ): Set<string>;
  /**
   * Records an article's findings for the entity hints only (its passages, quotes and words are left out
   * until `update`): the first pass of a corpus indexing, after which every file is updated again.
   */
  admit(snapshot: ArticleSnapshot, local: LocalAnalysis): void;
  /** Called once every admitted article has been updated: settles what was computed on a partial corpus. */
  indexed(): void;
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
  /** Sets the stage that applies curators' corrections to everything the index records and answers. */
  setCuration(stage: CurationStage | undefined): void;
  /** Re-applies the corrections to articles already indexed (their text is unchanged, so passages stay). */
  recurate(uris: Iterable<string>): void;
}

export class CorpusIndex implements ArticleIndex {
  readonly entities = new EntityIndex();
  readonly quotes = new QuoteIndex((uri) => this.articles.get(uri)?.snapshot.text);
  /** Pages carrying a common passage are told apart by what their texts say beyond what they share. */
  private readonly passages: PassageIndex = new PassageIndex(
    (a, b, spansA, spansB) => this.relatedIndex.restSimilarity(a, b, spansA, spansB),
    (uri) => this.articles.get(uri)?.snapshot.text,
  );
  private readonly relatedIndex: RelatedIndex = new RelatedIndex((uri, options) =>
    this.passages.boilerplateSpans(uri, options),
  );
  private articles = new Map<string, IndexedArticle>();
  /** Mention and speaker texts recur across thousands of files: one copy each. */
  private readonly strings = new StringPool();
  /** Recorded mention lists are packed (see packedMentions.ts); a list already packed once is reused. */
  private readonly mentionLists = new MentionLists();
  private readonly packedLists = new WeakMap<readonly EntityMention[], EntityMention[]>();
  private curation: CurationStage | undefined;

  get size(): number {
    return this.articles.size;
  }

  /** The whole index as plain data, for a later session to restore (see snapshot/indexState.ts). */
  exportState(): CorpusIndexState {
    return {
      articles: this.articles,
      entities: this.entities.exportState(),
      quotes: this.quotes.exportState(),
      passages: this.passages.exportState(),
      related: this.relatedIndex.exportState(),
    };
  }

  /**
   * Takes over an exported state in place of what the index held: it answers as the one exported did, with
   * no file analysed or tokenised again. The recorded findings are taken as they are, so the curation
   * stage must apply the corrections the exported one did (none, as the server uses it). Throws on a state
   * whose parts do not fit together; the index is then to be reset with an empty state.
   */
  restoreState(state: CorpusIndexState): void {
    const textOf = (uri: string): string => {
      const article = state.articles.get(uri);
      if (!article) throw new Error(`the snapshot indexes ${uri} without its article`);
      return article.snapshot.text;
    };
    this.entities.restoreState(state.entities);
    this.quotes.restoreState(state.quotes, textOf);
    this.passages.restoreState(state.passages, textOf);
    this.relatedIndex.restoreState(state.related, textOf);
    this.articles = state.articles;
  }

  /** An index with nothing in it, as plain data: what `restoreState` takes to empty an index. */
  static emptyState(): CorpusIndexState {
    return new CorpusIndex().exportState();
  }

  update(
    snapshot: ArticleSnapshot,
    local: LocalAnalysis,
    findAffected = true,
    outline?: PageOutline,
  ): Set<string> {
    const { uri, text } = snapshot;
    this.record(snapshot, local, outline);
    const affected = this.passages.add(uri, text, findAffected);
    affected.delete(uri);
    return affected;
  }

  admit(snapshot: ArticleSnapshot, raw: LocalAnalysis): void {
    const { uri, text } = snapshot;
    // An older version's passages, quotes and words would answer for a text no longer recorded.
    if (this.articles.has(uri)) {
      this.quotes.remove(uri);
      this.passages.remove(uri);
    }
    const local = this.pooled(raw, uri, text);
    this.articles.set(uri, { snapshot, local, raw });
    this.entities.add(uri, local.entities);
    this.relatedIndex.addEntities(uri, text, local.entities);
  }

  indexed(): void {
    this.relatedIndex.refreshNorms();
  }

  private record(snapshot: ArticleSnapshot, raw: LocalAnalysis, outline?: PageOutline): void {
    const { uri, text } = snapshot;
    const local = this.pooled(raw, uri, text);
    // Indexing workers send the outline they found (the text alone decides it) unless the (corrected)
    // findings carry a structure of their own.
    let spans: Span[];
    let headline: Headline;
    if (outline && !local.structure) {
      spans = unpackStorySpans(outline.spans);
      headline = outline.headline;
    } else {
      const { stories } = structureOf(local, text);
      spans = stories.map((s) => s.span);
      headline = headlineOf(stories);
    }
    this.articles.set(uri, { snapshot, local, raw, headline });
    this.entities.add(uri, local.entities);
    this.quotes.add(uri, text, local.quotes);
    // Related ranking compares the page's stories one by one when there are several.
    this.relatedIndex.add(uri, text, local.entities, spans);
  }

  /** The recorded findings (corrected when there are corrections), with their texts pooled. */
  private pooled(raw: LocalAnalysis, uri: string, text: string): LocalAnalysis {
    this.pack(raw);
    const local = this.curation ? this.curation.local(uri, text, raw) : raw;
    if (local !== raw) this.pack(local);
    return local;
  }

  /**
   * Pools the findings' texts and packs their mention list, in place. The same list handed in again (a
   * corpus indexing's second pass) gets the same packed list, so the indexes see it unchanged.
   */
  private pack(local: LocalAnalysis): void {
    this.strings.internFindings(local);
    if (packedRecord(local.entities)) return;
    let packed = this.packedLists.get(local.entities);
    if (!packed) {
      packed = this.mentionLists.pack(local.entities);
      this.packedLists.set(local.entities, packed);
    }
    local.entities = packed;
  }

  setCuration(stage: CurationStage | undefined): void {
    this.curation = stage;
  }

  recurate(uris: Iterable<string>): void {
    for (const uri of uris) {
      const article = this.articles.get(uri);
      if (article) this.record(article.snapshot, article.raw);
    }
  }

  remove(uri: string): Set<string> {
    if (!this.articles.delete(uri)) return new Set();
    this.curation?.forget(uri);
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
    const article = this.articles.get(uri);
    if (!article) return [];
    const shared = this.passages.shared(uri, options);
    return this.curation ? this.curation.shared(uri, article.snapshot.text, shared) : shared;
  }

  related(uri: string, options: AnalysisOptions, shared?: readonly SharedPassage[]): RelatedArticle[] {
    if (!this.articles.has(uri)) return [];
    const ranked = this.relatedIndex.rank(uri, shared ?? this.sharedPassages(uri, options), options);
    return this.curation ? this.curation.related(uri, ranked) : ranked;
  }

  prepareRelated(uri: string, options: AnalysisOptions): void {
    if (this.articles.has(uri)) this.relatedIndex.prepare(uri, options);
  }
}
