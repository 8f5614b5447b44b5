// Replaces the corpus tables with one indexed corpus, in one transaction: a reader sees the old corpus or
// the new one, never a mix. Rows go in with COPY; returns the bytes of row data written.
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { EntitySummary } from '../../analysis/entities/entityIndex';
import { normalisedWords } from '../../analysis/quotes/quoteIndex';
import { shingleText } from '../../analysis/duplicates/shingles';
import type { ArticleAnalysis } from '../../analysis/types';
import { copyRows, type CopyValue } from './copy';
import { inTransaction, withClient } from './database';
import { foldName } from './foldName';

export interface LoadedArticle {
  /** Path relative to the corpus root, `/`-separated: the same on every curator's machine. */
  path: string;
  hash: string;
  text: string;
  analysis: ArticleAnalysis;
}

export interface CorpusLoad {
  articles: readonly LoadedArticle[];
  /** The corpus's entities in the index's listing order. */
  entities: readonly EntitySummary[];
  fingerprint: string;
  analyserVersion: string;
}

const TABLES = [
  'articles',
  'entities',
  'entity_aliases',
  'entity_postings',
  'passage_fingerprints',
  'shared_passages',
  'quotes',
  'related',
];

/** Key of a quotation's words, loose as the quote index compares them. */
export function quoteKey(content: string): string {
  return createHash('sha1').update(normalisedWords(content).join(' ')).digest('hex');
}

export async function writeCorpus(
  pool: Pool,
  load: CorpusLoad,
  progress: (table: string) => void = () => undefined,
  /** Resolves when the commit may happen (the analyses the articles name are stored); a rejection aborts. */
  beforeCommit: Promise<unknown> = Promise.resolve(),
): Promise<number> {
  const ids = new Map(load.articles.map((a, i) => [a.analysis.uri, i]));
  const idOf = (uri: string): number | undefined => ids.get(uri);
  let bytes = 0;
  await withClient(pool, (client) =>
    inTransaction(client, async () => {
      await client.query(`TRUNCATE ${TABLES.join(', ')}`);
      // Secondary indexes are built once after the rows are in, which is much quicker than keeping them
      // up to date row by row; their definitions are read back from the catalogue, so the migrations
      // stay their only source.
      const { rows: indexes } = await client.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def
           FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [TABLES],
      );
      for (const index of indexes) await client.query(`DROP INDEX ${quoteIdent(index.name)}`);
      const copy = async (table: string, columns: string[], rows: Iterable<CopyValue[]>): Promise<void> => {
        progress(table);
        bytes += await copyRows(client, table, columns, rows);
      };
      await copy(
        'articles',
        ['article_id', 'path', 'content_hash', 'bytes', 'entity_keys'],
        load.articles.map((a, id) => [
          id,
          a.path,
          a.hash,
          Buffer.byteLength(a.text),
          [...new Set(a.analysis.entities.map((e) => e.canonical))],
        ]),
      );
      await copy(
        'entities',
        ['canonical', 'folded', 'type', 'aliases', 'file_count', 'mention_count', 'listing'],
        load.entities.map((e, listing) => [
          e.canonical,
          foldName(e.canonical),
          e.type,
          e.aliases,
          e.fileCount,
          e.mentionCount,
          listing,
        ]),
      );
      await copy('entity_aliases', ['canonical', 'folded'], aliasRows(load.entities));
      await copy(
        'entity_postings',
        ['canonical', 'article_id', 'ord', 'span_start', 'span_end', 'written'],
        postingRows(load.articles),
      );
      await copy('passage_fingerprints', ['hash', 'article_id', 'word'], fingerprintRows(load.articles));
      await copy(
        'shared_passages',
        [
          'article_id',
          'ord',
          'span_start',
          'span_end',
          'other_id',
          'other_start',
          'other_end',
          'similarity',
          'boilerplate',
          'file_count',
          'corrected',
        ],
        sharedRows(load.articles, idOf),
      );
      await copy(
        'quotes',
        [
          'article_id',
          'ord',
          'span_start',
          'span_end',
          'content_start',
          'content_end',
          'kind',
          'speaker',
          'content_key',
        ],
        quoteRows(load.articles),
      );
      await copy(
        'related',
        ['article_id', 'rank', 'other_id', 'score', 'reasons'],
        relatedRows(load.articles, idOf),
      );
      for (const [key, value] of [
        ['fingerprint', load.fingerprint],
        ['analyser_version', load.analyserVersion],
      ])
        await client.query(
          'INSERT INTO corpus_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
          [key, value],
        );
      progress('indexes');
      await client.query("SET LOCAL maintenance_work_mem = '256MB'");
      for (const index of indexes) await client.query(index.def);
      progress('analyze');
      // The corpus tables only: the analyses table is read by key, and its large rows are slow to sample.
      await client.query(`ANALYZE ${TABLES.join(', ')}`);
      await beforeCommit;
    }),
  );
  return bytes;
}

/** An identifier from the catalogue, quoted for SQL. */
function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function* aliasRows(entities: readonly EntitySummary[]): Generator<CopyValue[]> {
  for (const e of entities) for (const f of new Set(e.aliases.map(foldName))) yield [e.canonical, f];
}

/** A file's mentions per canonical name in text order, as the entity index posts them. */
function* postingRows(articles: readonly LoadedArticle[]): Generator<CopyValue[]> {
  for (let id = 0; id < articles.length; id++) {
    const ords = new Map<string, number>();
    for (const m of articles[id].analysis.entities) {
      const ord = ords.get(m.canonical) ?? 0;
      ords.set(m.canonical, ord + 1);
      yield [m.canonical, id, ord, m.span.start, m.span.end, m.text];
    }
  }
}

function* fingerprintRows(articles: readonly LoadedArticle[]): Generator<CopyValue[]> {
  for (let id = 0; id < articles.length; id++) {
    const { hashes, positions } = shingleText(articles[id].text).fingerprints;
    for (let i = 0; i < hashes.length; i++) yield [hashes[i], id, positions[i]];
  }
}

function* sharedRows(
  articles: readonly LoadedArticle[],
  idOf: (uri: string) => number | undefined,
): Generator<CopyValue[]> {
  for (let id = 0; id < articles.length; id++) {
    let ord = 0;
    for (const s of articles[id].analysis.shared) {
      const other = idOf(s.otherUri);
      if (other === undefined) continue;
      yield [
        id,
        ord++,
        s.span.start,
        s.span.end,
        other,
        s.otherSpan.start,
        s.otherSpan.end,
        s.similarity,
        s.boilerplate,
        s.fileCount,
        s.corrected === true,
      ];
    }
  }
}

function* quoteRows(articles: readonly LoadedArticle[]): Generator<CopyValue[]> {
  for (let id = 0; id < articles.length; id++) {
    const { text, analysis } = articles[id];
    let ord = 0;
    for (const q of analysis.quotes)
      yield [
        id,
        ord++,
        q.span.start,
        q.span.end,
        q.contentSpan.start,
        q.contentSpan.end,
        q.kind,
        q.speaker?.name ?? null,
        quoteKey(text.slice(q.contentSpan.start, q.contentSpan.end)),
      ];
  }
}

function* relatedRows(
  articles: readonly LoadedArticle[],
  idOf: (uri: string) => number | undefined,
): Generator<CopyValue[]> {
  for (let id = 0; id < articles.length; id++) {
    let rank = 0;
    for (const r of articles[id].analysis.related) {
      const other = idOf(r.uri);
      if (other !== undefined) yield [id, rank++, other, r.score, JSON.stringify(r.reasons)];
    }
  }
}
