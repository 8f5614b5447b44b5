// The status bar item: server state from `articleLens/status` (indexing progress, errors) and, for the active
// article, its related-article count or the position of a Next/Previous walk. A click on an article opens
// Show Related Articles (elsewhere the log), or restarts the server once it has stopped.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export interface RelatedCount {
  related: number;
  sharedPassages: number;
}

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private server: StatusParams = { state: 'starting', indexed: 0, total: 0 };
  private clientFailure: string | undefined;
  private isArticle = false;
  private related: RelatedCount | undefined;
  private walk: { index: number; total: number } | undefined;

  /**
   * The click: `showRelated` on an article while the server is ready, `showLog` otherwise, and `restart`
   * once the server has stopped.
   */
  constructor(private readonly commands: { showRelated: string; showLog: string; restart: string }) {
    this.item = vscode.window.createStatusBarItem('articleLens.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Article Lens';
    this.render();
  }

  setServerStatus(status: StatusParams): void {
    this.server = status;
    this.clientFailure = undefined;
    this.render();
  }

  /** The client could not start or stopped unexpectedly; shown (with a click to restart) until the next server status. */
  setClientFailure(message: string): void {
    this.clientFailure = message;
    this.render();
  }

  /** Called when the active editor changes: counts and walk positions belong to one article. */
  setActiveArticle(isArticle: boolean): void {
    this.isArticle = isArticle;
    this.related = undefined;
    this.walk = undefined;
    this.render();
  }

  setRelated(count: RelatedCount | undefined): void {
    this.related = count;
    this.render();
  }

  /** `index` is 0-based; undefined ends the walk display. */
  setWalk(walk: { index: number; total: number } | undefined): void {
    this.walk = walk;
    this.render();
  }

  private render(): void {
    const item = this.item;
    item.backgroundColor = undefined;
    const { state, indexed, total, message, lastAnalysisMs, entityModel } = this.server;
    const details: string[] = [];
    if (this.clientFailure) {
      item.text = '$(error) Article Lens';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      details.push(this.clientFailure);
    } else if (state === 'error') {
      item.text = '$(error) Article Lens';
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      details.push(message ?? 'The language server reported an error.');
    } else if (state === 'starting') {
      item.text = '$(sync~spin) Article Lens';
      details.push('Starting the language server…');
    } else if (state === 'indexing') {
      item.text = `$(sync~spin) Indexing ${indexed}/${total}`;
      details.push(`Indexing the corpus: ${indexed} of ${total} articles.`);
    } else if (this.walk && this.isArticle) {
      item.text = `$(references) related ${this.walk.index + 1}/${this.walk.total}`;
      details.push('Article Lens: Next/Previous Related Article walks this list.');
    } else if (this.related && this.isArticle) {
      const { related, sharedPassages } = this.related;
      item.text = `$(references) ${related} related`;
      details.push(
        `${related} related article${related === 1 ? '' : 's'} · ${sharedPassages} shared passage${sharedPassages === 1 ? '' : 's'}`,
      );
    } else {
      item.text = '$(book) Article Lens';
      details.push(`${indexed} article${indexed === 1 ? '' : 's'} indexed.`);
    }
    if (state === 'ready' && message && !this.clientFailure) details.push(message);
    if (lastAnalysisMs !== undefined) details.push(`Last analysis: ${Math.round(lastAnalysisMs)} ms.`);
    if (entityModel !== undefined) details.push(`Entity tagger model: ${entityModel}.`);
    const related = !this.clientFailure && state === 'ready' && this.isArticle;
    item.command = this.clientFailure
      ? this.commands.restart
      : related
        ? this.commands.showRelated
        : this.commands.showLog;
    details.push(
      this.clientFailure
        ? 'Click to restart the Article Lens server.'
        : related
          ? 'Click to show the related articles (the log: "Article Lens: Show Log").'
          : 'Click to open the Article Lens log.',
    );
    item.tooltip = details.join('\n');
    // Visible on articles, and whenever there is progress or a problem worth seeing from any editor.
    if (this.isArticle || state === 'indexing' || state === 'error' || this.clientFailure) item.show();
    else item.hide();
  }

  /** The command a click runs now. */
  get command(): string | undefined {
    const c = this.item.command;
    return typeof c === 'string' ? c : c?.command;
  }

  dispose(): void {
    this.item.dispose();
  }
}
