// A sidecar file into the team database and back: `corrections --db URL --import FILE` stores its
// entries (with their authors and times), `--export FILE` writes the same corrections as a sidecar, and a
// reader's import is refused with the reason.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parseSidecar, serializeSidecar } from '../../server/src/analysis/curation/sidecar';
import type { Correction } from '../../server/src/analysis/curation/types';
import { ensureBuilt, runCli } from '../support/built';
import { asSuperuser, dbSkip, freshDatabase } from './database';

const run = runCli;

const corrections: Correction[] = [
  {
    id: 'a1',
    kind: 'changeType',
    type: 'ORG',
    scope: 'corpus',
    file: 'derby.article',
    anchor: { text: 'Easton Rovers', before: 'beat ', after: ' 2-1', offset: 40 },
    author: 'Jane',
    time: '2026-03-04T05:06:07.000Z',
  },
  {
    id: 'b2',
    kind: 'notEntity',
    scope: 'mention',
    file: 'council.article',
    anchor: { text: 'Sunday', before: 'on ', after: ',', offset: 12 },
    author: 'Joe',
    time: '2026-03-05T05:06:07.000Z',
  },
];

test('a sidecar goes into the database and comes back the same', { skip: dbSkip }, async () => {
  ensureBuilt();
  const url = await freshDatabase('sidecar');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-sidecar-'));
  const file = path.join(dir, 'annotations.json');
  writeFileSync(file, serializeSidecar(corrections));
  const imported = run('corrections', '--db', url, '--import', file);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /imported 2 corrections/);
  // Importing again replaces entries by id: still two.
  assert.equal(run('corrections', '--db', url, '--import', file).status, 0);
  const out = path.join(dir, 'out', 'annotations.json');
  const exported = run('corrections', '--db', url, '--export', out);
  assert.equal(exported.status, 0, exported.stderr);
  assert.match(exported.stdout, /exported 2 corrections/);
  const back = parseSidecar(readFileSync(out, 'utf8'));
  assert.deepEqual(back.problems, []);
  assert.deepEqual(
    [...back.corrections].sort((x, y) => x.id.localeCompare(y.id)),
    corrections,
  );

  const reader = `reader_sc_${Date.now().toString(36)}`;
  await asSuperuser(url, `CREATE ROLE ${reader} LOGIN IN ROLE article_lens_reader`);
  const u = new URL(url);
  u.username = reader;
  const refused = run('corrections', '--db', u.toString(), '--import', file);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /read-only for you: corrections need the curator role/);
  const readerExport = run('corrections', '--db', u.toString(), '--export', path.join(dir, 'r.json'));
  assert.equal(readerExport.status, 0, readerExport.stderr);
});

test('corrections needs exactly one of --import and --export', () => {
  const r = run('corrections', '--db', 'postgres://x@127.0.0.1:1/none');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /give --import FILE or --export FILE/);
});
