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
import { describeError } from './storage/postgres/database';
import { isConnectionError, type TeamLink } from './storage/postgres/teamConnection';
import { ReadOnlyError, TeamCorrections } from './storage/postgres/teamCorrections';
import type { HandlerGuard } from './util/handler';
import { normalizeUri } from './util/uri';
import { CurationStore } from './workspace/curationStore';
import type { LspCorpus } from './workspace/lspCorpus';
import type { CorrectionDraft } from './protocol';

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
  /** Whether the team database holds an article the local index leaves to it. */
  heldElsewhere(uri: string): boolean;
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
  /** Follows the corrections of the team database whenever the link is online. */
  useTeam(link: TeamLink): void;
}

export function createCurationServer(deps: CurationDeps): CurationServer {
  const { connection, documents, corpus, analysis, ctx, guard } = deps;
  const inCorpus = {
    has: (uri: string): boolean => corpus.index.get(uri) !== undefined || deps.heldElsewhere(uri),
  };
  let publishPending = false;
  /** What each sidecar last showed: an unchanged list (or a first empty one) is not sent again. */
  const shown = new Map<string, string>();
  const publish = (): void => {
    if (publishPending) return;
    publishPending = true;
    setImmediate(() => {
      publishPending = false;
      for (const s of store.all) {
        const diagnostics = sidecarDiagnostics(store, inCorpus, s);
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
  let link: TeamLink | undefined;
  /** The corrections of the team database while it answers; `undefined` offline (the sidecar is used). */
  let team: TeamCorrections | undefined;
  let teamTimer: NodeJS.Timeout | undefined;
  const refreshTeam = async (): Promise<void> => {
    if (team) changed(store.setTeam(await team.list()));
  };
  /** A failure of the corrections' connection is the link's: it goes offline and tries again. */
  const lostTeam = (e: unknown): void => {
    const was = team;
    team = undefined;
    void was?.close();
    link?.lost(e);
  };
  const followTeam = async (): Promise<void> => {
    if (!link) return;
    const { url, password } = link.options;
    const candidate = new TeamCorrections(link.pool, url, password);
    try {
      await candidate.listen(
        () => {
          clearTimeout(teamTimer);
          teamTimer = setTimeout(() => void refreshTeam().catch(lostTeam), TEAM_SETTLE_MS);
        },
        (e) => lostTeam(e),
      );
    } catch (e) {
      await candidate.close();
      throw e;
    }
    team = candidate;
    await refreshTeam();
  };
  const useLink = (l: TeamLink): void => {
    link = l;
    l.subscribe({
      online: followTeam,
      offline: () => {
        const was = team;
        team = undefined;
        void was?.close();
      },
    });
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
      // The database went away just now: the correction goes to the sidecar instead, so it is not lost.
      if (isConnectionError(e)) {
        lostTeam(e);
        return executeCorrect(ctx, store, args, (edit) => connection.workspace.applyEdit(edit));
      }
      const message = e instanceof ReadOnlyError ? e.message : describeError(e, link?.options.url ?? '');
      showMessage(MessageType.Error, `Article Lens: ${message}`);
      return { applied: false, message };
    }
  };

  connection.workspace.onWillRenameFiles(
    guard.request('willRenameFiles', null, (params) => store.renameEdit(params.files)),
  );
  connection.onRequest(
    LostCorrectionsRequest.method,
    guard.request('lostCorrections', { items: [] }, () => ({ items: lostItems(store, inCorpus) })),
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
    },
    useTeam: useLink,
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
