// Wiring of the team corpus into the language server: the link to the database (from
// initializationOptions.teamCorpus), its status notification and its one offline message, the corpus
// questions (the database for the files it covers, the local index for the rest), which files indexing
// may leave to the database, and what happens when the link goes offline (the local index takes every
// file) and comes back (files the database covers leave the local index again).
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import type { CurationStage } from './analysis/curation/stage';
import type { AnalysisOptions, LocalAnalysis } from './analysis/types';
import { memoryQuestions, type CorpusQuestions, type MemorySources } from './corpusQueries/corpusQuestions';
import { CorrectedFiles, type CorrectionSource } from './corpusQueries/correctedFiles';
import { Coverage } from './corpusQueries/coverage';
import { DatabaseQuestions } from './corpusQueries/databaseQuestions';
import { GuestArticles } from './corpusQueries/guestArticles';
import { TeamCorpusStatusNotification, type TeamCorpusStatusParams } from './protocol';
import { CorpusQueries } from './storage/postgres/corpusQueries';
import { describeError, redactUrl } from './storage/postgres/database';
import { TeamLink } from './storage/postgres/teamConnection';
import type { Logger } from './util/logger';
import { uriToPath } from './util/uri';
import type { LspCorpus } from './workspace/lspCorpus';

/** The team database (initializationOptions.teamCorpus): the password never in settings. */
export interface TeamCorpusOptions {
  url: string;
  password?: string;
  /** First pause before reconnecting, doubled up to `maxRetryMs` (tests shorten them). */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface TeamCorpusDeps {
  connection: Connection;
  corpus: LspCorpus;
  local: MemorySources;
  logger(): Logger;
  isOpen(uri: string): boolean;
  optionsOf(uri: string): AnalysisOptions;
  /** Indexes the workspace again (the link went offline: the local index must answer for every file). */
  reindex(): Promise<void>;
  /** Open articles whose corpus findings may have changed. */
  requeue(affected: ReadonlySet<string>): void;
  /** The corrections in force (each folder's sidecar and the team's) and the stage that applies them. */
  correctionSources(): readonly CorrectionSource[];
  correctionStage(): CurationStage | undefined;
}

export interface TeamCorpusServer {
  /** The corpus questions the features ask. */
  readonly questions: CorpusQuestions;
  /** Connects to the team database (once, before the first indexing). */
  use(options: TeamCorpusOptions): TeamLink;
  /** The first connection attempt, before the first indexing (later calls wait for the same); resolves either way. */
  start(): Promise<void>;
  setFolders(uris: readonly string[]): void;
  /** Whether indexing may leave this file to the database (it holds exactly this text). */
  indexedElsewhere(uri: string, text: string, options: AnalysisOptions): boolean;
  /** Before an open article's corpus findings: the articles it may share passages or names with come in. */
  beforeCorpusFindings(uri: string, text: string, local: LocalAnalysis): Promise<void>;
  /** Whether the database answers for a file the local index does not hold. */
  holds(uri: string): boolean;
  /** After an indexing: says once what the database does not cover. */
  indexed(): void;
}

/** Files indexed here whose neighbours are brought in after an indexing, at most (the rest on opening). */
const LOCAL_FILES_WITH_NEIGHBOURS = 200;

export function createTeamCorpusServer(deps: TeamCorpusDeps): TeamCorpusServer {
  const memory = memoryQuestions(deps.local);
  let questions: CorpusQuestions = memory;
  let link: TeamLink | undefined;
  let queries: CorpusQueries | undefined;
  let guests: GuestArticles | undefined;
  const coverage = new Coverage();
  let folders: string[] = [];
  let saidOffline = false;
  let saidCoverage = '';
  let everOnline = false;
  let started: Promise<void> | undefined;
  /** The indexing started because the link went offline; a reconnect waits for it. */
  let reindexing: Promise<void> = Promise.resolve();
  /** The neighbours of the files indexed here, being brought in after an indexing. */
  let neighbours: Promise<void> = Promise.resolve();

  const log = (level: 'info' | 'warn', message: string): void => deps.logger().log(level, message);
  const showMessage = (type: MessageType, message: string): void =>
    void deps.connection.sendNotification(ShowMessageNotification.method, { type, message });
  const sendStatus = (params: Omit<TeamCorpusStatusParams, 'database'>): void => {
    if (!link) return;
    const status: TeamCorpusStatusParams = { ...params, database: redactUrl(link.options.url) };
    void deps.connection.sendNotification(TeamCorpusStatusNotification.method, status);
  };

  const readCoverage = async (): Promise<void> => {
    if (!queries) return;
    const [stored, version] = await Promise.all([queries.articleDigests(), queries.meta('analyser_version')]);
    coverage.reset(stored, version);
  };

  /** Back online: files the database holds unchanged leave the local index (it answers for them). */
  const handBack = async (): Promise<void> => {
    await reindexing;
    const affected = new Set<string>();
    let handed = 0;
    guests?.reset();
    for (const uri of deps.local.index.uris()) {
      const indexed = deps.local.index.get(uri);
      if (!indexed || deps.isOpen(uri)) continue;
      if (coverage.check(uri, indexed.snapshot.text, deps.optionsOf(uri))) {
        deps.corpus.forget(uri, affected);
        handed++;
      }
    }
    log('info', `team corpus connected again: ${handed} articles answered by the database again`);
    deps.requeue(affected);
  };

  /**
   * The files indexed here because the database does not hold them as they are get their neighbours from
   * the database too, so their shared passages and related lists reach the files it holds.
   */
  const admitForLocalFiles = async (): Promise<void> => {
    const g = guests;
    if (!g) return;
    let done = 0;
    for (const uri of deps.local.index.uris()) {
      if (done >= LOCAL_FILES_WITH_NEIGHBOURS || !link?.isOnline) break;
      if (coverage.has(uri) || deps.isOpen(uri) || g.has(uri)) continue;
      const indexed = deps.local.index.get(uri);
      if (!indexed) continue;
      await g.admitFor(uri, indexed.snapshot.text, indexed.local.entities).catch((e: unknown) => {
        log(
          'warn',
          `team corpus: neighbours of ${uri} not read: ${e instanceof Error ? e.message : String(e)}`,
        );
      });
      done++;
    }
  };

  return {
    get questions() {
      return questions;
    },
    use(options) {
      link = new TeamLink(options);
      queries = new CorpusQueries(link.pool);
      coverage.setFolders(folders);
      const l = link;
      const readText = (uri: string): Promise<string | undefined> => answers.textOf(uri);
      const corrected = new CorrectedFiles(queries, coverage, {
        sources: deps.correctionSources,
        stage: deps.correctionStage,
        readText,
      });
      const answers: DatabaseQuestions = new DatabaseQuestions(
        memory,
        l,
        queries,
        coverage,
        {
          isOpen: deps.isOpen,
          localReady: async () => {
            await reindexing;
            await neighbours;
          },
          curation: deps.correctionStage,
        },
        corrected,
      );
      questions = answers;
      guests = new GuestArticles(l, queries, coverage, deps.local.index, {
        isOpen: deps.isOpen,
        readText,
      });
      l.subscribe({
        online: async (writable) => {
          answers.forgetStored();
          await readCoverage();
          const again = everOnline;
          everOnline = true;
          sendStatus({ state: writable ? 'connected' : 'read-only' });
          if (again) await handBack();
        },
        offline: (e) => {
          const where = describeError(e, l.options.url);
          sendStatus({ state: 'offline', message: where });
          log('warn', `team corpus offline: ${where}`);
          if (!saidOffline) {
            saidOffline = true;
            showMessage(
              MessageType.Warning,
              `Article Lens: team corpus offline (${where}); the local sidecar and index are used until it is back.`,
            );
          }
          // Files left to the database must now be indexed here, or their findings would be missing.
          guests?.reset();
          if (coverage.coveredCount > 0) {
            for (const uri of coverage.coveredUris()) coverage.forget(uri);
            reindexing = deps
              .reindex()
              .catch((err: unknown) => log('warn', `local indexing failed: ${String(err)}`));
          }
        },
      });
      return l;
    },
    start: () => (started ??= link?.start() ?? Promise.resolve()),
    setFolders(uris) {
      folders = uris.map(uriToPath).filter((f): f is string => f !== undefined);
      coverage.setFolders(folders);
    },
    indexedElsewhere(uri, text, options) {
      if (!link?.isOnline) return false;
      return coverage.check(uri, text, options);
    },
    async beforeCorpusFindings(uri, text, local) {
      if (!guests || !link?.isOnline) return;
      try {
        const added = await guests.admitFor(uri, text, local.entities);
        if (added.length > 0)
          log('info', `team corpus: ${added.length} neighbouring articles brought in (${guests.size} kept)`);
      } catch (e) {
        // The article is still analysed; its corpus findings are those of what the index holds.
        log(
          'warn',
          `team corpus: neighbours of ${uri} not read: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    },
    holds: (uri) => link?.isOnline === true && coverage.has(uri),
    indexed() {
      if (!link?.isOnline) return;
      const { coveredCount, missingCount } = coverage;
      let message = '';
      if (coverage.storedCount === 0)
        message = `the team corpus has not indexed this workspace (run \`article-lens index --db\`); its ${missingCount} articles are indexed locally`;
      else if (missingCount > 0)
        message = `the team corpus holds ${coveredCount} of this workspace's ${coveredCount + missingCount} articles as they are on disk; the other ${missingCount} are indexed locally`;
      if (coveredCount > 0 && missingCount > 0) neighbours = admitForLocalFiles();
      if (message === '' || message === saidCoverage) return;
      saidCoverage = message;
      log('info', message);
      deps.corpus.status(undefined, message);
    },
  };
}
