// Plain-data types of the analysis layer. No LSP or vscode imports: the server, the CLI and the tests
// all consume these. Every offset is a UTF-16 code-unit index into the snapshot text, end exclusive.
import type { PageStructure } from './structure/types';

/** A range of a text: UTF-16 offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** An immutable view of one article; analysis never sees a live document. */
export interface ArticleSnapshot {
  uri: string;
  version: number;
  text: string;
}

/** Structurally an LSP CancellationToken, so handlers can pass theirs. */
export interface Token {
  readonly isCancellationRequested: boolean;
}

export const neverCancelled: Token = { isCancellationRequested: false };

/** Entity types reported by Article Lens (OntoNotes names, plus wink's numeric types). */
export const NAMED_ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT'] as const;
export const VALUE_ENTITY_TYPES = ['DATE', 'TIME', 'MONEY', 'PERCENT', 'CARDINAL'] as const;
export type NamedEntityType = (typeof NAMED_ENTITY_TYPES)[number];
export type EntityType = NamedEntityType | (typeof VALUE_ENTITY_TYPES)[number];

/** How a mention was found: shown in hovers, useful when tuning. */
export type EntitySource = 'pattern' | 'gazetteer' | 'wink' | 'alias' | 'corpus' | 'curation' | 'tagger';

export interface EntityMention {
  span: Span;
  type: EntityType;
  /** The text as written (equals `text.slice(span.start, span.end)`). */
  text: string;
  /** Canonical name shared by every variant of the entity ("Lee Jae Myung" for "Lee" and "Lee Jae-myung"). */
  canonical: string;
  source: EntitySource;
  /** A curator's correction changed or added it (see analysis/curation). */
  corrected?: boolean;
}

/**
 * What other articles of the corpus already say about names, so that a lone "Takaichi" in one file resolves
 * to the PERSON "Sanae Takaichi" seen elsewhere. Built by the entity index.
 */
export interface EntityHints {
  /** Canonical full name → type, for names confirmed in the corpus. */
  known: ReadonlyMap<string, NamedEntityType>;
}

export const noEntityHints: EntityHints = { known: new Map() };

export interface Speaker {
  /** Canonical name of the speaker. */
  name: string;
  /** Where the speaker is named in this article (the name, or the pronoun that was resolved). */
  span?: Span;
  /** The attribution phrase as written ("said Takaichi", "according to the ministry"). */
  attribution?: string;
  /** How a pronoun or a role led to the name, the name last: ["he", "the coach", "Jane Example"]. */
  chain?: string[];
}

export interface Quote {
  /** The quotation including its marks (as far as they exist). */
  span: Span;
  /** The quoted words without the marks. */
  contentSpan: Span;
  /** Both marks are present and paired. */
  balanced: boolean;
  /** `speech` is a direct quotation; `scare` is a one- or two-word scare quote or title. */
  kind: 'speech' | 'scare';
  speaker: Speaker | null;
  /** A curator's correction changed or added it. */
  corrected?: boolean;
}

/** A quote mark without its partner within its paragraph. */
export interface UnbalancedMark {
  /** The lone mark. */
  span: Span;
  /** Which partner is missing. */
  missing: 'open' | 'close';
  /** Offset where the missing mark most likely belongs. */
  insertAt: number;
  /** The mark to insert there. */
  insertText: string;
}

/** A passage repeated inside one file: `span` is a later copy of `first`. */
export interface Repeat {
  span: Span;
  first: Span;
}

/**
 * A passage of this article that also appears (maybe with small edits) in another article. A passage is
 * listed once per copy in at most a few other files: every copy when few files carry it, the closest
 * copies when many do (then `fileCount - 1` exceeds the copies listed); boilerplate once in all.
 */
export interface SharedPassage {
  span: Span;
  otherUri: string;
  otherSpan: Span;
  /** Word-level similarity of the two stretches, 0..1. */
  similarity: number;
  /**
   * Site boilerplate (a footer, bio or "also read" list on pages about different stories), not copied
   * reporting: at least `boilerplateMinFiles` files carry it, and they do not tell one story.
   */
  boilerplate: boolean;
  /** Number of corpus files that carry the passage (this one included). */
  fileCount: number;
  /** A curator said it is not boilerplate. */
  corrected?: boolean;
}

export type RelatedReason =
  | { kind: 'entities'; names: string[]; weight: number }
  | { kind: 'passages'; count: number; weight: number }
  | { kind: 'text'; similarity: number; weight: number };

export interface RelatedArticle {
  uri: string;
  /** 0..1 */
  score: number;
  reasons: RelatedReason[];
}

/** Settings the analysis itself needs (a subset of the user settings, already sanitised). */
export interface AnalysisOptions {
  /** Minimum words of a passage repeated in one file. */
  minRepeatWords: number;
  /** Minimum words of a passage shared with another file. */
  minSharedWords: number;
  /**
   * Fewest files (a count, or below 1 a share of the corpus; at least 3) carrying a passage before it can
   * be boilerplate; it is when those files are pages about different stories.
   */
  boilerplateMinFiles: number;
  /** Minimum score of a related article. */
  relatedThreshold: number;
  /** Maximum number of related articles listed. */
  relatedLimit: number;
  /** How the statistical entity tagger joins the rules; absent means 'off' (rules alone). */
  entityTagger?: EntityTaggerMode;
  /**
   * Id of the tagger's weights (see entities/tagger/loadedModels) when not the shipped ones, such as a
   * workspace's model retrained from corrections; only set while the tagger is on.
   */
  entityModel?: string;
  /**
   * Related ranking compares pages of several stories whole; absent means story by story (a page relates
   * to another article when one of its stories does, with that story's words and names alone).
   */
  relatedWholePages?: boolean;
}

/**
 * The statistical entity tagger beside the rules: 'off' (rules alone), 'candidates' (tagger names the
 * rules missed are added) or 'primary' (tagger spans win where both found a name).
 */
export const ENTITY_TAGGER_MODES = ['off', 'candidates', 'primary'] as const;
export type EntityTaggerMode = (typeof ENTITY_TAGGER_MODES)[number];

export const defaultAnalysisOptions: AnalysisOptions = {
  minRepeatWords: 8,
  minSharedWords: 12,
  boilerplateMinFiles: 4,
  relatedThreshold: 0.2,
  relatedLimit: 20,
};

/** What one file yields on its own, before the corpus is consulted. */
export interface LocalAnalysis {
  entities: EntityMention[];
  quotes: Quote[];
  unbalanced: UnbalancedMark[];
  repeats: Repeat[];
  /** Stages skipped or cut short, and why (size limits, cancellation). */
  limits: string[];
  /** The page's stories and furniture; absent where a caller built the analysis without it. */
  structure?: PageStructure;
}

/** The full analysis of one article: its own findings plus what the corpus says about it. */
export interface ArticleAnalysis extends LocalAnalysis {
  uri: string;
  version: number;
  shared: SharedPassage[];
  related: RelatedArticle[];
}
