// The Entities view: type → canonical name → articles → mentions, with counts. Names come from one
// request (filtered on the server); an entity's articles and mentions are asked for when it is expanded.
import * as vscode from 'vscode';
import type { EntityArticleItem, EntityListItem, EntityMentionItem } from '../../../server/src/protocol';
import { entityIcon } from './entityColors';
import { baseName, plural } from './labels';
import type { ServerApi } from './serverApi';

export type EntityNode =
  | { kind: 'type'; type: string; label: string; entities: EntityListItem[] }
  | { kind: 'entity'; entity: EntityListItem }
  | { kind: 'article'; entity: EntityListItem; article: EntityArticleItem }
  | { kind: 'mention'; entity: EntityListItem; uri: vscode.Uri; mention: EntityMentionItem };

/** Context values the package.json menus match for inline actions. */
export const EntityContext = {
  entity: 'articleLens.entity',
  article: 'articleLens.entityArticle',
  mention: 'articleLens.entityMention',
} as const;

export function mentionRange(m: EntityMentionItem): vscode.Range {
  const { start, end } = m.range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

export class EntitiesTree implements vscode.TreeDataProvider<EntityNode> {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterText = '';
  /** What the last answer held, for the view's message. */
  lastCount: { shown: number; matched: number } | undefined;
  readonly onDidLoad = new vscode.EventEmitter<void>();

  constructor(private readonly api: () => ServerApi | undefined) {}

  get filter(): string {
    return this.filterText;
  }

  setFilter(text: string): void {
    this.filterText = text.trim();
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'type': {
        const mentions = node.entities.reduce((n, e) => n + e.mentionCount, 0);
        const item = new vscode.TreeItem(node.label, C.Collapsed);
        item.description = `${plural(node.entities.length, 'entity', 'entities')} · ${plural(mentions, 'mention')}`;
        item.iconPath = entityIcon(node.type);
        item.id = `type:${node.type}`;
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.canonical, C.Collapsed);
        item.description = `${plural(e.mentionCount, 'mention')} · ${plural(e.fileCount, 'article')}`;
        item.tooltip = `${e.typeLabel} · ${e.canonical}\n${item.description}`;
        item.iconPath = entityIcon(e.type);
        item.contextValue = EntityContext.entity;
        item.id = `entity:${e.type}:${e.canonical}`;
        return item;
      }
      case 'article': {
        const uri = vscode.Uri.parse(node.article.uri);
        const item = new vscode.TreeItem(node.article.title, C.Collapsed);
        item.description = `${baseName(uri)} · ${plural(node.article.mentions.length, 'mention')}`;
        item.resourceUri = uri;
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = EntityContext.article;
        item.id = `article:${node.entity.canonical}:${node.article.uri}:${node.article.story ?? ''}`;
        const first = node.article.mentions[0];
        if (first) item.command = revealCommand(uri, mentionRange(first));
        return item;
      }
      case 'mention': {
        const range = mentionRange(node.mention);
        const item = new vscode.TreeItem(`“${node.mention.text}”`, C.None);
        item.description = `line ${range.start.line + 1}`;
        item.contextValue = EntityContext.mention;
        item.iconPath = new vscode.ThemeIcon('symbol-text');
        item.command = revealCommand(node.uri, range);
        return item;
      }
    }
  }

  async getChildren(node?: EntityNode): Promise<EntityNode[]> {
    const api = this.api();
    if (!api) return [];
    if (!node) return this.roots(api);
    switch (node.kind) {
      case 'type':
        return node.entities.map((entity) => ({ kind: 'entity', entity }));
      case 'entity':
        return (await api.entityArticles(node.entity.canonical)).map((article) => ({
          kind: 'article',
          entity: node.entity,
          article,
        }));
      case 'article': {
        const uri = vscode.Uri.parse(node.article.uri);
        return node.article.mentions.map((mention) => ({
          kind: 'mention',
          entity: node.entity,
          uri,
          mention,
        }));
      }
      case 'mention':
        return [];
    }
  }

  private async roots(api: ServerApi): Promise<EntityNode[]> {
    const result = await api.entities({ filter: this.filterText });
    this.lastCount = { shown: result.entities.length, matched: result.matched };
    this.onDidLoad.fire();
    const byType = new Map<string, EntityNode & { kind: 'type' }>();
    for (const e of result.entities) {
      let group = byType.get(e.type);
      if (!group) {
        group = { kind: 'type', type: e.type, label: e.typeLabel, entities: [] };
        byType.set(e.type, group);
      }
      group.entities.push(e);
    }
    // The busiest types first, as a curator scans them.
    return [...byType.values()].sort((a, b) => b.entities.length - a.entities.length);
  }
}

function revealCommand(uri: vscode.Uri, range: vscode.Range): vscode.Command {
  return {
    command: 'vscode.open',
    title: 'Open Mention',
    arguments: [uri, { selection: range, preview: true } satisfies vscode.TextDocumentShowOptions],
  };
}
