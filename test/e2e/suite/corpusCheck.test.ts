// Check Corpus in the real editor: Problems gets rows for articles no editor has open, and a preview
// tab's rows stay after the tab closes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, until, workspaceFile } from './helpers';
import { indexedCorpus } from './views.test';

/** Never opened by any suite before this one. */
const CLOSED = 'eastgate-lindval-fisheries-talks.txt';
const PREVIEWED = 'tamsenherald-mizushima-fisheries.txt';

const codes = (uri: vscode.Uri): string[] => vscode.languages.getDiagnostics(uri).map(codeOf);

export function registerCorpusCheckTests(): void {
  suite('Check Corpus', () => {
    suiteSetup(async () => {
      await indexedCorpus();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('fills Problems for articles that are not open', async () => {
      const uri = workspaceFile(CLOSED);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
      await vscode.commands.executeCommand('articleLens.checkCorpus');
      const found = codes(uri);
      assert.ok(found.length > 0, `${CLOSED} has rows in Problems`);
      assert.ok(
        found.some((c) => c.startsWith('entity.') || c.startsWith('duplicate.')),
        found.join(', '),
      );
      // Every article of the sample corpus got its rows, not only this one.
      const all = vscode.languages
        .getDiagnostics()
        .filter(([u, ds]) => u.path.endsWith('.txt') && ds.length > 0);
      assert.ok(all.length >= 8, `${all.length} articles with rows`);
    });

    test('a preview tab’s rows stay after the tab closes', async () => {
      const uri = workspaceFile(PREVIEWED);
      await vscode.commands.executeCommand('articleLens.checkCorpus');
      const before = codes(uri).length;
      assert.ok(before > 0);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: true });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      // The language client drops the file's rows at close; the corpus check puts them back.
      await new Promise((r) => setTimeout(r, 1500));
      await until('rows of the closed preview', () => codes(uri).length > 0);
      assert.ok(Math.abs(codes(uri).length - before) <= before, 'about the same rows as before');
    });
  });
}
