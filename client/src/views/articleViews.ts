// The "Article Lens" activity-bar container: creates the Entities and Stories tree views and carries out
// what their buttons and the related commands ask (filter, refresh, go to mentions, corrections, compare,
// Check Corpus). UI only: every answer comes from the server through ServerApi.
import * as vscode from 'vscode';
import { ClientCommands, type CorrectionRequestArgs } from '../../../server/src/protocol';
import { compareArticles, compareWithItem } from '../compare';
import { SECTION } from '../config';
import { CorpusProblems } from '../corpusProblems';
import { revealLocation } from '../navigation';
import { ClustersTree, comparePartner, type ClusterNode } from './clustersTree';
import { EntitiesTree, mentionRange, type EntityNode } from './entitiesTree';
import { plural } from './labels';
import type { ServerApi } from './serverApi';

export const ViewIds = {
  entities: 'articleLens.entities',
  stories: 'articleLens.stories',
} as const;

/** Context key of the Entities view's "Clear Filter" button. */
const FILTER_KEY = 'articleLens.entityFilterActive';
/** Saves come in bursts (Save All): the views reload once. */
const REFRESH_DEBOUNCE_MS = 800;

export class ArticleViews implements vscode.Disposable {
  readonly entities: EntitiesTree;
  readonly clusters: ClustersTree;
  readonly problems: CorpusProblems;
  private readonly entitiesView: vscode.TreeView<EntityNode>;
  private readonly storiesView: vscode.TreeView<ClusterNode>;
  private readonly disposables: vscode.Disposable[];
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly api: () => ServerApi | undefined,
    isArticle: (document: vscode.TextDocument) => boolean,
  ) {
    this.entities = new EntitiesTree(api);
    this.clusters = new ClustersTree(api);
    this.problems = new CorpusProblems(api, isArticle);
    this.entitiesView = vscode.window.createTreeView(ViewIds.entities, {
      treeDataProvider: this.entities,
      showCollapseAll: true,
    });
    this.storiesView = vscode.window.createTreeView(ViewIds.stories, {
      treeDataProvider: this.clusters,
      showCollapseAll: true,
    });
    this.disposables = [
      this.entitiesView,
      this.storiesView,
      this.problems,
      this.entities.onDidLoad.event(() => this.describeEntities()),
      // A saved article or corrections sidecar changes what the views show.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (isArticle(d) || isSidecar(d.uri)) this.refreshSoon();
      }),
    ];
  }

  /** Reloads both views (the server's index changed, or it became ready). */
  refresh(): void {
    this.entities.refresh();
    this.clusters.refresh();
    this.storiesView.message = undefined;
  }

  private refreshSoon(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_DEBOUNCE_MS);
  }

  private describeEntities(): void {
    const count = this.entities.lastCount;
    const filter = this.entities.filter;
    if (!count) this.entitiesView.message = undefined;
    else if (filter !== '') {
      this.entitiesView.message = `Filter “${filter}”: ${plural(count.matched, 'entity', 'entities')}`;
    } else if (count.shown < count.matched) {
      this.entitiesView.message = `The ${count.shown} most widespread of ${count.matched} entities; filter to see others.`;
    } else this.entitiesView.message = undefined;
  }

  async filterEntities(): Promise<void> {
    const text = await vscode.window.showInputBox({
      title: 'Filter Entities',
      prompt: 'Letters of a name or alias, in order (empty shows every entity)',
      value: this.entities.filter,
    });
    if (text === undefined) return;
    this.entities.setFilter(text);
    await vscode.commands.executeCommand('setContext', FILTER_KEY, this.entities.filter !== '');
  }

  async clearEntityFilter(): Promise<void> {
    this.entities.setFilter('');
    await vscode.commands.executeCommand('setContext', FILTER_KEY, false);
  }

  /** Every mention of the entity: the first opened, all of them in the references peek. */
  async showEntityMentions(node: unknown): Promise<void> {
    const api = this.api();
    if (!isEntityNode(node) || !api) return;
    const canonical = 'entity' in node ? node.entity.canonical : undefined;
    if (!canonical) return;
    const articles = await api.entityArticles(canonical);
    const locations = articles.flatMap((a) =>
      a.mentions.map((m) => new vscode.Location(vscode.Uri.parse(a.uri), mentionRange(m))),
    );
    const first = locations[0];
    if (!first) return;
    await revealLocation(first);
    if (locations.length > 1) {
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        first.uri,
        first.range.start,
        locations,
      );
    }
  }

  /** "Not an entity" / "Change type" on a mention (or an entity's first mention), via the correct command. */
  async correct(node: unknown, which: 'notEntity' | 'changeType'): Promise<void> {
    const args = await this.correctionOf(node, which);
    if (!args) return;
    await vscode.commands.executeCommand(ClientCommands.correct, args.draft, args.prompt);
    this.refreshSoon();
  }

  private async correctionOf(
    node: unknown,
    which: 'notEntity' | 'changeType',
  ): Promise<CorrectionRequestArgs | undefined> {
    if (!isEntityNode(node)) return undefined;
    if (node.kind === 'mention') return node.mention[which];
    if (node.kind === 'article') return node.article.mentions[0]?.[which];
    if (node.kind === 'entity') {
      const articles = (await this.api()?.entityArticles(node.entity.canonical)) ?? [];
      return articles[0]?.mentions[0]?.[which];
    }
    return undefined;
  }

  /** Compare from the Stories view (a member node) or with two URIs. */
  async compare(args: unknown[]): Promise<void> {
    const [a, b] = args;
    if (a instanceof vscode.Uri && b instanceof vscode.Uri) return compareArticles(a, b);
    if (isMemberNode(a)) {
      const partner = comparePartner(a);
      if (!partner) return;
      return compareArticles(vscode.Uri.parse(partner.uri), vscode.Uri.parse(a.member.uri));
    }
  }

  /** Picks one of the document's related articles and opens the pair in the diff editor. */
  async compareWithRelated(document: vscode.TextDocument): Promise<void> {
    const api = this.api();
    if (!api) return;
    const result = await api.related(document.uri);
    if (result.items.length === 0) {
      void vscode.window.showInformationMessage('Article Lens: this article has no related articles.');
      return;
    }
    const chosen = await vscode.window.showQuickPick(
      result.items.map((item) => ({
        label: item.title,
        description: `score ${item.score.toFixed(2)}`,
        detail: [vscode.workspace.asRelativePath(vscode.Uri.parse(item.uri)), ...item.reasons].join(' · '),
        item,
      })),
      { placeHolder: 'Compare with which related article?', matchOnDetail: true },
    );
    if (chosen) await compareWithItem(document.uri, chosen.item);
  }

  async checkCorpus(): Promise<void> {
    await this.problems.check();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Whether a file is a workspace folder's corrections sidecar (`articleLens.curation.annotationsPath`). */
export function isSidecar(uri: vscode.Uri): boolean {
  const relative = vscode.workspace.getConfiguration(SECTION, uri).get<string>('curation.annotationsPath');
  return relative !== undefined && relative !== '' && uri.path.endsWith(`/${relative.replace(/^\.?\//, '')}`);
}

function isEntityNode(x: unknown): x is EntityNode {
  const kind = (x as { kind?: unknown } | null)?.kind;
  return kind === 'type' || kind === 'entity' || kind === 'article' || kind === 'mention';
}

function isMemberNode(x: unknown): x is ClusterNode & { kind: 'member' } {
  return (x as { kind?: unknown } | null)?.kind === 'member';
}
