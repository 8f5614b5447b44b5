// Test support for the PostgreSQL backend: each test file gets a database of its own on the server that
// scripts/postgres/withPostgres.mjs started (ARTICLE_LENS_TEST_DATABASE), dropped when the file is done.
// Without a server, `dbSkip` says why, and every database test reports as skipped with that reason.
import { after } from 'node:test';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const serverUrl = process.env.ARTICLE_LENS_TEST_DATABASE;

/** Why the database tests cannot run here, or undefined when they can. */
export const dbSkip: string | undefined = serverUrl
  ? undefined
  : (process.env.ARTICLE_LENS_TEST_DATABASE_SKIP ??
    'ARTICLE_LENS_TEST_DATABASE is not set: run them with `npm run test:db`');

/** The URL of the same server with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const created: string[] = [];

/** Creates an empty database for this test file; its URL. */
export async function freshDatabase(label: string): Promise<string> {
  if (!serverUrl) throw new Error(dbSkip);
  const name = `t_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  // Identifiers cannot be parameters; the name is made here of [a-z0-9_] only.
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  created.push(name);
  return withDatabase(serverUrl, name);
}

/** Runs SQL as the server's superuser (role set-up in tests). */
export async function asSuperuser(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

after(async () => {
  if (!serverUrl) return;
  for (const name of created) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});
