// Two language servers on one team database, as two curators' editors on their own copies of the corpus:
// a correction made through one is stored in the database with its author and time, announced with
// NOTIFY, and shows in the other's diagnostics within 2 s, with no sidecar edit. The stored corrections
// export as a sidecar file.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  CodeActionRequest,
  ExecuteCommandRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { parseSidecar } from '../../server/src/analysis/curation/sidecar';
import { lineIndex } from '../../server/src/analysis/text/lines';
import {
  ServerCommands,
  TeamCorpusStatusNotification,
  type CorrectionDraft,
  type TeamCorpusStatusParams,
} from '../../server/src/protocol';
import { migrate, openPool } from '../../server/src/storage/postgres/database';
import { TeamCorrections } from '../../server/src/storage/postgres/teamCorrections';
import { COUNCIL, DERBY } from '../lsp/curation.fixture';
import { fileUri, Session } from '../lsp/session';
import { asSuperuser, dbSkip, freshDatabase } from './database';

const rangeText = (text: string, d: Diagnostic): string => {
  const lines = lineIndex(text);
  return text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end));
};

function corpusCopy(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `article-lens-team-${name}-`));
  writeFileSync(path.join(dir, 'derby.article'), DERBY);
  writeFileSync(path.join(dir, 'council.article'), COUNCIL);
  return dir;
}

let url = '';
const sessions: Session[] = [];

async function teamDatabase(label: string): Promise<string> {
  const made = await freshDatabase(label);
  const pool = openPool(made);
  await migrate(pool);
  await pool.end();
  return made;
}

before(async () => {
  if (!dbSkip) url = await teamDatabase('team');
});

after(async () => {
  for (const s of sessions) await s.stop();
});

interface Started {
  session: Session;
  derbyUri: string;
  /** The first team corpus status the server sent. */
  status: Promise<TeamCorpusStatusParams>;
}

async function start(name: string, author: string, teamUrl = url): Promise<Started> {
  const dir = corpusCopy(name);
  const session = await Session.start(dir, {
    configuration: { curation: { author } },
    initializationOptions: { teamCorpus: { url: teamUrl } },
  });
  sessions.push(session);
  // Registered before the server has read its settings, so before it connects.
  const status = new Promise<TeamCorpusStatusParams>((resolve) =>
    session.connection.onNotification(TeamCorpusStatusNotification.method, resolve),
  );
  await session.ready();
  return { session, derbyUri: fileUri(path.join(dir, 'derby.article')), status };
}

async function notEntityDraft(s: Started): Promise<{ draft: CorrectionDraft; before: Diagnostic[] }> {
  const before = await s.session.open(s.derbyUri, DERBY, 1);
  const derby = before.find((d) => rangeText(DERBY, d) === 'Derby');
  assert.ok(derby, '“Derby” is tagged');
  const actions = ((await s.session.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: s.derbyUri },
    range: derby.range,
    context: { diagnostics: [derby] },
  })) ?? []) as CodeAction[];
  const notEntity = actions.find((x) => x.title === 'Not an entity: “Derby” (this mention)');
  assert.ok(notEntity, actions.map((x) => x.title).join(' | '));
  const [draft] = (notEntity.command as Command).arguments as [CorrectionDraft];
  return { draft, before };
}

test('a correction made in one editor shows in the other within 2 s', { skip: dbSkip }, async (t) => {
  const a = await start('a', 'Curator A');
  const b = await start('b', 'Curator B');
  assert.equal((await a.status).state, 'connected');
  assert.equal((await b.status).state, 'connected');
  const { draft } = await notEntityDraft(a);
  const beforeB = await b.session.open(b.derbyUri, DERBY, 1);
  assert.ok(
    beforeB.some((d) => rangeText(DERBY, d) === 'Derby'),
    '“Derby” is tagged in B',
  );

  const inB = b.session.nextPublish(
    b.derbyUri,
    (p) => !p.diagnostics.some((d) => rangeText(DERBY, d) === 'Derby'),
  );
  const started = Date.now();
  const result = (await a.session.connection.sendRequest(ExecuteCommandRequest.type, {
    command: ServerCommands.correct,
    arguments: [draft],
  })) as { applied: boolean };
  assert.equal(result.applied, true);
  const seen = await Promise.race([
    inB.then(() => Date.now() - started),
    new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 2000)),
  ]);
  assert.ok(seen <= 2000, `B saw the correction after ${seen} ms`);
  t.diagnostic(`the other editor showed the correction ${seen} ms after it was made`);
  assert.equal(a.session.appliedEdits.length, 0, 'no sidecar edit: the database holds it');
  const afterB = b.session.publishes.filter((p) => p.uri === b.derbyUri).at(-1)?.diagnostics ?? [];
  assert.equal(afterB.length, beforeB.length - 1, 'only that mention went');

  const pool = openPool(url);
  try {
    const stored = await pool.query<{ author: string; created_at: Date; file: string }>(
      'SELECT author, created_at, file FROM corrections',
    );
    assert.equal(stored.rows.length, 1);
    assert.equal(stored.rows[0].author, 'Curator A');
    assert.equal(stored.rows[0].file, 'derby.article');
    assert.ok(Date.now() - stored.rows[0].created_at.getTime() < 60_000);
    const exported = parseSidecar(await new TeamCorrections(pool, url).sidecarText());
    assert.equal(exported.problems.length, 0);
    assert.deepEqual(
      exported.corrections.map((c) => [c.kind, c.file, c.author]),
      [['notEntity', 'derby.article', 'Curator A']],
    );
  } finally {
    await pool.end();
  }
});

test(
  'a reader is told the corpus is read-only, and its correction is refused',
  { skip: dbSkip },
  async () => {
    const reader = `reader_${Date.now().toString(36)}`;
    // A database of its own: the first test's correction is not in it.
    const readerDb = await teamDatabase('reader');
    await asSuperuser(readerDb, `CREATE ROLE ${reader} LOGIN IN ROLE article_lens_reader`);
    const u = new URL(readerDb);
    u.username = reader;
    const r = await start('reader', 'Reader', u.toString());
    assert.equal((await r.status).state, 'read-only');
    const { draft } = await notEntityDraft(r);
    const result = (await r.session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.correct,
      arguments: [draft],
    })) as { applied: boolean; message?: string };
    assert.equal(result.applied, false);
    assert.match(result.message ?? '', /read-only for you: corrections need the curator role/);
    assert.ok(r.session.messages.some((m) => /read-only for you/.test(m.message)));
    assert.equal(r.session.appliedEdits.length, 0);
  },
);

test(
  'an unreachable team corpus: one message, offline, and the local index still works',
  { skip: dbSkip },
  async () => {
    const o = await start('offline', 'Someone', 'postgres://nobody:secret@127.0.0.1:1/none');
    const status = await o.status;
    assert.equal(status.state, 'offline');
    assert.equal(status.database, 'postgres://nobody:***@127.0.0.1:1/none');
    const diagnostics = await o.session.open(o.derbyUri, DERBY, 1);
    assert.ok(
      diagnostics.some((d) => rangeText(DERBY, d) === 'Derby'),
      'the article is analysed locally',
    );
    const warnings = o.session.messages.filter((m) => /team corpus offline/.test(m.message));
    assert.equal(warnings.length, 1);
    assert.doesNotMatch(warnings[0].message, /secret/);
    // A correction falls back to the sidecar edit, so nothing is lost.
    const { draft } = await notEntityDraft(o);
    const result = (await o.session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.correct,
      arguments: [draft],
    })) as { applied: boolean };
    assert.equal(result.applied, true);
    assert.equal(o.session.appliedEdits.length, 1, 'the sidecar edit was asked for');
  },
);
