// The Lost Corrections view: corrections whose anchor the server could not find (their article renamed or
// deleted, or their text edited away), by article. Selecting one opens the sidecar at its line; the inline
// action removes it through the server's sidecar edit (a WorkspaceEdit, so it can be undone). The view
// reloads whenever a sidecar's diagnostics change, since those list the same lost corrections.
import * as vscode from 'vscode';
import type { LostCorrectionItem } from '../../../server/src/protocol';
import { plural } from './labels';

export type LostNode =
  | { kind: 'file'; file: string; articleUri: string; items: LostCorrectionItem[] }
  | { kind: 'lost'; item: LostCorrectionItem };

export const LOST_CONTEXT = 'articleLens.lostCorrection';

export class LostCorrectionsTree implements vscode.TreeDataProvider<LostNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LostNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Lost corrections in the last answer. */
  count = 0;
  private readonly onCount = new vscode.EventEmitter<number>();
  readonly onDidChangeCount = this.onCount.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly load: () => Promise<LostCorrectionItem[]> | undefined,
    isSidecar: (uri: vscode.Uri) => boolean,
  ) {
    this.disposables = [
      this.changed,
      this.onCount,
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some(isSidecar)) this.refresh();
      }),
    ];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: LostNode): vscode.TreeItem {
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(node.file, vscode.TreeItemCollapsibleState.Expanded);
      item.description = plural(node.items.length, 'lost correction');
      item.resourceUri = vscode.Uri.parse(node.articleUri);
      item.iconPath = vscode.ThemeIcon.File;
      item.id = `lost-file:${node.articleUri}`;
      return item;
    }
    const { item: lost } = node;
    const item = new vscode.TreeItem(`“${lost.text}”`, vscode.TreeItemCollapsibleState.None);
    item.description = `${spelled(lost.kind)} · ${lost.scope}`;
    item.tooltip = new vscode.MarkdownString(
      `**${spelled(lost.kind)}** (${lost.scope}) on “${lost.text}” in \`${lost.file}\`\n\n${lost.reason}`,
    );
    item.iconPath = new vscode.ThemeIcon('warning');
    item.contextValue = LOST_CONTEXT;
    item.id = `lost:${lost.sidecarUri}#${lost.id}`;
    item.command = {
      command: 'articleLens.openLostCorrection',
      title: 'Open in the Sidecar',
      arguments: [node],
    };
    return item;
  }

  async getChildren(node?: LostNode): Promise<LostNode[]> {
    if (node) return node.kind === 'file' ? node.items.map((item) => ({ kind: 'lost', item })) : [];
    const items = (await this.load()) ?? [];
    if (items.length !== this.count) {
      this.count = items.length;
      this.onCount.fire(items.length);
    }
    const byFile = new Map<string, LostNode & { kind: 'file' }>();
    for (const item of items) {
      const key = `${item.sidecarUri}\u0000${item.file}`;
      let file = byFile.get(key);
      if (!file) {
        file = { kind: 'file', file: item.file, articleUri: item.articleUri, items: [] };
        byFile.set(key, file);
      }
      file.items.push(item);
    }
    return [...byFile.values()];
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** "notEntity" → "not entity". */
export function spelled(kind: string): string {
  return kind.replace(/([A-Z])/g, ' $1').toLowerCase();
}

export function isLostNode(x: unknown): x is LostNode & { kind: 'lost' } {
  return (x as { kind?: unknown } | null)?.kind === 'lost';
}

/** Opens the sidecar with the correction's line selected. */
export async function openLostCorrection(node: LostNode & { kind: 'lost' }): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(node.item.sidecarUri));
  const line = doc.lineAt(Math.min(node.item.line, doc.lineCount - 1)).range;
  await vscode.window.showTextDocument(doc, { selection: line, preview: true });
}
