// Runs the analysis stages of one article in order, checking the token between them, and the corpus pass.
import type { ArticleIndex } from './corpusIndex';
import { findEntities } from './entities';
import type { TableStep } from './aliases';
import { replaysWith } from './entityIndex';
import { analyzeText } from './nlp';
import { decodeNlpDoc, encodeNlpDoc, type EncodedNlpDoc } from './nlpCache';
import { findQuotes } from './quotes';
import { findRepeats } from './repeats';
import type {
  AnalysisOptions,
  ArticleAnalysis,
  ArticleSnapshot,
  EntityHints,
  LocalAnalysis,
  RelatedArticle,
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
  local.entities = findEntities(text, hints);
  if (token.isCancellationRequested) return { ...local, limits: ['cancelled'] };
  const { quotes, unbalanced } = findQuotes(text, local.entities);
  local.quotes = quotes;
  local.unbalanced = unbalanced;
  if (token.isCancellationRequested) return { ...local, limits: ['cancelled'] };
  local.repeats = findRepeats(text, options.minRepeatWords);
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
  return withCorpusFindings(
    { ...local, uri: snapshot.uri, version: snapshot.version },
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
  const { uri, version, entities, quotes, unbalanced, repeats, limits } = a;
  return { uri, version, entities, quotes, unbalanced, repeats, limits };
}

/** What the first pass keeps of a file: its findings, and the hints and lookups its entities came from. */
interface FirstPass {
  snapshot: ArticleSnapshot;
  local: LocalAnalysis;
  /** The questions its entity recognition asked of the hints, and their answers. */
  journal: TableStep[];
  /** Its wink analysis, for a second pass that redoes its entities; dropped once that pass is done. */
  nlp?: EncodedNlpDoc;
}

/**
 * Indexes a corpus in two passes: the first (`first`, per file) collects every file's findings, the second
 * (`second`) resolves entity names against what the whole corpus knows (a surname alone in one file, a full
 * name in another). The second pass redoes only what the final hints can change: entities (and the quotes
 * attributed to them) of files whose recorded questions to the hints now get other answers, from the wink
 * analysis the first pass kept (encoded); repeats never depend on hints. Every file is still re-recorded in
 * order, so the index ends as if each file had been re-analysed.
 */
export class CorpusIndexer {
  private readonly firsts: FirstPass[] = [];

  constructor(
    private readonly index: ArticleIndex,
    private readonly token: Token,
  ) {}

  /** First pass of one file, with the hints as they stand. */
  first(snapshot: ArticleSnapshot, options: AnalysisOptions): void {
    const journal: TableStep[] = [];
    const local = emptyLocal([]);
    const nlp = analyzeText(snapshot.text);
    local.entities = findEntities(snapshot.text, this.index.entities.hints(), journal, nlp);
    if (!this.token.isCancellationRequested) {
      const { quotes, unbalanced } = findQuotes(snapshot.text, local.entities);
      local.quotes = quotes;
      local.unbalanced = unbalanced;
    }
    if (!this.token.isCancellationRequested)
      local.repeats = findRepeats(snapshot.text, options.minRepeatWords);
    else local.limits = ['cancelled'];
    this.index.update(snapshot, local);
    this.firsts.push({ snapshot, local, journal, nlp: encodeNlpDoc(nlp) });
  }

  /**
   * Second pass, one file per step; yields the number of files done. With `skipReplaced`, a file whose
   * snapshot in the index is no longer the one of the first pass (an edit came in between) is left alone.
   */
  *second(skipReplaced = false): Generator<number> {
    const hints = this.index.entities.hints();
    for (let i = 0; i < this.firsts.length && !this.token.isCancellationRequested; i++) {
      const first = this.firsts[i];
      const { snapshot, nlp } = first;
      first.nlp = undefined;
      if (skipReplaced && this.index.get(snapshot.uri)?.snapshot !== snapshot) {
        yield i + 1;
        continue;
      }
      let local = first.local;
      if (!replaysWith(hints, first.journal)) {
        const doc = nlp && decodeNlpDoc(nlp, snapshot.text);
        const entities = findEntities(snapshot.text, hints, undefined, doc);
        local = { ...emptyLocal([]), entities, repeats: first.local.repeats };
        if (this.token.isCancellationRequested) local.limits = ['cancelled'];
        else Object.assign(local, findQuotes(snapshot.text, entities));
      }
      this.index.update(snapshot, local);
      yield i + 1;
    }
  }

  /** Files through the first pass. */
  get size(): number {
    return this.firsts.length;
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
