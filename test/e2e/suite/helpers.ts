// Helpers for the extension-host suites: open sample articles from the workspace, wait for the
// language server's diagnostics to settle, and flatten hover contents to plain text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'article-lens.article-lens';
/** Longest wait for the server (cold start plus corpus indexing on a busy two-core machine). */
const DEADLINE_MS = 45_000;
/** Diagnostics count as settled once unchanged for this long (the server republishes as the index fills). */
const STABLE_MS = 600;
const POLL_MS = 50;

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the sample corpus is open as the workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  await extension.activate();
}

export async function openArticle(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document, { preview: false });
}

const snapshot = (diagnostics: readonly vscode.Diagnostic[]): string =>
  JSON.stringify(diagnostics.map((d) => [d.code, d.severity, d.range, d.message]));

/**
 * Polls `getDiagnostics` until `ready` holds and the list has not changed for STABLE_MS, so a test
 * never asserts on a publish that an index update is about to replace.
 */
export async function settledDiagnostics(
  uri: vscode.Uri,
  ready: (diagnostics: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  what = 'diagnostics',
): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + DEADLINE_MS;
  let last = '';
  let since = Date.now();
  for (;;) {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    const now = snapshot(diagnostics);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (ready(diagnostics) && Date.now() - since >= STABLE_MS) {
      return diagnostics;
    }
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what} on ${baseName(uri)}; last seen: ${now}`);
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Waits until a condition on editor state holds (commands open editors asynchronously). */
export async function until<T>(what: string, probe: () => T | undefined | false): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** `until` for a probe that has to ask something asynchronously (a tree provider, a request). */
export async function untilAsync<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS * 4));
  }
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n')
    .replace(/&nbsp;/g, ' ');
}

export function textOf(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range);
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function activeFile(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor ? baseName(editor.document.uri) : undefined;
}

/**
 * Runs a command that opens a quick pick and accepts its selected entry until the command completes: the
 * pick fills asynchronously, and accepting before it has items does nothing.
 */
export async function acceptPickUntilDone(command: string, what: string, ...args: unknown[]): Promise<void> {
  const shown = vscode.commands.executeCommand(command, ...args);
  let settled = false;
  void shown.then(() => (settled = true));
  const deadline = Date.now() + 30_000;
  while (!settled) {
    assert.ok(Date.now() < deadline, `the ${what} never accepted an entry`);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([shown, new Promise((r) => setTimeout(r, 200))]);
  }
}
