// Corrections in the real editor: "Not an entity" and "Change type" from the code actions on two mentions
// of dailycoast-ferry-suspended.txt change its diagnostics; Undo in the article editor (the command Ctrl+Z
// runs there right after a correction) brings them back one at a time, Redo re-applies, and the article
// itself is never touched. Then the Lost Corrections view: a correction whose text is edited away is
// listed, opens the sidecar at its line, is removed, and Undo puts it back. Each test removes the sidecar
// it created, so the other suites see the corpus as shipped.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ArticleLensApi } from '../../../client/src/extension';
import type { LostNode } from '../../../client/src/views/lostCorrectionsTree';
import {
  activateExtension,
  codeOf,
  EXTENSION_ID,
  openArticle,
  settledDiagnostics,
  until,
  untilAsync,
  workspaceFile,
} from './helpers';

const ARTICLE = 'dailycoast-ferry-suspended.txt';
const SIDECAR = '.article-lens/annotations.json';

function api(): ArticleLensApi {
  const exports = vscode.extensions.getExtension<ArticleLensApi>(EXTENSION_ID)?.exports;
  assert.ok(exports, 'the extension exports its API');
  return exports;
}

async function storedCorrections(): Promise<{ id: string; kind: string }[]> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(SIDECAR));
  return (JSON.parse(doc.getText()) as { corrections: { id: string; kind: string }[] }).corrections;
}

async function removeSidecar(): Promise<void> {
  const uri = workspaceFile(SIDECAR);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
  await Promise.resolve(
    vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true }),
  ).catch(() => undefined);
}

const actionsAt = (uri: vscode.Uri, range: vscode.Range): Thenable<vscode.CodeAction[]> =>
  vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);

async function run(action: vscode.CodeAction | undefined, what: string): Promise<void> {
  assert.ok(action?.command, what);
  await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export function registerCurationTests(): void {
  suite('curation', () => {
    test('Not an entity and Change type change the diagnostics; Undo in the article brings them back', async () => {
      await activateExtension();
      const editor = await openArticle(ARTICLE);
      const document = editor.document;
      const text = document.getText();
      const at = (t: string) => (d: vscode.Diagnostic) =>
        document.getText(d.range) === t && codeOf(d).startsWith('entity.');
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
      const asCorrected = (ds: readonly vscode.Diagnostic[]): boolean =>
        ds.filter(isThursday).length === thursdays - 1 &&
        ds.some((d) => isDailyCoast(d) && codeOf(d) === 'entity.EVENT');
      const asShipped = (ds: readonly vscode.Diagnostic[]): boolean =>
        ds.length === original.length &&
        ds.filter(isThursday).length === thursdays &&
        ds.some((d) => isDailyCoast(d) && codeOf(d) === 'entity.ORG');

      try {
        await run(
          (await actionsAt(document.uri, thursday.range)).find(
            (a) => a.title === 'Not an entity: “Thursday” (this mention)',
          ),
          'the Not an entity action',
        );
        await settledDiagnostics(
          document.uri,
          (ds) => ds.filter(isThursday).length === thursdays - 1 && ds.length === original.length - 1,
          'Thursday gone',
        );
        const change = (await actionsAt(document.uri, dailyCoast.range)).find((a) =>
          /^Change type of “Daily Coast” \(ORG\) to…$/.test(a.title),
        );
        assert.ok(change?.command, 'the Change type action');
        const [draft] = change.command.arguments as [Record<string, unknown>];
        // What the type pick answers; this mention only, so no scope pick.
        await vscode.commands.executeCommand(change.command.command, { ...draft, type: 'EVENT' }, {});
        await settledDiagnostics(document.uri, asCorrected, 'Daily Coast as EVENT');
        assert.equal((await storedCorrections()).length, 2);
        const sidecar = await vscode.workspace.openTextDocument(workspaceFile(SIDECAR));
        assert.equal(sidecar.isDirty, false, 'the sidecar was saved');

        // Undo where the user is: the article editor stays active, Ctrl+Z there runs Undo Correction.
        assert.equal(vscode.window.activeTextEditor?.document, document, 'the article is the active editor');
        const binding = (
          vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
            contributes: { keybindings: { command: string; key: string; when: string }[] };
          }
        ).contributes.keybindings.find((k) => k.command === 'articleLens.undoCorrection');
        assert.equal(binding?.key, 'ctrl+z');
        assert.match(binding?.when ?? '', /articleLens\.correctionUndoable/);

        await vscode.commands.executeCommand('articleLens.undoCorrection');
        await settledDiagnostics(
          document.uri,
          (ds) =>
            ds.some((d) => isDailyCoast(d) && codeOf(d) === 'entity.ORG') &&
            ds.filter(isThursday).length === thursdays - 1,
          'the type back',
        );
        await vscode.commands.executeCommand('articleLens.undoCorrection');
        const back = await settledDiagnostics(document.uri, asShipped, 'both back');
        assert.deepEqual(
          back.map((d) => [codeOf(d), d.range.start.line, d.range.start.character]),
          original.map((d) => [codeOf(d), d.range.start.line, d.range.start.character]),
        );
        assert.deepEqual(await storedCorrections(), []);
        assert.equal(document.isDirty, false, 'the article was never edited');
        assert.equal(document.getText(), text);

        // Redo re-applies both; one more Undo takes the last one back again.
        await vscode.commands.executeCommand('articleLens.redoCorrection');
        await vscode.commands.executeCommand('articleLens.redoCorrection');
        await settledDiagnostics(document.uri, asCorrected, 'both corrections redone');
        await vscode.commands.executeCommand('articleLens.undoCorrection');
        await vscode.commands.executeCommand('articleLens.undoCorrection');
        await settledDiagnostics(document.uri, asShipped, 'both undone again');

        // Typing while a Redo is still on its way to the server: Ctrl+Z afterwards is the editor's own.
        const redone = vscode.commands.executeCommand('articleLens.redoCorrection');
        assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Zqz ')), 'typed');
        await redone;
        await vscode.commands.executeCommand('articleLens.undoCorrection', { key: true });
        await until('the typing undone by the editor', () => document.getText() === text);
        assert.equal((await storedCorrections()).length, 1, 'the redone correction is kept');
        await vscode.commands.executeCommand('articleLens.undoCorrection');
        await settledDiagnostics(document.uri, asShipped, 'the redone correction undone from the palette');
        assert.deepEqual(await storedCorrections(), []);
      } finally {
        await removeSidecar();
      }
    });

    test('Lost Corrections lists a correction whose text was edited away; Remove, then Undo', async () => {
      await activateExtension();
      const editor = await openArticle(ARTICLE);
      const document = editor.document;
      const isDailyCoast = (d: vscode.Diagnostic): boolean =>
        document.getText(d.range) === 'Daily Coast' && codeOf(d).startsWith('entity.');
      const original = await settledDiagnostics(document.uri, (ds) => ds.some(isDailyCoast));
      const dailyCoast = original.find(isDailyCoast);
      assert.ok(dailyCoast);
      const tree = api().lostCorrections;
      const lostRows = async (): Promise<LostNode[]> => {
        const files = await tree.getChildren();
        return (await Promise.all(files.map((f) => tree.getChildren(f)))).flat();
      };
      try {
        await run(
          (await actionsAt(document.uri, dailyCoast.range)).find(
            (a) => a.title === 'Not an entity: “Daily Coast” (this mention)',
          ),
          'the Not an entity action',
        );
        await settledDiagnostics(document.uri, (ds) => ds.length === original.length - 1, 'Daily Coast gone');
        assert.deepEqual(await lostRows(), []);

        // The mention's text edited away in the (unsaved) article buffer.
        await editor.edit((b) => b.replace(dailyCoast.range, 'The Coast Daily'));
        const [row] = await untilAsync('the lost correction in the view', async () => {
          const rows = await lostRows();
          return rows.length > 0 ? rows : undefined;
        });
        assert.equal(row.kind, 'lost');
        const [fileNode] = await tree.getChildren();
        assert.equal(tree.getTreeItem(fileNode).label, ARTICLE);
        const item = tree.getTreeItem(row);
        assert.equal(item.label, '“Daily Coast”');
        assert.equal(item.description, 'not entity · mention');
        assert.equal(item.contextValue, 'articleLens.lostCorrection');
        assert.ok(row.kind === 'lost');
        assert.match(row.item.reason, /no longer in/);

        await vscode.commands.executeCommand('articleLens.openLostCorrection', row);
        const sidecarEditor = vscode.window.activeTextEditor;
        assert.equal(sidecarEditor?.document.uri.toString(), workspaceFile(SIDECAR).toString());
        assert.match(
          sidecarEditor.document.lineAt(sidecarEditor.selection.start.line).text,
          new RegExp(`"id":"${row.item.id}"`),
        );

        await vscode.commands.executeCommand('articleLens.removeLostCorrection', row);
        assert.deepEqual(await storedCorrections(), []);
        await untilAsync('the view empty', async () => ((await lostRows()).length === 0 ? true : undefined));

        await vscode.commands.executeCommand('articleLens.undoCorrection');
        assert.deepEqual(
          (await storedCorrections()).map((c) => c.id),
          [row.item.id],
        );
        await untilAsync('the correction listed again', async () =>
          (await lostRows()).some((r) => r.kind === 'lost' && r.item.id === row.item.id) ? true : undefined,
        );
      } finally {
        await vscode.window.showTextDocument(document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await removeSidecar();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      }
    });
  });
}
