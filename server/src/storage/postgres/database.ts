// Connecting to the team corpus and bringing its schema up to date. Connection errors are turned into one
// sentence a user can act on; the password never appears in a message.
import { Pool, type PoolClient, type PoolConfig } from 'pg';
import { MIGRATIONS, type Migration } from './migrations';

/** Any number would do: it only has to be the same in every process that migrates this schema. */
const MIGRATION_LOCK = 0x4152544c;

export class DatabaseError extends Error {}

/** The connection string with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable connection string)';
  }
}

export interface ConnectOptions {
  /** Password kept elsewhere than the URL (the editor's secret storage). */
  password?: string;
  /** Name shown in pg_stat_activity. */
  applicationName?: string;
  max?: number;
}

export function openPool(url: string, options: ConnectOptions = {}): Pool {
  const config: PoolConfig = {
    connectionString: url,
    application_name: options.applicationName ?? 'article-lens',
    max: options.max ?? 4,
    connectionTimeoutMillis: 5000,
    // The editor's queries are short: compiling one (JIT) costs more than it saves. The symbol search's
    // estimate crosses the JIT threshold and spent 8-28 ms compiling per query.
    options: '-c jit=off',
  };
  if (options.password !== undefined) config.password = options.password;
  const pool = new Pool(config);
  // An idle client losing its server must not take the process down; the next query reports it.
  pool.on('error', () => undefined);
  return pool;
}

/** A pg or network error as one sentence naming the database (without its password). */
export function describeError(e: unknown, url: string): string {
  const err = e as { code?: string; message?: string };
  const where = redactUrl(url);
  if (err.code === 'ECONNREFUSED' || err.code === 'ENOTFOUND' || err.code === 'ETIMEDOUT')
    return `cannot reach the database ${where} (${err.code})`;
  if (err.code === '28P01' || err.code === '28000')
    return `the database ${where} refused the login: ${err.message}`;
  if (err.code === '3D000') return `no such database: ${where}`;
  if (err.code === '42501') return `permission denied on ${where}: ${err.message}`;
  return `database ${where}: ${err.message ?? String(e)}`;
}

/** Applies the migrations not yet recorded, each in its own transaction, under an advisory lock. */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  // Up to date: nothing to lock or create (a reader may not create anything, and need not).
  const current = await client.query<{ version: number }>('SELECT version FROM schema_migrations').then(
    (r) => new Set(r.rows.map((row) => row.version)),
    () => undefined,
  );
  if (current && migrations.every((m) => current.has(m.version))) {
    client.release();
    return applied;
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await inTransaction(client, async () => {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
      });
      applied.push(m.version);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
  return applied;
}

export async function inTransaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

export async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}
