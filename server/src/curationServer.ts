// Wiring of curation into the language server, registered from one place: sidecars per folder (loaded
// before indexing, followed through their buffers and file events), their diagnostics, the code actions,
// ServerCommands.correct / removeCorrection / restoreCorrection, the lost-corrections request, sidecar
// edits for renamed files, the export request and the team database's corrections.
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type {
  ApplyWorkspaceEditResult,
  CodeAction,
  CodeActionParams,
  Connection,
  FileEvent,
  TextDocuments,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from './documentAnalysis';
import { exportFolder } from './export/exportFolder';
import type { FeatureContext } from './features/context';
import { provideCurationActions } from './features/curationActions';
import {
  draftToCorrection,
  executeCorrect,
  executeRemove,
  executeRestore,
  type CorrectResult,
} from './features/curationCommands';
import { lostItems, sidecarDiagnostics } from './features/curationDiagnostics';
import {
  ExportAnnotationsRequest,
  LostCorrectionsRequest,
  ServerCommands,
  type ExportAnnotationsParams,
  type ExportAnnotationsResult,
} from './protocol';
import { describeError, openPool, redactUrl } from './storage/postgres/database';
import { ReadOnlyError, TeamCorrections } from './storage/postgres/teamCorrections';
import type { HandlerGuard } from './util/handler';
import { normalizeUri } from './util/uri';
import { CurationStore } from './workspace/curationStore';
import type { LspCorpus } from './workspace/lspCorpus';
import {
  TeamCorpusStatusNotification,
  type CorrectionDraft,
  type TeamCorpusState,
  type TeamCorpusStatusParams,
} from './protocol';

/** The team database of corrections (initializationOptions.teamCorpus): the password never in settings. */
export interface TeamCorpusOptions {
  url: string;
  password?: string;
}

/** How long changes announced together are gathered before the corrections are read again. */
const TEAM_SETTLE_MS = 50;

export interface CurationDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  corpus: LspCorpus;
  analysis: DocumentAnalysis;
  ctx: FeatureContext;
  guard: HandlerGuard;
  schedule(uri: string): void;
}

export interface CurationServer {
  setFolders(uris: readonly string[]): void;
  /** Reads the sidecars; call before indexing so the first index is already corrected. */
  load(): Promise<void>;
  /** After indexing: the sidecars' diagnostics can name articles that are not in the corpus. */
  indexed(): void;
  /** An open document changed; true when it was a sidecar (not an article). */
  onDocument(uri: string): boolean;
  onClose(uri: string): void;
  onFileEvents(events: readonly FileEvent[]): Promise<void>;
  codeActions(params: CodeActionParams): CodeAction[];
  /** Runs a curation command; `undefined` when the command is not one. */
  execute(command: string, args: readonly unknown[]): Promise<CorrectResult> | undefined;
  readonly watchGlobs: string[];
  /** The sidecars' corrections, per folder. */
  readonly store: CurationStore;
  /** Follows the corrections of a team database (connected at `load`). */
  useTeam(options: TeamCorpusOptions | undefined): void;
}

export function createCurationServer(deps: CurationDeps): CurationServer {
  const { connection, documents, corpus, analysis, ctx, guard } = deps;
  let publishPending = false;
  /** What each sidecar last showed: an unchanged list (or a first empty one) is not sent again. */
  const shown = new Map<string, string>();
  const publish = (): void => {
    if (publishPending) return;
    publishPending = true;
    setImmediate(() => {
      publishPending = false;
      for (const s of store.all) {
        const diagnostics = sidecarDiagnostics(store, corpus.index, s);
        const key = JSON.stringify(diagnostics);
        if ((shown.get(s.uri) ?? '[]') === key) continue;
        shown.set(s.uri, key);
        void connection.sendDiagnostics({ uri: s.uri, diagnostics });
      }
    });
  };
  const store = new CurationStore({
    index: corpus.index,
    openText: (uri) => documents.get(uri)?.getText(),
    settings: (uri) => ctx.settingsOf(uri),
    onLostChange: publish,
  });
  /** Articles whose corrections changed: open ones are re-analysed now, views refreshed. */
  const changed = (affected: ReadonlySet<string>): void => {
    publish();
    if (affected.size === 0) return;
    analysis.clear();
    for (const doc of documents.all()) if (!store.isSidecar(doc.uri)) deps.schedule(doc.uri);
    analysis.requeue(affected);
  };

  // A notification, not a request: no client has to answer it.
  const showMessage = (type: MessageType, message: string): void =>
    void connection.sendNotification(ShowMessageNotification.method, { type, message });
  let teamOptions: TeamCorpusOptions | undefined;
  let team: TeamCorrections | undefined;
  let teamTimer: NodeJS.Timeout | undefined;
  const teamStatus = (state: TeamCorpusState, message?: string): void => {
    if (!teamOptions) return;
    const params: TeamCorpusStatusParams = { state, database: redactUrl(teamOptions.url) };
    if (message !== undefined) params.message = message;
    void connection.sendNotification(TeamCorpusStatusNotification.method, params);
  };
  /** Unreachable (or lost): said once, and the local sidecar and index carry on. */
  let saidOffline = false;
  const offline = (e: unknown): void => {
    const was = team;
    team = undefined;
    void was?.close();
    const where = teamOptions ? describeError(e, teamOptions.url) : String(e);
    teamStatus('offline', where);
    if (saidOffline) return;
    saidOffline = true;
    showMessage(
      MessageType.Warning,
      `Article Lens: team corpus offline (${where}); the local sidecar and index are used.`,
    );
  };
  const refreshTeam = async (): Promise<void> => {
    if (team) changed(store.setTeam(await team.list()));
  };
  const connectTeam = async (): Promise<void> => {
    if (!teamOptions) return;
    const { url, password } = teamOptions;
    const pool = openPool(url, { password, applicationName: 'article-lens server', max: 2 });
    const candidate = new TeamCorrections(pool, url, password);
    try {
      await candidate.listen(
        () => {
          clearTimeout(teamTimer);
          teamTimer = setTimeout(() => void refreshTeam().catch(offline), TEAM_SETTLE_MS);
        },
        (e) => offline(e),
      );
      team = candidate;
      await refreshTeam();
      teamStatus((await candidate.canWrite()) ? 'connected' : 'read-only');
    } catch (e) {
      await candidate.close();
      await pool.end().catch(() => undefined);
      offline(e);
    }
  };
  /** A correction made here goes to the team database, which tells every editor (this one too). */
  const correctInTeam = async (args: readonly unknown[]): Promise<CorrectResult> => {
    const draft = args[0] as CorrectionDraft | undefined;
    if (!team || !draft || typeof draft !== 'object' || typeof draft.uri !== 'string')
      return executeCorrect(ctx, store, args, (edit) => connection.workspace.applyEdit(edit));
    const made = draftToCorrection(ctx, store, draft, new Date());
    if (typeof made === 'string') return { applied: false, message: made };
    try {
      await team.add([made.correction]);
      await refreshTeam();
      return { applied: true, sidecarUri: made.sidecarUri };
    } catch (e) {
      const message = e instanceof ReadOnlyError ? e.message : describeError(e, teamOptions?.url ?? '');
      showMessage(MessageType.Error, `Article Lens: ${message}`);
      return { applied: false, message };
    }
  };

  connection.workspace.onWillRenameFiles(
    guard.request('willRenameFiles', null, (params) => store.renameEdit(params.files)),
  );
  connection.onRequest(
    LostCorrectionsRequest.method,
    guard.request('lostCorrections', { items: [] }, () => ({ items: lostItems(store, corpus.index) })),
  );
  connection.onRequest(
    ExportAnnotationsRequest.method,
    guard.request<[ExportAnnotationsParams], ExportAnnotationsResult>(
      'exportAnnotations',
      { files: [] },
      (params) => exportFolder(ctx, store, params),
    ),
  );

  return {
    watchGlobs: ['**/.article-lens/*.json'],
    store,
    setFolders: (uris) => store.setFolders(uris),
    load: async () => {
      changed(await store.loadAll());
      await connectTeam();
    },
    useTeam: (options) => void (teamOptions = options),
    indexed: publish,
    onDocument(uri) {
      if (!store.isSidecar(uri)) return false;
      const text = documents.get(uri)?.getText() ?? '';
      const s = store.all.find((x) => x.uri === uri);
      if (s) changed(store.setText(s, text, true));
      return true;
    },
    onClose(uri) {
      if (store.isSidecar(uri)) void store.reload(uri).then(changed);
    },
    async onFileEvents(events) {
      const affected = new Set<string>();
      for (const e of events) {
        const uri = normalizeUri(e.uri);
        if (!store.isSidecar(uri) || documents.get(uri)) continue;
        for (const u of await store.reload(uri)) affected.add(u);
      }
      changed(affected);
    },
    codeActions: (params) => provideCurationActions(ctx, params),
    execute(command, args) {
      const applyEdit = (edit: WorkspaceEdit): Promise<ApplyWorkspaceEditResult> =>
        connection.workspace.applyEdit(edit);
      if (command === ServerCommands.correct) return correctInTeam(args);
      if (command === ServerCommands.removeCorrection) return executeRemove(store, args, applyEdit);
      if (command === ServerCommands.restoreCorrection) return executeRestore(store, args, applyEdit);
      return undefined;
    },
  };
}
