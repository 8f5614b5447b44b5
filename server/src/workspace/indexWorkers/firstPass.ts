// Indexing's first pass over a list of files, with worker threads when a pool is given. Files are merged
// into the index strictly in order: the pool works a few files ahead with the hints of the moment, and each
// result is kept only when its recorded hint questions get the same answers from the hints of its turn
// (`CorpusIndexer.first`, the check cache entries go through), so the index is the one a single thread
// would build. While results are awaited the event loop is free for other work.
import type { CorpusIndexer } from '../../analysis/analyzeArticle';
import type { CachedAnalysis } from '../../analysis/corpus/cachedAnalysis';
import type { AnalysisOptions, ArticleSnapshot, EntityHints, Token } from '../../analysis/types';
import type { IndexWorkerPool } from './workerPool';

/** Files a worker is given ahead of the merge: enough to keep it busy, few enough that hints stay close. */
export const AHEAD_PER_WORKER = 8;

export interface FirstPassFile {
  snapshot: ArticleSnapshot;
  options: AnalysisOptions;
  /** Its entry from an earlier run, tried before anything else (such files are not sent to workers). */
  cached?: CachedAnalysis;
}

export interface FirstPassSource {
  count: number;
  /** File `i`, read; `undefined` when it cannot be indexed. */
  read(i: number): Promise<FirstPassFile | undefined> | FirstPassFile | undefined;
  /**
   * The file as it should be indexed at its turn (an open buffer may have changed since it was read);
   * a different snapshot drops what a worker computed for it.
   */
  current?(file: FirstPassFile): FirstPassFile;
  /** Called after file `i`'s turn (progress, yielding). */
  after?(i: number): Promise<void> | void;
}

export interface FirstPassFigures {
  /** Files a worker analysed. */
  computed: number;
  /** Of those, the ones whose findings replayed under the hints of their turn and were kept. */
  kept: number;
}

export async function firstPass(
  indexer: CorpusIndexer,
  hints: () => EntityHints,
  source: FirstPassSource,
  pool: IndexWorkerPool | undefined,
  token: Token,
): Promise<FirstPassFigures> {
  const figures: FirstPassFigures = { computed: 0, kept: 0 };
  const ahead: { file: FirstPassFile | undefined; computed?: ReturnType<IndexWorkerPool['analyse']> }[] = [];
  let read = 0;
  for (let i = 0; i < source.count && !token.isCancellationRequested; i++) {
    const window = pool && pool.alive > 0 ? pool.alive * AHEAD_PER_WORKER : 0;
    while (read < source.count && read <= i + window) {
      const file = await source.read(read++);
      const sent = file && !file.cached && window > 0 && pool;
      ahead.push({
        file,
        ...(sent ? { computed: pool.analyse(file.snapshot.text, file.options, hints()) } : {}),
      });
    }
    const next = ahead.shift();
    if (next?.file) {
      let computed = await next.computed;
      const file = source.current?.(next.file) ?? next.file;
      if (file.snapshot.text !== next.file.snapshot.text) computed = undefined;
      if (computed) figures.computed++;
      if (indexer.first(file.snapshot, file.options, file.cached, computed)) figures.kept++;
    }
    await source.after?.(i);
  }
  return figures;
}
