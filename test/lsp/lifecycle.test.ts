// The LSP lifecycle over raw stdio: requests before `initialize` get ServerNotInitialized and notifications
// are dropped, a second `initialize` and any request after `shutdown` get InvalidRequest, and `exit` ends
// the process with 0 after `shutdown`, 1 without.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { RawServer } from './raw';

const ServerNotInitialized = -32002;
const InvalidRequest = -32600;

describe('lifecycle', () => {
  let dir: string;
  let root: string;
  let server: RawServer | undefined;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-lsp-lifecycle-'));
    root = pathToFileURL(dir).href;
  });
  afterEach(() => server?.kill());
  after(() => rmSync(dir, { recursive: true, force: true }));

  const open = (s: RawServer, name: string) => {
    const uri = `${root}/${name}`;
    s.notify('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: 'article',
        version: 1,
        text: 'Mayor Clara Voss spoke in Porto Velho.',
      },
    });
    return uri;
  };

  test('before initialize: requests get ServerNotInitialized, notifications are dropped, then initialize works', async () => {
    const s = (server = RawServer.start());
    const early = await s.request('workspace/symbol', { query: '' });
    assert.equal(early.error?.code, ServerNotInitialized);
    assert.equal(early.result, undefined);
    const hover = await s.request('textDocument/hover', {
      textDocument: { uri: `${root}/a.article` },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover.error?.code, ServerNotInitialized);
    const dropped = open(s, 'early.article');

    const init = await s.initialize(root);
    assert.ok(init.result && typeof init.result === 'object' && 'capabilities' in init.result);
    // Documents are analysed in the order they were opened: once the later one has its diagnostics, the
    // early one would have had them too had its didOpen not been dropped.
    const later = open(s, 'later.article');
    await s.notification(
      'textDocument/publishDiagnostics',
      (p) => (p as PublishDiagnosticsParams).uri === later,
    );
    const published = s.notifications('textDocument/publishDiagnostics') as PublishDiagnosticsParams[];
    assert.ok(!published.some((p) => p.uri === dropped), 'the didOpen sent before initialize was dropped');
    const symbols = await s.request('workspace/symbol', { query: '' });
    assert.equal(symbols.error, undefined);
    assert.ok(Array.isArray(symbols.result));
  });

  test('a second initialize is an InvalidRequest', async () => {
    const s = (server = RawServer.start());
    await s.initialize(root);
    const again = await s.request('initialize', { processId: null, rootUri: root, capabilities: {} });
    assert.equal(again.error?.code, InvalidRequest);
  });

  test('after shutdown: requests get InvalidRequest, notifications are dropped, exit ends with code 0', async () => {
    const s = (server = RawServer.start());
    await s.initialize(root);
    const shutdown = await s.request('shutdown');
    assert.equal(shutdown.error, undefined);
    assert.equal(shutdown.result, null);
    const late = await s.request('workspace/symbol', { query: '' });
    assert.equal(late.error?.code, InvalidRequest);
    const twice = await s.request('shutdown');
    assert.equal(twice.error?.code, InvalidRequest);
    const uri = open(s, 'late.article');
    const ping = await s.request('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.equal(ping.error?.code, InvalidRequest);
    s.notify('exit');
    assert.deepEqual(await s.exited(), { code: 0, signal: null });
    assert.deepEqual(
      s.notifications('textDocument/publishDiagnostics'),
      [],
      'the didOpen after shutdown was dropped',
    );
  });

  test('requests the client refuses (registrations, refreshes) do not end the server', async () => {
    const s = (server = RawServer.start());
    s.refuseRequests = true;
    await s.initialize(root, {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        codeLens: { refreshSupport: true },
        semanticTokens: { refreshSupport: true },
      },
    });
    const uri = open(s, 'refused.article');
    await s.notification(
      'textDocument/publishDiagnostics',
      (p) => (p as PublishDiagnosticsParams).uri === uri,
    );
    await s.message(
      (m) => 'method' in m && m.method === 'workspace/codeLens/refresh',
      'a code lens refresh request',
    );
    const symbols = await s.request('workspace/symbol', { query: '' });
    assert.ok(Array.isArray(symbols.result), 'still answering');
    assert.equal(s.proc.exitCode, null);
  });

  test('exit without shutdown ends with code 1', async () => {
    const s = (server = RawServer.start());
    await s.initialize(root);
    s.notify('exit');
    assert.deepEqual(await s.exited(), { code: 1, signal: null });
  });

  test('exit before initialize ends with code 1', async () => {
    const s = (server = RawServer.start());
    s.notify('exit');
    assert.deepEqual(await s.exited(), { code: 1, signal: null });
  });
});
