// A client that is slow to answer `workspace/configuration`, or never answers it: open documents still get
// diagnostics after the deadline (on the start-up settings, else the defaults), the user is told once, and
// an answer that comes late is applied to the document it was for.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, before, after, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { fileUri, Session } from './session';

const REPEATED = 'Mayor Clara Voss said on Monday that the harbour bridge would reopen to traffic next week.';
const TEXT = [
  'Harbour Bridge Reopens',
  '',
  REPEATED,
  '',
  '“The bridge is open again, Voss said.',
  '',
  REPEATED,
  '',
].join('\n');
const entityCodes = (ds: Diagnostic[]): string[] =>
  ds.map((d) => String(d.code)).filter((c) => c.startsWith('entity.'));
const timeoutNotices = (s: Session): string[] =>
  s.messages.map((m) => m.message).filter((m) => /did not answer workspace\/configuration/.test(m));

describe('workspace/configuration deadline', () => {
  let dir: string;
  let session: Session | undefined;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-lsp-config-'));
  });
  afterEach(async () => {
    await session?.stop();
    session = undefined;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('never answered: diagnostics on the start-up settings after about 2 s, and one notice', async () => {
    session = await Session.start(dir, {
      configurationDelay: 'never',
      initializationOptions: { settings: { severity: { entity: 'off' } } },
    });
    await session.ready();
    const opened = performance.now();
    const first = await session.open(fileUri(path.join(dir, 'a.article')), TEXT, 1);
    const ms = performance.now() - opened;
    assert.ok(ms >= 1500, `diagnostics after ${ms.toFixed(0)} ms: the server waited for the client first`);
    assert.ok(
      first.some((d) => d.code === 'duplicate.repeat'),
      'the document is analysed',
    );
    assert.deepEqual(entityCodes(first), [], 'on the start-up settings (entities off)');
    const second = await session.open(fileUri(path.join(dir, 'b.article')), TEXT, 1);
    assert.ok(second.some((d) => d.code === 'quote.unbalanced'));
    assert.equal(timeoutNotices(session).length, 1, 'the user is told once');
    assert.equal(session.logs.filter((l) => /did not answer workspace\/configuration/.test(l)).length, 1);
  });

  test('answered late: the defaults first, then the answer once it comes', async () => {
    session = await Session.start(dir, {
      configurationDelay: 3000,
      configuration: { severity: { entity: 'off' } },
    });
    await session.ready();
    const uri = fileUri(path.join(dir, 'late.article'));
    const first = await session.open(uri, TEXT, 1);
    assert.ok(entityCodes(first).length > 0, 'the defaults mark entities');
    const later = await session.nextPublish(uri, (p) => p.version === 1);
    assert.deepEqual(entityCodes(later.diagnostics), [], 'the late answer turns entities off');
    assert.ok(later.diagnostics.some((d) => d.code === 'duplicate.repeat'));
    assert.equal(timeoutNotices(session).length, 1);
  });
});
