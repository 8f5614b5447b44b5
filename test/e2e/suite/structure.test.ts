// Page structure in the real editor: the Outline's symbols of a page of two briefs (one per story, named by
// its headline, with its parts below), the Outline view opening on them, folding ("Fold All Block
// Comments" tucks away the page furniture and leaves the stories on screen), and the Entities view listing
// the page story by story.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EntityNode } from '../../../client/src/views/entitiesTree';
import { baseName, openArticle, until, untilAsync } from './helpers';
import { api, indexedCorpus } from './views.test';

const BRIEFS = 'dailycoast-world-and-local-briefs.txt';
const STORIES = [
  'Ostrevia and Tamsen to restart fisheries talks',
  'Fire at Brenmoor University lab forces evacuation',
];

function lineOf(document: vscode.TextDocument, text: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.startsWith(text)) return i;
  assert.fail(`no line starts with ${JSON.stringify(text)}`);
}

const label = (item: vscode.TreeItem): string =>
  typeof item.label === 'string' ? item.label : (item.label?.label ?? '');

async function children(tree: vscode.TreeDataProvider<EntityNode>, parent?: EntityNode) {
  const nodes = (await tree.getChildren(parent)) ?? [];
  return Promise.all(nodes.map(async (n) => ({ node: n, item: await tree.getTreeItem(n) })));
}

const visible = (editor: vscode.TextEditor, line: number): boolean =>
  editor.visibleRanges.some((r) => r.start.line <= line && line <= r.end.line);

export function registerStructureTests(): void {
  suite('page structure: Outline and folding', () => {
    let editor: vscode.TextEditor;

    suiteSetup(async () => {
      await indexedCorpus();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      editor = await openArticle(BRIEFS);
    });

    test('Outline: one symbol per story, named by its headline, with its headline, byline and body', async () => {
      const uri = editor.document.uri;
      const symbols = await untilAsync('the page’s document symbols', async () => {
        const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
          'vscode.executeDocumentSymbolProvider',
          uri,
        );
        return found && found.length > 0 ? found : undefined;
      });
      assert.deepEqual(
        symbols.map((s) => s.name),
        STORIES,
      );
      const [talks, fire] = symbols;
      assert.equal(talks.selectionRange.start.line, lineOf(editor.document, STORIES[0]));
      const parts = talks.children.map((c) => c.name);
      assert.equal(parts[0], 'Headline', parts.join(', '));
      assert.ok(parts.includes('Dateline') && parts.includes('Body'), parts.join(', '));
      assert.ok(
        fire.children.some((c) => c.name === 'Byline' && /Nadia Petrov/.test(c.detail)),
        JSON.stringify(fire.children.map((c) => [c.name, c.detail])),
      );
      // The stories do not overlap and the second starts at its own headline, not the page's first line.
      assert.ok(talks.range.end.line < fire.range.start.line);
      // The Outline view is where a user sees them; it opens on the active article.
      await vscode.commands.executeCommand('outline.focus');
    });

    test('folding: the furniture folds as block comments; the stories stay on screen', async () => {
      const ranges = await untilAsync('the page’s folding ranges', async () => {
        const found = await vscode.commands.executeCommand<vscode.FoldingRange[] | undefined>(
          'vscode.executeFoldingRangeProvider',
          editor.document.uri,
        );
        return found && found.length > 0 ? found : undefined;
      });
      const furniture = ranges.filter((r) => r.kind === vscode.FoldingRangeKind.Comment);
      const alsoRead = lineOf(editor.document, 'ALSO READ');
      const footer = lineOf(editor.document, '©');
      assert.ok(
        furniture.some((r) => r.start === alsoRead && r.end >= footer),
        `furniture folds: ${JSON.stringify(furniture)}`,
      );
      assert.equal(ranges.filter((r) => r.kind === undefined).length, STORIES.length, 'each story folds');

      editor = await vscode.window.showTextDocument(editor.document, { preview: false });
      const body = lineOf(editor.document, 'The fire started');
      const bio = lineOf(editor.document, 'Nadia Petrov covers');
      await vscode.commands.executeCommand('editor.foldAllBlockComments');
      await until('the reading list, bio and footer folded away', () => !visible(editor, bio));
      assert.ok(visible(editor, alsoRead), 'the folded block’s first line stays as its summary');
      assert.ok(!visible(editor, footer), 'the footer is folded too');
      assert.ok(visible(editor, body), 'the story’s own text stays');
      await vscode.commands.executeCommand('editor.unfoldAll');
      await until('everything unfolded again', () => visible(editor, bio));
    });

    test('Entities view: a name in one brief lists that story of the page, titled by its headline', async () => {
      const tree = api().views.entities;
      const types = await children(tree);
      const orgs = types.find((t) => label(t.item) === 'Organisation (ORG)');
      assert.ok(orgs, types.map((t) => label(t.item)).join(', '));
      const names = await children(tree, orgs.node);
      const university = names.find((n) => label(n.item) === 'Brenmoor University');
      assert.ok(university, names.map((n) => label(n.item)).join(', '));
      const articles = await children(tree, university.node);
      const onPage = articles.filter((a) => a.item.resourceUri && baseName(a.item.resourceUri) === BRIEFS);
      const story = onPage.find((a) => label(a.item) === STORIES[1]);
      assert.ok(story, `the page’s items: ${onPage.map((a) => label(a.item)).join(' | ')}`);
      assert.match(
        String(story.item.description),
        new RegExp(`^${BRIEFS.replace(/\./g, '\\.')} · \\d+ mentions?$`),
      );
      // Its mentions are the story's own: none before the story's headline.
      const headline = lineOf(editor.document, STORIES[1]);
      const mentions = await children(tree, story.node);
      assert.ok(mentions.length > 0);
      for (const m of mentions)
        assert.ok(m.node.kind === 'mention' && m.node.mention.range.start.line >= headline);
    });
  });
}
