// A language server whose team database goes away mid-session: one message, the status goes offline,
// the local index takes the files the database held and answers the same references and related
// articles; when the database is reachable again the server reconnects by itself (with backoff), the
// status is connected again and the database answers once more. The database is cut off by a TCP relay
// in front of it, so the PostgreSQL server the other test files share keeps running.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Location, SymbolInformation } from 'vscode-languageserver-protocol/node';
import {
  TeamCorpusStatusNotification,
  type RelatedArticlesResult,
  type TeamCorpusStatusParams,
} from '../../server/src/protocol';
import { fileUri, Session } from '../lsp/session';
import { dbSkip } from './database';
import { loadSampleCorpus, references, related, symbols } from './sampleTeamCorpus';
import { TcpProxy } from './tcpProxy';

let corpus = '';
let files: string[] = [];
let url = '';
let proxy: TcpProxy | undefined;
const sessions: Session[] = [];

before(async () => {
  if (dbSkip) return;
  ({ corpus, files, url } = await loadSampleCorpus('offline'));
  const target = new URL(url);
  proxy = new TcpProxy(target.hostname, Number(target.port));
  await proxy.open();
});

after(async () => {
  for (const s of sessions) await s.stop();
  await proxy?.block();
});

async function answers(s: Session, entities: readonly SymbolInformation[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const e of entities) out.push(await references(s, e.location, true));
  for (const f of files) out.push(await related(s, fileUri(path.join(corpus, f))));
  return out;
}

test(
  'offline mid-session: one message, the local index answers, then it reconnects',
  { skip: dbSkip },
  async () => {
    assert.ok(proxy);
    const memory = await Session.start(corpus);
    sessions.push(memory);
    await memory.ready();
    const entities = (await symbols(memory, '')).slice(0, 12);
    const expected = await answers(memory, entities);
    assert.ok(
      expected.some((r) => (r as Location[]).length > 1),
      'an entity has several mentions',
    );
    assert.ok(
      expected.some((r) => ((r as RelatedArticlesResult).items ?? []).length > 0),
      'an article has related articles',
    );

    // Short pauses between reconnection attempts, so the test need not wait for the default backoff.
    process.env.ARTICLE_LENS_TEAM_RETRY_MS = '200,400';
    const team = await Session.start(corpus, {
      initializationOptions: { teamCorpus: { url: proxy.urlOf(url) } },
    });
    delete process.env.ARTICLE_LENS_TEAM_RETRY_MS;
    sessions.push(team);
    const states: TeamCorpusStatusParams[] = [];
    const waiters: { state: string; resolve: () => void }[] = [];
    team.connection.onNotification(TeamCorpusStatusNotification.method, (p: TeamCorpusStatusParams) => {
      states.push(p);
      for (const w of waiters.filter((x) => x.state === p.state)) w.resolve();
    });
    const next = (state: string) =>
      Promise.race([
        new Promise<void>((resolve) => waiters.push({ state, resolve })),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${state} status`)), 20_000)),
      ]);
    const ready = await team.ready();
    assert.match(ready.message ?? '', /answered by the team corpus/);
    assert.deepEqual(await answers(team, entities), expected, 'answered by the database');

    const offline = next('offline');
    await proxy.block();
    // The first question after the loss finds the connection gone and is answered by the local index.
    assert.deepEqual(await answers(team, entities), expected, 'answered by the local index offline');
    await offline;
    assert.match(states.at(-1)?.message ?? '', /cannot reach the database|Connection terminated|database/);
    const messages = team.messages.filter((m) => /team corpus offline/.test(m.message));
    assert.equal(messages.length, 1, 'one message');
    assert.ok(
      team.statuses.some((s) => s.state === 'ready' && /indexed \d+ articles in/.test(s.message ?? '')),
      'the local index took the files',
    );
    assert.deepEqual(await answers(team, entities), expected, 'still answered offline');

    const connected = next('connected');
    await proxy.open();
    await connected;
    assert.deepEqual(await answers(team, entities), expected, 'answered by the database again');
    const handedBack = team.logs.find((l) =>
      /connected again: \d+ articles answered by the database/.test(l),
    );
    assert.match(handedBack ?? '', new RegExp(`connected again: ${files.length} articles`));
    assert.equal(
      team.messages.filter((m) => /team corpus offline/.test(m.message)).length,
      1,
      'still one message',
    );
  },
);
