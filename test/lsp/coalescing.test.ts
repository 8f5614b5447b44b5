// Fast typing over stdio: a burst of didChange notifications sent back to back is analysed once, on its
// last version (no stale version is published), soon after the last edit, with the diagnostics a fresh
// analysis of the final text gives; and a long analysis of one file does not hold up requests on another.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  HoverRequest,
  type Diagnostic,
  type DidChangeTextDocumentParams,
} from 'vscode-languageserver-protocol/node';
import { repoRoot } from '../support/built';
import { fileUri, Session } from './session';

const EDITS = 1000;
const corpusDir = path.join(repoRoot, 'samples/corpus');
const corpusFiles = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const corpusText = corpusFiles.map((f) => readFileSync(path.join(corpusDir, f), 'utf8')).join('\n');

/** Diagnostics as comparable values (ranges, codes, messages, severities and links). */
const comparable = (ds: Diagnostic[]): string[] => ds.map((d) => JSON.stringify(d)).sort();

/** `count` edits typing the corpus word by word at the end of an empty document, as incremental sync sends them. */
function typing(uri: string, count: number): { edits: DidChangeTextDocumentParams[]; text: string } {
  const words = corpusText.split(/(?<=\s)/);
  const lines = { line: 0, character: 0 };
  let text = '';
  const edits: DidChangeTextDocumentParams[] = [];
  for (let i = 0; i < count; i++) {
    const word = words[i % words.length];
    const end = { ...lines };
    text += word;
    const last = text.lastIndexOf('\n');
    lines.line += word.split('\n').length - 1;
    lines.character = last < 0 ? text.length : text.length - last - 1;
    edits.push({
      textDocument: { uri, version: i + 2 },
      contentChanges: [{ range: { start: end, end }, text: word }],
    });
  }
  return { edits, text };
}

/** LSP frames of notifications, as one buffer: the client writes the whole burst at once. */
function frames(method: string, params: readonly unknown[]): Buffer {
  return Buffer.concat(
    params.map((p) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method, params: p }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    }),
  );
}

describe('a burst of edits over stdio', () => {
  let dir: string;
  let session: Session;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-lsp-burst-'));
    // Corpus files, so shared-passage findings are part of what must come out right.
    for (const f of corpusFiles.slice(0, 4))
      writeFileSync(path.join(dir, f), readFileSync(path.join(corpusDir, f)));
    session = await Session.start(dir);
    await session.ready();
  });

  after(async () => {
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const versionsSince = (start: number, uri: string): (number | undefined)[] =>
    session.publishes
      .slice(start)
      .filter((p) => p.uri === uri)
      .map((p) => p.version);

  test(`${EDITS} edits written at once: only the final version is published, within 1 s, as a fresh analysis gives`, async () => {
    const uri = fileUri(path.join(dir, 'typing.article'));
    await session.open(uri, '', 1);
    const start = session.publishes.length;
    const { edits, text } = typing(uri, EDITS);
    await new Promise<void>((resolve, reject) =>
      session.proc.stdin.write(frames(DidChangeTextDocumentNotification.method, edits), (e) =>
        e ? reject(e) : resolve(),
      ),
    );
    const lastEdit = performance.now();
    const final = EDITS + 1;
    const diagnostics = await session.diagnostics(uri, final);
    const latency = performance.now() - lastEdit;
    const versions = versionsSince(start, uri);
    console.log(
      `${EDITS} edits in one write: ${versions.length} publish(es), final diagnostics ${latency.toFixed(0)} ms after the last edit`,
    );
    assert.ok(diagnostics.length > 0, 'the typed text has findings');
    assert.deepEqual(versions, [final], 'only the final version is published');
    assert.ok(latency < 1000, `final diagnostics ${latency.toFixed(0)} ms after the last edit`);

    // A fresh analysis of the same text: close, then open it again as a new document.
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
    // A new version number: the harness would otherwise match the first open's publish.
    const fresh = await session.open(uri, text, final + 1);
    assert.deepEqual(comparable(diagnostics), comparable(fresh));
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  });

  test(`${EDITS} edits sent one by one: a few publishes in version order, the final one within 1 s`, async () => {
    const uri = fileUri(path.join(dir, 'typing2.article'));
    await session.open(uri, '', 1);
    const start = session.publishes.length;
    const { edits, text } = typing(uri, EDITS);
    await Promise.all(
      edits.map((e) => session.connection.sendNotification(DidChangeTextDocumentNotification.type, e)),
    );
    const lastEdit = performance.now();
    const final = EDITS + 1;
    const diagnostics = await session.diagnostics(uri, final);
    const latency = performance.now() - lastEdit;
    const versions = versionsSince(start, uri);
    console.log(
      `${EDITS} edits one by one: ${versions.length} publish(es), final diagnostics ${latency.toFixed(0)} ms after the last edit`,
    );
    // The client's writes leave gaps; a version that is the latest when its analysis ends may be published.
    assert.ok(versions.length <= EDITS / 20, `${versions.length} publishes`);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    assert.equal(versions[versions.length - 1], final);
    assert.ok(latency < 1000, `final diagnostics ${latency.toFixed(0)} ms after the last edit`);
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
    const fresh = await session.open(uri, text, final + 1);
    assert.deepEqual(comparable(diagnostics), comparable(fresh));
  });

  test('a hover on another file is answered while a long analysis of a large file runs', async () => {
    const small = fileUri(path.join(dir, 'small.article'));
    const big = fileUri(path.join(dir, 'big.article'));
    await session.open(
      small,
      corpusFiles.length > 0 ? readFileSync(path.join(corpusDir, corpusFiles[0]), 'utf8') : '',
      1,
    );
    await session.open(big, '', 1);
    // About 120 KB of news text: an analysis of a second or more, with several stages.
    const bigText = `${corpusText}\n`.repeat(Math.ceil(120_000 / corpusText.length));
    let published: number | undefined;
    const bigDone = session.diagnostics(big, 2).then(() => (published = performance.now()));
    const changed = performance.now();
    await session.change(big, 2, bigText);
    const hovered = session.connection
      .sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: { line: 0, character: 1 } })
      .then(() => performance.now());
    const hoverAt = await hovered;
    await bigDone;
    assert.ok(published !== undefined);
    console.log(
      `hover answered ${(hoverAt - changed).toFixed(0)} ms after the edit; the large file's diagnostics after ${(published - changed).toFixed(0)} ms`,
    );
    assert.ok(hoverAt < published, 'the hover is answered before the long analysis ends');
  });
});
