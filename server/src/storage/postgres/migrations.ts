// The team corpus schema, as numbered migrations applied in order and recorded in schema_migrations.
// A migration is never edited once released: a change is a new migration. Article rows are keyed by an
// integer article id, the key the per-article tables would be hash-partitioned or distributed on.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'corpus findings',
    sql: `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Facts about the loaded corpus: its fingerprint (files, contents and settings), the analyser version.
CREATE TABLE corpus_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

-- Per-file analyses, content-addressed: the digest covers analyser version, local settings and text, so an
-- unchanged file is found again wherever it lives.
CREATE TABLE analyses (
  content_hash text PRIMARY KEY,
  analyser_version text NOT NULL,
  entry json NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE articles (
  article_id integer PRIMARY KEY,
  path text NOT NULL UNIQUE,
  content_hash text NOT NULL,
  bytes integer NOT NULL,
  entity_keys text[] NOT NULL
);
CREATE INDEX articles_entity_keys ON articles USING gin (entity_keys);

-- One row per canonical entity; folded is the name lower-cased as the editor's symbol filter compares it.
CREATE TABLE entities (
  canonical text PRIMARY KEY,
  folded text NOT NULL,
  type text NOT NULL,
  aliases text[] NOT NULL,
  file_count integer NOT NULL,
  mention_count integer NOT NULL,
  listing integer NOT NULL
);
CREATE INDEX entities_folded_trgm ON entities USING gin (folded gin_trgm_ops);

CREATE TABLE entity_aliases (
  canonical text NOT NULL,
  folded text NOT NULL,
  PRIMARY KEY (canonical, folded)
);
CREATE INDEX entity_aliases_folded_trgm ON entity_aliases USING gin (folded gin_trgm_ops);

CREATE TABLE entity_postings (
  canonical text NOT NULL,
  article_id integer NOT NULL,
  ord integer NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  written text NOT NULL
);
CREATE INDEX entity_postings_canonical ON entity_postings (canonical, article_id, ord);

-- Winnowed shingle fingerprints: which articles share a passage with a text, by hash.
CREATE TABLE passage_fingerprints (
  hash bigint NOT NULL,
  article_id integer NOT NULL,
  word integer NOT NULL
);
CREATE INDEX passage_fingerprints_hash ON passage_fingerprints (hash);

CREATE TABLE shared_passages (
  article_id integer NOT NULL,
  ord integer NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  other_id integer NOT NULL,
  other_start integer NOT NULL,
  other_end integer NOT NULL,
  similarity double precision NOT NULL,
  boilerplate boolean NOT NULL,
  file_count integer NOT NULL,
  corrected boolean NOT NULL,
  PRIMARY KEY (article_id, ord)
);

-- Quotes by a key of their normalised words, so the same quotation is found across articles.
CREATE TABLE quotes (
  article_id integer NOT NULL,
  ord integer NOT NULL,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  content_start integer NOT NULL,
  content_end integer NOT NULL,
  kind text NOT NULL,
  speaker text,
  content_key text NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX quotes_content_key ON quotes (content_key);

-- The related ranking: each article's list, best first, with the reasons (shared entities, passages).
CREATE TABLE related (
  article_id integer NOT NULL,
  rank integer NOT NULL,
  other_id integer NOT NULL,
  score double precision NOT NULL,
  reasons json NOT NULL,
  PRIMARY KEY (article_id, rank)
);
`,
  },
  {
    version: 2,
    name: 'shared corrections',
    sql: `
-- Curators' corrections, shared by everyone on the database: the sidecar's entries, with who made each
-- and when. Every change is announced on the channel article_lens_corrections, so open editors follow.
CREATE TABLE corrections (
  id text PRIMARY KEY,
  file text NOT NULL,
  body json NOT NULL,
  author text NOT NULL DEFAULT current_user,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX corrections_file ON corrections (file);

CREATE FUNCTION article_lens_corrections_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('article_lens_corrections', COALESCE(NEW.id, OLD.id));
  RETURN NULL;
END $$;

CREATE TRIGGER corrections_notify AFTER INSERT OR UPDATE OR DELETE ON corrections
  FOR EACH ROW EXECUTE FUNCTION article_lens_corrections_changed();
`,
  },
  {
    version: 3,
    name: 'curator and reader roles',
    sql: `
-- Two group roles; people log in as their own roles, granted one of these. A reader reads everything and
-- writes nothing; a curator also writes corrections. Loading the corpus (index --db) needs the owner.
-- Roles belong to the whole server, so another database may have made them already.
DO $$
BEGIN
  CREATE ROLE article_lens_reader NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
DO $$
BEGIN
  CREATE ROLE article_lens_curator NOLOGIN IN ROLE article_lens_reader;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
GRANT USAGE ON SCHEMA public TO article_lens_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO article_lens_reader;
GRANT INSERT, UPDATE, DELETE ON corrections TO article_lens_curator;
`,
  },
];
