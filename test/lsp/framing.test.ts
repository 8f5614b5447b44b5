// Broken input over stdio: a frame header the server cannot read, a body that is not JSON, or an input that
// ends inside a message make the server say why (stderr, and the client's log while it can still write) and
// exit with a non-zero code, so the client restarts it instead of talking to a server that never answers.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { RawServer } from './raw';

describe('framing errors', () => {
  let server: RawServer | undefined;
  afterEach(() => server?.kill());

  test('a header line without a colon: exits non-zero and says the header is malformed', async () => {
    const s = (server = RawServer.start());
    s.write('garbage\r\n\r\n');
    const exit = await s.exited();
    assert.notEqual(exit.code, 0);
    assert.equal(exit.signal, null);
    assert.match(s.stderr, /unreadable message from the client/i);
    assert.match(s.stderr, /header/i);
  });

  test('a header without Content-Length after initialize: exits non-zero, on stderr and in the client log', async () => {
    const s = (server = RawServer.start());
    await s.initialize();
    s.write('Content-Type: application/vscode-jsonrpc\r\n\r\n{}');
    const exit = await s.exited();
    assert.notEqual(exit.code, 0);
    assert.match(s.stderr, /Content-Length/);
    const logged = s
      .notifications('window/logMessage')
      .some((p) =>
        /unreadable message from the client.*Content-Length/s.test((p as { message: string }).message),
      );
    assert.ok(logged, 'the error is in the client log too');
  });

  test('a Content-Length that is not a number: exits non-zero', async () => {
    const s = (server = RawServer.start());
    s.write('Content-Length: ten\r\n\r\n0123456789');
    assert.notEqual((await s.exited()).code, 0);
    assert.match(s.stderr, /Content-Length/);
  });

  test('a body that is not JSON: exits non-zero', async () => {
    const s = (server = RawServer.start());
    await s.initialize();
    s.write('Content-Length: 10\r\n\r\n{not json}');
    assert.notEqual((await s.exited()).code, 0);
    assert.match(s.stderr, /unreadable message from the client/i);
  });

  test('Content-Length 1000 with a 10-byte body, then the input ends: exits non-zero and says so', async () => {
    const s = (server = RawServer.start());
    await s.initialize();
    s.write('Content-Length: 1000\r\n\r\n0123456789');
    s.proc.stdin.end();
    const exit = await s.exited();
    assert.notEqual(exit.code, 0);
    assert.match(s.stderr, /input ended inside a message/i);
    assert.match(s.stderr, /10 of 1000/);
  });

  test('the input ends inside a header: exits non-zero and says so', async () => {
    const s = (server = RawServer.start());
    s.write('Content-Len');
    s.proc.stdin.end();
    assert.notEqual((await s.exited()).code, 0);
    assert.match(s.stderr, /input ended inside a message header/i);
  });

  test('the input ends between messages without shutdown: exits 1; after shutdown: exits 0', async () => {
    const a = (server = RawServer.start());
    await a.initialize();
    a.proc.stdin.end();
    assert.equal((await a.exited()).code, 1);
    assert.match(a.stderr, /input closed before shutdown/i);
    const b = (server = RawServer.start());
    await b.initialize();
    await b.request('shutdown');
    b.proc.stdin.end();
    assert.equal((await b.exited()).code, 0);
  });
});
