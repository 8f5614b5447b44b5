// Wiring of curation into the language server, registered from one place: sidecars per folder (loaded
// before indexing, followed through their buffers and file events), their diagnostics, the code actions,
// ServerCommands.correct / removeCorrection / restoreCorrection, the lost-corrections request, sidecar edits for renamed files and the export request.
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
import type { HandlerGuard } from './util/handler';
import { normalizeUri } from './util/uri';
import { CurationStore } from './workspace/curationStore';
import type { LspCorpus } from './workspace/lspCorpus';

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
    setFolders: (uris) => store.setFolders(uris),
    load: async () => changed(await store.loadAll()),
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
      if (command === ServerCommands.correct) return executeCorrect(ctx, store, args, applyEdit);
      if (command === ServerCommands.removeCorrection) return executeRemove(store, args, applyEdit);
      if (command === ServerCommands.restoreCorrection) return executeRestore(store, args, applyEdit);
      return undefined;
    },
  };
}
