// The analysis cache in the team database: per-file entries keyed by content digest, so a file analysed
// once (by anyone, anywhere in the corpus) is not analysed again. The store's interface is synchronous, so
// entries are fetched before an indexing run (`prefetch`) and written in one COPY at `flush`. Corpus
// findings are not kept with an entry: they live in the corpus tables, under the corpus fingerprint.
import type { Pool } from 'pg';
import type { AnalysisStore } from '../../analysis/corpus/analysisStore';
import type { CachedAnalysis } from '../../analysis/corpus/cachedAnalysis';
import type { CacheKey } from '../../analysis/corpus/cacheKey';
import { decodeEntry, encodeEntry } from '../../analysis/corpus/entryCodec';
import { copyRows } from './copy';
import { inTransaction, withClient } from './database';

const FETCH_BATCH = 1000;
const UNIQUE_VIOLATION = '23505';

export class PgAnalysisStore implements AnalysisStore {
  private readonly entries = new Map<string, CachedAnalysis>();
  private readonly pending = new Map<string, CachedAnalysis>();
  /** Entries written by the last flush, and the bytes of their rows. */
  written = 0;
  writtenBytes = 0;

  constructor(
    readonly pool: Pool,
    readonly version: string,
  ) {}

  /** Nothing is read up front: a team corpus may be far larger than the files of one run. */
  async load(): Promise<void> {}

  /** Reads the stored entries of these keys, so `get` finds them. */
  async prefetch(keys: readonly CacheKey[]): Promise<number> {
    const hashes = [...new Set(keys.map((k) => k.hash))].filter((h) => !this.entries.has(h));
    let found = 0;
    for (let i = 0; i < hashes.length; i += FETCH_BATCH) {
      const { rows } = await this.pool.query<{ content_hash: string; entry: unknown }>(
        'SELECT content_hash, entry FROM analyses WHERE content_hash = ANY($1::text[]) AND analyser_version = $2',
        [hashes.slice(i, i + FETCH_BATCH), this.version],
      );
      for (const row of rows) {
        const entry = decodeEntry(row.entry);
        if (entry) {
          this.entries.set(row.content_hash, entry);
          found++;
        }
      }
    }
    return found;
  }

  get(key: CacheKey): CachedAnalysis | undefined {
    return this.entries.get(key.hash);
  }

  put(key: CacheKey, entry: CachedAnalysis): void {
    if (this.entries.has(key.hash)) return;
    const { corpus: _corpus, ...own } = entry;
    this.entries.set(key.hash, own);
    this.pending.set(key.hash, own);
  }

  /**
   * COPYs the new entries straight into `analyses`; when another writer stored one of them meanwhile (the
   * COPY fails on its key), into a staging table instead, inserting those no other writer stored.
   */
  async flush(): Promise<void> {
    this.written = 0;
    this.writtenBytes = 0;
    if (this.pending.size === 0) return;
    const rows = [...this.pending].map(([hash, entry]) => [
      hash,
      this.version,
      JSON.stringify(encodeEntry(entry)),
    ]);
    const columns = ['content_hash', 'analyser_version', 'entry'];
    await withClient(this.pool, async (client) => {
      try {
        await inTransaction(client, async () => {
          this.writtenBytes = await copyRows(client, 'analyses', columns, rows);
        });
        this.written = rows.length;
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== UNIQUE_VIOLATION) throw e;
      }
      await inTransaction(client, async () => {
        await client.query(
          'CREATE TEMP TABLE analyses_in (content_hash text, analyser_version text, entry json) ON COMMIT DROP',
        );
        this.writtenBytes = await copyRows(client, 'analyses_in', columns, rows);
        const r = await client.query(
          `INSERT INTO analyses (content_hash, analyser_version, entry)
           SELECT content_hash, analyser_version, entry FROM analyses_in ON CONFLICT (content_hash) DO NOTHING`,
        );
        this.written = r.rowCount ?? 0;
      });
    });
    this.pending.clear();
  }
}
