// The schema: migrations apply once, in order, are recorded, and a second run changes nothing; the
// indexes the corpus queries rely on exist (b-tree on fingerprint hashes, GIN on entity keys, trigram
// indexes for entity search).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeError, migrate, openPool, redactUrl } from '../../server/src/storage/postgres/database';
import { MIGRATIONS } from '../../server/src/storage/postgres/migrations';
import { dbSkip, freshDatabase } from './database';

test('migrations apply once and are recorded', { skip: dbSkip }, async () => {
  const pool = openPool(await freshDatabase('migrations'));
  try {
    assert.deepEqual(
      await migrate(pool),
      MIGRATIONS.map((m) => m.version),
    );
    assert.deepEqual(await migrate(pool), [], 'a second run applies nothing');
    const { rows } = await pool.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY 1',
    );
    assert.deepEqual(
      rows.map((r) => r.version),
      MIGRATIONS.map((m) => m.version),
    );
    const indexes = await pool.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`,
    );
    const def = (name: string) => indexes.rows.find((r) => r.indexname === name)?.indexdef ?? '';
    assert.match(def('passage_fingerprints_hash'), /USING btree \(hash\)/);
    assert.match(def('articles_entity_keys'), /USING gin \(entity_keys\)/);
    assert.match(def('entities_folded_trgm'), /USING gin \(folded gin_trgm_ops\)/);
    assert.match(def('entity_aliases_folded_trgm'), /gin_trgm_ops/);
    assert.match(def('entity_postings_canonical'), /btree \(canonical, article_id, ord\)/);
    assert.match(def('quotes_content_key'), /btree \(content_key\)/);
  } finally {
    await pool.end();
  }
});

test('two processes migrating at once apply each migration once', { skip: dbSkip }, async () => {
  const url = await freshDatabase('concurrent');
  const a = openPool(url);
  const b = openPool(url);
  try {
    const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
    assert.deepEqual([...ra, ...rb].sort(), MIGRATIONS.map((m) => m.version).sort());
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
});

test('connection errors name the database without its password', async () => {
  const url = 'postgres://someone:s3cret@127.0.0.1:1/nowhere';
  const pool = openPool(url);
  try {
    await assert.rejects(pool.query('SELECT 1'), (e: unknown) => {
      const message = describeError(e, url);
      assert.match(message, /cannot reach the database postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/);
      assert.doesNotMatch(message, /s3cret/);
      return true;
    });
  } finally {
    await pool.end();
  }
  assert.equal(redactUrl('postgres://u:p@h/d'), 'postgres://u:***@h/d');
});
