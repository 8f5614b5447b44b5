// The requests behind the side-bar views and Check Corpus, over stdio on a corpus no editor has opened:
// entities with counts and a filter, an entity's articles and mentions (with their corrections), story
// clusters of related articles, and diagnostics of closed files.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import {
  CheckFilesRequest,
  CorpusFilesRequest,
  EntityArticlesRequest,
  EntityListRequest,
  StoryClustersRequest,
  type CheckFilesResult,
  type EntityArticleItem,
  type EntityListResult,
  type StoryClustersResult,
} from '../../server/src/protocol';
import { fileUri, Session } from './session';

const WIRE =
  'Engineers from the Northern Transit Authority replaced every cable on the span during the two-year project';
const BRIDGE = [
  'Harbour Bridge Reopens After Two Years of Repairs',
  '',
  'PORTO VELHO — Mayor Clara Voss said on Monday that the harbour bridge would reopen next week.',
  '',
  `${WIRE}.`,
  '',
  '“The bridge is safer than ever, Voss told reporters at City Hall.',
  '',
].join('\n');
const COPY = [
  'Bridge reopens in Porto Velho',
  '',
  `${WIRE}, officials said.`,
  '',
  'Clara Voss cut the ribbon.',
  '',
].join('\n');
const FARMS = [
  'Valley Farmers Expect Early Harvest',
  '',
  'Farmers across the Green Valley said warm weather had brought the apple harvest forward by three weeks.',
  '',
].join('\n');

describe('view requests over LSP', () => {
  let dir: string;
  let session: Session;
  const uri = (name: string): string => fileUri(path.join(dir, name));

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-views-'));
    writeFileSync(path.join(dir, 'bridge.article'), BRIDGE);
    writeFileSync(path.join(dir, 'copy.article'), COPY);
    writeFileSync(path.join(dir, 'farms.article'), FARMS);
    session = await Session.start(dir);
    await session.ready();
  });

  after(async () => {
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('entities: canonical names with types spelled out and counts; the filter narrows them', async () => {
    const all: EntityListResult = await session.connection.sendRequest(EntityListRequest.method, {});
    const voss = all.entities.find((e) => e.canonical === 'Clara Voss');
    assert.ok(voss, `entities: ${all.entities.map((e) => e.canonical).join(', ')}`);
    assert.equal(voss.type, 'PERSON');
    assert.equal(voss.typeLabel, 'Person (PERSON)');
    assert.equal(voss.fileCount, 2);
    assert.ok(voss.mentionCount >= 3, `${voss.mentionCount} mentions`);
    assert.equal(all.matched, all.entities.length);
    const filtered: EntityListResult = await session.connection.sendRequest(EntityListRequest.method, {
      filter: 'cvoss',
    });
    assert.deepEqual(
      filtered.entities.map((e) => e.canonical),
      ['Clara Voss'],
    );
  });

  test('an entity’s articles: titles from headlines, each mention with its range and corrections', async () => {
    const { articles }: { articles: EntityArticleItem[] } = await session.connection.sendRequest(
      EntityArticlesRequest.method,
      { canonical: 'Clara Voss' },
    );
    assert.deepEqual(articles.map((a) => a.uri).sort(), [uri('bridge.article'), uri('copy.article')]);
    const bridge = articles.find((a) => a.uri === uri('bridge.article'));
    assert.ok(bridge);
    assert.equal(bridge.title, 'Harbour Bridge Reopens After Two Years of Repairs');
    const first = bridge.mentions[0];
    assert.equal(first.text, 'Clara Voss');
    assert.equal(first.range.start.line, 2);
    assert.equal(first.notEntity.draft.kind, 'notEntity');
    assert.equal(first.notEntity.draft.anchor?.text, 'Clara Voss');
    assert.deepEqual(
      first.notEntity.prompt.scopes?.map((s) => s.scope),
      ['mention', 'article', 'corpus'],
    );
    assert.equal(first.changeType.prompt.ask, 'type');
    assert.ok(!first.changeType.prompt.items?.includes('PERSON'), 'its own type is not offered');
  });

  test('story clusters: the two bridge articles form one, titled by a headline; the farms stand alone', async () => {
    const result: StoryClustersResult = await session.connection.sendRequest(StoryClustersRequest.method, {});
    assert.equal(result.clusters.length, 1, JSON.stringify(result));
    const [cluster] = result.clusters;
    assert.deepEqual(cluster.members.map((m) => m.uri).sort(), [uri('bridge.article'), uri('copy.article')]);
    assert.ok(
      ['Harbour Bridge Reopens After Two Years of Repairs', 'Bridge reopens in Porto Velho'].includes(
        cluster.title,
      ),
      cluster.title,
    );
    assert.equal(cluster.members[0].links, 1);
    assert.equal(result.unclustered, 1);
  });

  test('Check Corpus: every indexed file, and the diagnostics of files no editor has open', async () => {
    const { uris }: { uris: string[] } = await session.connection.sendRequest(CorpusFilesRequest.method, {});
    assert.deepEqual(uris, [uri('bridge.article'), uri('copy.article'), uri('farms.article')]);
    const result: CheckFilesResult = await session.connection.sendRequest(CheckFilesRequest.method, {
      uris: [uri('bridge.article'), uri('copy.article'), uri('missing.article')],
    });
    assert.deepEqual(
      result.files.map((f) => f.uri),
      [uri('bridge.article'), uri('copy.article')],
      'an unknown file is left out',
    );
    const bridge = result.files[0].diagnostics;
    const codes = new Set(bridge.map((d) => String(d.code)));
    for (const code of ['entity.PERSON', 'duplicate.shared', 'quote.unbalanced'])
      assert.ok(codes.has(code), `${code} in ${[...codes].join(', ')}`);
    const lone = bridge.find((d) => d.code === 'quote.unbalanced');
    assert.ok(lone);
    // The warning covers the quote's first line, not only its mark.
    assert.equal(lone.range.start.line, 6);
    assert.equal(lone.range.start.character, 0);
    assert.equal(lone.range.end.character, BRIDGE.split('\n')[6].length);
    assert.ok(
      session.publishes.every((p) => p.diagnostics.length === 0),
      'nothing was published: no file is open',
    );
  });

  test('workspace symbols: one result per article at its own mention; an empty query lists the most mentioned', async () => {
    const voss = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, {
      query: 'Clara Voss',
    })) as SymbolInformation[];
    const hers = voss.filter((s) => s.name === 'Clara Voss');
    assert.deepEqual(hers.map((s) => s.location.uri).sort(), [uri('bridge.article'), uri('copy.article')]);
    const inCopy = hers.find((s) => s.location.uri === uri('copy.article'));
    assert.equal(inCopy?.location.range.start.line, 4, 'the copy’s own mention, not the first in the corpus');
    assert.match(
      inCopy?.containerName ?? '',
      /^Person \(PERSON\) · \d+ mentions in 2 articles · copy\.article$/,
    );
    const empty = (await session.connection.sendRequest(WorkspaceSymbolRequest.type, {
      query: '',
    })) as SymbolInformation[];
    assert.ok(empty.length > 0, 'an empty query lists entities');
    assert.equal(empty[0].name, 'Clara Voss', 'the most mentioned first');
    const once = empty.find((s) => /· 1 mention in 1 article ·/.test(s.containerName ?? ''));
    assert.ok(once, `singular counts: ${empty.map((s) => s.containerName).join(' | ')}`);
  });
});
