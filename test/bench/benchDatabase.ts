// A database of the benches' own on the throw-away server (scripts/postgres/withPostgres.mjs), created
// empty, replacing one of the same name left by an earlier run.
import { Client } from 'pg';

/** Creates (or re-creates) database `name` on the server at `serverUrl`; its URL. */
export async function createBenchDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  // Identifiers cannot be parameters; the benches make the name of [a-z0-9_] only.
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}
