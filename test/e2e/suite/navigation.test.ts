// Corpus navigation through the real commands and providers: Next/Previous/Show Related Articles
// open the expected files, references reach other articles, workspace symbols find a person.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  acceptPickUntilDone,
  activateExtension,
  activeFile,
  baseName,
  openArticle,
  settledDiagnostics,
  until,
} from './helpers';

const SOURCE = 'dailycoast-kestown-floods.txt';
/** The same wire story reprinted word for word: the clear first related article. */
const TOP_RELATED = 'harborwire-kestown-floods.txt';
/** Other coverage of the storm and its ferry disruption, ranked after the reprint. */
const OTHER_COVERAGE = [
  'dailycoast-ferry-suspended.txt',
  'valdoriatoday-kestown-storm.txt',
  'dailycoast-brenmoor-lab-fire.txt',
  'dailycoast-world-and-local-briefs.txt',
];

export function registerNavigationTests(): void {
  suite('related articles, references and workspace symbols', () => {
    suiteSetup(async () => {
      await activateExtension();
      const editor = await openArticle(SOURCE);
      // Related ranking needs the indexed corpus; shared passages are published only once it is.
      await settledDiagnostics(
        editor.document.uri,
        (ds) => ds.some((d) => String(d.code) === 'duplicate.shared'),
        'an indexed corpus',
      );
    });

    setup(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await openArticle(SOURCE);
    });

    test('Next Related Article opens the reprint, then other coverage; Previous steps back', async () => {
      await vscode.commands.executeCommand('articleLens.nextRelatedArticle');
      await until(`${TOP_RELATED} to open`, () => activeFile() === TOP_RELATED);
      await vscode.commands.executeCommand('articleLens.nextRelatedArticle');
      const second = await until('the second related article', () => {
        const f = activeFile();
        return f !== TOP_RELATED && f !== SOURCE ? f : undefined;
      });
      assert.ok(OTHER_COVERAGE.includes(second), `second related article: ${second}`);
      await vscode.commands.executeCommand('articleLens.previousRelatedArticle');
      await until(`${TOP_RELATED} again`, () => activeFile() === TOP_RELATED);
    });

    test('Show Related Articles lists the corpus in a quick pick; accepting opens the entry', async () => {
      await acceptPickUntilDone('articleLens.showRelatedArticles', 'related-articles quick pick');
      await until(`${TOP_RELATED} from the quick pick`, () => activeFile() === TOP_RELATED);
    });

    test('references on the mayor reach the articles that quote her', async () => {
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      const line = editor.document.lineAt(14).text;
      const position = new vscode.Position(14, line.indexOf('Orsolya Brandt') + 9);
      const locations = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        editor.document.uri,
        position,
      );
      const files = new Set(locations.map((l) => baseName(l.uri)));
      for (const f of [SOURCE, TOP_RELATED, 'valdoriatoday-kestown-storm.txt']) {
        assert.ok(files.has(f), `references in ${[...files].join(', ')}`);
      }
      for (const l of locations.filter((x) => baseName(x.uri) === SOURCE)) {
        assert.match(editor.document.getText(l.range), /Brandt|Orsolya|mayor/i);
      }
    });

    test('workspace symbols find the mayor by name', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
        'vscode.executeWorkspaceSymbolProvider',
        'Orsolya',
      );
      const mayor = symbols.find((s) => s.name.includes('Orsolya Brandt'));
      assert.ok(mayor, `symbols: ${symbols.map((s) => s.name).join(', ')}`);
      assert.equal(mayor.kind, vscode.SymbolKind.Object, 'people are Object symbols');
      // The symbol points at a first mention, in whichever article the index met her first.
      const target = await vscode.workspace.openTextDocument(mayor.location.uri);
      assert.match(
        target.getText(mayor.location.range),
        /Brandt|Orsolya/,
        `in ${baseName(mayor.location.uri)}`,
      );
    });
  });
}
