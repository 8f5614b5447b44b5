// Related-article navigation over the server's ranked list (`articleLens/relatedArticles`): Next/Previous walk
// the list with a cursor per source article; Show Related is a quick pick that previews the focused entry.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ClientCommands,
  type RelatedArticleItem,
  type RelatedArticlesResult,
} from '../../server/src/protocol';
import { revealLocation } from './navigation';
import type { StatusBar } from './statusBar';

/** Asks the server for the ranked list of one article. */
export type FetchRelated = (
  uri: vscode.Uri,
  token?: vscode.CancellationToken,
) => Promise<RelatedArticlesResult>;

interface Walk {
  items: RelatedArticleItem[];
  /** Index of the item shown last; -1 before the first step and back at the source. */
  index: number;
  /** Where the user was in the source when the walk left it, to return there. */
  origin?: vscode.Location;
}

function toRange(item: RelatedArticleItem): vscode.Range {
  const { start, end } = item.range;
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

function toLocation(item: RelatedArticleItem): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(item.uri), toRange(item));
}

function displayTitle(item: RelatedArticleItem): string {
  const title = item.title.trim();
  return title !== '' ? title : path.posix.basename(vscode.Uri.parse(item.uri).path);
}

export function formatScore(score: number): string {
  return score.toFixed(2);
}

const NOT_RELATED_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('close'),
  tooltip: 'Not related (saved as a correction)',
};

interface RelatedPickItem extends vscode.QuickPickItem {
  item: RelatedArticleItem;
}

export class RelatedArticles {
  /** Cursor per source article, so returning to a source resumes its walk. */
  private readonly walks = new Map<string, Walk>();
  /** The source of the walk in progress: Next from its current target continues it. */
  private currentSource: string | undefined;

  constructor(
    private readonly fetch: FetchRelated,
    private readonly status: StatusBar,
  ) {}

  next(document: vscode.TextDocument): Promise<void> {
    return this.step(document, +1);
  }

  previous(document: vscode.TextDocument): Promise<void> {
    return this.step(document, -1);
  }

  /** Keeps the status bar's "related i/n" on the article the walk shows. */
  onActiveDocument(uri: vscode.Uri | undefined): void {
    if (!uri || this.currentSource === undefined) return;
    const walk = this.walks.get(this.currentSource);
    const shown = walk?.items[walk.index];
    if (walk && shown && shown.uri === uri.toString()) {
      this.status.setWalk({ index: walk.index, total: walk.items.length });
    }
  }

  /** Forgets walks whose source was deleted or renamed. */
  forget(uri: vscode.Uri): void {
    this.walks.delete(uri.toString());
    if (this.currentSource === uri.toString()) this.currentSource = undefined;
  }

  private async step(document: vscode.TextDocument, direction: 1 | -1): Promise<void> {
    const active = document.uri.toString();
    let source = active;
    let walk: Walk | undefined;
    const current = this.currentSource !== undefined ? this.walks.get(this.currentSource) : undefined;
    if (current && current.items[current.index]?.uri === active) {
      // The active article is where the walk stopped: keep walking the source's list.
      source = this.currentSource as string;
      walk = current;
    } else {
      walk = await this.refreshWalk(document.uri);
    }
    if (walk.items.length === 0) {
      void vscode.window.showInformationMessage(
        `Article Lens: no related articles for ${path.posix.basename(document.uri.path)}.`,
      );
      return;
    }
    const n = walk.items.length;
    const atSource = active === source;
    if (atSource) {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.uri.toString() === source) {
        walk.origin = new vscode.Location(editor.document.uri, editor.selection.active);
      }
    }
    // The cycle passes through the source (index -1), so Next after the last, or Previous before the
    // first, returns to where the walk started; from the source itself a step always leaves it.
    let index =
      direction > 0
        ? walk.index + 1 >= n
          ? -1
          : walk.index + 1
        : walk.index === -1
          ? n - 1
          : walk.index - 1;
    if (index === -1 && atSource) index = direction > 0 ? 0 : n - 1;
    walk.index = index;
    this.currentSource = source;
    if (walk.index === -1) {
      await revealLocation(
        walk.origin ?? new vscode.Location(vscode.Uri.parse(source), new vscode.Position(0, 0)),
      );
      this.status.setWalk(undefined);
      return;
    }
    await revealLocation(toLocation(walk.items[walk.index]));
    this.status.setWalk({ index: walk.index, total: n });
  }

  /** Fetches a fresh list for a source and keeps its cursor on the same article if it is still listed. */
  private async refreshWalk(uri: vscode.Uri): Promise<Walk> {
    const key = uri.toString();
    const result = await this.fetch(uri);
    const old = this.walks.get(key);
    const oldUri = old?.items[old.index]?.uri;
    const index = oldUri === undefined ? -1 : result.items.findIndex((i) => i.uri === oldUri);
    const walk: Walk = { items: result.items, index, origin: old?.origin };
    this.walks.set(key, walk);
    return walk;
  }

  /** Quick pick of the ranked list; focusing an entry previews it, accepting opens it, Escape goes back. */
  async show(document: vscode.TextDocument): Promise<void> {
    const origin = vscode.window.activeTextEditor;
    const source = document.uri.toString();
    const pick = vscode.window.createQuickPick<RelatedPickItem>();
    pick.title = `Related articles · ${path.posix.basename(document.uri.path)}`;
    pick.placeholder = 'Loading related articles…';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.busy = true;
    pick.show();

    const cancel = new vscode.CancellationTokenSource();
    let accepted = false;
    let previewed = false;
    const done = new Promise<void>((resolve) => {
      pick.onDidChangeActive((active) => {
        const first = active[0];
        if (!first || pick.busy) return;
        previewed = true;
        void revealLocation(toLocation(first.item), { preview: true, preserveFocus: true });
      });
      pick.onDidTriggerItemButton((e) => {
        // "Not related": a correction of this pair, and the entry leaves the list.
        const draft = { uri: source, kind: 'notRelated', scope: 'article', other: e.item.item.uri };
        void vscode.commands.executeCommand(ClientCommands.correct, draft, {});
        pick.items = pick.items.filter((i) => i !== e.item);
      });
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (!chosen) return;
        accepted = true;
        const walk = this.walks.get(source);
        if (walk) {
          walk.index = walk.items.findIndex((i) => i.uri === chosen.item.uri);
          this.currentSource = source;
        }
        pick.hide();
        void revealLocation(toLocation(chosen.item)).then(() => {
          if (walk) this.status.setWalk({ index: walk.index, total: walk.items.length });
        });
      });
      pick.onDidHide(() => {
        cancel.cancel();
        if (!accepted && previewed && origin) {
          // Escape after previews returns to the article the user started from.
          void vscode.window.showTextDocument(origin.document, {
            viewColumn: origin.viewColumn,
            selection: origin.selection,
          });
        }
        pick.dispose();
        cancel.dispose();
        resolve();
      });
    });

    try {
      const result = await this.fetch(document.uri, cancel.token);
      this.walks.set(source, { items: result.items, index: -1 });
      pick.items = result.items.map((item) => ({
        label: displayTitle(item),
        description: `score ${formatScore(item.score)}`,
        detail: [vscode.workspace.asRelativePath(vscode.Uri.parse(item.uri)), ...item.reasons].join(' · '),
        buttons: [NOT_RELATED_BUTTON],
        item,
      }));
      pick.placeholder =
        result.items.length === 0
          ? 'No related articles'
          : `${result.items.length} related · ${result.sharedPassages} shared passages — pick one to open`;
    } catch (error) {
      pick.hide();
      throw error;
    } finally {
      pick.busy = false;
    }
    await done;
  }
}
