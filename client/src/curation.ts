// Curation UI: completes a correction a code action proposes (type, name or speaker pick, then scope),
// has the server turn it into a sidecar edit (applied as a WorkspaceEdit), saves the sidecar, records it
// in the correction history and offers Undo; and "Export Annotations…" (format pick, folder dialog, progress).
import * as vscode from 'vscode';
import { saveSidecar, type CorrectionHistory } from './correctionHistory';
import type { RetrainHost } from './retrainModel';
import { spelled, type LostNode } from './views/lostCorrectionsTree';
import {
  EXPORT_FORMATS,
  ExportAnnotationsRequest,
  ServerCommands,
  type CorrectionDraft,
  type CorrectionEditResult,
  type CorrectionPrompt,
  type ExportAnnotationsParams,
  type ExportAnnotationsResult,
  type ExportFormat,
} from '../../server/src/protocol';

/** What curation needs from the extension. */
export interface CurationHost extends RetrainHost {
  exportAnnotations(params: ExportAnnotationsParams): Promise<ExportAnnotationsResult>;
  /** Corrections made in this window, for Undo / Redo Correction. */
  readonly history: CorrectionHistory;
}

/** A value from a list, or typed (for names): `undefined` when the user cancels. */
async function pickValue(
  items: readonly string[],
  placeholder: string,
  typed: boolean,
): Promise<string | undefined> {
  if (!typed) return vscode.window.showQuickPick([...items], { placeHolder: placeholder });
  const pick = vscode.window.createQuickPick();
  pick.placeholder = `${placeholder} (pick, or type a name)`;
  const base = items.map((label) => ({ label }));
  pick.items = base;
  pick.onDidChangeValue((v) => {
    const extra =
      v.trim() !== '' && !items.includes(v.trim()) ? [{ label: v.trim(), description: 'typed' }] : [];
    pick.items = [...extra, ...base];
  });
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

/** Asks what the draft still needs; `undefined` when the user cancels. */
async function complete(
  draft: CorrectionDraft,
  prompt: CorrectionPrompt,
): Promise<CorrectionDraft | undefined> {
  const out: CorrectionDraft = { ...draft };
  if (prompt.ask && out[prompt.ask] === undefined) {
    const value = await pickValue(
      prompt.items ?? [],
      prompt.placeholder ?? prompt.ask,
      prompt.ask !== 'type',
    );
    if (value === undefined) return undefined;
    out[prompt.ask] = value;
  }
  if (prompt.scopes && prompt.scopes.length > 0) {
    const chosen = await vscode.window.showQuickPick(
      prompt.scopes.map((s) => ({ label: s.label, scope: s })),
      { placeHolder: 'Apply the correction to' },
    );
    if (!chosen) return undefined;
    out.scope = chosen.scope.scope;
    if (chosen.scope.when) out.when = chosen.scope.when;
  }
  return out;
}

/** What a correction is, for messages: its kind spelled out and its text. */
function describe(draft: CorrectionDraft): string {
  return draft.anchor ? `${spelled(draft.kind)} “${draft.anchor.text}”` : spelled(draft.kind);
}

export async function runCorrection(args: unknown[], history: CorrectionHistory): Promise<void> {
  const [draft, prompt] = args as [CorrectionDraft | undefined, CorrectionPrompt | undefined];
  if (!draft) return;
  const done = await complete(draft, prompt ?? {});
  if (!done) return;
  const since = history.mark();
  const result = await vscode.commands.executeCommand<CorrectionEditResult | null>(
    ServerCommands.correct,
    done,
  );
  if (!result?.applied || !result.sidecarUri || !result.id) {
    void vscode.window.showWarningMessage(
      `Article Lens: the correction was not saved (${result?.message ?? 'no answer'}).`,
    );
    return;
  }
  const sidecar = result.sidecarUri;
  await saveSidecar(sidecar);
  const step = {
    kind: 'added',
    sidecarUri: sidecar,
    id: result.id,
    articleUri: done.uri,
    label: describe(done),
  } as const;
  history.push(step, since);
  void vscode.window
    .showInformationMessage(
      `Article Lens: correction saved to ${vscode.workspace.asRelativePath(vscode.Uri.parse(sidecar))}.`,
      'Undo',
    )
    .then((choice) => (choice === 'Undo' ? history.undo(step) : undefined));
}

/** Removes a lost correction from its sidecar (the Lost Corrections view's action), undoably. */
export async function removeLost(
  node: LostNode & { kind: 'lost' },
  history: CorrectionHistory,
): Promise<void> {
  const { sidecarUri, id, text, kind, articleUri } = node.item;
  const since = history.mark();
  const result = await vscode.commands.executeCommand<CorrectionEditResult | null>(
    ServerCommands.removeCorrection,
    { sidecarUri, id },
  );
  if (!result?.applied) {
    void vscode.window.showWarningMessage(
      `Article Lens: the correction was not removed (${result?.message ?? 'no answer'}).`,
    );
    return;
  }
  await saveSidecar(sidecarUri);
  const step = {
    kind: 'removed',
    sidecarUri,
    correction: result.correction,
    articleUri,
    label: `${spelled(kind)} “${text}”`,
  } as const;
  history.push(step, since);
  void vscode.window
    .showInformationMessage(`Article Lens: removed the lost correction ${step.label}.`, 'Undo')
    .then((choice) => (choice === 'Undo' ? history.undo(step) : undefined));
}

export async function runExport(host: CurationHost): Promise<void> {
  const format = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((f) => ({ label: f, detail: FORMAT_DETAIL[f] })),
    { placeHolder: 'Export format' },
  );
  if (!format) return;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const target = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    openLabel: 'Export here',
    ...(folder ? { defaultUri: folder.uri } : {}),
  });
  if (!target?.[0]) return;
  const out = target[0];
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Article Lens: exporting annotations',
      cancellable: false,
    },
    async (progress) => {
      progress.report({ message: 'analysing the corpus' });
      const result = await host.exportAnnotations({
        format: format.label as ExportFormat,
        ...(folder ? { folderUri: folder.uri.toString() } : {}),
      });
      const step = 100 / Math.max(1, result.files.length);
      for (const f of result.files) {
        await vscode.workspace.fs.writeFile(
          vscode.Uri.joinPath(out, ...f.path.split('/')),
          Buffer.from(f.text, 'utf8'),
        );
        progress.report({ increment: step, message: f.path });
      }
      void vscode.window.showInformationMessage(
        `Article Lens: exported ${result.files.length} files to ${out.fsPath}.`,
      );
    },
  );
}

const FORMAT_DETAIL: Record<ExportFormat, string> = {
  jsonl: 'One article per line: text, entities, quotes, repeats, shared passages, related articles',
  brat: 'brat standoff: .txt and .ann per article, annotation.conf and visual.conf',
  conll: 'CoNLL-2003-style BIO tokens (PER/ORG/LOC/MISC and the full types)',
  doccano: 'doccano / Prodigy span JSONL',
};

export { ExportAnnotationsRequest };
