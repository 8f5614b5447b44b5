// Everything client and server agree on: custom methods, command ids, the settings shape and the status
// notification. Imported by both sides; it may import only vscode-languageserver-protocol.
import {
  NotificationType,
  RequestType,
  type Diagnostic,
  type Location,
  type Range,
  type TextDocumentIdentifier,
} from 'vscode-languageserver-protocol';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** How the statistical entity tagger joins the rule engine (`articleLens.entities.tagger`). */
export type EntityTaggerSetting = 'off' | 'candidates' | 'primary';
export const ENTITY_TAGGER_SETTINGS: readonly EntityTaggerSetting[] = ['off', 'candidates', 'primary'];

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
    /** Pages of several stories are ranked story by story (a page relates as its best story does). */
    byStory: boolean;
  };
  diagnostics: {
    maxNumberOfProblems: number;
  };
  curation: {
    /** Sidecar of corrections, relative to each workspace folder. */
    annotationsPath: string;
    /** Author recorded with each correction; empty: git's `user.name`, else the OS user. */
    author: string;
  };
  entities: {
    tagger: EntityTaggerSetting;
    /** The workspace's retrained tagger weights, relative to each workspace folder; used when present. */
    modelPath: string;
  };
  index: {
    /** Worker threads that index the workspace: 0 one per core, 1 none. */
    jobs: number;
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
  related: { threshold: 0.2, limit: 20, byStory: true },
  diagnostics: { maxNumberOfProblems: 1000 },
  curation: { annotationsPath: '.article-lens/annotations.json', author: '' },
  entities: { tagger: 'candidates', modelPath: '.article-lens/entity-model.json' },
  index: { jobs: 0 },
};

/**
 * The theme colour of each entity type (package.json `contributes.colors`) and a plain name of its default,
 * for the Entities view's icons and the hover's legend line; value types (dates, amounts) share one.
 */
export const ENTITY_COLORS: Readonly<Record<string, { id: string; name: string }>> = {
  PERSON: { id: 'articleLens.entity.person', name: 'blue' },
  ORG: { id: 'articleLens.entity.organization', name: 'teal' },
  GPE: { id: 'articleLens.entity.place', name: 'yellow' },
  LOC: { id: 'articleLens.entity.location', name: 'light blue' },
  NORP: { id: 'articleLens.entity.group', name: 'purple' },
  FAC: { id: 'articleLens.entity.facility', name: 'orange' },
  EVENT: { id: 'articleLens.entity.event', name: 'gold' },
};
export const VALUE_COLOR = { id: 'articleLens.entity.value', name: 'green' } as const;

export function entityColor(type: string): { id: string; name: string } {
  return ENTITY_COLORS[type] ?? VALUE_COLOR;
}

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
  /** On the sidecar: a correction whose anchor is lost, or an entry that cannot be read. */
  correctionLost: 'curation.lost',
  correctionInvalid: 'curation.invalid',
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
  /** Asks what a correction still needs (type, name, scope), then runs ServerCommands.correct. */
  correct: 'articleLens.correct',
  exportAnnotations: 'articleLens.exportAnnotations',
  /** Retrains the entity tagger from the folder's corrections and writes the workspace model. */
  retrainEntityModel: 'articleLens.retrainEntityModel',
  /** Fills Problems for every article of the workspace, not only open ones. */
  checkCorpus: 'articleLens.checkCorpus',
  /** Opens two articles side by side in the diff editor. */
  compareArticles: 'articleLens.compareArticles',
  /** Picks a related article of the active one and compares the two. */
  compareWithRelated: 'articleLens.compareWithRelated',
  /** Asks for a text that narrows the Entities view. */
  filterEntities: 'articleLens.filterEntities',
  clearEntityFilter: 'articleLens.clearEntityFilter',
  refreshViews: 'articleLens.refreshViews',
  /** Opens every mention of a canonical entity (from the Entities view). */
  showEntityMentions: 'articleLens.showEntityMentions',
  /** Corrections from the Entities view, through `correct`. */
  markNotEntity: 'articleLens.markNotEntity',
  changeEntityType: 'articleLens.changeEntityType',
  /** Undoes / redoes the last correction made in this window (Ctrl+Z / Ctrl+Shift+Z right after one). */
  undoCorrection: 'articleLens.undoCorrection',
  redoCorrection: 'articleLens.redoCorrection',
  /** From the Lost Corrections view: the sidecar at the correction, and its removal. */
  openLostCorrection: 'articleLens.openLostCorrection',
  removeLostCorrection: 'articleLens.removeLostCorrection',
  /** Asks for the team corpus URL and password (kept in SecretStorage) and restarts the server on it. */
  connectTeamCorpus: 'articleLens.connectTeamCorpus',
} as const;

/**
 * Server commands for `workspace/executeCommand`, so editors other than VS Code get navigation too.
 * They take a `TextDocumentPositionParams`-like argument and return `Location[]`.
 */
export const ServerCommands = {
  relatedArticles: 'articleLens.server.relatedArticles',
  entityMentions: 'articleLens.server.entityMentions',
  removeAllRepeats: 'articleLens.server.removeAllRepeats',
  /** Takes a complete CorrectionDraft; asks the client to apply the sidecar edit (workspace/applyEdit). */
  correct: 'articleLens.server.correct',
  /** Takes `{ sidecarUri, id }`; applies the sidecar edit that removes that correction (Undo, lost view). */
  removeCorrection: 'articleLens.server.removeCorrection',
  /** Takes `{ sidecarUri, correction }` (as removeCorrection returned it); applies the edit adding it back. */
  restoreCorrection: 'articleLens.server.restoreCorrection',
} as const;

/** What the correct / removeCorrection / restoreCorrection commands answer. */
export interface CorrectionEditResult {
  applied: boolean;
  /** The sidecar edited, for the client to save. */
  sidecarUri?: string;
  /** Id of the correction added or removed. */
  id?: string;
  /** The correction removed, as stored (for restoreCorrection). */
  correction?: unknown;
  message?: string;
}

/** One correction whose anchor is lost, for the Lost Corrections view. */
export interface LostCorrectionItem {
  sidecarUri: string;
  /** 0-based line of its entry in the sidecar. */
  line: number;
  id: string;
  kind: string;
  scope: CorrectionScopeName;
  /** The article's path as the sidecar names it, and its URI. */
  file: string;
  articleUri: string;
  /** The anchored text. */
  text: string;
  reason: string;
}

/** Client → server: every correction whose anchor is lost, in every sidecar (sorted by file, then line). */
export namespace LostCorrectionsRequest {
  export const method = 'articleLens/lostCorrections' as const;
  export const type = new RequestType<Record<string, never>, { items: LostCorrectionItem[] }, void>(method);
}

export type CorrectionScopeName = 'mention' | 'article' | 'corpus';

/**
 * A correction as a code action proposes it and the client completes it: the sidecar's fields without id,
 * author and time (the server adds those). See server/src/analysis/curation/types.ts for each kind.
 */
export interface CorrectionDraft {
  /** The article the correction was made in. */
  uri: string;
  kind: string;
  scope: CorrectionScopeName;
  /** The target: its text and context (`undefined` for "not related", anchored at the headline). */
  anchor?: { text: string; before: string; after: string; offset: number };
  when?: { after?: string; before?: string };
  type?: string;
  canonical?: string;
  from?: string;
  speaker?: string;
  /** URI of the other article (not related). */
  other?: string;
}

/** What the client asks the user before running ServerCommands.correct with the completed draft. */
export interface CorrectionPrompt {
  /** The draft field to fill, if any. */
  ask?: 'type' | 'canonical' | 'speaker';
  /** Choices for that field, best first; the user may also type a value unless they are entity types. */
  items?: string[];
  /** Scopes to offer, with their labels; the draft's own scope when absent. */
  scopes?: { scope: CorrectionScopeName; label: string; when?: { after?: string } }[];
  placeholder?: string;
}

export type ExportFormat = 'jsonl' | 'brat' | 'conll' | 'doccano';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'brat', 'conll', 'doccano'];

export interface ExportAnnotationsParams {
  format: ExportFormat;
  /** Workspace folder to export; the first when absent. */
  folderUri?: string;
}

export interface ExportAnnotationsResult {
  /** Files to write, paths relative to the chosen output folder. */
  files: { path: string; text: string }[];
}

export interface RetrainEntityModelParams {
  /** Workspace folder whose corrections are learnt; the first when absent. */
  folderUri?: string;
}

export interface RetrainEntityModelResult {
  /** The folder, and where its model goes inside it (`articleLens.entities.modelPath`). */
  folderUri: string;
  path: string;
  /** The model file's text; absent when no correction changes a label (nothing to learn). */
  model?: string;
  /** Corrections that taught the tagger (Not an entity, Change type, Mark as entity). */
  corrections: number;
  /** Articles and sentences the examples came from. */
  articles: number;
  sentences: number;
  /** Corrected spans in no sentence run the tagger reads (words without a capital letter). */
  unread: number;
  /** Training time on the server, in milliseconds. */
  ms: number;
  /** Why there is no model. */
  message?: string;
}

/**
 * Client → server: the tagger retrained from the shipped weights on the folder's corrections. The client
 * writes the returned model to the folder (the server never writes files); the server then uses it.
 */
export namespace RetrainEntityModelRequest {
  export const method = 'articleLens/retrainEntityModel' as const;
  export const type = new RequestType<RetrainEntityModelParams, RetrainEntityModelResult, void>(method);
}

/** Client → server: the corrected analysis of a workspace folder in an annotation format (the client writes it). */
export namespace ExportAnnotationsRequest {
  export const method = 'articleLens/exportAnnotations' as const;
  export const type = new RequestType<ExportAnnotationsParams, ExportAnnotationsResult, void>(method);
}

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
  /** The entity tagger weights in use: "shipped", or the workspace model's path. */
  entityModel?: string;
  message?: string;
}

/** Server → client: indexing progress, readiness and errors, shown in the status bar. */
export namespace StatusNotification {
  export const method = 'articleLens/status' as const;
  export const type = new NotificationType<StatusParams>(method);
}

/**
 * The team corpus (initializationOptions.teamCorpus): `connected` (corrections are shared), `read-only`
 * (the database lets this user read but not correct), `offline` (unreachable: the local sidecar and index
 * are used). Sent on every change; nothing is sent without a team corpus.
 */
export type TeamCorpusState = 'connected' | 'read-only' | 'offline';

export interface TeamCorpusStatusParams {
  state: TeamCorpusState;
  /** The database, without its password. */
  database: string;
  /** Why it is offline. */
  message?: string;
}

export namespace TeamCorpusStatusNotification {
  export const method = 'articleLens/teamCorpus' as const;
  export const type = new NotificationType<TeamCorpusStatusParams>(method);
}

/** The arguments of ClientCommands.correct: a draft and what the client must still ask. */
export interface CorrectionRequestArgs {
  draft: CorrectionDraft;
  prompt: CorrectionPrompt;
}

export interface EntityListParams {
  /** Case-insensitive letters-in-order filter on names and aliases; empty lists everything. */
  filter?: string;
  /** Most entities returned (the most widespread first). */
  limit?: number;
}

export interface EntityListItem {
  canonical: string;
  /** OntoNotes type (`PERSON`, `GPE`, …). */
  type: string;
  /** The type spelled out for people: "Place (GPE)". */
  typeLabel: string;
  mentionCount: number;
  fileCount: number;
}

export interface EntityListResult {
  entities: EntityListItem[];
  /** Entities matching the filter, before the limit. */
  matched: number;
}

/** Client → server: the corpus's canonical entities, for the Entities view. */
export namespace EntityListRequest {
  export const method = 'articleLens/entities' as const;
  export const type = new RequestType<EntityListParams, EntityListResult, void>(method);
}

export interface EntityMentionItem {
  range: Range;
  /** The mention as written. */
  text: string;
  /** The corrections the Entities view offers on it. */
  notEntity: CorrectionRequestArgs;
  changeType: CorrectionRequestArgs;
}

export interface EntityArticleItem {
  uri: string;
  /** Detected headline, else the file name; on a page listed story by story, the story's headline. */
  title: string;
  /**
   * Index of the story on a page of several stories listed story by story (`articleLens.related.byStory`):
   * such a page has one item per story that mentions the entity. Absent for a whole page.
   */
  story?: number;
  mentions: EntityMentionItem[];
}

/** Client → server: the articles mentioning one canonical entity, with every mention. */
export namespace EntityArticlesRequest {
  export const method = 'articleLens/entityArticles' as const;
  export const type = new RequestType<{ canonical: string }, { articles: EntityArticleItem[] }, void>(method);
}

export interface StoryClusterMember {
  uri: string;
  title: string;
  /** Related articles of this member inside the cluster. */
  links: number;
}

export interface StoryCluster {
  /** Headline of the best-connected member. */
  title: string;
  /** Best-connected first. */
  members: StoryClusterMember[];
}

export interface StoryClustersResult {
  clusters: StoryCluster[];
  /** Articles related to no other article. */
  unclustered: number;
}

/** Client → server: groups of articles about one event (connected related articles above the threshold). */
export namespace StoryClustersRequest {
  export const method = 'articleLens/storyClusters' as const;
  export const type = new RequestType<Record<string, never>, StoryClustersResult, void>(method);
}

/** Client → server: every article the server has indexed, so the client can check them in batches. */
export namespace CorpusFilesRequest {
  export const method = 'articleLens/corpusFiles' as const;
  export const type = new RequestType<Record<string, never>, { uris: string[] }, void>(method);
}

export interface CheckFilesResult {
  files: { uri: string; diagnostics: Diagnostic[] }[];
}

/** Client → server: the diagnostics of articles, open or not, as publishDiagnostics would carry them. */
export namespace CheckFilesRequest {
  export const method = 'articleLens/checkFiles' as const;
  export const type = new RequestType<{ uris: string[] }, CheckFilesResult, void>(method);
}

export type { Location };
