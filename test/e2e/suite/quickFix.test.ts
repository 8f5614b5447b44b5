// Quick fixes through the real code-action machinery: the missing closing quote mark in
// valdoriatoday-kestown-storm.txt is inserted, the warning clears, and undo restores both.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openArticle, settledDiagnostics } from './helpers';

const ARTICLE = 'valdoriatoday-kestown-storm.txt';
/** “The city was warned … ten years ago, said Pavel Dunmore — the closing mark is missing. */
const LONE_QUOTE_LINE = 16;

export function registerQuickFixTests(): void {
  suite('quick fixes', () => {
    test('inserting the missing closing quote mark clears the warning; undo brings it back', async () => {
      await activateExtension();
      const editor = await openArticle(ARTICLE);
      const document = editor.document;
      const original = document.getText();
      const isLone = (d: vscode.Diagnostic): boolean =>
        codeOf(d) === 'quote.unbalanced' && d.range.start.line === LONE_QUOTE_LINE;
      const before = await settledDiagnostics(document.uri, (ds) => ds.some(isLone), 'the unbalanced quote');
      const lone = before.find(isLone);
      assert.ok(lone);
      assert.equal(lone.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(
        document.getText(new vscode.Range(lone.range.start, lone.range.start.translate(0, 1))),
        '“',
      );

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        lone.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a) => /missing closing quote mark/.test(a.title));
      assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.lineAt(LONE_QUOTE_LINE).text, /ten years ago,?”/);
      await settledDiagnostics(
        document.uri,
        (ds) => !ds.some((d) => codeOf(d) === 'quote.unbalanced'),
        'the fix',
      );

      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), original);
      await settledDiagnostics(document.uri, (ds) => ds.some(isLone), 'the warning after undo');
      assert.equal(document.isDirty, false);
    });
  });
}
