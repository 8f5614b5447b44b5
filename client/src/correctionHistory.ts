// Undo and redo of corrections from the article editor. A correction edits only the sidecar, and VS Code
// keeps an edit's undo with the files it changed, so Undo in the article would not reach it. This history
// keeps the corrections (and removals) made here; "Undo Correction" asks the server for the inverse sidecar
// edit (remove by id, or add the removed correction back), applied as a WorkspaceEdit like the first one.
// Ctrl+Z / Ctrl+Shift+Z run them only while the context keys below hold: the active editor is the article
// the last correction was made in, and no article text changed since. Any text edit gives Undo back to
// the editor's own history, untouched.
import * as vscode from 'vscode';
import { ServerCommands, type CorrectionEditResult } from '../../server/src/protocol';

/** Context keys of the Ctrl+Z / Ctrl+Shift+Z bindings (package.json contributes.keybindings). */
export const UNDO_KEY = 'articleLens.correctionUndoable';
export const REDO_KEY = 'articleLens.correctionRedoable';

/** One step: a correction added (undone by removing it) or removed (undone by adding it back). */
export type HistoryStep =
  | { kind: 'added'; sidecarUri: string; id: string; articleUri?: string; label: string }
  | { kind: 'removed'; sidecarUri: string; correction: unknown; articleUri?: string; label: string };

export class CorrectionHistory implements vscode.Disposable {
  private readonly undoStack: HistoryStep[] = [];
  private readonly redoStack: HistoryStep[] = [];
  /** Whether the keys may hold: no article text changed since the last step. */
  private armed = false;
  /** Article text edits seen so far: a step that ends after the user typed must not take Ctrl+Z back. */
  private textEdits = 0;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly isSidecar: (uri: vscode.Uri) => boolean) {
    this.disposables = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || this.isSidecar(e.document.uri)) return;
        if (e.document.uri.scheme !== 'file' && e.document.uri.scheme !== 'untitled') return;
        this.textEdits++;
        this.armed = false;
        this.redoStack.length = 0;
        this.updateKeys();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateKeys()),
    ];
  }

  /** A mark to pass to `push`: taken before a correction's round trip to the server. */
  mark(): number {
    return this.textEdits;
  }

  /** A step just made by the user; `since` is the mark taken when it started. */
  push(step: HistoryStep, since = this.textEdits): void {
    // The server's spelling of a URI may differ from the editor's (escapes): compared as VS Code prints it.
    if (step.articleUri) step.articleUri = vscode.Uri.parse(step.articleUri).toString();
    this.undoStack.push(step);
    this.redoStack.length = 0;
    this.armed = this.textEdits === since;
    this.updateKeys();
  }

  /** Undoes the last step (or `step`, from its notification's Undo button). */
  async undo(step?: HistoryStep): Promise<void> {
    const at = step ? this.undoStack.lastIndexOf(step) : this.undoStack.length - 1;
    const target = this.undoStack[at];
    if (!target) {
      void vscode.window.showInformationMessage(
        step
          ? `Article Lens: “${step.label}” is no longer in the undo history (undone already?).`
          : 'Article Lens: no correction to undo.',
      );
      return;
    }
    this.undoStack.splice(at, 1);
    const since = this.textEdits;
    const inverse = await this.invert(target);
    if (inverse) this.redoStack.push(inverse);
    this.armed = this.textEdits === since;
    this.updateKeys();
    if (inverse) void vscode.window.setStatusBarMessage(`Article Lens: undone: ${target.label}`, 4000);
  }

  async redo(): Promise<void> {
    const target = this.redoStack.pop();
    if (!target) {
      void vscode.window.showInformationMessage('Article Lens: no correction to redo.');
      return;
    }
    const since = this.textEdits;
    const inverse = await this.invert(target);
    if (inverse) this.undoStack.push(inverse);
    this.armed = this.textEdits === since;
    this.updateKeys();
    if (inverse) void vscode.window.setStatusBarMessage(`Article Lens: redone: ${target.label}`, 4000);
  }

  /** Runs the inverse of a step through the server; returns the step that undoes the inverse. */
  private async invert(step: HistoryStep): Promise<HistoryStep | undefined> {
    const result =
      step.kind === 'added'
        ? await vscode.commands.executeCommand<CorrectionEditResult | null>(ServerCommands.removeCorrection, {
            sidecarUri: step.sidecarUri,
            id: step.id,
          })
        : await vscode.commands.executeCommand<CorrectionEditResult | null>(
            ServerCommands.restoreCorrection,
            { sidecarUri: step.sidecarUri, correction: step.correction },
          );
    if (!result?.applied) {
      void vscode.window.showWarningMessage(
        `Article Lens: could not undo “${step.label}” (${result?.message ?? 'no answer from the server'}).`,
      );
      return undefined;
    }
    await saveSidecar(step.sidecarUri);
    const { articleUri, label, sidecarUri } = step;
    const base = { sidecarUri, label, ...(articleUri ? { articleUri } : {}) };
    return step.kind === 'added'
      ? { ...base, kind: 'removed', correction: result.correction }
      : { ...base, kind: 'added', id: result.id ?? '' };
  }

  /**
   * Whether Ctrl+Z (or Ctrl+Shift+Z) belongs to this history now. A key press can reach the extension
   * before the context key has caught up with typing just done, so the key's command asks again here.
   */
  keyHolds(which: 'undo' | 'redo'): boolean {
    const stack = which === 'undo' ? this.undoStack : this.redoStack;
    const top = stack[stack.length - 1];
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    return this.armed && top?.articleUri !== undefined && top.articleUri === active;
  }

  private updateKeys(): void {
    void vscode.commands.executeCommand('setContext', UNDO_KEY, this.keyHolds('undo'));
    void vscode.commands.executeCommand('setContext', REDO_KEY, this.keyHolds('redo'));
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    void vscode.commands.executeCommand('setContext', UNDO_KEY, false);
    void vscode.commands.executeCommand('setContext', REDO_KEY, false);
  }
}

/** The sidecar is saved at once when no editor shows it: a correction is not left as an unsaved buffer. */
export async function saveSidecar(uri: string): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (doc?.isDirty && !vscode.window.visibleTextEditors.some((e) => e.document === doc)) await doc.save();
}
