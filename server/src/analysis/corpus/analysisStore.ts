// Where cache entries live, behind one small interface: a file next to the workspace today, a shared
// database later. `get` and `put` are synchronous and in memory, so an indexing loop never waits on them;
// the store reads everything it needs in `load` and writes in `flush`.
import type { ArticleSnapshot, AnalysisOptions } from '../types';
import type { CachedAnalysis } from './cachedAnalysis';
import { cacheKey, type CacheKey } from './cacheKey';
import { fitsText } from './entryCodec';

export interface AnalysisStore {
  /** The analyser version its entries were computed by; part of every key's digest. */
  readonly version: string;
  /** Reads the stored entries. Never fails: an unusable store starts empty (and says why once). */
  load(): Promise<void>;
  /** The entry stored for `key.uri`, when it was stored under the same digest. */
  get(key: CacheKey): CachedAnalysis | undefined;
  /** Stores (or replaces) the entry of `key.uri`. */
  put(key: CacheKey, entry: CachedAnalysis): void;
  /** Writes what was put since `load`; resolves once it is durable (or failed, logged). */
  flush(): Promise<void>;
}

/** A store kept in memory only: for tests, and as the base of stores that persist. */
export class MemoryAnalysisStore implements AnalysisStore {
  protected readonly entries = new Map<string, { hash: string; entry: CachedAnalysis }>();

  constructor(readonly version: string) {}

  async load(): Promise<void> {}

  get(key: CacheKey): CachedAnalysis | undefined {
    const found = this.entries.get(key.uri);
    return found?.hash === key.hash ? found.entry : undefined;
  }

  put(key: CacheKey, entry: CachedAnalysis): void {
    this.entries.set(key.uri, { hash: key.hash, entry });
  }

  async flush(): Promise<void> {}

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Lookups and saves by snapshot: the key is computed once per snapshot, and an entry is returned only when
 * it fits the text it is asked for (a digest collision or a bug elsewhere must not shift offsets).
 */
export class AnalysisCache {
  private readonly keys = new WeakMap<ArticleSnapshot, { options: AnalysisOptions; key: CacheKey }>();

  constructor(readonly store: AnalysisStore) {}

  key(snapshot: ArticleSnapshot, options: AnalysisOptions): CacheKey {
    const known = this.keys.get(snapshot);
    if (known?.options === options) return known.key;
    const key = cacheKey(snapshot.uri, snapshot.text, options, this.store.version);
    this.keys.set(snapshot, { options, key });
    return key;
  }

  lookup(snapshot: ArticleSnapshot, options: AnalysisOptions): CachedAnalysis | undefined {
    const entry = this.store.get(this.key(snapshot, options));
    return entry && fitsText(entry, snapshot.text) ? entry : undefined;
  }

  save(snapshot: ArticleSnapshot, options: AnalysisOptions, entry: CachedAnalysis): void {
    this.store.put(this.key(snapshot, options), entry);
  }
}
