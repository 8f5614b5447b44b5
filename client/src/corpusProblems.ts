// Check Corpus: Problems for every article, not only open ones (like ESLint's workspace lint). Closed
// files' diagnostics live in a collection of their own, so they survive what the language client does with
// its own (it clears a file's rows when its tab closes); an open file's rows are the language client's.
import * as vscode from 'vscode';
import { plural } from './views/labels';
import type { ServerApi } from './views/serverApi';

/** Files per request: small enough that progress moves and Cancel is quick. */
const BATCH = 8;
/** The server re-reads a closed file from disk before it can answer for it. */
const CLOSE_SETTLE_MS = 300;

export class CorpusProblems implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('articleLens.corpus');
  private readonly disposables: vscode.Disposable[];
  private readonly open = new Set<string>();

  constructor(
    private readonly api: () => ServerApi | undefined,
    private readonly isArticle: (document: vscode.TextDocument) => boolean,
  ) {
    for (const d of vscode.workspace.textDocuments) this.open.add(d.uri.toString());
    this.disposables = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => {
        this.open.add(d.uri.toString());
        // The language client publishes for open files: one set of rows per file.
        this.collection.delete(d.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.open.delete(d.uri.toString());
        if (this.isArticle(d)) setTimeout(() => void this.refreshClosed(d.uri), CLOSE_SETTLE_MS);
      }),
    ];
  }

  /** Runs the check with a cancellable progress notification; resolves with the number of files checked. */
  check(): Thenable<number> {
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'Article Lens: checking the corpus',
        cancellable: true,
      },
      async (progress, token) => {
        const api = this.api();
        if (!api) throw new Error('the language server is not running');
        const uris = await api.corpusFiles();
        let done = 0;
        let problems = 0;
        for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
          const batch = uris.slice(i, i + BATCH);
          const files = await api.checkFiles(batch, token);
          for (const f of files) {
            problems += f.diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).length;
            this.set(f.uri, f.diagnostics);
          }
          done += batch.length;
          progress.report({
            increment: (100 * batch.length) / uris.length,
            message: `${done}/${uris.length}`,
          });
        }
        const what = `${plural(done, 'article')}, ${plural(problems, 'problem')} (hints not counted)`;
        void vscode.window.showInformationMessage(
          token.isCancellationRequested
            ? `Article Lens: check cancelled after ${what}.`
            : `Article Lens: checked ${what}.`,
        );
        return done;
      },
    );
  }

  private set(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): void {
    if (this.open.has(uri.toString())) this.collection.delete(uri);
    else this.collection.set(uri, diagnostics);
  }

  /** A closed article keeps its rows: fetched again from the server, which now reads the file on disk. */
  private async refreshClosed(uri: vscode.Uri): Promise<void> {
    const api = this.api();
    if (!api || this.open.has(uri.toString())) return;
    try {
      for (const f of await api.checkFiles([uri])) this.set(f.uri, f.diagnostics);
    } catch {
      // The server stopped meanwhile: the rows come back with the next check.
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
