// The language server's corpus: indexes the workspace's article files on start (work-done progress,
// time-sliced so requests keep flowing), keeps the index current from file-watcher events, lets open
// buffers win over disk, and reports `articleLens/status`. Analysis stays in analysis/; no LSP wiring here.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileChangeType, type FileEvent, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { analyzeLocal, CorpusIndexer } from '../analysis/analyzeArticle';
import { CorpusIndex } from '../analysis/corpus/corpusIndex';
import {
  compareStamps,
  textDigest,
  type FileStat,
  type FileStamps,
} from '../analysis/corpus/snapshot/fileStamps';
import { AnalysisCache } from '../analysis/corpus/analysisStore';
import type { AnalysisOptions, ArticleSnapshot, Token } from '../analysis/types';
import { toAnalysisOptions } from '../config';
import { defaultSettings, type ArticleLensSettings, type ServerState, type StatusParams } from '../protocol';
import { collectGarbage } from '../util/collectGarbage';
import type { Logger } from '../util/logger';
import type { Settled } from '../util/settled';
import { normalizeUri, pathToUri, uriToPath } from '../util/uri';
import { decodeArticle, limitText, looksBinary, sizeLimitBytes, type LimitedText } from './articleText';
import { FileAnalysisStore } from './fileAnalysisStore';
import { readFolderAhead, type FolderRead } from './folderReadAhead';
import { includeMatcher } from './includeGlobs';
import { IndexSnapshotStore, settingsDigest } from './indexSnapshotStore';
import {
  firstPass,
  type FirstPassFigures,
  type FirstPassFile,
  type FirstPassSource,
} from './indexWorkers/firstPass';
import { startPool } from './indexWorkers/jobs';

export const ARTICLE_EXTENSION = '.article';
/** Folders never searched for articles: tool state and dependencies, not corpus. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'out']);
/** How long one indexing slice may hold the event loop before yielding to queued messages. */
const SLICE_MS = 30;
/** Slices of background work once the server is ready: a message waits at most about this long for one. */
const BACKGROUND_SLICE_MS = 5;
/** The warm-up after a full indexing: a small share of the indexing's time, at most a few seconds. */
const REHEARSAL_SHARE = 0.04;
const REHEARSAL_MAX_MS = 4000;
/**
 * A snapshot of the index is taken over when at most this share of its files changed since (they are then
 * re-indexed one by one, as edits are); beyond it the corpus is indexed again.
 */
const SNAPSHOT_MAX_CHANGED_SHARE = 0.1;
/** Files changed since the last snapshot (from the file watcher) after which a new one is written. */
const SNAPSHOT_AFTER_CHANGES = 32;
/** How long the index must stay unchanged before that new snapshot is written. */
const SNAPSHOT_DEBOUNCE_MS = 30_000;
/** Files stat'ed at once when a snapshot's files are checked. */
const STAT_BATCH = 256;
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
  /** Tells the user about a problem they can fix (a warning message; the caller shows each text once). */
  warn(message: string): void;
  /** Id of the entity tagger weights of a resource's folder, when not the shipped ones. */
  entityModel?(uri: string): string | undefined;
  /** Whether another backend (the team database) answers for this file as it is, so it is not indexed here. */
  indexedElsewhere?(uri: string, text: string, options: AnalysisOptions): boolean;
  /**
   * Whether the built index may be saved whole and taken over by the next session: not while curators'
   * corrections apply or a team database answers for files (the snapshot records neither).
   */
  snapshotAllowed?(): boolean;
  /**
   * Resolves once open documents' analysis has been idle for a while. Work in the background after the start
   * waits for it before each slice, so that it never comes between someone's edits and their diagnostics.
   */
  foregroundQuiet?(): Promise<void>;
  /**
   * Runs the open-document analysis on indexed articles for at most `budgetMs`, its results dropped, before
   * a full indexing is reported done: the code an edit runs is then compiled before the first edit.
   */
  rehearse?(budgetMs: number, token: Token): Promise<void>;
}

/** One file of an indexing: where it is and the settings it is analysed with. */
interface WorkspaceFile {
  uri: string;
  file: string;
  settings: ArticleLensSettings;
  options: AnalysisOptions;
}

/** Why an open buffer is not analysed at all, or `undefined` when it may be. */
export function rejectReason(text: string): string | undefined {
  return looksBinary(text) ? 'binary content' : undefined;
}

/** The part of a text that is analysed under the size limit (all of it, or a prefix). */
export function analysedPart(text: string, maxFileSizeKB: number): LimitedText {
  return limitText(text, sizeLimitBytes(maxFileSizeKB));
}

/** What the user reads when only a prefix is analysed. */
export function truncationNote(part: LimitedText, maxFileSizeKB: number): string {
  const kb = (n: number): string => `${Math.ceil(n / 1024).toLocaleString('en-US')} KB`;
  return `only the first ${kb(Buffer.byteLength(part.text, 'utf8'))} of ${kb(part.bytes)} analysed (articleLens.maxFileSizeKB is ${sizeLimitBytes(maxFileSizeKB) / 1024} KB)`;
}

export class LspCorpus {
  readonly index = new CorpusIndex();
  private folders: string[] = [];
  private state: ServerState = 'starting';
  private indexed = 0;
  private total = 0;
  private lastAnalysisMs: number | undefined;
  private readonly rejected = new Map<string, string>();
  /** Folder of the analysis cache (the extension's workspace storage), when the client gave one. */
  private cacheFolder: string | undefined;
  private snapshots: IndexSnapshotStore | undefined;
  /** Each indexed file's stat when it was last read from disk: the stamps of the next snapshot. */
  private readonly readStats = new Map<string, FileStat>();
  /** The settings digest of the last indexing, which a snapshot of this index is written under. */
  private snapshotSettings: string | undefined;
  /** When the files of the last indexing started to be read: files modified this close are checked. */
  private indexStartedAt = 0;
  /** Files changed (watcher events) since the last snapshot, and the timer of the next one. */
  private changedSinceSnapshot = 0;
  private snapshotTimer: NodeJS.Timeout | undefined;
  private snapshotWrite: Promise<void> = Promise.resolve();
  /** Articles restored from a snapshot whose related-ranking data is still to be prepared. */
  private unprepared: WorkspaceFile[] = [];

  constructor(private readonly host: LspCorpusHost) {}

  /** Where per-file analyses are kept between sessions, so a second start on the same corpus is quick. */
  setCacheFolder(folder: string | undefined): void {
    this.cacheFolder = folder;
    this.snapshots = folder
      ? new IndexSnapshotStore(folder, (message) => this.host.logger.log('info', message))
      : undefined;
  }

  /** The cache of earlier sessions' analyses, loaded; a damaged or foreign cache is discarded and logged. */
  private async openCache(): Promise<{ cache: AnalysisCache; store: FileAnalysisStore } | undefined> {
    if (!this.cacheFolder) return undefined;
    const store = new FileAnalysisStore(this.cacheFolder, {
      log: (message) => this.host.logger.log('info', message),
      prune: true,
    });
    await store.load();
    return { cache: new AnalysisCache(store), store };
  }

  /**
   * Sets the workspace folders. Articles under a folder that is gone leave the index; the URIs whose corpus
   * findings changed are returned. Folders that are not `file:` cannot be read from disk and are reported.
   */
  setFolders(folderUris: readonly string[]): Set<string> {
    const folders: string[] = [];
    for (const uri of folderUris) {
      const folder = uriToPath(normalizeUri(uri));
      if (folder !== undefined) folders.push(folder);
      else
        this.host.warn(
          `Article Lens indexes folders on disk only; ${uri} is not indexed (its open articles are still analysed).`,
        );
    }
    this.folders = folders;
    const affected = new Set<string>();
    for (const uri of this.index.uris()) {
      if (this.host.openDocument(uri)) continue;
      const file = uriToPath(uri);
      if (file === undefined || !this.underFolder(file)) this.forget(uri, affected);
    }
    return affected;
  }

  /** Whether ranking data of restored articles is still being prepared after the start. */
  get isPreparing(): boolean {
    return this.unprepared.length > 0;
  }

  get isReady(): boolean {
    return this.state === 'ready';
  }

  /** Whether a file belongs to the corpus: `.article`, or a workspace-relative path matching `include`. */
  isArticle(uri: string, settings: ArticleLensSettings): boolean {
    const file = uriToPath(uri);
    if (!file) return uri.toLowerCase().endsWith(ARTICLE_EXTENSION);
    return this.isArticleFile(file, settings);
  }

  /** `isArticle` for a file path. */
  private isArticleFile(file: string, settings: ArticleLensSettings): boolean {
    if (path.extname(file).toLowerCase() === ARTICLE_EXTENSION) return true;
    if (settings.include.length === 0) return false;
    const match = includeMatcher(settings.include);
    const rel = this.relative(file);
    return match(rel) || match(file.split(path.sep).join('/'));
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

  /** Notes once per URI that a file is not (fully) analysed, and why. */
  reject(uri: string, reason: string): void {
    if (this.rejected.get(uri) === reason) return;
    this.rejected.set(uri, reason);
    this.host.logger.log('info', `not fully analysed: ${reason}`, { uri });
    this.status(undefined, `${path.basename(uriToPath(uri) ?? uri)}: ${reason}`);
  }

  /** The analysis options of a resource: its settings and its folder's entity tagger weights. */
  optionsFor(uri: string, settings: ArticleLensSettings): AnalysisOptions {
    return toAnalysisOptions(settings, this.host.entityModel?.(uri));
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
    const snapshotFile = this.snapshotWanted() ? this.snapshots?.readBytes() : undefined;
    const files: WorkspaceFile[] = [];
    const problems: string[] = [];
    const folderSettings: unknown[] = [];
    for (const folder of this.folders) {
      const settings = await this.host.settings(pathToUri(folder));
      const listing = await this.listFiles(folder, settings, token);
      problems.push(...listing.problems);
      // One options object per folder: the cache keys a file by its text and these options.
      const options = this.optionsFor(pathToUri(folder), settings);
      for (const file of listing.files) files.push({ uri: pathToUri(file), file, settings, options });
      this.reportUnmatched(folder, settings, listing.files);
      folderSettings.push([folder, options, settings.maxFileSizeKB]);
    }
    const settingsKey = settingsDigest(folderSettings);
    this.snapshotSettings = settingsKey;
    this.indexStartedAt = started;
    if (await this.restoreSnapshot(files, settingsKey, snapshotFile, progress, token)) {
      this.finishStart(started, 0, problems, progress);
      return;
    }
    const cached = await this.openCache();
    this.total = files.length;
    this.indexed = 0;
    progress?.begin('Article Lens: indexing articles', 0, `0/${files.length}`, true);
    this.status('indexing');

    const indexer = new CorpusIndexer(this.index, token);
    let elsewhere = 0;
    let sliceStart = Date.now();
    const maybeYield = async (done: number, of: number): Promise<void> => {
      if (Date.now() - sliceStart < SLICE_MS) return;
      progress?.report(Math.round((done / of) * 100), `${this.indexed}/${this.total}`);
      this.status();
      await new Promise((r) => setImmediate(r));
      sliceStart = Date.now();
    };
    const pool = startPool(
      files[0]?.settings.index.jobs ?? 0,
      files.length,
      files.map((f) => f.options),
      (m) => this.host.logger.log('warn', m),
    );
    const lookup = (snapshot: ArticleSnapshot, options: AnalysisOptions): FirstPassFile => ({
      snapshot,
      options,
      cached: cached?.cache.lookup(snapshot, options),
    });
    let figures: FirstPassFigures;
    try {
      const source: FirstPassSource = {
        count: files.length,
        read: async (i) => {
          const { uri, file, settings, options } = files[i];
          const snapshot = await this.readSnapshot(uri, file, settings, problems);
          if (
            snapshot &&
            !this.host.openDocument(uri) &&
            this.host.indexedElsewhere?.(uri, snapshot.text, options)
          ) {
            elsewhere++;
            return undefined;
          }
          return snapshot && lookup(snapshot, options);
        },
        // Read ahead for the workers: a buffer opened or edited since is what the index gets.
        current: (f) => {
          const open = this.host.openDocument(f.snapshot.uri);
          if (!open || open.version === f.snapshot.version) return f;
          return lookup({ uri: f.snapshot.uri, version: open.version, text: open.getText() }, f.options);
        },
        after: async (i) => {
          this.indexed = Math.round((i + 1) / 2);
          await maybeYield(i + 1, files.length * 2);
        },
      };
      figures = await firstPass(indexer, () => this.index.entities.hints(), source, pool, token);
    } finally {
      await pool?.close();
    }
    if (pool)
      this.host.logger.log(
        'info',
        `first pass in worker threads: ${figures.kept} of ${figures.computed} results kept, the rest analysed again here`,
      );
    // An edit during indexing already put a newer buffer in the index: that file is left as it is.
    for (const done of indexer.second(true)) {
      this.indexed = Math.round(files.length / 2 + (done / indexer.size) * (files.length / 2));
      await maybeYield(files.length + done, files.length * 2);
    }
    if (cached && !token.isCancellationRequested) {
      let reused = 0;
      for (const { snapshot, options, entry, reused: hit } of indexer.entries()) {
        if (hit) reused++;
        else cached.cache.save(snapshot, options, entry);
      }
      await cached.store.flush();
      this.host.logger.log('info', `analysis cache: ${reused} of ${indexer.size} articles reused`);
    }
    // Articles are ready for ranking before indexing is reported done, so first related lists are quick.
    progress?.report(100, 'preparing related articles');
    for (let i = 0; i < files.length && !token.isCancellationRequested; i++) {
      this.index.prepareRelated(files[i].uri, files[i].options);
      await maybeYield(files.length * 2, files.length * 2);
    }
    // The snapshot is written before the collection, which then takes its buffers with the rest.
    if (!token.isCancellationRequested) {
      this.saveSnapshot();
      await this.snapshotWrite;
    }
    // The passes' per-file findings and the cache body are garbage now: collected, the memory goes back.
    collectGarbage();
    if (!token.isCancellationRequested && this.host.rehearse) {
      progress?.report(100, 'warming up');
      await this.host.rehearse(Math.min(REHEARSAL_MAX_MS, REHEARSAL_SHARE * (Date.now() - started)), token);
    }
    this.finishStart(started, elsewhere, problems, progress);
  }

  private finishStart(
    started: number,
    elsewhere: number,
    problems: readonly string[],
    progress: WorkDoneProgressReporter | undefined,
  ): void {
    this.indexed = this.index.size + elsewhere;
    this.total = this.index.size + elsewhere;
    progress?.done();
    const ms = Date.now() - started;
    const where = elsewhere > 0 ? ` (${elsewhere} answered by the team corpus)` : '';
    this.host.logger.log('info', `indexed ${this.index.size} articles${where} in ${ms} ms`, {
      files: this.total,
    });
    this.reportProblems(problems);
    this.status('ready', `indexed ${this.index.size} articles${where} in ${ms} ms`);
  }

  /** Whether a start may take over a saved index: there is a store, nothing is indexed yet, the host allows it. */
  private snapshotWanted(): boolean {
    return this.snapshots !== undefined && this.index.size === 0 && this.host.snapshotAllowed?.() !== false;
  }

  /**
   * Takes over the index saved by an earlier session, when it was built with the same settings and its
   * files are still there: the files are stat'ed, those whose stat differs are read and compared by digest,
   * and only those that changed are indexed again (one by one, as edits are). Nothing else is read or
   * analysed. Returns false, with the index left empty, when the normal indexing must run.
   */
  private async restoreSnapshot(
    files: readonly WorkspaceFile[],
    settingsKey: string,
    file: Promise<Settled<Buffer>> | undefined,
    progress: WorkDoneProgressReporter | undefined,
    token: Token,
  ): Promise<boolean> {
    const store = this.snapshots;
    if (!store || !this.snapshotWanted()) return false;
    // The files are stat'ed while the snapshot is still being read. A start that finds no usable snapshot
    // has stat'ed them for nothing: about 70 ms of a 10k start, against a cold index of a minute or more.
    const statting = statAll(files);
    const found = await store.read(settingsKey, file ?? store.readBytes());
    if (!found || token.isCancellationRequested) return false;
    const { snapshot, reading } = found;
    const { stamps, state } = snapshot;
    const checkStarted = performance.now();
    const byUri = new Map(files.map((f) => [f.uri, f]));
    const stats = await statting;
    const diff = compareStamps(stamps, stats);
    const differing = diff.check.length + diff.added.length + diff.gone.length;
    if (differing > Math.max(16, files.length * SNAPSHOT_MAX_CHANGED_SHARE)) {
      store.discard(`${differing} of its files changed since`);
      return false;
    }
    // Files whose stat differs are read: only a changed text is indexed again.
    const digests = new Map(stamps.uris.map((uri, i) => [uri, stamps.digests[i]]));
    const changed: string[] = [...diff.added];
    const problems: string[] = [];
    for (const uri of diff.check) {
      const f = byUri.get(uri);
      const read = f && (await this.readSnapshot(uri, f.file, f.settings, problems));
      if (!read || read.version !== -1 || textDigest(read.text) !== digests.get(uri)) changed.push(uri);
    }
    this.reportProblems(problems);
    const restoreStarted = performance.now();
    try {
      this.index.restoreState(state);
    } catch (e) {
      this.index.restoreState(CorpusIndex.emptyState());
      store.discard(`unusable (${e instanceof Error ? e.message : String(e)})`);
      return false;
    }
    progress?.begin('Article Lens: indexing articles', 0, `0/${files.length}`, true);
    stamps.uris.forEach((uri, i) => {
      if (stamps.sizes[i] >= 0 && !this.readStats.has(uri))
        this.readStats.set(uri, { size: stamps.sizes[i], mtimeMs: stamps.mtimes[i] });
    });
    for (const [uri, reason] of snapshot.rejected) this.reject(uri, reason);
    const restored = performance.now();
    const affected = new Set<string>();
    for (const uri of diff.gone) this.forget(uri, affected);
    for (const uri of changed) for (const u of await this.refreshFromDisk(uri)) affected.add(u);
    const ms = (n: number): string => `${Math.round(n)} ms`;
    this.host.logger.log(
      'info',
      `index snapshot: ${stamps.uris.length - diff.gone.length - changed.length + diff.added.length} of ${files.length} articles restored, ${changed.length + diff.gone.length} indexed again; ` +
        `${(reading.bytes / 1e6).toFixed(1)} MB read in ${ms(reading.readMs)}, decoded in ${ms(reading.decodeMs)}, ` +
        `files checked in ${ms(restoreStarted - checkStarted)}, index restored in ${ms(restored - restoreStarted)}, changes in ${ms(performance.now() - restored)}`,
    );
    // Ranking data is prepared after the start, a slice at a time; a related list asked before computes its own.
    this.unprepared = files.filter((f) => this.index.get(f.uri));
    setImmediate(() => void this.prepareRestored(token));
    if (changed.length + diff.gone.length > 0) this.saveSnapshot();
    return true;
  }

  /**
   * Readies related ranking for the articles a snapshot restored, in short slices while open documents'
   * analysis is quiet: the server is ready already, and edits come first.
   */
  private async prepareRestored(token: Token): Promise<void> {
    while (this.unprepared.length > 0 && !token.isCancellationRequested) {
      await this.host.foregroundQuiet?.();
      const sliceStart = Date.now();
      while (this.unprepared.length > 0 && Date.now() - sliceStart < BACKGROUND_SLICE_MS) {
        const f = this.unprepared.pop() as WorkspaceFile;
        this.index.prepareRelated(f.uri, f.options);
      }
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Writes a snapshot of the index as it is now (after the last one being written, if any). */
  private saveSnapshot(): void {
    const store = this.snapshots;
    const settingsKey = this.snapshotSettings;
    if (!store || settingsKey === undefined || this.host.snapshotAllowed?.() === false) return;
    this.changedSinceSnapshot = 0;
    this.snapshotWrite = this.snapshotWrite.then(() => {
      const uris = this.index.uris();
      const stamps: FileStamps = {
        uris,
        sizes: new Float64Array(uris.length),
        mtimes: new Float64Array(uris.length),
        digests: [],
        takenAt: this.indexStartedAt,
      };
      const rejected: [string, string][] = [];
      uris.forEach((uri, i) => {
        const snapshot = this.index.get(uri)?.snapshot;
        const stat = snapshot?.version === -1 ? this.readStats.get(uri) : undefined;
        // A file indexed from an open buffer never matches: the next session reads it from disk.
        stamps.sizes[i] = stat?.size ?? -1;
        stamps.mtimes[i] = stat?.mtimeMs ?? -1;
        stamps.digests.push(snapshot ? textDigest(snapshot.text) : '');
        const reason = this.rejected.get(uri);
        if (reason !== undefined) rejected.push([uri, reason]);
      });
      return store.write(settingsKey, { stamps, rejected, state: this.index.exportState() });
    });
  }

  /** Resolves once the snapshot being written, if any, is in place: the server waits for it on shutdown. */
  async snapshotWritten(): Promise<void> {
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = undefined;
    }
    await this.snapshotWrite;
  }

  /** Counts files changed since the last snapshot; enough of them schedule a new one once edits settle. */
  private noteChanged(count: number): void {
    if (count === 0 || !this.snapshots || !this.isReady) return;
    this.changedSinceSnapshot += count;
    if (this.changedSinceSnapshot < SNAPSHOT_AFTER_CHANGES) return;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      this.saveSnapshot();
    }, SNAPSHOT_DEBOUNCE_MS);
    this.snapshotTimer.unref();
  }

  /** Applies file-watcher events; returns the URIs whose corpus findings may have changed. */
  async applyFileEvents(events: readonly FileEvent[]): Promise<Set<string>> {
    const affected = new Set<string>();
    for (const event of events) {
      const uri = normalizeUri(event.uri);
      if (this.host.openDocument(uri)) continue; // the buffer wins; it is re-read on close
      if (event.type === FileChangeType.Deleted) {
        for (const u of this.urisUnder(uri)) this.forget(u, affected);
        continue;
      }
      for (const u of await this.refreshFromDisk(uri)) affected.add(u);
    }
    this.noteChanged(events.length);
    this.status();
    return affected;
  }

  /**
   * Re-reads one file from disk into the index (after a watcher event, or when its buffer closes), or
   * drops it when it is gone, no longer an article, outside the folders or binary.
   */
  async refreshFromDisk(rawUri: string): Promise<Set<string>> {
    const uri = normalizeUri(rawUri);
    const affected = new Set<string>();
    const file = uriToPath(uri);
    const settings = await this.host.settings(uri);
    if (!file || !this.underFolder(file) || !this.isArticle(uri, settings)) {
      this.forget(uri, affected);
      return affected;
    }
    const problems: string[] = [];
    const snapshot = await this.readSnapshot(uri, file, settings, problems);
    this.reportProblems(problems);
    if (!snapshot) {
      this.forget(uri, affected);
      return affected;
    }
    if (this.host.openDocument(uri)) return affected;
    if (this.host.indexedElsewhere?.(uri, snapshot.text, this.optionsFor(uri, settings))) {
      this.forget(uri, affected);
      return affected;
    }
    const local = analyzeLocal(snapshot.text, this.optionsFor(uri, settings), this.index.entities.hints(), {
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

  private underFolder(file: string): boolean {
    return this.folders.some((folder) => {
      const rel = path.relative(folder, file);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
  }

  private relative(file: string): string {
    for (const folder of this.folders) {
      const rel = path.relative(folder, file);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
    }
    return path.basename(file);
  }

  /** Include globs the user set that match no file of a folder: most likely a typo. */
  private reportUnmatched(folder: string, settings: ArticleLensSettings, files: readonly string[]): void {
    if (settings.include === defaultSettings.include) return;
    const rels = files.map((f) => path.relative(folder, f).split(path.sep).join('/'));
    for (const glob of settings.include) {
      const match = includeMatcher([glob]);
      if (!rels.some((r) => match(r)))
        this.host.warn(`Article Lens: articleLens.include pattern "${glob}" matches no file in ${folder}.`);
    }
  }

  /** Logs every file or folder that could not be read and tells the user once how many there were. */
  private reportProblems(problems: readonly string[]): void {
    if (problems.length === 0) return;
    for (const p of problems) this.host.logger.log('warn', p);
    const first = problems[0];
    const more = problems.length > 1 ? ` and ${problems.length - 1} more (see Article Lens: Show Log)` : '';
    this.host.warn(`Article Lens could not read ${first}${more}.`);
  }

  /**
   * Every article file under `folder`, sorted. Symbolic links are followed once: a link back into a folder
   * already walked (a loop) is reported, as are folders and files that cannot be read.
   */
  private async listFiles(
    folder: string,
    settings: ArticleLensSettings,
    token: Token,
  ): Promise<{ files: string[]; problems: string[] }> {
    const files: string[] = [];
    const problems: string[] = [];
    const seen = new Set<string>();
    const stack = [readFolderAhead(folder)];
    while (stack.length > 0 && !token.isCancellationRequested) {
      const { dir, real, entries: read } = stack.pop() as FolderRead;
      const resolved = await real;
      if (!resolved.ok) {
        problems.push(`${dir}: ${errorText(resolved.error)}`);
        continue;
      }
      if (seen.has(resolved.value)) {
        problems.push(`${dir}: a symbolic link loop (already indexed as ${resolved.value})`);
        continue;
      }
      seen.add(resolved.value);
      const listed = await read;
      if (!listed.ok) {
        problems.push(`${dir}: ${errorText(listed.error)}`);
        continue;
      }
      const entries = listed.value;
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const target = await fsp.stat(full);
            isDir = target.isDirectory();
            isFile = target.isFile();
          } catch (e) {
            if (this.isArticleFile(full, settings)) problems.push(`${full}: ${errorText(e)}`);
            continue;
          }
        }
        if (isDir) {
          if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) stack.push(readFolderAhead(full));
        } else if (isFile && this.isArticleFile(full, settings)) files.push(full);
      }
    }
    return { files: files.sort(), problems };
  }

  /**
   * Reads a file for the index: decoded (BOM stripped, UTF-16 by its mark), cut to the size limit.
   * `undefined` when it is binary or unreadable (the reason goes to `problems` or the status).
   */
  private async readSnapshot(
    uri: string,
    file: string,
    settings: ArticleLensSettings,
    problems: string[],
  ): Promise<ArticleSnapshot | undefined> {
    const open = this.host.openDocument(uri);
    if (open) return { uri, version: open.version, text: open.getText() };
    try {
      const stat = await fsp.stat(file);
      if (!stat.isFile()) return undefined;
      this.readStats.set(uri, { size: stat.size, mtimeMs: stat.mtimeMs });
      const limit = sizeLimitBytes(settings.maxFileSizeKB);
      // A prefix is all that is analysed, so a huge file is never read whole; UTF-16 needs twice the bytes.
      const wanted = Math.min(stat.size, limit * 2 + 4);
      const bytes = await readPrefix(file, wanted);
      const decoded = decodeArticle(bytes);
      if ('binary' in decoded) {
        this.reject(uri, 'not analysed: binary content');
        return undefined;
      }
      const part = analysedPart(decoded.text, settings.maxFileSizeKB);
      if (part.truncated || wanted < stat.size) {
        const whole = { ...part, bytes: Math.max(part.bytes, stat.size), truncated: true };
        this.reject(uri, truncationNote(whole, settings.maxFileSizeKB));
      } else this.accept(uri);
      // Disk files have no editor version; -1 never equals an open buffer's version.
      return { uri, version: -1, text: part.text };
    } catch (e) {
      problems.push(`${file}: ${errorText(e)}`);
      return undefined;
    }
  }
}

/** The stat of every file (`undefined` where it failed), a batch at a time. */
async function statAll(files: readonly WorkspaceFile[]): Promise<Map<string, FileStat | undefined>> {
  const out = new Map<string, FileStat | undefined>();
  for (let i = 0; i < files.length; i += STAT_BATCH) {
    const batch = files.slice(i, i + STAT_BATCH);
    const stats = await Promise.all(batch.map((f) => fsp.stat(f.file).catch(() => undefined)));
    batch.forEach((f, k) => {
      const stat = stats[k];
      out.set(f.uri, stat?.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined);
    });
  }
  return out;
}

async function readPrefix(file: string, bytes: number): Promise<Buffer> {
  const handle = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    let read = 0;
    while (read < bytes) {
      const { bytesRead } = await handle.read(buf, read, bytes - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buf.subarray(0, read);
  } finally {
    await handle.close();
  }
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'ELOOP') return 'a symbolic link loop';
  if (err.code === 'ENOENT') return 'a dangling symbolic link or a file that is gone';
  return err.message ?? String(e);
}
