// Extension entry point: starts, stops and restarts the LanguageClient (id `articleLens`, server over IPC), and
// wires the commands, the status bar and the "is this an article" context key to it. No analysis happens here.
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  ClientCommands,
  ExportAnnotationsRequest,
  RetrainEntityModelRequest,
  type RetrainEntityModelParams,
  type RetrainEntityModelResult,
  LostCorrectionsRequest,
  RelatedArticlesRequest,
  type ExportAnnotationsParams,
  type ExportAnnotationsResult,
  StatusNotification,
  TeamCorpusStatusNotification,
  type RelatedArticlesResult,
  type TeamCorpusStatusParams,
} from '../../server/src/protocol';
import {
  registerCommands,
  RESTART_ACTION,
  ServerStoppedError,
  type CommandContext,
  type ServerState,
} from './commands';
import {
  codeDocumentSelector,
  includeGlobs,
  lspDocumentSelector,
  changedStartSettings,
  readStartSettings,
  type StartSettings,
  readSettings,
  SECTION,
} from './config';
import { hoverMiddleware } from './hoverMiddleware';
import type { ColorContribution } from './hoverSwatch';
import { offerTxtAssociation } from './onboarding';
import { RelatedArticles } from './relatedArticles';
import { RestartPolicy } from './restartPolicy';
import { createServerApi } from './serverApi';
import { StatusBar } from './statusBar';
import { CorrectionHistory } from './correctionHistory';
import { connectTeamCorpus, readTeamCorpus, TeamCorpusStatus, type TeamCorpusConnection } from './teamCorpus';
import { ArticleViews, isSidecar } from './views/articleViews';
import { LostCorrectionsTree } from './views/lostCorrectionsTree';
import type { ServerApi } from './views/serverApi';

const CLIENT_ID = 'articleLens';
const LOST_VIEW = 'articleLens.lostCorrections';
const CLIENT_NAME = 'Article Lens';
/** Article files the server indexes from disk; edits of open files come through document sync instead. */
const WATCH_GLOB = '**/*.{article,txt}';

/** The server logs at the level the user picked for the "Article Lens" output ("Set Log Level…"). */
function serverLogLevel(level: vscode.LogLevel): 'error' | 'warn' | 'info' | 'debug' | 'trace' {
  switch (level) {
    case vscode.LogLevel.Trace:
      return 'trace';
    case vscode.LogLevel.Debug:
      return 'debug';
    case vscode.LogLevel.Info:
      return 'info';
    case vscode.LogLevel.Warning:
      return 'warn';
    default:
      return 'error';
  }
}

/** How long a restart waits for a client that is still starting. */
const STARTING_WAIT_MS = 10_000;

/** Resolves once `client` is no longer starting, or after `ms`. */
function settled(client: LanguageClient, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const listener = client.onDidChangeState((e) => {
      if (e.newState !== State.Starting) done();
    });
  });
}

class ArticleLensExtension implements CommandContext, vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly related: RelatedArticles;
  readonly views: ArticleViews;
  readonly lostCorrections: LostCorrectionsTree;
  readonly status: StatusBar;
  private readonly teamStatus = new TeamCorpusStatus(ClientCommands.connectTeamCorpus);
  /** The team corpus the running server was given (URL and password), read before each start. */
  private team: TeamCorpusConnection | undefined;
  /** The restart-only settings the running server was started with. */
  private started: StartSettings | undefined;
  /** Set while "Connect to Team Corpus…" writes the setting and restarts the server itself. */
  private connecting = false;
  private api: ServerApi | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private client: LanguageClient | undefined;
  private selector: vscode.DocumentFilter[] = [];
  /** Bumped per active-editor change so a slow related-count answer for an old editor is dropped. */
  private countGeneration = 0;
  /** Last `articleLens/status` state, to refresh the related count when indexing finishes. */
  private lastState: string | undefined;
  /** Set while we stop the client ourselves, so the stop is not reported as a crash. */
  private stopping = false;
  /** Why the client gave up restarting the server, once it has. */
  private stopReason: string | undefined;
  private restarting: Promise<void> | undefined;
  private clientDisposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
    this.status = new StatusBar({
      showRelated: ClientCommands.showRelatedArticles,
      showLog: ClientCommands.showLog,
      restart: ClientCommands.restartServer,
    });
    this.related = new RelatedArticles((uri, token) => this.fetchRelated(uri, token), this.status);
    // The views ask only a ready server: while it starts or indexes they stay empty until `ready`.
    this.views = new ArticleViews(
      () => (this.isServerReady() && this.lastState === 'ready' ? this.api : undefined),
      (doc) => this.isArticle(doc),
    );
    this.lostCorrections = new LostCorrectionsTree(() => {
      if (!this.client || !this.isServerReady() || this.lastState !== 'ready') return undefined;
      return this.client.sendRequest(LostCorrectionsRequest.type, {}).then((r) => r.items);
    }, isSidecar);
    const lostView = vscode.window.createTreeView(LOST_VIEW, { treeDataProvider: this.lostCorrections });
    this.disposables.push(
      this.log,
      this.status,
      this.teamStatus,
      this.views,
      this.curation.history,
      this.lostCorrections,
      lostView,
      this.lostCorrections.onDidChangeCount((n) => {
        lostView.badge = n > 0 ? { value: n, tooltip: `${n} lost corrections` } : undefined;
      }),
      ...registerCommands(this),
      vscode.window.onDidChangeActiveTextEditor(() => this.onActiveEditor()),
      // Changing a file's language mode reopens the document without changing the active editor.
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (doc === vscode.window.activeTextEditor?.document) this.onActiveEditor();
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (doc === vscode.window.activeTextEditor?.document) this.refreshRelatedCount();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => this.onConfigurationChanged(e)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.related.forget(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => this.related.forget(f.oldUri))),
    );
  }

  readonly curation = {
    history: new CorrectionHistory(isSidecar),
    exportAnnotations: (params: ExportAnnotationsParams): Promise<ExportAnnotationsResult> => {
      if (!this.client) return Promise.reject(new Error('the language server is not running'));
      return this.client.sendRequest(ExportAnnotationsRequest.type, params);
    },
    retrainEntityModel: (params: RetrainEntityModelParams): Promise<RetrainEntityModelResult> => {
      if (!this.client) return Promise.reject(new Error('the language server is not running'));
      return this.client.sendRequest(RetrainEntityModelRequest.type, params);
    },
  };

  serverState(): ServerState {
    const state = this.client?.state;
    if (state === State.Running) return 'running';
    // No client yet: activation or a restart is on its way.
    if (state === State.Starting || this.client === undefined) return 'starting';
    return 'stopped';
  }

  isServerReady(): boolean {
    return this.serverState() === 'running';
  }

  /** Stops the client if it runs (or gave up) and starts a new one; concurrent calls share one restart. */
  restartServer(): Promise<void> {
    this.restarting ??= (async () => {
      this.log.info('Restarting the language server');
      await this.stop();
      await this.start();
    })().finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  isArticle(document: vscode.TextDocument): boolean {
    return vscode.languages.match(this.selector, document) > 0;
  }

  async connectTeamCorpus(): Promise<void> {
    this.connecting = true;
    try {
      if (await connectTeamCorpus(this.context.secrets)) await this.restartServer();
    } finally {
      this.connecting = false;
    }
  }

  async start(): Promise<void> {
    this.started = readStartSettings();
    this.team = await readTeamCorpus(this.context.secrets);
    if (!this.team) this.teamStatus.hide();
    const globs = includeGlobs();
    this.selector = codeDocumentSelector(globs);
    this.stopReason = undefined;
    this.status.setServerStatus({ state: 'starting', indexed: 0, total: 0 });
    const module = this.context.asAbsolutePath('server/out/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const watcher = vscode.workspace.createFileSystemWatcher(WATCH_GLOB);
    const clientOptions: LanguageClientOptions = {
      documentSelector: lspDocumentSelector(globs),
      synchronize: { configurationSection: SECTION, fileEvents: watcher },
      outputChannel: this.log,
      // Diagnostics are the product; the log is for when something is wrong, and the status bar says so.
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: () => ({
        settings: readSettings(),
        logLevel: serverLogLevel(this.log.logLevel),
        // The server keeps its analysis cache here, so a second start on the same corpus is quick.
        storageUri: this.context.storageUri?.toString(),
        // The password comes from SecretStorage; it is never written to settings.
        ...(this.team ? { teamCorpus: this.team } : {}),
      }),
      errorHandler: new RestartPolicy((reason) => this.onGaveUp(reason)),
      middleware: hoverMiddleware(contributedColors(this.context)),
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    this.client = client;
    this.api = createServerApi(client);
    const clientDisposables: vscode.Disposable[] = [
      watcher,
      client.onNotification(TeamCorpusStatusNotification.method, (params: TeamCorpusStatusParams) =>
        this.teamStatus.set(params),
      ),
      client.onNotification(StatusNotification.type, (params) => {
        const wasReady = this.lastState === 'ready';
        this.lastState = params.state;
        this.status.setServerStatus(params);
        if (params.state === 'ready' && !wasReady) {
          this.refreshRelatedCount();
          this.views.refresh();
          this.lostCorrections.refresh();
        }
      }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Stopped && this.client === client && !this.stopping) {
          this.status.setClientFailure(
            this.stopReason ?? 'The Article Lens server stopped. See the log for details.',
          );
        }
        void vscode.commands.executeCommand(
          'setContext',
          'articleLens.clientStarted',
          e.newState === State.Running,
        );
      }),
    ];
    this.clientDisposables = clientDisposables;
    try {
      await client.start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error('The language server could not start', error);
      this.status.setClientFailure(`The language server could not start: ${message}`);
      this.offerRestart(`the language server could not start (${message}).`);
      return;
    }
    this.onActiveEditor();
  }

  async stop(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.stopping = true;
    try {
      // A starting client cannot be stopped: let it finish starting (or fail) first.
      if (client.state === State.Starting) await settled(client, STARTING_WAIT_MS);
      // Give a server stuck in a long analysis two seconds before the process is killed.
      if (client.isRunning()) await client.stop(2000);
    } catch (error) {
      this.log.warn('The language server did not stop cleanly', error);
    } finally {
      this.clientDisposables.forEach((d) => d.dispose());
      this.clientDisposables = [];
      this.client = undefined;
      this.api = undefined;
      this.lastState = undefined;
      this.stopping = false;
    }
  }

  /** The client stopped restarting a crashing server: say so, and offer to restart it. */
  private onGaveUp(reason: string): void {
    this.stopReason = reason;
    this.log.error(reason);
    this.status.setClientFailure(reason);
    this.offerRestart(reason);
  }

  private offerRestart(message: string): void {
    void vscode.window
      .showErrorMessage(`Article Lens: ${message}`, RESTART_ACTION, 'Show Log')
      .then((choice) => {
        if (choice === RESTART_ACTION) void vscode.commands.executeCommand(ClientCommands.restartServer);
        else if (choice) this.log.show(true);
      });
  }

  private fetchRelated(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<RelatedArticlesResult> {
    const client = this.client;
    if (this.serverState() === 'stopped') return Promise.reject(new ServerStoppedError());
    if (!client || !this.isServerReady()) {
      return Promise.reject(new Error('the language server is not running'));
    }
    const limit = vscode.workspace.getConfiguration(SECTION, uri).get<number>('related.limit');
    return client.sendRequest(
      RelatedArticlesRequest.type,
      { textDocument: { uri: uri.toString() }, limit },
      token,
    );
  }

  private onActiveEditor(): void {
    const document = vscode.window.activeTextEditor?.document;
    const isArticle = document !== undefined && this.isArticle(document);
    void vscode.commands.executeCommand('setContext', 'articleLens.isArticle', isArticle);
    this.status.setActiveArticle(isArticle);
    this.related.onActiveDocument(document?.uri);
    this.refreshRelatedCount();
  }

  /** Asks for the active article's related count; answers for an editor no longer active are dropped. */
  private refreshRelatedCount(): void {
    const generation = ++this.countGeneration;
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.isArticle(document) || !this.isServerReady() || this.lastState !== 'ready') return;
    this.fetchRelated(document.uri).then(
      (result) => {
        if (generation !== this.countGeneration) return;
        this.status.setRelated({ related: result.items.length, sharedPassages: result.sharedPassages });
      },
      (error: unknown) => this.log.debug('Related count unavailable', error),
    );
  }

  private onConfigurationChanged(event: vscode.ConfigurationChangeEvent): void {
    const changed =
      this.started && !this.connecting && !this.restarting ? changedStartSettings(event, this.started) : [];
    if (changed.length > 0) {
      void vscode.window
        .showInformationMessage(
          `Article Lens: ${changed.join(' and ')} changed. Restart the language server to apply them?`,
          'Restart',
        )
        .then((choice) => {
          if (choice === 'Restart') void this.restartServer();
        });
    } else if (event.affectsConfiguration(`${SECTION}.related`)) {
      this.refreshRelatedCount();
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

let extension: ArticleLensExtension | undefined;

/** What the extension exports: the end-to-end tests read the views and the status item through it. */
/** The colours the extension contributes (package.json), for the hover's swatch. */
function contributedColors(context: vscode.ExtensionContext): ColorContribution[] {
  const contributes = (context.extension.packageJSON as { contributes?: { colors?: ColorContribution[] } })
    .contributes;
  return contributes?.colors ?? [];
}

export interface ArticleLensApi {
  readonly views: ArticleViews;
  readonly lostCorrections: LostCorrectionsTree;
  /** The command a click on the status item runs now. */
  statusCommand(): string | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<ArticleLensApi> {
  const ext = new ArticleLensExtension(context);
  extension = ext;
  context.subscriptions.push(ext);
  await ext.start();
  void offerTxtAssociation(context.workspaceState);
  return { views: ext.views, lostCorrections: ext.lostCorrections, statusCommand: () => ext.status.command };
}

export async function deactivate(): Promise<void> {
  await extension?.stop();
  extension = undefined;
}
