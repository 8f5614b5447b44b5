// A language server on the team database answers the corpus questions for files that are not open —
// related articles with their shared passages, references, workspace symbols — as the in-memory server
// does, over LSP stdio, on the sample corpus loaded with `index --db`; and it leaves those files to the
// database instead of indexing them itself.
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DidCloseTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import {
  DiagnosticCodes,
  TeamCorpusStatusNotification,
  type TeamCorpusStatusParams,
} from '../../server/src/protocol';
import { fileUri, Session } from '../lsp/session';
import { dbSkip } from './database';
import { loadSampleCorpus, references, related, symbols } from './sampleTeamCorpus';

let corpus = '';
let files: string[] = [];
let url = '';
const sessions: Session[] = [];

before(async () => {
  if (dbSkip) return;
  ({ corpus, files, url } = await loadSampleCorpus('lsp_parity'));
});

after(async () => {
  for (const s of sessions) await s.stop();
});

async function start(): Promise<Session> {
  const session = await Session.start(corpus);
  sessions.push(session);
  await session.ready();
  return session;
}

test('closed files: the database server answers as the in-memory server', { skip: dbSkip }, async () => {
  const memory = await start();
  const team = await Session.start(corpus, { initializationOptions: { teamCorpus: { url } } });
  sessions.push(team);
  const status = new Promise<TeamCorpusStatusParams>((resolve) =>
    team.connection.onNotification(TeamCorpusStatusNotification.method, resolve),
  );
  const ready = await team.ready();
  assert.equal((await status).state, 'connected');
  // Nothing indexed here: every file is answered by the database.
  assert.match(
    ready.message ?? '',
    new RegExp(`indexed 0 articles \\(${files.length} answered by the team corpus\\)`),
  );

  let items = 0;
  let passages = 0;
  for (const f of files) {
    const uri = fileUri(path.join(corpus, f));
    const expected = await related(memory, uri);
    assert.deepEqual(await related(team, uri), expected, `related articles of ${f}`);
    items += expected.items.length;
    passages += expected.sharedPassages;
  }
  assert.ok(
    items > 0 && passages > 0,
    `the corpus has related articles (${items}) and shared passages (${passages})`,
  );

  const listed = await symbols(memory, '');
  assert.ok(listed.length > 10, 'the corpus has entities');
  assert.deepEqual(await symbols(team, ''), listed, 'symbols before anything is typed');
  const queries = new Set<string>(['a', 'zzqx']);
  for (const s of listed.slice(0, 15)) {
    queries.add(s.name.slice(0, 3));
    queries.add(
      s.name
        .split(/\s+/)
        .map((w) => w[0])
        .join(''),
    );
  }
  for (const q of queries)
    assert.deepEqual(await symbols(team, q), await symbols(memory, q), `symbols "${q}"`);

  let crossFile = 0;
  for (const s of listed) {
    for (const declaration of [true, false]) {
      const expected = await references(memory, s.location, declaration);
      assert.deepEqual(await references(team, s.location, declaration), expected, `references of ${s.name}`);
      if (new Set(expected.map((l) => l.uri)).size > 1) crossFile++;
    }
  }
  assert.ok(crossFile > 0, 'some entity is mentioned in more than one file');
});

test(
  'open files: their passages shared with closed files are found through the database',
  { skip: dbSkip },
  async () => {
    const memory = await start();
    const team = await Session.start(corpus, { initializationOptions: { teamCorpus: { url } } });
    sessions.push(team);
    await team.ready();
    let shared = 0;
    let ranked = 0;
    let version = 1;
    for (const f of files) {
      const uri = fileUri(path.join(corpus, f));
      const text = readFileSync(path.join(corpus, f), 'utf8');
      version++;
      const expected = await memory.open(uri, text, version, 'plaintext');
      const got = await team.open(uri, text, version, 'plaintext');
      const passages = (d: Diagnostic[]) => d.filter((x) => x.code === DiagnosticCodes.shared);
      assert.deepEqual(passages(got), passages(expected), `shared passages of ${f}`);
      assert.deepEqual(got, expected, `diagnostics of ${f}`);
      shared += passages(expected).length;
      const rel = await related(memory, uri);
      assert.deepEqual(
        (await related(team, uri)).items.map((i) => i.uri),
        rel.items.map((i) => i.uri),
        `related articles of ${f}`,
      );
      ranked += rel.items.length;
      for (const s of [memory, team])
        await s.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    assert.ok(
      shared > 0 && ranked > 0,
      `open files share passages (${shared}) and have related articles (${ranked})`,
    );
  },
);

test(
  'a database that holds only part of the workspace: said once, the rest indexed here',
  { skip: dbSkip },
  async () => {
    const { corpus: partial, url: partialUrl } = await loadSampleCorpus('lsp_partial');
    // After the load: one file changed, one new (a reprint of another with its own headline).
    const [changed, source] = files;
    appendFileSync(path.join(partial, changed), '\nThe harbour office said more would follow on Monday.\n');
    const reprint = `Reprinted: ${readFileSync(path.join(partial, source), 'utf8')}`;
    writeFileSync(path.join(partial, 'zz-reprint.txt'), reprint);

    const memory = await Session.start(partial);
    sessions.push(memory);
    await memory.ready();
    const team = await Session.start(partial, { initializationOptions: { teamCorpus: { url: partialUrl } } });
    sessions.push(team);
    const ready = await team.ready();
    assert.match(ready.message ?? '', new RegExp(`\\(${files.length - 1} answered by the team corpus\\)`));
    const said = (l: string) =>
      /holds 9 of this workspace's 11 articles as they are on disk; the other 2 are indexed locally/.test(l);
    // Said after the indexing: in the status, and in the log.
    await team.status((s) => said(s.message ?? ''), 'the coverage status');
    assert.equal(team.logs.filter(said).length, 1, team.logs.join('\n'));
    assert.equal(team.statuses.filter((s) => said(s.message ?? '')).length, 1, 'said once in the status');
    for (const f of [changed, 'zz-reprint.txt']) {
      const uri = fileUri(path.join(partial, f));
      const expected = await related(memory, uri);
      const got = await related(team, uri);
      assert.deepEqual(got, expected, `related articles of ${f}, indexed here`);
    }
    const reprinted = await related(team, fileUri(path.join(partial, 'zz-reprint.txt')));
    assert.ok(
      reprinted.items.some((i) => i.uri === fileUri(path.join(partial, source))),
      'the new file finds the article it reprints, which only the database holds',
    );
  },
);
