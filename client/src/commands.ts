// Client commands as `(ctx) => handler` factories, one per ClientCommands id, and the wrapper that turns
// failures of user-started commands into clear messages. The server does the analysis; these only navigate.
import * as vscode from 'vscode';
import { ClientCommands } from '../../server/src/protocol';
import { removeLost, runCorrection, runExport, type CurationHost } from './curation';
import { showLocations } from './navigation';
import { runRetrain } from './retrainModel';
import type { RelatedArticles } from './relatedArticles';
import type { ArticleViews } from './views/articleViews';
import { isLostNode, openLostCorrection } from './views/lostCorrectionsTree';

/**
 * The language client as the commands see it: answering requests, on its way up (activation, a restart,
 * an automatic restart after a crash), or stopped until the user restarts it.
 */
export type ServerState = 'running' | 'starting' | 'stopped';

/** What the commands need from the running extension. */
export interface CommandContext {
  readonly log: vscode.LogOutputChannel;
  readonly related: RelatedArticles;
  serverState(): ServerState;
  /** Stops the language client if it runs and starts a new one. */
  restartServer(): Promise<void>;
  /** Whether a document is one the server analyses (language `article` or an included plaintext file). */
  isArticle(document: vscode.TextDocument): boolean;
  /** Requests the curation commands send to the server. */
  readonly curation: CurationHost;
  /** The side-bar views, Check Corpus and Compare. */
  readonly views: ArticleViews;
  /** Asks for the team corpus connection and restarts the server on it. */
  connectTeamCorpus(): Promise<void>;
}

/** A failure the user can fix (no article open, server not started); shown as a warning, not logged as a bug. */
export class UserError extends Error {}

/** The server is stopped for good: the warning offers to restart it. */
export class ServerStoppedError extends UserError {
  constructor() {
    super('The Article Lens server has stopped; run "Article Lens: Restart Server".');
  }
}

export const RESTART_ACTION = 'Restart Server';

type Handler = (...args: unknown[]) => Promise<void>;
type Factory = (ctx: CommandContext) => Handler;

/** The key bindings of Undo/Redo Correction pass `{ key: true }` (package.json contributes.keybindings). */
function pressedKey(args: unknown[]): boolean {
  const first = args[0];
  return typeof first === 'object' && first !== null && (first as { key?: unknown }).key === true;
}

/** Undo or Redo Correction. From the key binding while the editor's own history is due (text typed since), its own Undo or Redo instead. */
function historyStep(ctx: CommandContext, which: 'undo' | 'redo'): Handler {
  return async (...args) => {
    if (pressedKey(args) && !ctx.curation.history.keyHolds(which)) {
      await vscode.commands.executeCommand(which);
      return;
    }
    requireServer(ctx);
    await ctx.curation.history[which]();
  };
}

function requireServer(ctx: CommandContext): void {
  const state = ctx.serverState();
  if (state === 'stopped') throw new ServerStoppedError();
  if (state === 'starting')
    throw new UserError('The Article Lens server is not ready yet; try again in a moment.');
}

/** The active editor, if it holds an article and the server is up; otherwise a UserError saying which. */
function activeArticle(ctx: CommandContext): vscode.TextEditor {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new UserError('Open an article first: there is no active editor.');
  if (!ctx.isArticle(editor.document)) {
    throw new UserError(
      'The active file is not an article: use the language "article" or add it to the "articleLens.include" setting.',
    );
  }
  requireServer(ctx);
  return editor;
}

/**
 * The article a command works on: the URI argument when one is given (the server's code lens passes its
 * document's URI as a string), else the active editor's document.
 */
async function targetArticle(ctx: CommandContext, args: unknown[]): Promise<vscode.TextDocument> {
  const arg = args[0];
  const uri =
    arg instanceof vscode.Uri
      ? arg
      : typeof arg === 'string' && arg !== ''
        ? vscode.Uri.parse(arg)
        : undefined;
  if (!uri) return activeArticle(ctx).document;
  requireServer(ctx);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.uri.toString() === uri.toString()) return active;
  return vscode.workspace.openTextDocument(uri);
}

const factories: Record<keyof typeof ClientCommands, Factory> = {
  nextRelatedArticle:
    (ctx) =>
    async (...args) => {
      await ctx.related.next(await targetArticle(ctx, args));
    },
  previousRelatedArticle:
    (ctx) =>
    async (...args) => {
      await ctx.related.previous(await targetArticle(ctx, args));
    },
  showRelatedArticles:
    (ctx) =>
    async (...args) => {
      await ctx.related.show(await targetArticle(ctx, args));
    },
  goToEntityMentions: (ctx) => async () => {
    const editor = activeArticle(ctx);
    const uri = editor.document.uri;
    const position = editor.selection.active;
    const locations =
      (await vscode.commands.executeCommand<vscode.Location[] | undefined>(
        'vscode.executeReferenceProvider',
        uri,
        position,
      )) ?? [];
    await showLocations({ uri, position }, locations, 'Article Lens: no entity mention at the cursor.');
  },
  findEntityInCorpus: (ctx) => async () => {
    requireServer(ctx);
    // A selected name pre-fills the symbol search ("#" is the workspace-symbol prefix of Quick Open).
    const editor = vscode.window.activeTextEditor;
    const selected =
      editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
    if (selected !== '' && !selected.includes('\n')) {
      await vscode.commands.executeCommand('workbench.action.quickOpen', `#${selected}`);
    } else {
      await vscode.commands.executeCommand('workbench.action.showAllSymbols');
    }
  },
  showLog: (ctx) => async () => {
    ctx.log.show(true);
  },
  restartServer: (ctx) => async () => {
    await ctx.restartServer();
  },
  connectTeamCorpus: (ctx) => async () => {
    await ctx.connectTeamCorpus();
  },
  correct:
    (ctx) =>
    async (...args) => {
      requireServer(ctx);
      await runCorrection(args, ctx.curation.history);
    },
  undoCorrection: (ctx) => historyStep(ctx, 'undo'),
  redoCorrection: (ctx) => historyStep(ctx, 'redo'),
  openLostCorrection:
    () =>
    async (...args) => {
      if (isLostNode(args[0])) await openLostCorrection(args[0]);
    },
  removeLostCorrection:
    (ctx) =>
    async (...args) => {
      requireServer(ctx);
      if (isLostNode(args[0])) await removeLost(args[0], ctx.curation.history);
    },
  exportAnnotations: (ctx) => async () => {
    requireServer(ctx);
    await runExport(ctx.curation);
  },
  retrainEntityModel: (ctx) => async () => {
    requireServer(ctx);
    await runRetrain(ctx.curation);
  },
  checkCorpus: (ctx) => async () => {
    requireServer(ctx);
    await ctx.views.checkCorpus();
  },
  // Comparing two files needs no server.
  compareArticles:
    (ctx) =>
    async (...args) => {
      await ctx.views.compare(args);
    },
  compareWithRelated:
    (ctx) =>
    async (...args) => {
      await ctx.views.compareWithRelated(await targetArticle(ctx, args));
    },
  filterEntities: (ctx) => async () => {
    await ctx.views.filterEntities();
  },
  clearEntityFilter: (ctx) => async () => {
    await ctx.views.clearEntityFilter();
  },
  refreshViews: (ctx) => async () => {
    ctx.views.refresh();
  },
  showEntityMentions:
    (ctx) =>
    async (...args) => {
      requireServer(ctx);
      await ctx.views.showEntityMentions(args[0]);
    },
  markNotEntity:
    (ctx) =>
    async (...args) => {
      requireServer(ctx);
      await ctx.views.correct(args[0], 'notEntity');
    },
  changeEntityType:
    (ctx) =>
    async (...args) => {
      requireServer(ctx);
      await ctx.views.correct(args[0], 'changeType');
    },
};

/** LSP cancellation (a closed quick pick, an edit) is not an error worth a pop-up. */
function isCancellation(error: unknown): boolean {
  if (error instanceof vscode.CancellationError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === -32800 || code === -32801;
}

/** Runs a handler, reporting failures: UserError as a warning, anything else as an error plus the log. */
function guarded(ctx: CommandContext, id: string, handler: Handler): Handler {
  return async (...args) => {
    try {
      await handler(...args);
    } catch (error) {
      if (isCancellation(error)) return;
      if (error instanceof ServerStoppedError) {
        void vscode.window
          .showWarningMessage(`Article Lens: ${error.message}`, RESTART_ACTION)
          .then((choice) => {
            if (choice === RESTART_ACTION) void vscode.commands.executeCommand(ClientCommands.restartServer);
          });
        return;
      }
      if (error instanceof UserError) {
        void vscode.window.showWarningMessage(`Article Lens: ${error.message}`);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      ctx.log.error(`${id} failed`, error);
      void vscode.window.showErrorMessage(`Article Lens: ${message}`, 'Show Log').then((choice) => {
        if (choice) ctx.log.show(true);
      });
    }
  };
}

/** Registers every client command; the returned disposables unregister them. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return (Object.keys(factories) as (keyof typeof ClientCommands)[]).map((name) => {
    const id = ClientCommands[name];
    return vscode.commands.registerCommand(id, guarded(ctx, id, factories[name](ctx)));
  });
}
