// Curation UI: completes a correction a code action proposes (type, name or speaker pick, then scope),
// has the server turn it into a sidecar edit (applied as a WorkspaceEdit, so Undo works), saves the
// sidecar, and offers Undo; and "Export Annotations…" (format pick, folder dialog, progress).
import * as vscode from 'vscode';
import {
  EXPORT_FORMATS,
  ExportAnnotationsRequest,
  ServerCommands,
  type CorrectionDraft,
  type CorrectionPrompt,
  type ExportAnnotationsParams,
  type ExportAnnotationsResult,
  type ExportFormat,
} from '../../server/src/protocol';

/** What curation needs from the extension. */
export interface CurationHost {
  exportAnnotations(params: ExportAnnotationsParams): Promise<ExportAnnotationsResult>;
}

interface CorrectResult {
  applied: boolean;
  sidecarUri?: string;
  message?: string;
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

/** The sidecar is saved at once when no editor shows it: a correction is not left as an unsaved buffer. */
async function save(uri: string): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (doc?.isDirty && !vscode.window.visibleTextEditors.some((e) => e.document === doc)) await doc.save();
}

/** Undoes the last sidecar edit in its own editor (where the edit's undo lives), saves, and returns. */
async function undoIn(uri: string): Promise<void> {
  const origin = vscode.window.activeTextEditor;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  await vscode.window.showTextDocument(doc, { preview: true });
  await vscode.commands.executeCommand('undo');
  await doc.save();
  if (origin) await vscode.window.showTextDocument(origin.document, { viewColumn: origin.viewColumn });
}

export async function runCorrection(args: unknown[]): Promise<void> {
  const [draft, prompt] = args as [CorrectionDraft | undefined, CorrectionPrompt | undefined];
  if (!draft) return;
  const done = await complete(draft, prompt ?? {});
  if (!done) return;
  const result = await vscode.commands.executeCommand<CorrectResult | null>(ServerCommands.correct, done);
  if (!result?.applied || !result.sidecarUri) {
    void vscode.window.showWarningMessage(
      `Article Lens: the correction was not saved (${result?.message ?? 'no answer'}).`,
    );
    return;
  }
  const sidecar = result.sidecarUri;
  await save(sidecar);
  void vscode.window
    .showInformationMessage(
      `Article Lens: correction saved to ${vscode.workspace.asRelativePath(vscode.Uri.parse(sidecar))}.`,
      'Undo',
    )
    .then((choice) => (choice === 'Undo' ? undoIn(sidecar) : undefined));
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
