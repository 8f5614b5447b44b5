// The Stories view: groups of articles about one event (connected related articles), each titled by
// its best-connected member's headline; selecting a member opens it, the inline action compares it with
// the cluster's lead article.
import * as vscode from 'vscode';
import type { StoryCluster, StoryClusterMember } from '../../../server/src/protocol';
import { baseName, plural } from './labels';
import type { ServerApi } from './serverApi';

export type ClusterNode =
  | { kind: 'cluster'; cluster: StoryCluster; index: number }
  | { kind: 'member'; member: StoryClusterMember; cluster: StoryCluster };

export const MEMBER_CONTEXT = 'articleLens.clusterMember';

/** The article a member is compared with: the lead, or for the lead the next best-connected member. */
export function comparePartner(node: ClusterNode & { kind: 'member' }): StoryClusterMember | undefined {
  const [lead, second] = node.cluster.members;
  return node.member.uri === lead?.uri ? second : lead;
}

export class ClustersTree implements vscode.TreeDataProvider<ClusterNode> {
  private readonly changed = new vscode.EventEmitter<ClusterNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  unclustered = 0;

  constructor(private readonly api: () => ServerApi | undefined) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: ClusterNode): vscode.TreeItem {
    if (node.kind === 'cluster') {
      const state =
        node.index < 3 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
      const item = new vscode.TreeItem(node.cluster.title, state);
      item.description = plural(node.cluster.members.length, 'article');
      item.iconPath = new vscode.ThemeIcon('group-by-ref-type');
      item.tooltip = node.cluster.members.map((m) => `• ${m.title}`).join('\n');
      item.id = `cluster:${node.cluster.members[0]?.uri ?? node.index}`;
      return item;
    }
    const uri = vscode.Uri.parse(node.member.uri);
    const item = new vscode.TreeItem(node.member.title, vscode.TreeItemCollapsibleState.None);
    item.description = `${baseName(uri)} · ${plural(node.member.links, 'link')}`;
    item.resourceUri = uri;
    item.iconPath = vscode.ThemeIcon.File;
    item.contextValue = MEMBER_CONTEXT;
    item.id = `member:${node.cluster.members[0]?.uri}:${node.member.uri}`;
    item.command = { command: 'vscode.open', title: 'Open Article', arguments: [uri, { preview: true }] };
    return item;
  }

  async getChildren(node?: ClusterNode): Promise<ClusterNode[]> {
    if (node) {
      return node.kind === 'cluster'
        ? node.cluster.members.map((member) => ({ kind: 'member', member, cluster: node.cluster }))
        : [];
    }
    const api = this.api();
    if (!api) return [];
    const result = await api.storyClusters();
    this.unclustered = result.unclustered;
    return result.clusters.map((cluster, index) => ({ kind: 'cluster', cluster, index }));
  }
}
