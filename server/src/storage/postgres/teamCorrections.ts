// Curators' corrections kept in the team database: read whole, added one at a time, and followed with
// LISTEN, so a correction made in one editor reaches every other editor on the database at once. The
// stored entry is the sidecar's (validated by the same parser when read back), with author and time.
import { Client, type Pool } from 'pg';
import { parseSidecar, serializeSidecar } from '../../analysis/curation/sidecar';
import type { Correction } from '../../analysis/curation/types';

export const CORRECTIONS_CHANNEL = 'article_lens_corrections';

/** A database refusal of a write, as the curator should read it. */
export class ReadOnlyError extends Error {}

export class TeamCorrections {
  private listener: Client | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly url: string,
    private readonly password?: string,
  ) {}

  /** Every stored correction, oldest first, as the sidecar parser reads them. */
  async list(): Promise<Correction[]> {
    const { rows } = await this.pool.query<{ body: unknown }>(
      'SELECT body FROM corrections ORDER BY created_at, id',
    );
    // Through the sidecar parser, so a malformed row is dropped as a malformed sidecar entry would be.
    return parseSidecar(JSON.stringify({ corrections: rows.map((r) => r.body) })).corrections;
  }

  /** Whether this login may write corrections (the curator role), not only read them. */
  async canWrite(): Promise<boolean> {
    const { rows } = await this.pool.query<{ ok: boolean }>(
      "SELECT has_table_privilege(current_user, 'corrections', 'INSERT') AS ok",
    );
    return rows[0]?.ok === true;
  }

  /** Stores corrections (a new id is added, a known one replaced). */
  async add(corrections: readonly Correction[]): Promise<void> {
    try {
      for (const c of corrections)
        await this.pool.query(
          `INSERT INTO corrections (id, file, body, author, created_at)
           VALUES ($1, $2, $3, COALESCE($4, current_user), COALESCE($5::timestamptz, now()))
           ON CONFLICT (id) DO UPDATE SET file = EXCLUDED.file, body = EXCLUDED.body,
             author = EXCLUDED.author, created_at = EXCLUDED.created_at`,
          [c.id, c.file, JSON.stringify(c), c.author ?? null, c.time ?? null],
        );
    } catch (e) {
      if ((e as { code?: string }).code === '42501')
        throw new ReadOnlyError('this team corpus is read-only for you: corrections need the curator role');
      throw e;
    }
  }

  /** The stored corrections as a sidecar file's text (export). */
  async sidecarText(): Promise<string> {
    return serializeSidecar(await this.list());
  }

  /** Calls `onChange` whenever any editor changes a correction; resolves once listening. */
  async listen(onChange: () => void, onError: (e: Error) => void): Promise<void> {
    const client = new Client({
      connectionString: this.url,
      application_name: 'article-lens listen',
      ...(this.password !== undefined ? { password: this.password } : {}),
    });
    client.on('notification', (n) => {
      if (n.channel === CORRECTIONS_CHANNEL) onChange();
    });
    client.on('error', onError);
    await client.connect();
    await client.query(`LISTEN ${CORRECTIONS_CHANNEL}`);
    this.listener = client;
  }

  async close(): Promise<void> {
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }
}
