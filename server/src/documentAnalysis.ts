// Open documents' analysis: runs a scheduled analysis on the latest buffer stage by stage (other messages
// run between stages and a newer edit cancels it), guards size and binary content, drops results of stale
// versions, caches the analysis per URI + version for the features, publishes diagnostics with their
// version and re-queues open files the index update affected.
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeLocal, ownFindings, withCorpusFindings } from './analysis/analyzeArticle';
import { CorpusIndex } from './analysis/corpus/corpusIndex';
import { analyzeLocalStaged, nextTurn } from './analysis/stagedAnalysis';
import { analyzeStructure } from './analysis/structure/pageStructure';
import type {
  AnalysisOptions,
  ArticleAnalysis,
  ArticleSnapshot,
  LocalAnalysis,
  Token,
} from './analysis/types';
import type { SettingsStore } from './config';
import { publishedDiagnostics } from './features/diagnostics';
import { limitDiagnostics } from './features/limitNotices';
import type { ArticleLensSettings } from './protocol';
import type { Priority } from './scheduler';
import type { Logger } from './util/logger';
import {
  analysedPart,
  rejectReason,
  truncationNote,
  type LspCorpus,
  type OpenDocument,
} from './workspace/lspCorpus';

interface CacheEntry {
  version: number;
  text: string;
  settings: ArticleLensSettings;
  analysis: ArticleAnalysis;
}

/** A local analysis computed ahead of `compute`, on `text`, in `ms` of work. */
interface Precomputed {
  text: string;
  local: LocalAnalysis;
  ms: number;
}

export interface DocumentAnalysisHost {
  logger: Logger;
  corpus: LspCorpus;
  settings: SettingsStore;
  openDocument(uri: string): OpenDocument | undefined;
  /** Whether an open document is an article (language `article`, `.article` or an include glob). */
  isArticleDocument(doc: OpenDocument): boolean;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  schedule(uri: string, priority: Priority): void;
  /** Asks the client to re-request code lenses and semantic tokens (cross-file changes). */
  refreshViews(): void;
  /** Readies the index for a new local analysis's corpus findings (the team corpus brings in neighbours). */
  beforeCorpusFindings?(uri: string, text: string, local: LocalAnalysis): Promise<void>;
}

const notCancelled: Token = { isCancellationRequested: false };

function emptyAnalysis(snapshot: ArticleSnapshot, limits: string[]): ArticleAnalysis {
  const { uri, version } = snapshot;
  return {
    uri,
    version,
    entities: [],
    quotes: [],
    unbalanced: [],
    repeats: [],
    shared: [],
    related: [],
    limits,
  };
}

export class DocumentAnalysis {
  private readonly cache = new Map<string, CacheEntry>();
  private rehearsalIndex: CorpusIndex | undefined;

  constructor(private readonly host: DocumentAnalysisHost) {}

  /**
   * The scheduler's run function: analyse the latest buffer of `uri` and publish. Every stage starts on a
   * later turn of the event loop, so the messages queued meanwhile are handled first; a newer edit (or a
   * close, or new settings) cancels the token and this run ends without publishing.
   */
  readonly run = async (uri: string, token: Token): Promise<void> => {
    if (!this.host.openDocument(uri)) return;
    const settings = await this.host.settings.get(uri);
    if (token.isCancellationRequested) return;
    const doc = this.host.openDocument(uri);
    if (!doc || !this.host.isArticleDocument(doc)) return;
    const version = doc.version;
    const stale = (): boolean =>
      token.isCancellationRequested || this.host.openDocument(uri)?.version !== version;
    const pre = await this.analyseStaged(doc, settings, token);
    if (pre && !stale()) await this.host.beforeCorpusFindings?.(uri, pre.text, pre.local);
    // Index update and corpus findings, then diagnostics: a stage each.
    await nextTurn();
    if (stale()) return;
    const entry = this.compute(doc, settings, token, pre);
    if (!entry || entry.version !== version) return;
    await nextTurn();
    if (stale()) return;
    const diagnostics = this.diagnosticsOf(uri, entry);
    // An edit that arrived during the last stage is handled on this turn, before the check below.
    await nextTurn();
    if (stale()) return;
    this.host.publish(uri, entry.version, diagnostics);
  };

  /**
   * The local analysis of `doc`'s text, stage by stage, when `compute` would need one (not cached, not
   * rejected); `undefined` otherwise or when cancelled, and `compute` then does what it needs at once.
   */
  private async analyseStaged(
    doc: OpenDocument,
    settings: ArticleLensSettings,
    token: Token,
  ): Promise<Precomputed | undefined> {
    const whole = doc.getText();
    if (rejectReason(whole)) return undefined;
    // The same prefix `compute` analyses when the buffer is over the size limit.
    const text = analysedPart(whole, settings.maxFileSizeKB).text;
    if (this.isCached(doc, settings, text)) return undefined;
    // The time reported is the work done, not the turns given to other messages.
    let waited = 0;
    const pause = async (): Promise<void> => {
      const t = performance.now();
      await nextTurn();
      waited += performance.now() - t;
    };
    const started = performance.now();
    const options = this.host.corpus.optionsFor(doc.uri, settings);
    const local = await this.localStaged(text, options, token, pause);
    return local && { text, local, ms: performance.now() - started - waited };
  }

  /** analyzeLocal's findings and the page structure, a stage at a time; `undefined` once cancelled. */
  private async localStaged(
    text: string,
    options: AnalysisOptions,
    token: Token,
    pause: () => Promise<void> = nextTurn,
  ): Promise<LocalAnalysis | undefined> {
    const index = this.host.corpus.index;
    const local = await analyzeLocalStaged(text, options, () => index.entities.hints(), token, pause);
    if (!local) return undefined;
    // The page structure too, as analyzeLocal gives it: the index reads its stories, the views its parts.
    await pause();
    if (token.isCancellationRequested) return undefined;
    local.structure = analyzeStructure(text);
    return local;
  }

  /** Whether the cache holds `doc`'s analysis at this version, text and settings. */
  private isCached(doc: OpenDocument, settings: ArticleLensSettings, text: string): boolean {
    const cached = this.cache.get(doc.uri);
    return (
      cached !== undefined &&
      cached.version === doc.version &&
      cached.settings === settings &&
      cached.text === text
    );
  }

  /** Analysis of an open document at its current version; computed now when the scheduler is behind. */
  analysisOf(uri: string): ArticleAnalysis | undefined {
    const doc = this.host.openDocument(uri);
    if (!doc) return this.indexedAnalysis(uri);
    const cached = this.cache.get(uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    if (!this.host.isArticleDocument(doc)) return undefined;
    const entry = this.compute(doc, this.host.settings.peek(uri), notCancelled);
    return entry?.analysis;
  }

  /**
   * A file that is not open answers from the index (its last local analysis plus fresh corpus findings), so
   * commands sent by editors for files they have not opened still work.
   */
  private indexedAnalysis(uri: string): ArticleAnalysis | undefined {
    const indexed = this.host.corpus.index.get(uri);
    if (!indexed) return undefined;
    const options = this.host.corpus.optionsFor(uri, this.host.settings.peek(uri));
    const { snapshot, local } = indexed;
    return withCorpusFindings(
      { uri, version: snapshot.version, ...local },
      snapshot,
      this.host.corpus.index,
      options,
    );
  }

  /**
   * The open-document pipeline (staged local analysis, page structure, index update, corpus findings,
   * diagnostics, related ranking) on an indexed article, with every result dropped: the warm-up's
   * rehearsal. The corpus findings are those of the recorded analysis, as for a file that is not open, so
   * no cache is filled with anything else.
   */
  async rehearse(uri: string, token: Token): Promise<boolean> {
    const { corpus } = this.host;
    const indexed = corpus.index.get(uri);
    if (!indexed || this.host.openDocument(uri)) return false;
    const settings = this.host.settings.peek(uri);
    const options = corpus.optionsFor(uri, settings);
    const { snapshot, local: recorded } = indexed;
    const local = await this.localStaged(snapshot.text, options, token);
    if (!local) return false;
    await nextTurn();
    if (token.isCancellationRequested) return false;
    // An edit updates the index: rehearsed on an index of rehearsals only, the corpus's stays as it is.
    this.rehearsalIndex ??= new CorpusIndex();
    this.rehearsalIndex.update({ ...snapshot, uri: `${uri}#rehearsal` }, local);
    await nextTurn();
    if (token.isCancellationRequested || corpus.index.get(uri) !== indexed) return false;
    const analysis = withCorpusFindings(
      { uri, version: snapshot.version, ...recorded },
      snapshot,
      corpus.index,
      options,
    );
    await nextTurn();
    if (token.isCancellationRequested) return false;
    this.diagnosticsOf(uri, { version: snapshot.version, text: snapshot.text, settings, analysis });
    await nextTurn();
    if (token.isCancellationRequested) return false;
    // Reading it runs the related ranking, as the code lens and the related-articles list do.
    void analysis.related;
    return true;
  }

  /** Drops what the rehearsals built. */
  endRehearsals(): void {
    this.rehearsalIndex = undefined;
  }

  /** Forgets a closed document and clears its diagnostics. */
  close(uri: string): void {
    this.cache.delete(uri);
    this.host.publish(uri, undefined, []);
  }

  /** Forgets every cached analysis (settings changed). */
  clear(): void {
    this.cache.clear();
  }

  private diagnosticsOf(uri: string, entry: CacheEntry): Diagnostic[] {
    const notices = limitDiagnostics(entry.analysis, entry.text);
    const findings = publishedDiagnostics({
      analysis: entry.analysis,
      text: entry.text,
      uri,
      settings: entry.settings,
      textOf: (u) => this.host.corpus.textOf(u),
    });
    return notices.length > 0 ? [...notices, ...findings] : findings;
  }

  /**
   * Brings the cache up to date for `doc`. The same version with the same settings only refreshes the
   * corpus findings (another file changed); anything else re-runs the local analysis (or takes `pre`, when
   * it was computed on this text) and updates the index.
   */
  private compute(
    doc: OpenDocument,
    settings: ArticleLensSettings,
    token: Token,
    pre?: Precomputed,
  ): CacheEntry | undefined {
    const { corpus, logger } = this.host;
    const snapshot: ArticleSnapshot = { uri: doc.uri, version: doc.version, text: doc.getText() };
    const options = corpus.optionsFor(doc.uri, settings);
    const cached = this.cache.get(doc.uri);
    const started = performance.now();

    const rejected = rejectReason(snapshot.text);
    if (rejected) {
      corpus.reject(doc.uri, `not analysed: ${rejected}`);
      const affected = new Set<string>();
      corpus.forget(doc.uri, affected);
      this.requeue(affected);
      const entry = {
        version: doc.version,
        text: snapshot.text,
        settings,
        analysis: emptyAnalysis(snapshot, [`not analysed: ${rejected}`]),
      };
      this.cache.set(doc.uri, entry);
      return entry;
    }
    // Past the size limit only a prefix is analysed (and indexed); its offsets are those of the buffer.
    const part = analysedPart(snapshot.text, settings.maxFileSizeKB);
    const limits = part.truncated ? [truncationNote(part, settings.maxFileSizeKB)] : [];
    if (part.truncated) {
      corpus.reject(doc.uri, limits[0]);
      snapshot.text = part.text;
    } else corpus.accept(doc.uri);

    let analysis: ArticleAnalysis;
    let localMs = 0;
    if (cached && this.isCached(doc, settings, snapshot.text)) {
      const indexed = corpus.index.get(doc.uri)?.snapshot ?? snapshot;
      analysis = withCorpusFindings(ownFindings(cached.analysis), indexed, corpus.index, options);
    } else {
      const reuse = pre?.text === snapshot.text ? pre : undefined;
      localMs = reuse?.ms ?? 0;
      const local =
        reuse?.local ?? analyzeLocal(snapshot.text, options, corpus.index.entities.hints(), token);
      if (token.isCancellationRequested) return undefined;
      local.limits.push(...limits);
      const affected = corpus.index.update(snapshot, local);
      // The index applies curators' corrections (analysis/curation): report what it recorded.
      const recorded = corpus.index.get(doc.uri)?.local ?? local;
      analysis = withCorpusFindings(
        { uri: doc.uri, version: doc.version, ...recorded },
        snapshot,
        corpus.index,
        options,
      );
      this.requeue(affected);
    }
    const ms = performance.now() - started + localMs;
    corpus.reportAnalysis(ms);
    logger.log('debug', 'analysed', { uri: doc.uri, version: doc.version, ms: Math.round(ms * 10) / 10 });
    const entry = { version: doc.version, text: snapshot.text, settings, analysis };
    this.cache.set(doc.uri, entry);
    return entry;
  }

  /** Open files whose corpus findings changed get a low-priority refresh; views are asked to refresh. */
  requeue(affected: ReadonlySet<string>): void {
    let any = false;
    for (const uri of affected) {
      if (!this.host.openDocument(uri)) continue;
      this.host.schedule(uri, 'low');
      any = true;
    }
    if (affected.size > 0 || any) this.host.refreshViews();
  }
}
