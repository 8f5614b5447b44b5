// Everything client and server agree on: custom methods, command ids, the settings shape and the status
// notification. Imported by both sides; it may import only vscode-languageserver-protocol.
import {
  NotificationType,
  RequestType,
  type Location,
  type Range,
  type TextDocumentIdentifier,
} from 'vscode-languageserver-protocol';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** User settings under `articleLens.*`, as the server uses them after sanitising. */
export interface ArticleLensSettings {
  /** Globs of plaintext files (besides `.article` files) that the server analyses. */
  include: string[];
  /** Files larger than this are not analysed. */
  maxFileSizeKB: number;
  severity: {
    entity: SeverityName;
    quote: SeverityName;
    quoteUnbalanced: SeverityName;
    repeat: SeverityName;
    shared: SeverityName;
    boilerplate: SeverityName;
  };
  duplicates: {
    minRepeatWords: number;
    minSharedWords: number;
    boilerplateMinFiles: number;
  };
  related: {
    threshold: number;
    limit: number;
  };
  diagnostics: {
    maxNumberOfProblems: number;
  };
}

export const defaultSettings: ArticleLensSettings = {
  include: ['**/*.txt'],
  maxFileSizeKB: 512,
  severity: {
    entity: 'hint',
    quote: 'hint',
    quoteUnbalanced: 'warning',
    repeat: 'warning',
    shared: 'information',
    boilerplate: 'hint',
  },
  duplicates: { minRepeatWords: 8, minSharedWords: 12, boilerplateMinFiles: 4 },
  related: { threshold: 0.2, limit: 20 },
  diagnostics: { maxNumberOfProblems: 1000 },
};

/** Diagnostic source and codes. */
export const DIAGNOSTIC_SOURCE = 'Article Lens';
export const DiagnosticCodes = {
  entityPrefix: 'entity.',
  quote: 'quote',
  quoteScare: 'quote.scare',
  quoteUnbalanced: 'quote.unbalanced',
  repeat: 'duplicate.repeat',
  shared: 'duplicate.shared',
  boilerplate: 'duplicate.boilerplate',
  /** The note saying how many findings the maxNumberOfProblems cap left out. */
  truncated: 'diagnostics.truncated',
} as const;

/** Semantic token types, one per entity type; the order is the legend's. */
export const SEMANTIC_TOKEN_TYPES = [
  'articlePerson',
  'articleOrganization',
  'articlePlace',
  'articleLocation',
  'articleGroup',
  'articleFacility',
  'articleEvent',
  'articleValue',
  'articleQuote',
] as const;

/** Client commands (command palette, category "Article Lens"). */
export const ClientCommands = {
  nextRelatedArticle: 'articleLens.nextRelatedArticle',
  previousRelatedArticle: 'articleLens.previousRelatedArticle',
  showRelatedArticles: 'articleLens.showRelatedArticles',
  goToEntityMentions: 'articleLens.goToEntityMentions',
  findEntityInCorpus: 'articleLens.findEntityInCorpus',
  showLog: 'articleLens.showLog',
  restartServer: 'articleLens.restartServer',
} as const;

/**
 * Server commands for `workspace/executeCommand`, so editors other than VS Code get navigation too.
 * They take a `TextDocumentPositionParams`-like argument and return `Location[]`.
 */
export const ServerCommands = {
  relatedArticles: 'articleLens.server.relatedArticles',
  entityMentions: 'articleLens.server.entityMentions',
  removeAllRepeats: 'articleLens.server.removeAllRepeats',
} as const;

export interface RelatedArticleItem {
  uri: string;
  /** First line of the article. */
  title: string;
  /** 0..1 */
  score: number;
  /** Human-readable reasons ("shares 3 passages", "Sanae Takaichi, Nara"). */
  reasons: string[];
  /** Where to reveal in the target: its first passage shared with the source, else its start. */
  range: Range;
}

export interface RelatedArticlesParams {
  textDocument: TextDocumentIdentifier;
  limit?: number;
}

export interface RelatedArticlesResult {
  items: RelatedArticleItem[];
  /** Number of passages of the source shared with other articles. */
  sharedPassages: number;
}

/** Client → server: ranked related articles of a document. */
export namespace RelatedArticlesRequest {
  export const method = 'articleLens/relatedArticles' as const;
  export const type = new RequestType<RelatedArticlesParams, RelatedArticlesResult, void>(method);
}

export type ServerState = 'starting' | 'indexing' | 'ready' | 'error';

export interface StatusParams {
  state: ServerState;
  /** Articles indexed so far. */
  indexed: number;
  /** Articles found in the workspace. */
  total: number;
  /** Duration of the last single-article analysis, in milliseconds. */
  lastAnalysisMs?: number;
  message?: string;
}

/** Server → client: indexing progress, readiness and errors, shown in the status bar. */
export namespace StatusNotification {
  export const method = 'articleLens/status' as const;
  export const type = new NotificationType<StatusParams>(method);
}

export type { Location };
