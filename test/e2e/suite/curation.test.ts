// Corrections in the real editor: "Not an entity" and "Change type" from the code actions on two mentions
// of dailycoast-ferry-suspended.txt change its diagnostics; Undo in the sidecar brings them back. Runs last:
// it removes the sidecar it created, so the other suites see the corpus as shipped.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openArticle, settledDiagnostics, workspaceFile } from './helpers';

const ARTICLE = 'dailycoast-ferry-suspended.txt';
const SIDECAR = '.article-lens/annotations.json';

export function registerCurationTests(): void {
  suite('curation', () => {
    test('Not an entity and Change type change the diagnostics; undo in the sidecar restores them', async () => {
      await activateExtension();
      const editor = await openArticle(ARTICLE);
      const document = editor.document;
      const at = (text: string) => (d: vscode.Diagnostic) =>
        document.getText(d.range) === text && codeOf(d).startsWith('entity.');
      const isThursday = at('Thursday');
      const isDailyCoast = at('Daily Coast');
      const original = await settledDiagnostics(
        document.uri,
        (ds) => ds.some(isThursday) && ds.some(isDailyCoast),
        'entity diagnostics',
      );
      const thursday = original.find(isThursday);
      const dailyCoast = original.find(isDailyCoast);
      assert.ok(thursday && dailyCoast);
      const thursdays = original.filter(isThursday).length;
      assert.equal(codeOf(dailyCoast), 'entity.ORG');

      const actionsAt = (range: vscode.Range) =>
        vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          range,
        );
      const notEntity = (await actionsAt(thursday.range)).find(
        (a) => a.title === 'Not an entity: “Thursday” (this mention)',
      );
      assert.ok(notEntity?.command, 'the Not an entity action');
      await vscode.commands.executeCommand(notEntity.command.command, ...(notEntity.command.arguments ?? []));
      await settledDiagnostics(
        document.uri,
        (ds) => ds.filter(isThursday).length === thursdays - 1 && ds.length === original.length - 1,
        'Thursday gone',
      );

      const change = (await actionsAt(dailyCoast.range)).find((a) =>
        /^Change type of “Daily Coast” \(ORG\) to…$/.test(a.title),
      );
      assert.ok(change?.command, 'the Change type action');
      const [draft] = change.command.arguments as [Record<string, unknown>];
      // What the type pick answers; this mention only, so no scope pick.
      await vscode.commands.executeCommand(change.command.command, { ...draft, type: 'EVENT' }, {});
      await settledDiagnostics(
        document.uri,
        (ds) => ds.some((d) => isDailyCoast(d) && codeOf(d) === 'entity.EVENT'),
        'Daily Coast as EVENT',
      );

      const sidecarUri = workspaceFile(SIDECAR);
      const sidecar = await vscode.workspace.openTextDocument(sidecarUri);
      assert.equal(sidecar.isDirty, false, 'the sidecar was saved');
      assert.equal((JSON.parse(sidecar.getText()) as { corrections: unknown[] }).corrections.length, 2);

      await vscode.window.showTextDocument(sidecar);
      await vscode.commands.executeCommand('undo');
      await sidecar.save();
      await settledDiagnostics(
        document.uri,
        (ds) =>
          ds.some((d) => isDailyCoast(d) && codeOf(d) === 'entity.ORG') &&
          ds.filter(isThursday).length === thursdays - 1,
        'the type back',
      );
      // The first correction created the sidecar: undoing it may remove the file, which the server also follows.
      await vscode.commands.executeCommand('undo');
      if (!sidecar.isClosed) await sidecar.save();
      const back = await settledDiagnostics(
        document.uri,
        (ds) =>
          ds.filter(isThursday).length === thursdays &&
          !ds.some((d) => isDailyCoast(d) && codeOf(d) === 'entity.EVENT'),
        'both back',
      );
      assert.equal(back.length, original.length);

      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await Promise.resolve(
        vscode.workspace.fs.delete(vscode.Uri.joinPath(sidecarUri, '..'), { recursive: true }),
      ).catch(() => undefined);
    });
  });
}
