// The corpus questions the editor asks, answered by the team database: shared passages, the related list,
// every mention of an entity (references), entity search (workspace symbols), fuzzy entity search, same
// quotes and the articles sharing passages with a text. Articles are named by their corpus paths; every
// statement is parameterised.
import type { Pool } from 'pg';
import type { EntitySummary } from '../../analysis/entities/entityIndex';
import { shingleText } from '../../analysis/duplicates/shingles';
import type { NamedEntityType, RelatedReason, Span } from '../../analysis/types';
import { subsequencePattern } from './foldName';
import { quoteKey } from './writeCorpus';

export interface StoredSharedPassage {
  span: Span;
  otherPath: string;
  otherSpan: Span;
  similarity: number;
  boilerplate: boolean;
  fileCount: number;
  corrected?: boolean;
}

export interface StoredRelated {
  path: string;
  score: number;
  reasons: RelatedReason[];
}

export interface StoredMention {
  path: string;
  span: Span;
  text: string;
}

/** An entity's stored summary and its place in the listing order. */
export interface ListedSummary {
  summary: EntitySummary;
  listing: number;
}

/** What corpus-wide corrections are keyed by (see `CorrectionIndex`). */
export interface CorrectionKeys {
  canonicals: readonly string[];
  written: readonly string[];
  quoted: readonly string[];
  speakers: readonly string[];
}

interface SummaryRow {
  canonical: string;
  type: string;
  aliases: string[];
  file_count: number;
  mention_count: number;
}

const summaryOf = (r: SummaryRow): EntitySummary => ({
  canonical: r.canonical,
  type: r.type as NamedEntityType,
  aliases: r.aliases,
  fileCount: r.file_count,
  mentionCount: r.mention_count,
});

/** The statements, named, so the bench can EXPLAIN ANALYZE exactly what the editor runs. */
export const QUERIES = {
  shared: `SELECT s.span_start, s.span_end, o.path AS other_path, s.other_start, s.other_end,
                  s.similarity, s.boilerplate, s.file_count, s.corrected
             FROM articles a
             JOIN shared_passages s ON s.article_id = a.article_id
             JOIN articles o ON o.article_id = s.other_id
            WHERE a.path = $1
            ORDER BY s.ord`,
  related: `SELECT o.path AS other_path, r.score, r.reasons
              FROM articles a
              JOIN related r ON r.article_id = a.article_id
              JOIN articles o ON o.article_id = r.other_id
             WHERE a.path = $1
             ORDER BY r.rank`,
  mentions: `SELECT a.path, p.span_start, p.span_end, p.written
               FROM entity_postings p
               JOIN articles a ON a.article_id = p.article_id
              WHERE p.canonical = $1
              ORDER BY p.article_id, p.ord`,
  search: `SELECT canonical, type, aliases, file_count, mention_count
             FROM entities e
            WHERE e.folded LIKE $1
               OR EXISTS (SELECT 1 FROM entity_aliases x WHERE x.canonical = e.canonical AND x.folded LIKE $1)
            ORDER BY file_count DESC, mention_count DESC, listing
            LIMIT $2`,
  top: `SELECT canonical, type, aliases, file_count, mention_count
          FROM entities
         ORDER BY mention_count DESC, file_count DESC, listing
         LIMIT $1`,
  summaries: `SELECT canonical, type, aliases, file_count, mention_count, listing
                FROM entities WHERE canonical = ANY($1::text[]) ORDER BY listing`,
  storedAnalysis: `SELECT entry FROM analyses WHERE content_hash = $1`,
  similar: `SELECT canonical, type, aliases, file_count, mention_count
              FROM entities
             WHERE folded % $1
             ORDER BY similarity(folded, $1) DESC, file_count DESC, listing
             LIMIT $2`,
  firstMentions: `SELECT k.canonical, a.path, f.span_start, f.span_end, f.written
                   FROM unnest($1::text[]) WITH ORDINALITY AS k(canonical, ord)
                   CROSS JOIN LATERAL (
                     SELECT DISTINCT ON (p.article_id) p.article_id, p.span_start, p.span_end, p.written
                       FROM entity_postings p
                      WHERE p.canonical = k.canonical
                      ORDER BY p.article_id, p.ord) f
                   JOIN articles a ON a.article_id = f.article_id
                  ORDER BY k.ord, f.article_id
                  LIMIT $2`,
  filesMentioningAny: `SELECT DISTINCT f.path
                        FROM unnest($1::text[]) AS k(canonical)
                        CROSS JOIN LATERAL (
                          SELECT path FROM articles
                           WHERE entity_keys @> ARRAY[k.canonical]
                           ORDER BY article_id LIMIT $2) f`,
  filesMentioning: `SELECT path FROM articles WHERE entity_keys @> ARRAY[$1::text] ORDER BY article_id`,
  sameQuotes: `SELECT a.path, q.content_start, q.content_end
                 FROM quotes q JOIN articles a ON a.article_id = q.article_id
                WHERE q.content_key = $1
                ORDER BY q.article_id, q.ord`,
  mayBeCorrected: `SELECT path FROM articles
                    WHERE entity_keys && $1::text[]
                       OR article_id IN (SELECT article_id FROM entity_postings WHERE written = ANY($2::text[]))
                       OR article_id IN (SELECT article_id FROM quotes
                                          WHERE content_key = ANY($3::text[]) OR speaker = ANY($4::text[]))
                    ORDER BY article_id`,
  sharingText: `SELECT a.path, count(DISTINCT f.hash)::integer AS hashes
                  FROM passage_fingerprints f JOIN articles a ON a.article_id = f.article_id
                 WHERE f.hash = ANY($1::bigint[])
                 GROUP BY a.path
                 ORDER BY hashes DESC, a.path`,
} as const;

/** Rows of one per-article table for every article, grouped by the article's path in corpus order. */
async function groupedByPath<T>(
  pool: Pool,
  sql: string,
  map: (row: Record<string, unknown>) => T,
): Promise<Map<string, T[]>> {
  const out = new Map<string, T[]>();
  const { rows } = await pool.query(sql);
  for (const row of rows) {
    const key = row.path as string;
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(map(row));
  }
  return out;
}

const sharedOf = (r: Record<string, unknown>): StoredSharedPassage => ({
  span: { start: r.span_start as number, end: r.span_end as number },
  otherPath: r.other_path as string,
  otherSpan: { start: r.other_start as number, end: r.other_end as number },
  similarity: r.similarity as number,
  boilerplate: r.boilerplate as boolean,
  fileCount: r.file_count as number,
  ...(r.corrected ? { corrected: true } : {}),
});

const relatedOf = (r: Record<string, unknown>): StoredRelated => ({
  path: r.other_path as string,
  score: r.score as number,
  reasons: r.reasons as RelatedReason[],
});

export class CorpusQueries {
  constructor(private readonly pool: Pool) {}

  async meta(key: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ value: string }>(
      'SELECT value FROM corpus_meta WHERE key = $1',
      [key],
    );
    return rows[0]?.value;
  }

  async articleCount(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::integer AS n FROM articles');
    return rows[0]?.n ?? 0;
  }

  /** Every article's path and content digest: what the database holds of which file. */
  async articleDigests(): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ path: string; content_hash: string }>(
      'SELECT path, content_hash FROM articles ORDER BY article_id',
    );
    return new Map(rows.map((r) => [r.path, r.content_hash]));
  }

  /** The stored per-file analysis entry (as the analysis cache encodes it) of a content digest. */
  async storedEntry(hash: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ entry: unknown }>(QUERIES.storedAnalysis, [hash]);
    return rows[0]?.entry;
  }

  /** Stored entries of several content digests at once (digest → entry). */
  async storedEntries(hashes: readonly string[]): Promise<Map<string, unknown>> {
    if (hashes.length === 0) return new Map();
    const { rows } = await this.pool.query<{ content_hash: string; entry: unknown }>(
      'SELECT content_hash, entry FROM analyses WHERE content_hash = ANY($1::text[])',
      [hashes],
    );
    return new Map(rows.map((r) => [r.content_hash, r.entry]));
  }

  /** Files mentioning any of the entities, at most `perEntity` each (the earliest indexed). */
  async filesMentioningAny(canonicals: readonly string[], perEntity: number): Promise<string[]> {
    if (canonicals.length === 0) return [];
    const { rows } = await this.pool.query<{ path: string }>(QUERIES.filesMentioningAny, [
      canonicals,
      perEntity,
    ]);
    return rows.map((r) => r.path);
  }

  /** The stored summaries of these entities (those it knows) with their place in the listing. */
  async summaries(canonicals: readonly string[]): Promise<ListedSummary[]> {
    if (canonicals.length === 0) return [];
    const { rows } = await this.pool.query<SummaryRow & { listing: number }>(QUERIES.summaries, [canonicals]);
    return rows.map((r) => ({ summary: summaryOf(r), listing: r.listing }));
  }

  /** The most mentioned entities, as the editor lists them before anything is typed. */
  async mostMentioned(limit: number): Promise<EntitySummary[]> {
    const { rows } = await this.pool.query<SummaryRow>(QUERIES.top, [limit]);
    return rows.map(summaryOf);
  }

  async sharedPassages(path: string): Promise<StoredSharedPassage[]> {
    const { rows } = await this.pool.query(QUERIES.shared, [path]);
    return rows.map(sharedOf);
  }

  /** Every article's shared passages, for a whole-corpus read (`analyze --db`). */
  allShared(): Promise<Map<string, StoredSharedPassage[]>> {
    return groupedByPath(
      this.pool,
      `SELECT a.path, s.span_start, s.span_end, o.path AS other_path, s.other_start, s.other_end,
              s.similarity, s.boilerplate, s.file_count, s.corrected
         FROM shared_passages s
         JOIN articles a ON a.article_id = s.article_id
         JOIN articles o ON o.article_id = s.other_id
        ORDER BY s.article_id, s.ord`,
      sharedOf,
    );
  }

  allRelated(): Promise<Map<string, StoredRelated[]>> {
    return groupedByPath(
      this.pool,
      `SELECT a.path, o.path AS other_path, r.score, r.reasons
         FROM related r
         JOIN articles a ON a.article_id = r.article_id
         JOIN articles o ON o.article_id = r.other_id
        ORDER BY r.article_id, r.rank`,
      relatedOf,
    );
  }

  async related(path: string): Promise<StoredRelated[]> {
    const { rows } = await this.pool.query(QUERIES.related, [path]);
    return rows.map(relatedOf);
  }

  /** Every mention of a canonical entity, by file in corpus order, then in text order. */
  async mentionsOf(canonical: string): Promise<StoredMention[]> {
    const { rows } = await this.pool.query(QUERIES.mentions, [canonical]);
    return rows.map((r) => ({
      path: r.path,
      span: { start: r.span_start, end: r.span_end },
      text: r.written,
    }));
  }

  /**
   * Each entity's first mention in every file that mentions it, files in corpus order, the entities in the
   * order given, at most `limit` rows in all (the symbol list is cut there anyway).
   */
  async firstMentions(canonicals: readonly string[], limit: number): Promise<Map<string, StoredMention[]>> {
    const out = new Map<string, StoredMention[]>();
    if (canonicals.length === 0) return out;
    const { rows } = await this.pool.query(QUERIES.firstMentions, [canonicals, limit]);
    for (const r of rows) {
      let list = out.get(r.canonical);
      if (!list) out.set(r.canonical, (list = []));
      list.push({ path: r.path, span: { start: r.span_start, end: r.span_end }, text: r.written });
    }
    return out;
  }

  /** Entities whose name or a written form holds the query's letters in order, most widespread first. */
  async searchEntities(query: string, limit = 500): Promise<EntitySummary[]> {
    const q = query.toLowerCase().replace(/\s+/g, '');
    const { rows } = await this.pool.query<SummaryRow>(QUERIES.search, [subsequencePattern(q), limit]);
    return rows.map(summaryOf);
  }

  /** Entities spelt like `name` (trigram similarity): misspellings and transliterations. */
  async similarEntities(name: string, limit = 20): Promise<EntitySummary[]> {
    const { rows } = await this.pool.query<SummaryRow>(QUERIES.similar, [name.toLowerCase(), limit]);
    return rows.map(summaryOf);
  }

  async filesMentioning(canonical: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ path: string }>(QUERIES.filesMentioning, [canonical]);
    return rows.map((r) => r.path);
  }

  async sameQuotes(content: string): Promise<{ path: string; contentSpan: Span }[]> {
    const { rows } = await this.pool.query(QUERIES.sameQuotes, [quoteKey(content)]);
    return rows.map((r) => ({ path: r.path, contentSpan: { start: r.content_start, end: r.content_end } }));
  }

  /**
   * Articles that corpus-wide corrections keyed by these names may apply to: mentioning one of the
   * canonical names, writing one of the texts as a mention, quoting one of the texts (by the quote key) or
   * giving a quote to one of the speakers.
   */
  async articlesMatching(keys: CorrectionKeys): Promise<string[]> {
    const { canonicals, written, quoted, speakers } = keys;
    if (canonicals.length + written.length + quoted.length + speakers.length === 0) return [];
    const { rows } = await this.pool.query<{ path: string }>(QUERIES.mayBeCorrected, [
      canonicals,
      written,
      quoted.map(quoteKey),
      speakers,
    ]);
    return rows.map((r) => r.path);
  }

  /** Articles holding fingerprints of `text` (most first): the candidates for its shared passages. */
  async articlesSharingText(text: string): Promise<{ path: string; hashes: number }[]> {
    const hashes = [...new Set(shingleText(text).fingerprints.hashes)];
    if (hashes.length === 0) return [];
    const { rows } = await this.pool.query<{ path: string; hashes: number }>(QUERIES.sharingText, [hashes]);
    return rows;
  }
}
