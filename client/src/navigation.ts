// Showing locations: one target is opened and revealed in the centre; several go to the references peek
// at the origin, so the user sees them all without leaving the article.
import * as vscode from 'vscode';

export interface RevealOptions {
  /** Open as a preview tab that the next navigation replaces. */
  preview?: boolean;
  /** Keep focus where it is (quick-pick previews). */
  preserveFocus?: boolean;
}

/** Opens the location's document and puts the cursor at the start of its range, centred in the editor. */
export async function revealLocation(
  location: vscode.Location,
  options: RevealOptions = {},
): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(location.uri);
  const editor = await vscode.window.showTextDocument(document, {
    preview: options.preview ?? false,
    preserveFocus: options.preserveFocus ?? false,
  });
  const range = document.validateRange(location.range);
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return editor;
}

/**
 * One location: reveal it. Several: the references peek anchored at `origin`. None: say so with
 * `emptyMessage`, since a silent no-op looks like a broken command.
 */
export async function showLocations(
  origin: { uri: vscode.Uri; position: vscode.Position },
  locations: readonly vscode.Location[],
  emptyMessage: string,
): Promise<void> {
  if (locations.length === 0) {
    void vscode.window.showInformationMessage(emptyMessage);
    return;
  }
  if (locations.length === 1) {
    await revealLocation(locations[0]);
    return;
  }
  await vscode.commands.executeCommand('editor.action.showReferences', origin.uri, origin.position, [
    ...locations,
  ]);
}
