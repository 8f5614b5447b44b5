// Language server entry point: the connection (--stdio, or node-ipc when the client launches it) with its
// lifecycle rules and input watch, open documents, capabilities and handler registration. Wiring only:
// behaviour lives in features/, util/, the scheduler, the configuration store and the LSP corpus.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LogMessageNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type ExecuteCommandParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Token } from './analysis/types';
import { SettingsStore, toAnalysisOptions } from './config';
import { createCurationServer } from './curationServer';
import { createEntityModelServer } from './entityModelServer';
import { DocumentAnalysis } from './documentAnalysis';
import { provideCodeActions, REMOVE_ALL_REPEATS_KIND } from './features/codeActions';
import { provideCodeLenses } from './features/codeLens';
import type { FeatureContext } from './features/context';
import { provideDocumentSymbols } from './features/documentSymbols';
import { provideFoldingRanges } from './features/foldingRanges';
import { provideHover } from './features/hover';
import { provideReferences } from './features/references';
import { executeServerCommand, provideRelatedArticles, SERVER_COMMANDS } from './features/related';
import { provideSemanticTokens, semanticTokensLegend } from './features/semanticTokens';
import { provideWorkspaceSymbols } from './features/workspaceSymbols';
import {
  RelatedArticlesRequest,
  StatusNotification,
  type RelatedArticlesParams,
  type RelatedArticlesResult,
  type StatusParams,
} from './protocol';
import { Scheduler } from './scheduler';
import { createTeamCorpusServer } from './teamCorpusServer';
import { ConfigurationTimeout } from './util/configurationTimeout';
import { exitWithReason } from './util/exit';
import { createHandlerGuard } from './util/handler';
import { Lifecycle } from './util/lifecycle';
import { createLogger, isLogLevel, type LogLevel } from './util/logger';
import { normalizingConnection } from './util/normalizedDocuments';
import { createTransport, watchInput } from './util/transport';
import { normalizeUri, uriToPath } from './util/uri';
import { registerViewRequests } from './viewRequests';
import {
  defaultWarmUpLimits,
  pickRehearsalArticles,
  warmUpAnalysis,
  type WarmUpHost,
  type WarmUpLimits,
} from './workspace/analysisWarmUp';
import { WorkspaceEntityModels } from './workspace/entityModels';
import { ARTICLE_EXTENSION, LspCorpus } from './workspace/lspCorpus';

const transport = createTransport(process.argv.slice(2));
const lifecycle = new Lifecycle(
  (response) => void transport.writer.write(response).catch(() => undefined),
  (message) => logger.log('warn', message),
);
const connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer, {
  messageStrategy: lifecycle.strategy,
});
const documents = new TextDocuments(TextDocument);

const envLevel = process.env.ARTICLE_LENS_LOG_LEVEL;
let logLevel: LogLevel = isLogLevel(envLevel) ? envLevel : 'info';
let logger = createLogger(connection.console, logLevel);

let caps: ClientCapabilities = {};
let settings = new SettingsStore(undefined, undefined, logger, (m) => warnOnce(m));
/** A client that never answers `workspace/configuration` must not leave documents without diagnostics. */
const CONFIGURATION_TIMEOUT_MS = 2000;
let configurationTimeout: ConfigurationTimeout | undefined;
const shutdownToken = { isCancellationRequested: false };

const models = new WorkspaceEntityModels({
  settings: (uri) => settings.get(uri),
  log: (message) => logger.log('info', message),
  warn: (message) => warnOnce(message),
});

/** How long edits must pause before background work after the start resumes. */
const BACKGROUND_QUIET_MS = 250;
const corpus = new LspCorpus({
  get logger() {
    return logger;
  },
  openDocument: (uri) => documents.get(uri),
  settings: (uri) => settings.get(uri),
  sendStatus: (status: StatusParams) =>
    void connection.sendNotification(StatusNotification.method, {
      ...status,
      entityModel: models.describe(),
    }),
  warn: (message) => warnOnce(message),
  entityModel: (uri) => models.idFor(uri),
  indexedElsewhere: (uri, text, options) => team.indexedElsewhere(uri, text, options),
  snapshotAllowed: () => !teamConfigured && curation.store.all.every((s) => s.corrections.length === 0),
  foregroundQuiet: () => scheduler.whenQuiet(BACKGROUND_QUIET_MS),
  rehearse: (budgetMs, token) => rehearseBeforeReady(budgetMs, token),
});
/** Whether the client configured a team database (the index then depends on what it holds). */
let teamConfigured = false;

const warned = new Set<string>();
/** A warning message the user sees once per session (the same problem is not repeated on every scan). */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  logger.log('warn', message);
  // A notification, not a request: a client that cannot show messages must not fail the server.
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

/** A request to the client that failed (a refresh, a registration) is logged; it must not end the server. */
const logFailure =
  (what: string) =>
  (e: unknown): void =>
    logger.log('warn', `${what} failed: ${e instanceof Error ? e.message : String(e)}`);

let refreshPending = false;
/** Asks the client to re-request code lenses and semantic tokens, once per burst of corpus updates. */
function refreshViews(): void {
  if (refreshPending) return;
  refreshPending = true;
  setImmediate(() => {
    refreshPending = false;
    if (caps.workspace?.codeLens?.refreshSupport)
      connection.sendRequest(CodeLensRefreshRequest.type).catch(logFailure('workspace/codeLens/refresh'));
    if (caps.workspace?.semanticTokens?.refreshSupport)
      connection.languages.semanticTokens.refresh().catch(logFailure('workspace/semanticTokens/refresh'));
  });
}

const analysis: DocumentAnalysis = new DocumentAnalysis({
  get logger() {
    return logger;
  },
  corpus,
  get settings() {
    return settings;
  },
  openDocument: (uri) => documents.get(uri),
  isArticleDocument: (doc) =>
    doc.languageId === 'article' || corpus.isArticle(doc.uri, settings.peek(doc.uri)),
  publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
  schedule: (uri, priority) => scheduler.schedule(uri, priority),
  refreshViews,
  beforeCorpusFindings: (uri, text, local) => team.beforeCorpusFindings(uri, text, local),
});
const scheduler = new Scheduler(analysis.run, {
  get level() {
    return logger.level;
  },
  log: (...args) => logger.log(...args),
});

const guard = createHandlerGuard(
  {
    get level() {
      return logger.level;
    },
    log: (...args) => logger.log(...args),
  },
  (message) => corpus.reportError(message),
);

const ctx: FeatureContext = {
  index: corpus.index,
  get corpus() {
    return team.questions;
  },
  get logger() {
    return logger;
  },
  textOf: (uri) => corpus.textOf(normalizeUri(uri)),
  analysisOf: (uri) => analysis.analysisOf(normalizeUri(uri)),
  settingsOf: (uri) => settings.peek(normalizeUri(uri)),
};

const team = createTeamCorpusServer({
  connection,
  corpus,
  local: { index: corpus.index, textOf: ctx.textOf, analysisOf: ctx.analysisOf },
  logger: () => logger,
  isOpen: (uri) => documents.get(uri) !== undefined,
  optionsOf: (uri) => toAnalysisOptions(settings.peek(uri)),
  reindex: () => indexAndAnalyse(),
  requeue: (affected) => analysis.requeue(affected),
  correctionSources: () => curation.store.all,
  correctionStage: () => curation.store.stage,
});

const curation = createCurationServer({
  connection,
  documents,
  corpus,
  analysis,
  ctx,
  guard,
  schedule: (uri) => scheduler.schedule(uri, 'high'),
  heldElsewhere: (uri) => team.holds(uri),
});

const entityModels = createEntityModelServer({
  connection,
  models,
  store: curation.store,
  ctx,
  guard,
  reindex: async () => {
    analysis.clear();
    await indexAndAnalyse();
  },
});

const workspaceFolders = (params: InitializeParams): string[] => {
  if (params.workspaceFolders && params.workspaceFolders.length > 0)
    return params.workspaceFolders.map((f) => f.uri);
  return params.rootUri ? [params.rootUri] : [];
};

/** Reconnection pauses of the team corpus from the environment ("first,max" in ms; tests shorten them). */
function teamRetry(env: string | undefined): { retryMs?: number; maxRetryMs?: number } {
  const [first, max] = (env ?? '').split(',').map(Number);
  return first > 0 ? { retryMs: first, maxRetryMs: max > 0 ? max : first } : {};
}

/** `workspace/configuration` with a deadline; `fallback` is what the client gave at start-up, if anything. */
function timedConfiguration(fallback: unknown): ConfigurationTimeout {
  const fetch = (scopeUri: string | undefined) =>
    connection.workspace.getConfiguration({ scopeUri, section: 'articleLens' });
  return new ConfigurationTimeout(fetch, {
    ms: CONFIGURATION_TIMEOUT_MS,
    fallback,
    onFirstTimeout: () => {
      const using = fallback === undefined ? 'the default settings' : 'the settings given at start-up';
      const message = `Article Lens: the editor did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS / 1000} s; using ${using} until it does.`;
      logger.log('warn', message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    },
    // The document's analysis used the fallback: run it again on the settings the client sent.
    onLateAnswer: (scopeUri) => {
      if (!scopeUri) return;
      settings.delete(scopeUri);
      if (documents.get(scopeUri)) scheduler.schedule(scopeUri, 'high');
    },
  });
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  caps = params.capabilities;
  const init = (params.initializationOptions ?? {}) as {
    settings?: unknown;
    logLevel?: unknown;
    storageUri?: unknown;
    teamCorpus?: { url?: unknown; password?: unknown };
  };
  if (isLogLevel(init.logLevel)) {
    logLevel = init.logLevel;
    logger = createLogger(connection.console, logLevel);
  }
  configurationTimeout = caps.workspace?.configuration ? timedConfiguration(init.settings) : undefined;
  settings = new SettingsStore(configurationTimeout?.fetch, init.settings, logger, (m) => warnOnce(m));
  corpus.setFolders(workspaceFolders(params));
  corpus.setCacheFolder(typeof init.storageUri === 'string' ? uriToPath(init.storageUri) : undefined);
  curation.setFolders(workspaceFolders(params));
  models.setFolders(workspaceFolders(params));
  team.setFolders(workspaceFolders(params));
  const teamCorpus = init.teamCorpus;
  teamConfigured = !!teamCorpus && typeof teamCorpus.url === 'string' && teamCorpus.url !== '';
  if (teamCorpus && typeof teamCorpus.url === 'string' && teamCorpus.url !== '')
    curation.useTeam(
      team.use({
        url: teamCorpus.url,
        ...(typeof teamCorpus.password === 'string' ? { password: teamCorpus.password } : {}),
        ...teamRetry(process.env.ARTICLE_LENS_TEAM_RETRY_MS),
      }),
    );
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      referencesProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, REMOVE_ALL_REPEATS_KIND] },
      codeLensProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: semanticTokensLegend, full: true },
      documentSymbolProvider: { label: 'Article Lens' },
      foldingRangeProvider: true,
      executeCommandProvider: { commands: SERVER_COMMANDS },
      workspace: {
        workspaceFolders: { supported: true, changeNotifications: true },
        // Corrections follow renamed articles: the sidecar edit is part of the rename.
        fileOperations: { willRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*' } }] } },
      },
    },
    serverInfo: { name: 'Article Lens' },
  };
});

connection.onInitialized(
  guard.notification('initialized', async () => {
    corpus.status('starting');
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'articleLens' })
        .catch(logFailure('registering didChangeConfiguration'));
    }
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      const { include, entities } = await settings.get('');
      const globs = [
        `**/*${ARTICLE_EXTENSION}`,
        ...include,
        ...curation.watchGlobs,
        `**/${entities.modelPath}`,
      ];
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: globs.map((globPattern) => ({ globPattern })),
        })
        .catch(logFailure('registering didChangeWatchedFiles'));
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guard.notification('didChangeWorkspaceFolders', async () => {
          const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
          analysis.requeue(corpus.setFolders(folders.map((f) => f.uri)));
          curation.setFolders(folders.map((f) => f.uri));
          models.setFolders(folders.map((f) => f.uri));
          team.setFolders(folders.map((f) => f.uri));
          await indexAndAnalyse();
        }),
      );
    }
    await indexAndAnalyse();
  }),
);

async function indexAndAnalyse(): Promise<void> {
  const progress = caps.window?.workDoneProgress
    ? await connection.window.createWorkDoneProgress()
    : undefined;
  try {
    await curation.load();
    await models.load();
    await team.start();
    await corpus.indexWorkspace(progress, shutdownToken);
    team.indexed();
    curation.indexed();
  } catch (e) {
    progress?.done();
    logger.log('error', `indexing failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    corpus.status('error', `indexing failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const doc of documents.all()) scheduler.schedule(doc.uri, 'high');
  // Lenses drawn while indexing counted a partial corpus.
  refreshViews();
  startWarmUp();
}

/** Whether the analysis has been rehearsed since the server started (the engine keeps what it compiled). */
let rehearsed = false;
let warmUp = { isCancellationRequested: false };

/** Rehearsal articles: a few indexed ones of the sizes people edit. */
function rehearsalArticles(): string[] {
  const articles = corpus.index
    .uris()
    .map((uri) => ({ uri, length: corpus.index.get(uri)?.snapshot.text.length ?? 0 }));
  return pickRehearsalArticles(articles, defaultWarmUpLimits.articles);
}

/** Runs the warm-up on indexed articles until `busy`, the token or the limits end it, and logs what it did. */
async function runWarmUp(
  label: string,
  when: Pick<WarmUpHost, 'busy' | 'settling'>,
  token: Token,
  limits: WarmUpLimits = defaultWarmUpLimits,
): Promise<void> {
  const host = {
    ...when,
    candidates: rehearsalArticles,
    rehearse: (uri: string, t: Token) => analysis.rehearse(uri, t),
  };
  const { runs, ms } = await warmUpAnalysis(host, token, limits).finally(() => analysis.endRehearsals());
  if (runs > 0) rehearsed = true;
  logger.log('info', `analysis warmed up${label}: ${runs} rehearsals in ${Math.round(ms)} ms`);
}

/**
 * The warm-up at the end of a full indexing, before it is reported done: within `budgetMs`, ended by any
 * analysis the editor asks for (open articles are analysed again right after).
 */
async function rehearseBeforeReady(budgetMs: number, token: Token): Promise<void> {
  // A later indexing (workspace folders changed) runs the same code, compiled already.
  if (rehearsed) return;
  const when = { busy: () => !scheduler.idle, settling: () => false };
  await runWarmUp(' before ready', when, token, { ...defaultWarmUpLimits, budgetMs });
}

/**
 * After a start from a snapshot (no indexing ran here), rehearses the open-document analysis until an
 * article is opened (or a new indexing run, or shutdown).
 */
function startWarmUp(): void {
  warmUp.isCancellationRequested = true;
  if (rehearsed) return;
  const mine = { isCancellationRequested: false };
  warmUp = mine;
  const token = {
    get isCancellationRequested() {
      return mine.isCancellationRequested || shutdownToken.isCancellationRequested;
    },
  };
  const when = {
    busy: () => !scheduler.idle || documents.all().length > 0,
    settling: () => corpus.isPreparing,
  };
  runWarmUp('', when, token).catch(logFailure('analysis warm-up'));
}

documents.onDidChangeContent(
  guard.notification('didChange', (e) => {
    if (!curation.onDocument(e.document.uri)) scheduler.schedule(e.document.uri, 'high');
  }),
);

documents.onDidClose(
  guard.notification('didClose', async (e) => {
    const uri = e.document.uri;
    scheduler.cancel(uri);
    analysis.close(uri);
    settings.delete(uri);
    // The buffer no longer wins: the index goes back to the file on disk (or forgets an unsaved one).
    analysis.requeue(await corpus.refreshFromDisk(uri));
    curation.onClose(uri);
  }),
);

connection.onDidChangeConfiguration(
  guard.notification('didChangeConfiguration', (params) => {
    const pushed = (params.settings as { articleLens?: unknown } | null | undefined)?.articleLens;
    configurationTimeout?.forget();
    settings.clear(pushed);
    analysis.clear();
    for (const doc of documents.all()) scheduler.schedule(doc.uri, 'high');
    void entityModels.onSettingsChanged();
  }),
);

connection.onDidChangeWatchedFiles(
  guard.notification('didChangeWatchedFiles', async (params) => {
    analysis.requeue(await corpus.applyFileEvents(params.changes));
    await curation.onFileEvents(params.changes);
    await entityModels.onFileEvents(params.changes);
  }),
);

connection.onHover(guard.request('hover', null, (params) => provideHover(ctx, params)));
connection.onReferences(
  guard.request('references', [], (params) =>
    provideReferences(ctx, params.textDocument.uri, params.position, params.context.includeDeclaration),
  ),
);
connection.onWorkspaceSymbol(
  guard.request('workspaceSymbol', [], (params) => provideWorkspaceSymbols(ctx, params.query)),
);
connection.onCodeAction(
  guard.request('codeAction', [], (params) => [
    ...provideCodeActions(ctx, params, documents.get(normalizeUri(params.textDocument.uri))?.version),
    ...curation.codeActions(params),
  ]),
);
connection.onCodeLens(
  guard.request('codeLens', [], (params) => provideCodeLenses(ctx, params.textDocument.uri)),
);
connection.onDocumentSymbol(
  guard.request('documentSymbol', [], (p) => provideDocumentSymbols(ctx, p.textDocument.uri)),
);
connection.onFoldingRanges(
  guard.request('foldingRange', [], (p) => provideFoldingRanges(ctx, p.textDocument.uri)),
);
connection.languages.semanticTokens.on(
  guard.request('semanticTokens', { data: [] }, (params) =>
    provideSemanticTokens(ctx.analysisOf(params.textDocument.uri), ctx.textOf(params.textDocument.uri)),
  ),
);
connection.onRequest(
  RelatedArticlesRequest.method,
  guard.request<[RelatedArticlesParams], RelatedArticlesResult>(
    'relatedArticles',
    { items: [], sharedPassages: 0 },
    (params) => provideRelatedArticles(ctx, params),
  ),
);
registerViewRequests(
  connection,
  ctx,
  guard,
  () => settings,
  (uri) => corpus.optionsFor(uri, settings.peek(uri)),
);
connection.onExecuteCommand(
  guard.request<[ExecuteCommandParams], unknown>(
    'executeCommand',
    null,
    (params) =>
      curation.execute(params.command, params.arguments ?? []) ??
      executeServerCommand(
        ctx,
        params.command,
        params.arguments ?? [],
        (edit) => connection.workspace.applyEdit(edit),
        (uri) => documents.get(normalizeUri(uri))?.version,
      ),
  ),
);

connection.onShutdown(async () => {
  shutdownToken.isCancellationRequested = true;
  scheduler.dispose();
  // A snapshot of the index being written is finished, so the next start can take it over.
  await corpus.snapshotWritten();
});

/** Ends the process with a reason on stderr and in the client's log: the client then restarts the server. */
const exitBecause = (code: number, reason?: string): void =>
  exitWithReason(code, reason, (message) =>
    connection.sendNotification(LogMessageNotification.type, { type: MessageType.Error, message }),
  );
watchInput(transport, {
  broken: (reason) => exitBecause(1, reason),
  ended: () =>
    lifecycle.phase === 'shutdown' ? exitBecause(0) : exitBecause(1, 'input closed before shutdown'),
  stalled: (reason) => logger.log('warn', reason),
});
documents.listen(normalizingConnection(connection));
connection.listen();
