// Two analysis stores read as one: a near one (the local analysis cache that `analyze --cache` and the
// editor write) asked first, a far one (the team database) after it; every entry put goes to both, so
// each holds the run's analyses afterwards. Both must be of the same analyser version: the key's digest
// holds it, so an entry is found only under the digest it was computed for.
import type { AnalysisStore } from '../analysis/corpus/analysisStore';
import type { CachedAnalysis } from '../analysis/corpus/cachedAnalysis';
import type { CacheKey } from '../analysis/corpus/cacheKey';

export class LayeredAnalysisStore implements AnalysisStore {
  readonly version: string;

  constructor(
    readonly near: AnalysisStore,
    readonly far: AnalysisStore,
  ) {
    if (near.version !== far.version)
      throw new Error(`analysis stores of two analyser versions: ${near.version} and ${far.version}`);
    this.version = near.version;
  }

  async load(): Promise<void> {
    await Promise.all([this.near.load(), this.far.load()]);
  }

  get(key: CacheKey): CachedAnalysis | undefined {
    return this.near.get(key) ?? this.far.get(key);
  }

  put(key: CacheKey, entry: CachedAnalysis): void {
    this.near.put(key, entry);
    this.far.put(key, entry);
  }

  async flush(): Promise<void> {
    await Promise.all([this.near.flush(), this.far.flush()]);
  }
}
