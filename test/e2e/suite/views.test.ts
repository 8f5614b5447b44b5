// The "Article Lens" activity-bar views in the real editor: Entities (types → names → articles →
// mentions, with counts and a filter) and Stories (clusters of related articles), read through the tree
// providers the views display, and Compare opening VS Code's diff editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ArticleLensApi } from '../../../client/src/extension';
import type { ClusterNode } from '../../../client/src/views/clustersTree';
import type { EntityNode } from '../../../client/src/views/entitiesTree';
import {
  acceptPickUntilDone,
  activateExtension,
  baseName,
  codeOf,
  EXTENSION_ID,
  openArticle,
  settledDiagnostics,
  until,
  untilAsync,
  workspaceFile,
} from './helpers';

const SOURCE = 'dailycoast-kestown-floods.txt';
const REPRINT = 'harborwire-kestown-floods.txt';
const MAYOR = 'Orsolya Brandt';

export function api(): ArticleLensApi {
  const exports = vscode.extensions.getExtension<ArticleLensApi>(EXTENSION_ID)?.exports;
  assert.ok(exports, 'the extension exports its API');
  return exports;
}

/** Waits until the server is ready and the corpus indexed (shared passages need every file). */
export async function indexedCorpus(): Promise<void> {
  await activateExtension();
  const editor = await openArticle(SOURCE);
  await settledDiagnostics(
    editor.document.uri,
    (ds) => ds.some((d) => String(d.code) === 'duplicate.shared'),
    'an indexed corpus',
  );
}

async function items<T>(provider: vscode.TreeDataProvider<T>, parent?: T): Promise<[T, vscode.TreeItem][]> {
  const children = (await provider.getChildren(parent)) ?? [];
  return Promise.all(children.map(async (c) => [c, await provider.getTreeItem(c)] as [T, vscode.TreeItem]));
}

const label = (item: vscode.TreeItem): string =>
  typeof item.label === 'string' ? item.label : (item.label?.label ?? '');

export function registerViewTests(): void {
  suite('Article Lens views', () => {
    suiteSetup(async () => {
      await indexedCorpus();
      // Opening the container is what a user does; the views must be contributed for it to work.
      await vscode.commands.executeCommand('workbench.view.extension.articleLens');
    });

    test('Entities: types with counts → names with mentions and articles → articles → mentions', async () => {
      const tree = api().views.entities;
      const roots = await items<EntityNode>(tree);
      const person = roots.find(([, i]) => label(i) === 'Person (PERSON)');
      assert.ok(person, `types: ${roots.map(([, i]) => label(i)).join(', ')}`);
      assert.match(String(person[1].description), /^\d+ entit(y|ies) · \d+ mentions?$/);
      const people = await items(tree, person[0]);
      const mayor = people.find(([, i]) => label(i) === MAYOR);
      assert.ok(mayor, `people: ${people.map(([, i]) => label(i)).join(', ')}`);
      assert.match(String(mayor[1].description), /^\d+ mentions · [3-9] articles$/);
      assert.equal(mayor[1].contextValue, 'articleLens.entity');
      const articles = await items(tree, mayor[0]);
      const source = articles.find(([, i]) => i.resourceUri && baseName(i.resourceUri) === SOURCE);
      assert.ok(source, 'the mayor’s articles include the source');
      assert.match(
        String(source[1].description),
        new RegExp(`^${SOURCE.replace(/\./g, '\\.')} · \\d+ mentions?$`),
      );
      const mentions = await items(tree, source[0]);
      assert.ok(mentions.length > 0);
      assert.match(label(mentions[0][1]), /Brandt|Orsolya/);
      assert.equal(mentions[0][1].contextValue, 'articleLens.entityMention');
      assert.equal(mentions[0][1].command?.command, 'vscode.open');
    });

    test('Entities: the filter narrows the tree to matching names', async () => {
      const tree = api().views.entities;
      tree.setFilter('orsolya');
      try {
        const roots = await items<EntityNode>(tree);
        assert.deepEqual(
          roots.map(([, i]) => label(i)),
          ['Person (PERSON)'],
        );
        const people = (await items(tree, roots[0][0])).map(([, i]) => label(i));
        assert.ok(people.includes(MAYOR), people.join(', '));
        // A misspelt variant the corpus holds ("Orsolya Brant") matches too; nothing else does.
        assert.ok(
          people.every((p) => /orsolya/i.test(p)),
          people.join(', '),
        );
      } finally {
        tree.setFilter('');
      }
    });

    test('Stories: the flood coverage is one cluster with a headline title and its members', async () => {
      const tree = api().views.clusters;
      const clusters = await items<ClusterNode>(tree);
      assert.ok(clusters.length > 0, 'at least one cluster');
      let found: [ClusterNode, vscode.TreeItem][] | undefined;
      for (const [node, item] of clusters) {
        const members = await items(tree, node);
        const files = members.map(([, m]) => (m.resourceUri ? baseName(m.resourceUri) : ''));
        assert.match(String(item.description), /^\d+ articles$/);
        assert.equal(String(item.description), `${members.length} articles`);
        if (files.includes(SOURCE)) {
          assert.ok(files.includes(REPRINT), `the reprint is in the source's cluster: ${files.join(', ')}`);
          assert.ok(!/\.txt$/.test(label(item)), `a headline, not a file name: ${label(item)}`);
          found = members;
        }
      }
      assert.ok(found, 'a cluster holds the source');
      const [, member] = found[0];
      assert.equal(member.contextValue, 'articleLens.clusterMember');
      assert.equal(member.command?.command, 'vscode.open');
    });

    test('Compare from a cluster member opens the diff editor on the pair', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const tree = api().views.clusters;
      const [cluster] = await items<ClusterNode>(tree);
      const [, second] = await items(tree, cluster[0]);
      assert.ok(second, 'a cluster has two members');
      await vscode.commands.executeCommand('articleLens.compareArticles', second[0]);
      const input = await until('a diff editor', () => {
        const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
        return tab?.input instanceof vscode.TabInputTextDiff ? tab.input : undefined;
      });
      assert.equal(input.modified.toString(), second[1].resourceUri?.toString());
      assert.notEqual(input.original.toString(), input.modified.toString());
    });

    test('Compare with Related Article… opens the pair in the diff editor at their shared passage', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await openArticle(SOURCE);
      await acceptPickUntilDone('articleLens.compareWithRelated', 'compare quick pick');
      const input = await until('a diff editor', () => {
        const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
        return tab?.input instanceof vscode.TabInputTextDiff ? tab.input : undefined;
      });
      assert.equal(baseName(input.original), SOURCE);
      assert.equal(baseName(input.modified), REPRINT, 'the top related article');
      const editor = await until('the diff’s editor', () => vscode.window.activeTextEditor);
      assert.ok(editor.selection.active.line > 0, 'opened at the first shared passage, not the top');
    });

    test('Entities: the inline Not an Entity on a mention saves a correction; the mention leaves the view', async () => {
      const editor = await openArticle(SOURCE);
      const document = editor.document;
      const tree = api().views.entities;
      tree.setFilter('Norvane Shipping');
      const mentionsHere = async (): Promise<[EntityNode, vscode.TreeItem][]> => {
        const [org] = (await items<EntityNode>(tree)).filter(([, i]) => label(i) === 'Organisation (ORG)');
        const entity = org && (await items(tree, org[0])).find(([, i]) => label(i) === 'Norvane Shipping');
        const article =
          entity &&
          (await items(tree, entity[0])).find(([, i]) => i.resourceUri && baseName(i.resourceUri) === SOURCE);
        return article ? items(tree, article[0]) : [];
      };
      const isNorvane = (d: vscode.Diagnostic): boolean =>
        codeOf(d).startsWith('entity.') && document.getText(d.range) === 'Norvane Shipping';
      const before = await settledDiagnostics(document.uri, (ds) => ds.some(isNorvane), 'Norvane Shipping');
      const mentions = await mentionsHere();
      assert.ok(mentions.length > 0, 'Norvane Shipping has mentions in the source');
      try {
        // The scope pick: its first entry is "This mention only".
        await acceptPickUntilDone('articleLens.markNotEntity', 'scope pick', mentions[0][0]);
        await settledDiagnostics(
          document.uri,
          (ds) => ds.filter(isNorvane).length === before.filter(isNorvane).length - 1,
          'one Norvane Shipping mention fewer',
        );
        const after = await untilAsync('the view without the mention', async () => {
          const now = await mentionsHere();
          return now.length === mentions.length - 1 ? now : undefined;
        });
        assert.equal(after.length, mentions.length - 1);
      } finally {
        tree.setFilter('');
        // Undo in the sidecar, as a curator would (the correction created it, so undo may remove it).
        const sidecarUri = workspaceFile('.article-lens/annotations.json');
        const sidecar = await vscode.workspace.openTextDocument(sidecarUri);
        await vscode.window.showTextDocument(sidecar);
        await vscode.commands.executeCommand('undo');
        if (!sidecar.isClosed) await sidecar.save();
        await settledDiagnostics(
          document.uri,
          (ds) => ds.filter(isNorvane).length === before.filter(isNorvane).length,
          'the mention back after undo',
        );
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        await Promise.resolve(
          vscode.workspace.fs.delete(vscode.Uri.joinPath(sidecarUri, '..'), { recursive: true }),
        ).catch(() => undefined);
      }
    });
  });
}
