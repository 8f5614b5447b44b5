// Runs the analysis stages of one article in order, checking the token between them, and the corpus pass.
import type { ArticleIndex } from './corpus/corpusIndex';
import { localOf, type CachedAnalysis, type PassFindings } from './corpus/cachedAnalysis';
import { StringPool } from './corpus/stringPool';
import { recogniseEntities } from './entities/combine';
import { taggerModelOf } from './entities/tagger/modelOption';
import type { TableStep } from './entities/aliases';
import { ReplayMemo, replaysWith } from './entities/entityIndex';
import { analyzeText, type NlpDoc } from './text/nlp';
import { decodeNlpDoc, encodeNlpDoc, type EncodedNlpDoc } from './text/nlpCache';
import { findQuotes } from './quotes/quotes';
import { findRepeats } from './duplicates/repeats';
import { analyzeStructure, type PageOutline } from './structure/pageStructure';
import type {
  AnalysisOptions,
  ArticleAnalysis,
  ArticleSnapshot,
  EntityHints,
  LocalAnalysis,
  RelatedArticle,
  Repeat,
  Token,
} from './types';

function emptyLocal(limits: string[]): LocalAnalysis {
  return { entities: [], quotes: [], unbalanced: [], repeats: [], limits };
}

/** What one file yields on its own. Returns partial results (with `limits`) when cancelled. */
export function analyzeLocal(
  text: string,
  options: AnalysisOptions,
  hints: EntityHints,
  token: Token,
): LocalAnalysis {
  const local = emptyLocal([]);
  local.entities = recogniseEntities(
    text,
    hints,
    options.entityTagger,
    undefined,
    undefined,
    taggerModelOf(options),
  );
  if (token.isCancellationRequested) return { ...local, limits: ['cancelled'] };
  const { quotes, unbalanced } = findQuotes(text, local.entities);
  local.quotes = quotes;
  local.unbalanced = unbalanced;
  if (token.isCancellationRequested) return { ...local, limits: ['cancelled'] };
  local.repeats = findRepeats(text, options.minRepeatWords);
  local.structure = analyzeStructure(text);
  return local;
}

/** Analyses one article, records it in the index and adds what the corpus says about it. */
export function analyzeArticle(
  snapshot: ArticleSnapshot,
  index: ArticleIndex,
  options: AnalysisOptions,
  token: Token,
): ArticleAnalysis {
  const local = analyzeLocal(snapshot.text, options, index.entities.hints(), token);
  const base = { uri: snapshot.uri, version: snapshot.version, shared: [], related: [] };
  if (token.isCancellationRequested) return { ...base, ...local };
  index.update(snapshot, local);
  // The index applies curators' corrections: what it recorded is what the article reports.
  const recorded = index.get(snapshot.uri)?.local ?? local;
  return withCorpusFindings(
    { ...recorded, uri: snapshot.uri, version: snapshot.version },
    snapshot,
    index,
    options,
  );
}

/**
 * Adds the corpus findings to an article's own. Diagnostics need the shared passages at once; the related
 * ranking (code lens, related commands) is computed on first read, so an edit's diagnostics never wait for it.
 * Callers must not spread the result's `related` before they need it: reading it runs the ranking.
 */
export function withCorpusFindings(
  own: Omit<ArticleAnalysis, 'shared' | 'related'>,
  snapshot: ArticleSnapshot,
  index: ArticleIndex,
  options: AnalysisOptions,
): ArticleAnalysis {
  const shared = index.sharedPassages(snapshot.uri, options);
  let related: RelatedArticle[] | undefined;
  const analysis = { ...own, shared } as ArticleAnalysis;
  Object.defineProperty(analysis, 'related', {
    enumerable: true,
    get: () => (related ??= index.related(snapshot.uri, options, shared)),
  });
  return analysis;
}

/** An analysis's own findings, copied without touching its (lazy) corpus findings. */
export function ownFindings(a: ArticleAnalysis): Omit<ArticleAnalysis, 'shared' | 'related'> {
  const { uri, version, entities, quotes, unbalanced, repeats, limits, structure } = a;
  return { uri, version, entities, quotes, unbalanced, repeats, limits, structure };
}

/** What the first pass keeps of a file: its findings, and the hints and lookups its entities came from. */
interface FirstPass {
  snapshot: ArticleSnapshot;
  options: AnalysisOptions;
  local: LocalAnalysis;
  /** The questions its entity recognition asked of the hints, and their answers. */
  journal: TableStep[];
  /** Its wink analysis, for a second pass that redoes its entities; dropped once that pass is done. */
  nlp?: EncodedNlpDoc;
  /** Its page outline when a worker found it (see `pageOutline`); dropped once recorded. */
  outline?: PageOutline;
  /** The cache entry its first-pass findings were taken from. */
  cached?: CachedAnalysis;
  /** Its cache entry once the second pass is done (unset when that pass skipped it or was cancelled). */
  entry?: CachedAnalysis;
  /** `entry` is `cached` unchanged. */
  reused?: boolean;
}

/** A file's cache entry after indexing, for the caller to store. */
export interface IndexedEntry {
  snapshot: ArticleSnapshot;
  options: AnalysisOptions;
  entry: CachedAnalysis;
  /** The entry is the one passed to `first`, unchanged: storing it again is not needed. */
  reused: boolean;
}

function passOf(local: LocalAnalysis, journal: TableStep[]): PassFindings {
  return { entities: local.entities, quotes: local.quotes, unbalanced: local.unbalanced, journal };
}

/** A file's first pass done away from the index (a worker thread), for `CorpusIndexer.first` to check. */
export interface ComputedFirstPass {
  first: PassFindings;
  repeats: Repeat[];
  /** The wink analysis it came from, encoded in this thread's tag codes. */
  nlp?: EncodedNlpDoc;
  /** The page's outline (see `pageOutline`): text alone decides it, so it is always valid. */
  outline?: PageOutline;
}

/**
 * The first pass of one file's own analysis with the given hints: entities (their questions to the hints
 * recorded in `journal`), quotes and repeats. `repeats`, when known, are taken as they are (they depend on
 * the text and settings alone).
 */
export function firstPassOf(
  text: string,
  options: AnalysisOptions,
  hints: EntityHints,
  token: Token,
  nlp: NlpDoc = analyzeText(text),
  repeats?: Repeat[],
): { local: LocalAnalysis; journal: TableStep[] } {
  const journal: TableStep[] = [];
  const local = emptyLocal([]);
  local.entities = recogniseEntities(text, hints, options.entityTagger, journal, nlp, taggerModelOf(options));
  if (!token.isCancellationRequested) {
    const { quotes, unbalanced } = findQuotes(text, local.entities);
    local.quotes = quotes;
    local.unbalanced = unbalanced;
  }
  if (!token.isCancellationRequested) local.repeats = repeats ?? findRepeats(text, options.minRepeatWords);
  else local.limits = ['cancelled'];
  return { local, journal };
}

/**
 * Indexes a corpus in two passes: the first (`first`, per file) collects every file's findings, the second
 * (`second`) resolves entity names against what the whole corpus knows (a surname alone in one file, a full
 * name in another). The second pass redoes only what the final hints can change: entities (and the quotes
 * attributed to them) of files whose recorded questions to the hints now get other answers, from the wink
 * analysis the first pass kept (encoded); repeats never depend on hints. Every file is still re-recorded in
 * order, so the index ends as if each file had been re-analysed. The first pass records only what the
 * hints are made of (`admit`): passages, quotes and words go in once, in the second. The page structure is
 * left to whoever reads it (it comes from the text alone), so indexing never computes it.
 *
 * A cached entry (see `CachedAnalysis`) stands in for a pass whenever its recorded questions get the same
 * answers from the hints of that pass, so an index built from a cache is the index the analysis would build.
 */
export class CorpusIndexer {
  private readonly firsts: FirstPass[] = [];
  /** Answers of the current hints to recorded questions, shared by the files replayed against them. */
  private readonly memo = new ReplayMemo();
  /** The recorded questions of every file are held until the end: their words and answers kept once. */
  private readonly strings = new StringPool();

  constructor(
    private readonly index: ArticleIndex,
    private readonly token: Token,
  ) {}

  /**
   * First pass of one file, with the hints as they stand; `cached` is its entry from an earlier run and
   * `computed` the same pass done elsewhere (a worker thread) with older hints. Either stands in for the
   * analysis when its recorded questions get the same answers from the current hints. Returns whether
   * `computed` was kept.
   */
  first(
    snapshot: ArticleSnapshot,
    options: AnalysisOptions,
    cached?: CachedAnalysis,
    computed?: ComputedFirstPass,
  ): boolean {
    const hints = this.index.entities.hints();
    if (cached && replaysWith(hints, cached.first.journal, this.memo)) {
      this.strings.internSteps(cached.first.journal);
      const local = localOf(cached.first, cached.repeats);
      this.index.admit(snapshot, local);
      this.firsts.push({ snapshot, options, local, journal: cached.first.journal, cached });
      return false;
    }
    if (computed && replaysWith(hints, computed.first.journal, this.memo)) {
      const local = localOf(computed.first, computed.repeats);
      this.index.admit(snapshot, local);
      this.strings.internSteps(computed.first.journal);
      this.firsts.push({
        snapshot,
        options,
        local,
        journal: computed.first.journal,
        nlp: computed.nlp,
        outline: computed.outline,
      });
      return true;
    }
    // The wink analysis and the repeats do not depend on the hints: what was computed elsewhere is reused.
    const nlp = computed?.nlp ? decodeNlpDoc(computed.nlp, snapshot.text) : analyzeText(snapshot.text);
    const pass = firstPassOf(snapshot.text, options, hints, this.token, nlp, computed?.repeats);
    this.index.admit(snapshot, pass.local);
    this.strings.internSteps(pass.journal);
    this.firsts.push({
      snapshot,
      options,
      local: pass.local,
      journal: pass.journal,
      nlp: computed?.nlp ?? encodeNlpDoc(nlp),
      outline: computed?.outline,
    });
    return false;
  }

  /**
   * Second pass, one file per step; yields the number of files done. With `skipReplaced`, a file whose
   * snapshot in the index is no longer the one of the first pass (an edit came in between) is left alone.
   */
  *second(skipReplaced = false): Generator<number> {
    const hints = this.index.entities.hints();
    for (let i = 0; i < this.firsts.length && !this.token.isCancellationRequested; i++) {
      const first = this.firsts[i];
      const { snapshot, nlp, cached, outline } = first;
      first.nlp = undefined;
      first.outline = undefined;
      if (skipReplaced && this.index.get(snapshot.uri)?.snapshot !== snapshot) {
        yield i + 1;
        continue;
      }
      let local = first.local;
      let second: PassFindings | undefined;
      if (cached?.second && replaysWith(hints, cached.second.journal, this.memo)) {
        second = cached.second;
        this.strings.internSteps(second.journal);
        local = localOf(second, first.local.repeats);
      } else if (!replaysWith(hints, first.journal, this.memo)) {
        // Recorded again, so a later run can tell whether these entities still hold.
        const journal: TableStep[] = [];
        const doc = nlp && decodeNlpDoc(nlp, snapshot.text);
        const entities = recogniseEntities(
          snapshot.text,
          hints,
          first.options.entityTagger,
          journal,
          doc,
          taggerModelOf(first.options),
        );
        local = { ...emptyLocal([]), entities, repeats: first.local.repeats };
        if (this.token.isCancellationRequested) local.limits = ['cancelled'];
        else Object.assign(local, findQuotes(snapshot.text, entities));
        this.strings.internSteps(journal);
        second = passOf(local, journal);
      }
      this.index.update(snapshot, local, false, outline);
      if (local.limits.length === 0 && first.local.limits.length === 0) {
        first.reused = cached !== undefined && second === cached.second;
        first.entry = first.reused
          ? cached
          : {
              first: cached?.first ?? passOf(first.local, first.journal),
              ...(second ? { second } : {}),
              repeats: first.local.repeats,
            };
      }
      yield i + 1;
    }
    if (!this.token.isCancellationRequested) this.index.indexed();
  }

  /** Files through the first pass. */
  get size(): number {
    return this.firsts.length;
  }

  /** After the second pass: the cache entry of every file it completed, in indexing order. */
  *entries(): Generator<IndexedEntry> {
    for (const { snapshot, options, entry, reused } of this.firsts)
      if (entry) yield { snapshot, options, entry, reused: reused === true };
  }
}

/** Indexes a whole corpus in the two passes of `CorpusIndexer`. */
export function indexCorpus(
  snapshots: readonly ArticleSnapshot[],
  index: ArticleIndex,
  options: AnalysisOptions,
  token: Token,
  onProgress?: (done: number, total: number) => void,
): void {
  const total = snapshots.length * 2;
  const indexer = new CorpusIndexer(index, token);
  snapshots.forEach((s, i) => {
    if (token.isCancellationRequested) return;
    indexer.first(s, options);
    onProgress?.(i + 1, total);
  });
  for (const done of indexer.second()) onProgress?.(snapshots.length + done, total);
}
