// Navigation polish in the real editor: Next/Previous Related as editor-title buttons and keybindings
// on articles, the status item opening Show Related Articles, and a walk that returns to its start.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { acceptPickUntilDone, activeFile, EXTENSION_ID, openArticle, until } from './helpers';
import { api, indexedCorpus } from './views.test';

const SOURCE = 'dailycoast-kestown-floods.txt';
const TOP_RELATED = 'harborwire-kestown-floods.txt';

interface Contributions {
  menus: Record<string, { command: string; when?: string; group?: string }[]>;
  keybindings: { command: string; key: string; when?: string }[];
  commands: { command: string; icon?: string }[];
}

export function registerTitleButtonTests(): void {
  suite('editor-title buttons, status click and the walk', () => {
    suiteSetup(indexedCorpus);

    setup(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await openArticle(SOURCE);
    });

    test('Next/Previous Related are editor-title buttons and keybindings on articles only', async () => {
      const contributes = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON
        .contributes as Contributions;
      const registered = await vscode.commands.getCommands(true);
      for (const id of ['articleLens.nextRelatedArticle', 'articleLens.previousRelatedArticle']) {
        const button = contributes.menus['editor/title'].find((m) => m.command === id);
        assert.ok(button, `${id} is an editor-title button`);
        assert.equal(button.when, 'articleLens.isArticle');
        assert.match(button.group ?? '', /^navigation/, 'shown as an icon, not in the "…" menu');
        assert.ok(contributes.commands.find((c) => c.command === id)?.icon, `${id} has an icon`);
        const key = contributes.keybindings.find((k) => k.command === id);
        assert.ok(key?.when?.includes('articleLens.isArticle'), `${id} has a keybinding on articles`);
        assert.ok(registered.includes(id), `${id} is registered`);
      }
    });

    test('clicking the status item opens Show Related Articles', async () => {
      const command = await until('the status item to offer related articles', () => {
        const c = api().statusCommand();
        return c === 'articleLens.showRelatedArticles' ? c : undefined;
      });
      await acceptPickUntilDone(command, 'related-articles quick pick');
      await until(`${TOP_RELATED} from the status click`, () => activeFile() === TOP_RELATED);
    });

    test('Previous from the start goes to the last related article; Next then returns to the start', async () => {
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      const line = [...Array(editor.document.lineCount).keys()].find(
        (l) => l > 2 && editor.document.lineAt(l).text.length > 10,
      );
      assert.ok(line !== undefined);
      const start = new vscode.Position(line, 5);
      editor.selection = new vscode.Selection(start, start);
      await vscode.commands.executeCommand('articleLens.previousRelatedArticle');
      await until('the last related article', () => activeFile() !== SOURCE);
      await vscode.commands.executeCommand('articleLens.nextRelatedArticle');
      await until('back at the start', () => activeFile() === SOURCE);
      assert.deepEqual(vscode.window.activeTextEditor?.selection.active, start, 'where the walk started');
    });
  });
}
