// The language server over stdio, as an editor drives it: indexing and readiness, diagnostics per version
// with codes, ranges and severities, hover, references, workspace symbols, code actions, code lens, the
// related-articles request and command, settings changes and the problem cap's note, file-watcher events,
// rapid edits and bad input.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DiagnosticSeverity,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type Diagnostic,
  type Location,
  type MarkupContent,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { lineIndex } from '../../server/src/analysis/text/lines';
import {
  ClientCommands,
  DIAGNOSTIC_SOURCE,
  RelatedArticlesRequest,
  ServerCommands,
  type RelatedArticlesResult,
} from '../../server/src/protocol';
import { fileUri, Session } from './session';

const SHARED =
  'Engineers from the Northern Transit Authority replaced every cable on the span during the two-year project';
const REPEATED = 'Mayor Clara Voss said on Monday that the harbour bridge would reopen to traffic next week.';
const LONE = '“This year the traffic will be lighter than before, said a council member.';
const HARBOUR = [
  'Harbour Bridge Reopens After Two Years of Repairs',
  '',
  `PORTO VELHO (Wire) — ${REPEATED}`,
  '',
  '"The bridge is open again, and it is safer than ever," Voss told reporters at City Hall.',
  '',
  `${SHARED}.`,
  '',
  REPEATED,
  '',
  LONE,
  '',
].join('\n');
const COPY = ['Bridge reopens in Porto Velho', '', `${SHARED}, officials said.`, ''].join('\n');
const OTHER = [
  'Valley Farmers Expect Early Harvest',
  '',
  'Farmers across the Green Valley said warm weather had brought the apple harvest forward by three weeks.',
  '',
].join('\n');

const KNOWN_CODE =
  /^(entity\.(PERSON|ORG|GPE|LOC|NORP|FAC|EVENT|DATE|TIME|MONEY|PERCENT|CARDINAL)|quote|quote\.scare|quote\.unbalanced|duplicate\.(repeat|shared|boilerplate))$/;

const offsets = (text: string, range: Range): { start: number; end: number } => {
  const lines = lineIndex(text);
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
};
const slice = (text: string, range: Range): string => {
  const { start, end } = offsets(text, range);
  return text.slice(start, end);
};
const applyEdits = (text: string, edits: TextEdit[]): string => {
  const spans = edits
    .map((e) => ({ ...offsets(text, e.range), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  for (const s of spans) text = text.slice(0, s.start) + s.newText + text.slice(s.end);
  return text;
};
const editsOf = (edit: WorkspaceEdit | undefined, uri: string): TextEdit[] => {
  if (!edit) return [];
  if (edit.changes?.[uri]) return edit.changes[uri];
  for (const c of edit.documentChanges ?? [])
    if ('edits' in c && c.textDocument.uri === uri) return c.edits as TextEdit[];
  return [];
};

describe('language server on a workspace of articles', () => {
  let dir: string;
  let session: Session;
  let harbourUri: string;
  let copyUri: string;
  let diagnostics: Diagnostic[];
  let harbourVersion = 1;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-lsp-'));
    mkdirSync(path.join(dir, 'wire'));
    writeFileSync(path.join(dir, 'harbour.article'), HARBOUR);
    writeFileSync(path.join(dir, 'wire', 'harbour-copy.txt'), COPY);
    writeFileSync(path.join(dir, 'other.article'), OTHER);
    writeFileSync(path.join(dir, 'notes.md'), `${SHARED}.\n`);
    writeFileSync(path.join(dir, 'big.txt'), 'The council met again today. '.repeat(75_000));
    writeFileSync(path.join(dir, 'binary.article'), Buffer.from([0x48, 0x00, 0x01, 0xff, 0x00, 0x41]));
    harbourUri = fileUri(path.join(dir, 'harbour.article'));
    copyUri = fileUri(path.join(dir, 'wire', 'harbour-copy.txt'));
    session = await Session.start(dir);
  });

  after(async () => {
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('indexes the workspace with work-done progress, a prefix of an oversized file, no binary file, then reports ready', async () => {
    const ready = await session.ready();
    assert.equal(ready.indexed, 4, 'harbour.article, other.article, wire/harbour-copy.txt, big.txt');
    assert.equal(ready.total, 4);
    const kinds = session.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const messages = session.statuses.map((s) => s.message ?? '').join('\n');
    assert.match(
      messages,
      /big\.txt: only the first 512 KB of 2,125 KB analysed \(articleLens\.maxFileSizeKB is 512 KB\)/,
    );
    assert.match(messages, /binary\.article: not analysed: binary content/);
    const watchers = JSON.stringify(session.registrations);
    assert.match(watchers, /workspace\/didChangeWatchedFiles/);
    assert.match(watchers, /\*\*\/\*\.article/);
  });

  test('publishes diagnostics for the opened version, from Article Lens with known codes and in-bounds ranges', async () => {
    diagnostics = await session.open(harbourUri, HARBOUR, 1);
    const lines = lineIndex(HARBOUR);
    const last = lines.positionAt(HARBOUR.length);
    for (const d of diagnostics) {
      assert.equal(d.source, DIAGNOSTIC_SOURCE);
      assert.match(String(d.code), KNOWN_CODE);
      const { start, end } = offsets(HARBOUR, d.range);
      assert.ok(start <= end && end <= HARBOUR.length, `range in bounds: ${JSON.stringify(d.range)}`);
      assert.ok(d.range.end.line <= last.line);
    }
  });

  test('a repeated passage is a Warning on the later copy, linked to the first copy', () => {
    const repeat = diagnostics.find((d) => d.code === 'duplicate.repeat');
    assert.ok(repeat, 'a duplicate.repeat diagnostic');
    assert.equal(repeat.severity, DiagnosticSeverity.Warning);
    const second = HARBOUR.lastIndexOf(REPEATED);
    const { start, end } = offsets(HARBOUR, repeat.range);
    assert.ok(start >= second && end <= second + REPEATED.length, 'on the second copy');
    assert.ok(slice(HARBOUR, repeat.range).split(/\s+/).length >= 8);
    const first = repeat.relatedInformation?.[0];
    assert.ok(first);
    assert.equal(first.location.uri, harbourUri);
    const f = offsets(HARBOUR, first.location.range);
    assert.ok(f.start >= HARBOUR.indexOf(REPEATED) && f.end <= HARBOUR.indexOf(REPEATED) + REPEATED.length);
  });

  test('an unbalanced quote mark is a Warning on the first line of its quote, and its quick fix inserts the missing mark', async () => {
    const lone = diagnostics.find((d) => d.code === 'quote.unbalanced');
    assert.ok(lone, 'a quote.unbalanced diagnostic');
    assert.equal(lone.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(offsets(HARBOUR, lone.range), {
      start: HARBOUR.indexOf('“'),
      end: HARBOUR.indexOf(LONE) + LONE.length,
    });
    const actions = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: harbourUri },
      range: lone.range,
      context: { diagnostics: [lone], only: ['quickfix'] },
    });
    const fix = actions?.find((a) => 'kind' in a && a.kind === 'quickfix' && /quote mark/.test(a.title));
    assert.ok(fix && 'edit' in fix);
    const fixed = applyEdits(HARBOUR, editsOf(fix.edit, harbourUri));
    assert.equal(fixed.length, HARBOUR.length + 1);
    await session.change(harbourUri, 2, fixed);
    const after = await session.diagnostics(harbourUri, 2);
    assert.ok(!after.some((d) => d.code === 'quote.unbalanced'), 'the warning is gone after the fix');
    await session.change(harbourUri, 3, HARBOUR);
    diagnostics = await session.diagnostics(harbourUri, 3);
    harbourVersion = 3;
  });

  test('"Remove repeated passage" and the source action delete the later copy only', async () => {
    const repeat = diagnostics.find((d) => d.code === 'duplicate.repeat');
    assert.ok(repeat);
    const actions = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: harbourUri },
      range: repeat.range,
      context: { diagnostics: [repeat] },
    });
    const fix = actions?.find((a) => a.title === 'Remove repeated passage');
    assert.ok(fix && 'edit' in fix);
    const fixed = applyEdits(HARBOUR, editsOf(fix.edit, harbourUri));
    assert.equal(fixed.split(REPEATED).length - 1, 1, 'one copy left');
    assert.ok(fixed.includes(`PORTO VELHO (Wire) — ${REPEATED}`), 'the first copy stays');
    const source = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: harbourUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    });
    const all = source?.find((a) => 'kind' in a && a.kind === 'source.articleLens.removeRepeats');
    assert.ok(all && 'edit' in all);
    assert.equal(applyEdits(HARBOUR, editsOf(all.edit, harbourUri)).split(REPEATED).length - 1, 1);
  });

  test('a passage shared with another article is Information, linked to the exact range there', () => {
    const shared = diagnostics.find((d) => d.code === 'duplicate.shared');
    assert.ok(shared, 'a duplicate.shared diagnostic');
    assert.equal(shared.severity, DiagnosticSeverity.Information);
    assert.match(String(shared.message), /\d+% similar/);
    const link = shared.relatedInformation?.find((r) => r.location.uri === copyUri);
    assert.ok(link, 'related information points at the copy');
    const there = offsets(COPY, link.location.range);
    assert.ok(
      there.start >= COPY.indexOf(SHARED) - 1 && there.end <= COPY.indexOf(SHARED) + SHARED.length + 1,
    );
  });

  test('entity mentions are Hints with a hover, corpus references and workspace symbols', async () => {
    const entities = diagnostics.filter((d) => String(d.code).startsWith('entity.'));
    assert.ok(entities.length > 0);
    for (const d of entities) assert.equal(d.severity, DiagnosticSeverity.Hint);
    const mention = entities[0];
    const type = String(mention.code).slice('entity.'.length);
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: harbourUri },
      position: mention.range.start,
    });
    assert.ok(hover);
    const value = (hover.contents as MarkupContent).value;
    // The type is spelled out, its code beside it: **Place (GPE)**.
    assert.match(value, new RegExp(`\\*\\*[A-Z][a-z]+ \\(${type}\\)\\*\\*`));
    assert.match(value, /Mentions: \d+ in this article/);
    const refs = await session.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: harbourUri },
      position: mention.range.start,
      context: { includeDeclaration: true },
    });
    assert.ok(refs?.some((r) => r.uri === harbourUri && r.range.start.line === mention.range.start.line));
    const name = slice(HARBOUR, mention.range);
    const symbols = await session.connection.sendRequest(WorkspaceSymbolRequest.type, {
      query: name.slice(0, 4),
    });
    assert.ok(Array.isArray(symbols) && symbols.length > 0, `a workspace symbol for ${name}`);
  });

  test('the related-articles request and the server command return the same ranked targets', async () => {
    const result: RelatedArticlesResult = await session.connection.sendRequest(
      RelatedArticlesRequest.method,
      {
        textDocument: { uri: harbourUri },
      },
    );
    assert.ok(Array.isArray(result.items));
    assert.equal(typeof result.sharedPassages, 'number');
    for (const item of result.items) {
      assert.ok(item.score >= 0 && item.score <= 1);
      assert.ok(item.title.length > 0);
      assert.ok(Array.isArray(item.reasons));
    }
    const locations = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.relatedArticles,
      arguments: [{ textDocument: { uri: harbourUri } }],
    })) as Location[];
    assert.deepEqual(
      locations.map((l) => l.uri),
      result.items.map((i) => i.uri),
    );
    assert.ok(
      result.items.some((i) => i.uri === copyUri),
      'the copy is related',
    );
    // A file the editor has not opened answers from the index.
    const fromClosed = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.relatedArticles,
      arguments: [copyUri],
    })) as Location[];
    assert.ok(Array.isArray(fromClosed));
    assert.ok(
      fromClosed.some((l) => l.uri === harbourUri),
      'the original is related to the copy',
    );
  });

  test('semantic tokens are five integers per token, one per entity or quote piece', async () => {
    const tokens = await session.connection.sendRequest(SemanticTokensRequest.type, {
      textDocument: { uri: harbourUri },
    });
    assert.ok(tokens);
    assert.equal(tokens.data.length % 5, 0);
    assert.ok(tokens.data.length > 0, 'entities and quotes give tokens');
  });

  test('a code lens on the first line counts related articles and shared passages', async () => {
    const lenses = await session.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri: harbourUri },
    });
    assert.equal(lenses?.length, 1);
    const lens = lenses[0];
    assert.equal(lens.range.start.line, 0);
    assert.equal(lens.command?.command, ClientCommands.showRelatedArticles);
    assert.match(lens.command?.title ?? '', /^\d+ related · \d+ shared passages?$/);
  });

  test('settings: invalid values fall back with a log, severities can be turned off, the problem cap holds', async () => {
    session.configuration = { severity: { entity: 'loud' }, diagnostics: { maxNumberOfProblems: 1 } };
    let next = session.nextPublish(harbourUri);
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const capped = await next;
    assert.equal(capped.version, harbourVersion);
    // The one most severe finding, and a note first saying how many the cap left out.
    assert.equal(capped.diagnostics.length, 2);
    const [note, kept] = capped.diagnostics;
    assert.equal(note.code, 'diagnostics.truncated');
    assert.equal(note.severity, DiagnosticSeverity.Information);
    assert.equal(
      note.message,
      `Article Lens: ${diagnostics.length - 1} more findings not shown (articleLens.diagnostics.maxNumberOfProblems = 1)`,
    );
    assert.equal(kept.severity, DiagnosticSeverity.Warning);
    assert.ok(session.logs.some((l) => /ignored invalid settings.*severity\.entity/.test(l)));

    const off = Object.fromEntries(
      ['entity', 'quote', 'quoteUnbalanced', 'repeat', 'shared', 'boilerplate'].map((k) => [k, 'off']),
    );
    session.configuration = { severity: off };
    next = session.nextPublish(harbourUri);
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual((await next).diagnostics, []);

    session.configuration = null;
    next = session.nextPublish(harbourUri);
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual(
      (await next).diagnostics.map((d) => d.code),
      diagnostics.map((d) => d.code),
    );
  });

  test('over the default cap of 1000, the note counts the findings left out', async () => {
    const uri = fileUri(path.join(dir, 'many.article'));
    const text = `${HARBOUR}\n`.repeat(200);
    try {
      await capNote(uri, text);
    } finally {
      session.configuration = null;
      await session.connection.sendNotification(DidCloseTextDocumentNotification.type, {
        textDocument: { uri },
      });
      await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    }
  });

  const capNote = async (uri: string, text: string): Promise<void> => {
    const published = await session.open(uri, text, 1);
    assert.equal(published.length, 1001);
    const note = published[0];
    const m =
      /^Article Lens: ([\d,]+) more findings not shown \(articleLens\.diagnostics\.maxNumberOfProblems = 1000\)$/.exec(
        String(note.message),
      );
    assert.ok(m, String(note.message));
    assert.deepEqual(note.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.ok(m[1].includes(','), `thousands are separated: ${m[1]}`);
    const left = Number(m[1].replace(/,/g, ''));

    session.configuration = { diagnostics: { maxNumberOfProblems: 1_000_000 } };
    const next = session.nextPublish(uri);
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const all = (await next).diagnostics;
    assert.equal(all.length, 1000 + left, 'the note counted every finding left out');
    assert.ok(!all.some((d) => d.code === 'diagnostics.truncated'), 'no note when nothing is left out');
  };

  test('file-watcher events add and remove articles from the index', async () => {
    const file = path.join(dir, 'late.article');
    writeFileSync(file, 'Late Story\n\nA late story about the valley harvest.\n');
    let status = session.nextStatus((s) => s.indexed === 5, 'indexed 5');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(file), type: FileChangeType.Created }],
    });
    assert.equal((await status).total, 5);
    unlinkSync(file);
    status = session.nextStatus((s) => s.indexed === 4, 'indexed 4');
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(file), type: FileChangeType.Deleted }],
    });
    assert.equal((await status).total, 4);
  });

  test('100 rapid edits: the last publish carries the final version', async () => {
    const uri = fileUri(path.join(dir, 'typing.article'));
    await session.open(uri, '', 1);
    const started = session.publishes.length;
    const final = 101;
    const sent: Promise<void>[] = [];
    let text = '';
    const words = `${HARBOUR}`.split(/(?<=\s)/);
    for (let v = 2; v <= final; v++) {
      text += words[(v - 2) % words.length];
      sent.push(session.change(uri, v, text));
    }
    await Promise.all(sent);
    const last = await session.diagnostics(uri, final);
    // A request round trip after the final publish: nothing older may arrive behind it.
    await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'zzzz' });
    const versions = session.publishes
      .slice(started)
      .filter((p) => p.uri === uri)
      .map((p) => p.version ?? -1);
    assert.equal(versions[versions.length - 1], final);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'versions are published in order',
    );
    for (const d of last) assert.ok(offsets(text, d.range).end <= text.length);
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  });
});

describe('language server on bad input', () => {
  let dir: string;
  let session: Session;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-lsp-bad-'));
    session = await Session.start(dir);
    await session.ready();
  });

  after(async () => {
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const openAndClose = async (name: string, text: string): Promise<Diagnostic[]> => {
    const uri = fileUri(path.join(dir, name));
    const diagnostics = await session.open(uri, text, 1);
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.ok(hover === null || typeof hover === 'object');
    await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics },
    });
    await session.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
    return diagnostics;
  };

  test('binary bytes publish one notice; a 2 MB buffer is analysed up to the size limit and says so', async () => {
    const binary = await openAndClose('binary.article', 'ab\u0000\u0001\uFFFDcd');
    assert.deepEqual(
      binary.map((d) => [d.code, d.message]),
      [['limit', 'Article Lens: not analysed: binary content.']],
    );
    const huge = `${HARBOUR}\n`.repeat(Math.ceil(2_000_000 / HARBOUR.length));
    const hugeDiagnostics = await openAndClose('huge.article', huge);
    const notice = hugeDiagnostics.find((d) => d.code === 'limit');
    assert.match(String(notice?.message ?? ''), /only the first 512 KB of 1,9\d\d KB analysed/);
    const limit = 512 * 1024;
    const findings = hugeDiagnostics.filter((d) => d.code !== 'limit');
    assert.ok(findings.length > 0, 'the prefix is analysed');
    for (const d of findings) assert.ok(offsets(huge, d.range).end <= limit, 'nothing past the limit');
    const messages = session.statuses.map((s) => s.message ?? '').join('\n');
    assert.match(messages, /huge\.article: only the first 512 KB/);
    assert.match(messages, /binary\.article: not analysed: binary content/);
  });

  test('empty text and a lone quote mark are analysed without a crash', async () => {
    assert.deepEqual(await openAndClose('empty.article', ''), []);
    for (const d of await openAndClose('lone.article', '"')) {
      assert.ok(offsets('"', d.range).end <= 1);
    }
    for (const d of await openAndClose('curly.article', '“')) {
      assert.ok(offsets('“', d.range).end <= 1);
    }
  });

  test('CRLF line endings and emoji never shift a range', async () => {
    // Shared-passage findings depend on which copies the index holds at that moment, so compare the rest.
    const corpusFree = (ds: Diagnostic[]) =>
      ds.filter((d) => d.code !== 'duplicate.shared' && d.code !== 'duplicate.boilerplate');
    const openOwn = async (name: string, text: string) => corpusFree(await openAndClose(name, text));
    const lf = await openOwn('lf.article', HARBOUR);
    const crlfText = HARBOUR.replace(/\n/g, '\r\n');
    const crlf = await openOwn('crlf.article', crlfText);
    assert.deepEqual(
      crlf.map((d) => [d.code, d.range.start.line, slice(crlfText, d.range).replace(/\r\n/g, '\n')]),
      lf.map((d) => [d.code, d.range.start.line, slice(HARBOUR, d.range)]),
    );
    const emojiText = `🙂🙂 ${HARBOUR}`;
    const emoji = await openOwn('emoji.article', emojiText);
    const body = (ds: Diagnostic[], text: string) =>
      ds.filter((d) => d.range.start.line > 0).map((d) => [d.code, d.range.start.line, slice(text, d.range)]);
    assert.deepEqual(body(emoji, emojiText), body(lf, HARBOUR));
    assert.ok(lf.length > 3, 'the fixture yields entities, quotes and repeats');
  });

  test('the server is still running and answering', async () => {
    const symbols = await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' });
    assert.ok(Array.isArray(symbols));
    assert.equal(session.exited, null);
  });
});
