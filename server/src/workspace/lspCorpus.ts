// The language server's corpus: indexes the workspace's article files on start (work-done progress,
// time-sliced so requests keep flowing), keeps the index current from file-watcher events, lets open
// buffers win over disk, and reports `articleLens/status`. Analysis stays in analysis/; no LSP wiring here.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { FileChangeType, type FileEvent, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { analyzeLocal, CorpusIndexer } from '../analysis/analyzeArticle';
import { CorpusIndex } from '../analysis/corpusIndex';
import type { ArticleSnapshot, Token } from '../analysis/types';
import { toAnalysisOptions } from '../config';
import type { ArticleLensSettings, ServerState, StatusParams } from '../protocol';
import type { Logger } from '../util/logger';

export const ARTICLE_EXTENSION = '.article';
/** Folders never searched for articles: tool state and dependencies, not corpus. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'out']);
/** How long one indexing slice may hold the event loop before yielding to queued messages. */
const SLICE_MS = 30;
/** Bytes inspected by the binary guard, as git does. */
const BINARY_SNIFF_BYTES = 8000;

/** An open buffer as the corpus sees it (TextDocuments' documents have this shape). */
export interface OpenDocument {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  getText(): string;
}

export interface LspCorpusHost {
  logger: Logger;
  /** Open buffers, which win over disk. */
  openDocument(uri: string): OpenDocument | undefined;
  /** Settings of a resource (workspace folder or file). */
  settings(uri: string): Promise<ArticleLensSettings>;
  sendStatus(status: StatusParams): void;
}

/** Why a text is not analysed, or `undefined` when it may be. */
export function rejectReason(text: string, maxFileSizeKB: number): string | undefined {
  if (text.length > maxFileSizeKB * 1024)
    return `larger than articleLens.maxFileSizeKB (${maxFileSizeKB} KB)`;
  if (text.slice(0, BINARY_SNIFF_BYTES).includes('\u0000')) return 'binary content';
  return undefined;
}

function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A canonical `file:` URI for a path, spelled the way VS Code spells it (encoded, lowercase drive). */
export function pathToUri(file: string): string {
  return pathToFileURL(file).href.replace(
    /^file:\/\/\/([A-Z])(%3A|:)/,
    (_m, d: string) => `file:///${d.toLowerCase()}%3A`,
  );
}

export class LspCorpus {
  readonly index = new CorpusIndex();
  private folders: string[] = [];
  private state: ServerState = 'starting';
  private indexed = 0;
  private total = 0;
  private lastAnalysisMs: number | undefined;
  private readonly rejected = new Map<string, string>();
  private readonly matchers = new WeakMap<readonly string[], (file: string) => boolean>();

  constructor(private readonly host: LspCorpusHost) {}

  /** Workspace folders as paths; URIs that are not `file:` are ignored. */
  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.map(uriToPath).filter((p): p is string => p !== undefined);
  }

  get isReady(): boolean {
    return this.state === 'ready';
  }

  /** Whether a file belongs to the corpus: `.article`, or a workspace-relative path matching `include`. */
  isArticle(uri: string, settings: ArticleLensSettings): boolean {
    const file = uriToPath(uri);
    if (!file) return uri.toLowerCase().endsWith(ARTICLE_EXTENSION);
    if (path.extname(file).toLowerCase() === ARTICLE_EXTENSION) return true;
    if (settings.include.length === 0) return false;
    const match = this.matcher(settings.include);
    const rel = this.relative(file);
    return match(rel) || match(file.split(path.sep).join('/'));
  }

  /** Compiled include globs, per settings value: listing a large folder must not recompile them per file. */
  private matcher(include: readonly string[]): (file: string) => boolean {
    let match = this.matchers.get(include);
    if (!match) {
      match = picomatch([...include], { dot: true, windows: false });
      this.matchers.set(include, match);
    }
    return match;
  }

  /** Text of a URI: the open buffer, else the indexed snapshot. */
  textOf(uri: string): string | undefined {
    return this.host.openDocument(uri)?.getText() ?? this.index.get(uri)?.snapshot.text;
  }

  reportAnalysis(ms: number): void {
    this.lastAnalysisMs = Math.round(ms * 10) / 10;
  }

  /** Sends the current status; `message` says what just happened. */
  status(state?: ServerState, message?: string): void {
    if (state) this.state = state;
    this.host.sendStatus({
      state: this.state,
      indexed: this.indexed,
      total: this.total,
      ...(this.lastAnalysisMs !== undefined ? { lastAnalysisMs: this.lastAnalysisMs } : {}),
      ...(message ? { message } : {}),
    });
  }

  /** Reports a failed handler without changing the server state: the next status shows it again. */
  reportError(message: string): void {
    this.host.sendStatus({ state: 'error', indexed: this.indexed, total: this.total, message });
  }

  /** Notes once per URI that a file is not analysed, and why. */
  reject(uri: string, reason: string): void {
    if (this.rejected.get(uri) === reason) return;
    this.rejected.set(uri, reason);
    this.host.logger.log('info', `not analysed: ${reason}`, { uri });
    this.status(undefined, `${path.basename(uriToPath(uri) ?? uri)} not analysed: ${reason}`);
  }

  accept(uri: string): void {
    this.rejected.delete(uri);
  }

  /**
   * Indexes every article file of the workspace folders. Two passes, as the CLI does: the first collects
   * names across the corpus, the second resolves short names against them. Work is cut into slices of
   * SLICE_MS with a yield in between, so edits and requests are answered while a large corpus loads.
   */
  async indexWorkspace(progress: WorkDoneProgressReporter | undefined, token: Token): Promise<void> {
    const started = Date.now();
    this.status('indexing', 'listing article files');
    const files: { uri: string; file: string; settings: ArticleLensSettings }[] = [];
    for (const folder of this.folders) {
      const settings = await this.host.settings(pathToUri(folder));
      for (const file of await this.listFiles(folder, settings, token))
        files.push({ uri: pathToUri(file), file, settings });
    }
    this.total = files.length;
    this.indexed = 0;
    progress?.begin('Article Lens: indexing articles', 0, `0/${files.length}`, true);
    this.status('indexing');

    const indexer = new CorpusIndexer(this.index, token);
    let sliceStart = Date.now();
    const maybeYield = async (done: number, of: number): Promise<void> => {
      if (Date.now() - sliceStart < SLICE_MS) return;
      progress?.report(Math.round((done / of) * 100), `${this.indexed}/${this.total}`);
      this.status();
      await new Promise((r) => setImmediate(r));
      sliceStart = Date.now();
    };
    for (let i = 0; i < files.length && !token.isCancellationRequested; i++) {
      const { uri, file, settings } = files[i];
      const snapshot = await this.readSnapshot(uri, file, settings);
      if (snapshot) indexer.first(snapshot, toAnalysisOptions(settings));
      this.indexed = Math.round((i + 1) / 2);
      await maybeYield(i + 1, files.length * 2);
    }
    // An edit during indexing already put a newer buffer in the index: that file is left as it is.
    for (const done of indexer.second(true)) {
      this.indexed = Math.round(files.length / 2 + (done / indexer.size) * (files.length / 2));
      await maybeYield(files.length + done, files.length * 2);
    }
    // Articles are ready for ranking before indexing is reported done, so first related lists are quick.
    progress?.report(100, 'preparing related articles');
    for (let i = 0; i < files.length && !token.isCancellationRequested; i++) {
      this.index.prepareRelated(files[i].uri, toAnalysisOptions(files[i].settings));
      await maybeYield(files.length * 2, files.length * 2);
    }
    this.indexed = this.index.size;
    this.total = this.index.size;
    progress?.done();
    const ms = Date.now() - started;
    this.host.logger.log('info', `indexed ${this.index.size} articles in ${ms} ms`, { files: files.length });
    this.status('ready', `indexed ${this.index.size} articles in ${ms} ms`);
  }

  /** Applies file-watcher events; returns the URIs whose corpus findings may have changed. */
  async applyFileEvents(events: readonly FileEvent[]): Promise<Set<string>> {
    const affected = new Set<string>();
    for (const event of events) {
      if (this.host.openDocument(event.uri)) continue; // the buffer wins; it is re-read on close
      if (event.type === FileChangeType.Deleted) {
        for (const uri of this.urisUnder(event.uri)) this.forget(uri, affected);
        continue;
      }
      for (const uri of await this.refreshFromDisk(event.uri)) affected.add(uri);
    }
    this.status();
    return affected;
  }

  /**
   * Re-reads one file from disk into the index (after a watcher event, or when its buffer closes), or
   * drops it when it is gone, no longer an article, too large or binary.
   */
  async refreshFromDisk(uri: string): Promise<Set<string>> {
    const affected = new Set<string>();
    const file = uriToPath(uri);
    const settings = await this.host.settings(uri);
    if (!file || !this.isArticle(uri, settings)) {
      this.forget(uri, affected);
      return affected;
    }
    const snapshot = await this.readSnapshot(uri, file, settings);
    if (!snapshot) {
      this.forget(uri, affected);
      return affected;
    }
    if (this.host.openDocument(uri)) return affected;
    const local = analyzeLocal(snapshot.text, toAnalysisOptions(settings), this.index.entities.hints(), {
      isCancellationRequested: false,
    });
    for (const u of this.index.update(snapshot, local)) affected.add(u);
    this.indexed = this.total = this.index.size;
    return affected;
  }

  /** Removes a URI from the index, collecting the URIs that linked to it. */
  forget(uri: string, affected: Set<string>): void {
    if (!this.index.get(uri)) return;
    for (const u of this.index.remove(uri)) affected.add(u);
    this.indexed = this.total = this.index.size;
  }

  private urisUnder(uri: string): string[] {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    return this.index.uris().filter((u) => u === uri || u.startsWith(prefix));
  }

  private relative(file: string): string {
    for (const folder of this.folders) {
      const rel = path.relative(folder, file);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
    }
    return path.basename(file);
  }

  private async listFiles(folder: string, settings: ArticleLensSettings, token: Token): Promise<string[]> {
    const out: string[] = [];
    const stack = [folder];
    while (stack.length > 0 && !token.isCancellationRequested) {
      const dir = stack.pop() as string;
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch (e) {
        this.host.logger.log('debug', 'cannot list folder', { dir, error: String(e) });
        continue;
      }
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) stack.push(full);
        } else if (entry.isFile() && this.isArticle(pathToUri(full), settings)) out.push(full);
      }
    }
    return out.sort();
  }

  /** Reads a file for the index; `undefined` (and a status note) when it is too large, binary or unreadable. */
  private async readSnapshot(
    uri: string,
    file: string,
    settings: ArticleLensSettings,
  ): Promise<ArticleSnapshot | undefined> {
    const open = this.host.openDocument(uri);
    if (open) return { uri, version: open.version, text: open.getText() };
    try {
      const stat = await fsp.stat(file);
      if (!stat.isFile()) return undefined;
      if (stat.size > settings.maxFileSizeKB * 1024) {
        this.reject(uri, `larger than articleLens.maxFileSizeKB (${settings.maxFileSizeKB} KB)`);
        return undefined;
      }
      const bytes = await fsp.readFile(file);
      if (isBinary(bytes)) {
        this.reject(uri, 'binary content');
        return undefined;
      }
      this.accept(uri);
      // Disk files have no editor version; -1 never equals an open buffer's version.
      return { uri, version: -1, text: bytes.toString('utf8') };
    } catch (e) {
      this.host.logger.log('debug', 'cannot read article', { uri, error: String(e) });
      return undefined;
    }
  }
}
