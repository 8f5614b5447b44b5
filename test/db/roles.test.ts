// The two roles: a reader reads the corpus and the corrections and is refused a write with a message
// that says why; a curator writes corrections.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import type { Correction } from '../../server/src/analysis/curation/types';
import { migrate, openPool } from '../../server/src/storage/postgres/database';
import { ReadOnlyError, TeamCorrections } from '../../server/src/storage/postgres/teamCorrections';
import { asSuperuser, dbSkip, freshDatabase } from './database';

const correction = (id: string): Correction => ({
  id,
  kind: 'notEntity',
  scope: 'mention',
  file: 'derby.article',
  anchor: { text: 'Derby', before: 'in ', after: ' on', offset: 10 },
  author: 'someone',
  time: '2026-01-02T03:04:05.000Z',
});

/** The URL of `url`'s database for another user (the test server trusts loopback logins). */
function as(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  return u.toString();
}

test('a reader reads but cannot correct; a curator can', { skip: dbSkip }, async () => {
  const url = await freshDatabase('roles');
  const owner = openPool(url);
  await migrate(owner);
  const suffix = randomBytes(3).toString('hex');
  const reader = `reader_${suffix}`;
  const curator = `curator_${suffix}`;
  await asSuperuser(url, `CREATE ROLE ${reader} LOGIN IN ROLE article_lens_reader`);
  await asSuperuser(url, `CREATE ROLE ${curator} LOGIN IN ROLE article_lens_curator`);
  const readerPool = openPool(as(url, reader));
  const curatorPool = openPool(as(url, curator));
  try {
    await new TeamCorrections(curatorPool, as(url, curator)).add([correction('c1')]);
    const readerTeam = new TeamCorrections(readerPool, as(url, reader));
    assert.deepEqual(
      (await readerTeam.list()).map((c) => [c.id, c.author]),
      [['c1', 'someone']],
    );
    await assert.rejects(
      readerTeam.add([correction('c2')]),
      (e: unknown) =>
        e instanceof ReadOnlyError && /read-only for you: corrections need the curator role/.test(e.message),
    );
    assert.equal((await readerPool.query('SELECT count(*)::int AS n FROM articles')).rows[0].n, 0);
    await assert.rejects(readerPool.query('TRUNCATE corrections'), /permission denied/);
    assert.equal((await owner.query('SELECT count(*)::int AS n FROM corrections')).rows[0].n, 1);
  } finally {
    await Promise.all([owner.end(), readerPool.end(), curatorPool.end()]);
  }
});
