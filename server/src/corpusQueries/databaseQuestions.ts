// The corpus questions answered by the team database for the files it covers and that are not open, and
// by the local index for the rest (open buffers, files the database does not hold, everything while it is
// offline). A connection error hands the question to the local index and tells the link, which goes
// offline and tries again; any other database error is the caller's.
import { promises as fsp } from 'node:fs';
import { finalLocal } from '../analysis/corpus/cachedAnalysis';
import { decodeEntry } from '../analysis/corpus/entryCodec';
import { subsequence, type EntityOccurrence, type EntitySummary } from '../analysis/entities/entityIndex';
import type { CurationStage } from '../analysis/curation/stage';
import type { ArticleAnalysis, RelatedArticle, SharedPassage } from '../analysis/types';
import type { CorpusQueries } from '../storage/postgres/corpusQueries';
import { isConnectionError, type TeamLink } from '../storage/postgres/teamConnection';
import { uriToPath } from '../util/uri';
import { decodeArticle } from '../workspace/articleText';
import type { CorpusQuestions } from './corpusQuestions';
import { summariesWithCorrections } from './correctedSummaries';
import type { CorrectedFile, CorrectedFiles } from './correctedFiles';
import type { Coverage } from './coverage';

export interface DatabaseQuestionsHost {
  /** Whether a URI is open in the editor (its buffer is analysed locally and wins). */
  isOpen(uri: string): boolean;
  /** Resolves once the local index is complete (filled after the link went offline, or neighbours brought in). */
  localReady(): Promise<void>;
  /** The stage the local index applies the corrections with; the database's answers get it too. */
  curation(): CurationStage | undefined;
}

/** Characters of texts of files that are not open kept, for turning offsets into positions (~32 MB). */
const TEXT_CACHE_CHARS = 16 * 1024 * 1024;
/** Stored analyses kept (by file and digest): an editor asks about the same few files again and again. */
const ANALYSIS_CACHE = 64;

export class DatabaseQuestions implements CorpusQuestions {
  private readonly texts = new Map<string, string>();
  private textChars = 0;
  private readonly analyses = new Map<string, ArticleAnalysis>();

  constructor(
    private readonly local: CorpusQuestions,
    private readonly link: TeamLink,
    private readonly db: CorpusQueries,
    private readonly coverage: Coverage,
    private readonly host: DatabaseQuestionsHost,
    private readonly corrected: CorrectedFiles,
  ) {}

  /** Whether the database answers for this file now. */
  private fromDb(uri: string): boolean {
    return this.link.isOnline && this.coverage.has(uri) && !this.host.isOpen(uri);
  }

  /** Runs a database question; on a connection error the link hears of it and `fallback` answers. */
  private async ask<T>(question: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (this.link.isOnline) {
      try {
        return await question();
      } catch (e) {
        if (!isConnectionError(e)) throw e;
        this.link.lost(e);
      }
    }
    // Offline, the local index answers once it has taken the files the database held.
    await this.host.localReady();
    return fallback();
  }

  async textOf(uri: string): Promise<string | undefined> {
    if (!this.link.isOnline) await this.host.localReady();
    const known = await this.local.textOf(uri);
    if (known !== undefined || !this.coverage.has(uri)) return known;
    const cached = this.texts.get(uri);
    if (cached !== undefined) return cached;
    const file = uriToPath(uri);
    if (file === undefined) return undefined;
    try {
      const decoded = decodeArticle(await fsp.readFile(file));
      if ('binary' in decoded) return undefined;
      this.keepText(uri, decoded.text);
      return decoded.text;
    } catch {
      return undefined;
    }
  }

  /** Keeps a text read from disk, the oldest leaving first beyond the cache's size. */
  private keepText(uri: string, text: string): void {
    this.texts.set(uri, text);
    this.textChars += text.length;
    for (const [old, oldText] of this.texts) {
      if (this.textChars <= TEXT_CACHE_CHARS || old === uri) break;
      this.texts.delete(old);
      this.textChars -= oldText.length;
    }
  }

  async analysisOf(uri: string): Promise<ArticleAnalysis | undefined> {
    if (!this.fromDb(uri)) {
      await this.host.localReady();
      return this.local.analysisOf(uri);
    }
    return this.ask(
      () => this.storedAnalysis(uri),
      () => this.local.analysisOf(uri),
    );
  }

  private async storedAnalysis(uri: string): Promise<ArticleAnalysis | undefined> {
    const rel = this.coverage.pathOf(uri);
    const digest = this.coverage.digestOf(uri);
    if (rel === undefined || digest === undefined) return this.local.analysisOf(uri);
    this.corrected.sync();
    const key = `${digest} ${uri} ${this.corrected.generation}`;
    const cached = this.analyses.get(key);
    if (cached) return cached;
    const analysis = await this.readAnalysis(uri, rel, digest);
    if (analysis) {
      if (this.analyses.size >= ANALYSIS_CACHE)
        this.analyses.delete(this.analyses.keys().next().value as string);
      this.analyses.set(key, analysis);
    }
    return analysis;
  }

  /** Forgets what was read (the database was loaded again while offline, or coverage changed). */
  forgetStored(): void {
    this.analyses.clear();
    this.texts.clear();
    this.textChars = 0;
    this.corrected.reset();
  }

  private async readAnalysis(uri: string, rel: string, digest: string): Promise<ArticleAnalysis | undefined> {
    const [raw, shared, related] = await Promise.all([
      this.db.storedEntry(digest),
      this.db.sharedPassages(rel),
      this.db.related(rel),
    ]);
    const entry = decodeEntry(raw);
    if (!entry) return this.local.analysisOf(uri);
    let passages: SharedPassage[] = [];
    for (const { otherPath, ...s } of shared) {
      const otherUri = this.coverage.uriOf(otherPath);
      if (otherUri !== undefined) passages.push({ ...s, otherUri });
    }
    let ranked: RelatedArticle[] = [];
    for (const { path, ...r } of related) {
      const other = this.coverage.uriOf(path);
      if (other !== undefined) ranked.push({ ...r, uri: other });
    }
    let local = finalLocal(entry);
    // The stored findings are the model's: the corrections apply to them as to what the local index holds.
    const stage = this.corrected.active ? this.host.curation() : undefined;
    const text = stage && (await this.textOf(uri));
    if (stage && text !== undefined) {
      local = stage.local(uri, text, local);
      passages = stage.shared(uri, text, passages);
      ranked = stage.related(uri, ranked);
    }
    return { uri, version: -1, ...local, shared: passages, related: ranked };
  }

  /** Mentions in corpus order (files the database does not hold last, as the local index lists them). */
  private inCorpusOrder(mentions: EntityOccurrence[]): EntityOccurrence[] {
    const rank = new Map<string, number>();
    for (const m of mentions)
      if (!rank.has(m.uri)) rank.set(m.uri, this.coverage.rankOf(m.uri) ?? Number.MAX_SAFE_INTEGER);
    return mentions
      .map((m, i) => ({ m, i }))
      .sort((a, b) => (rank.get(a.m.uri) as number) - (rank.get(b.m.uri) as number) || a.i - b.i)
      .map(({ m }) => m);
  }

  /** Mentions of the closed covered files corrections apply to, from their corrected analyses. */
  private correctedMentions(
    corrected: ReadonlyMap<string, CorrectedFile>,
    canonical: string,
    firstOnly: boolean,
  ): EntityOccurrence[] {
    const out: EntityOccurrence[] = [];
    for (const [uri, { curated }] of corrected) {
      if (!this.fromDb(uri)) continue;
      for (const m of curated)
        if (m.canonical === canonical) {
          out.push({ uri, span: m.span, text: m.text });
          if (firstOnly) break;
        }
    }
    return out;
  }

  mentionsOf(canonical: string): Promise<EntityOccurrence[]> {
    return this.ask(
      async () => {
        const [stored, local, corrected] = await Promise.all([
          this.db.mentionsOf(canonical),
          this.local.mentionsOf(canonical),
          this.corrected.current(),
        ]);
        const out: EntityOccurrence[] = [];
        for (const m of stored) {
          const uri = this.coverage.uriOf(m.path);
          if (uri !== undefined && this.fromDb(uri) && !corrected.has(uri))
            out.push({ uri, span: m.span, text: m.text });
        }
        out.push(...this.correctedMentions(corrected, canonical, false));
        // The local index answers for what the database does not: open buffers and uncovered files.
        for (const m of local) if (!this.fromDb(m.uri)) out.push(m);
        return this.inCorpusOrder(out);
      },
      () => this.local.mentionsOf(canonical),
    );
  }

  firstMentions(canonicals: readonly string[], limit: number): Promise<Map<string, EntityOccurrence[]>> {
    return this.ask(
      async () => {
        const [stored, local, corrected] = await Promise.all([
          this.db.firstMentions(canonicals, limit),
          // Unbounded: what the database covers is dropped from the local answer below, after any cut.
          this.local.firstMentions(canonicals, Number.POSITIVE_INFINITY),
          this.corrected.current(),
        ]);
        const out = new Map<string, EntityOccurrence[]>();
        for (const c of canonicals) {
          const list: EntityOccurrence[] = [];
          for (const m of stored.get(c) ?? []) {
            const uri = this.coverage.uriOf(m.path);
            if (uri !== undefined && this.fromDb(uri) && !corrected.has(uri))
              list.push({ uri, span: m.span, text: m.text });
          }
          list.push(...this.correctedMentions(corrected, c, true));
          for (const m of local.get(c) ?? []) if (!this.fromDb(m.uri)) list.push(m);
          out.set(c, this.inCorpusOrder(list));
        }
        return out;
      },
      () => this.local.firstMentions(canonicals, limit),
    );
  }

  searchEntities(query: string, limit: number): Promise<EntitySummary[]> {
    const q = query.toLowerCase().replace(/\s+/g, '');
    return this.merged(
      () =>
        this.correctedSummaries(this.db.searchEntities(query, limit), limit, 'search', (e) =>
          [e.canonical, ...e.aliases].some((n) => subsequence(n, q)),
        ),
      () => this.local.searchEntities(query, limit),
      limit,
    );
  }

  mostMentioned(limit: number): Promise<EntitySummary[]> {
    return this.merged(
      () => this.correctedSummaries(this.db.mostMentioned(limit), limit, 'mentions', () => true),
      () => this.local.mostMentioned(limit),
      limit,
    );
  }

  /** The database's summaries with the corrections of the closed files they count applied. */
  private async correctedSummaries(
    found: Promise<EntitySummary[]>,
    limit: number,
    order: 'search' | 'mentions',
    matches: (e: EntitySummary) => boolean,
  ): Promise<EntitySummary[]> {
    const [list, corrected] = await Promise.all([found, this.corrected.current()]);
    const files = [...corrected].filter(([uri]) => this.fromDb(uri)).map(([, f]) => f);
    if (files.length === 0) return list;
    return summariesWithCorrections(list, files, (names) => this.db.summaries(names), matches, order, limit);
  }

  /** The database's entities, then the local index's that it does not know, at most `limit`. */
  private async merged(
    fromDb: () => Promise<EntitySummary[]>,
    fromLocal: () => Promise<EntitySummary[]>,
    limit: number,
  ): Promise<EntitySummary[]> {
    const local = await fromLocal();
    return this.ask(
      async () => {
        const out = await fromDb();
        const seen = new Set(out.map((e) => e.canonical));
        for (const e of local) if (out.length < limit && !seen.has(e.canonical)) out.push(e);
        return out;
      },
      async () => local,
    );
  }
}
