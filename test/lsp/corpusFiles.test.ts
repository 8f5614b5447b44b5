// The corpus as the server reads it from disk: one identity per file whatever the URI spelling, BOMs,
// the size rule, workspace folders coming and going, and problems the user is told about.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { URI } from 'vscode-uri';
import {
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  FileChangeType,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import { fileUri, Session } from './session';

const WIRE = [
  'Harbour Cranes Return',
  '',
  'NORTHPORT (Wire) - Maria Keller, the harbour master of Northport, said the new cranes would double the',
  'number of container ships the port can load in one day before the winter storms arrive on the coast.',
  '',
].join('\n');

const OTHER = [
  'Port Expansion Approved',
  '',
  'Maria Keller, the harbour master of Northport, said the new cranes would double the number of container',
  'ships the port can load in one day before the winter storms arrive on the coast, officials confirmed.',
  '',
].join('\n');

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-files-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function withSession(
  dir: string,
  run: (s: Session) => Promise<void>,
  options: Parameters<typeof Session.start>[1] = {},
): Promise<void> {
  const session = await Session.start(dir, options);
  try {
    await run(session);
  } finally {
    await session.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const warnings = (s: Session): string => s.messages.map((m) => m.message).join('\n');

describe('files of the corpus', () => {
  test('a file named like "AP\'s story (copy).txt" is one article, however its URI is spelled', async () => {
    const dir = workspace({ "AP's story (copy).txt": WIRE, 'other.article': OTHER });
    await withSession(dir, async (s) => {
      await s.ready();
      const file = path.join(dir, "AP's story (copy).txt");
      const editorUri = URI.file(file).toString(); // how VS Code spells it
      const nodeUri = fileUri(file); // how Node spells it
      assert.notEqual(editorUri, nodeUri, 'the two spellings differ');
      const diagnostics = await s.open(editorUri, WIRE, 1, 'plaintext');
      const shared = diagnostics.filter((d) => d.code === 'duplicate.shared');
      assert.ok(shared.length > 0, 'the passage shared with other.article is found');
      for (const d of shared)
        for (const info of d.relatedInformation ?? [])
          assert.ok(
            !info.location.uri.includes('story'),
            `a file never shares with itself: ${info.location.uri}`,
          );
      const line = WIRE.split('\n')[2];
      const refs = (await s.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: editorUri },
        position: { line: 2, character: line.indexOf('Keller') },
        context: { includeDeclaration: true },
      })) as Location[];
      const keys = refs.map(
        (r) => `${URI.parse(r.uri).fsPath}:${r.range.start.line}:${r.range.start.character}`,
      );
      assert.equal(new Set(keys).size, keys.length, `no mention twice: ${keys.join(', ')}`);
      await s.connection.sendNotification(DidCloseTextDocumentNotification.type, {
        textDocument: { uri: editorUri },
      });

      let status = s.nextStatus(() => true, 'status after a change event');
      await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: nodeUri, type: FileChangeType.Changed }],
      });
      assert.equal((await status).total, 2, 'a change event in the other spelling adds no second entry');
      rmSync(file);
      status = s.nextStatus((st) => st.total === 1, 'the deleted file leaves the index');
      await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: nodeUri, type: FileChangeType.Deleted }],
      });
      assert.equal((await status).indexed, 1);
    });
  });

  test('a UTF-8 byte-order mark on disk does not shift line-0 positions', async () => {
    const text = 'Maria Keller opens the Northport harbour\n\nMaria Keller said the cranes were ready.\n';
    const dir = workspace({
      'bom.article': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    });
    await withSession(dir, async (s) => {
      await s.ready();
      const symbols = (await s.connection.sendRequest(WorkspaceSymbolRequest.type, {
        query: 'Keller',
      })) as SymbolInformation[];
      const onLine0 = symbols.filter((sym) => sym.location.range.start.line === 0);
      assert.ok(onLine0.length > 0, JSON.stringify(symbols));
      for (const sym of onLine0)
        assert.equal(sym.location.range.start.character, 0, 'as the editor shows it');
    });
  });

  test('the size limit is one rule (UTF-8 bytes) on disk and in an open buffer', async () => {
    // 700 KB of UTF-8 in fewer than 512 K UTF-16 units: the old rules disagreed on it.
    const line = `${'東京都の港湾局は新しいクレーンを発表した。'.repeat(10)}\n`;
    const text = line.repeat(Math.ceil((700 * 1024) / Buffer.byteLength(line)));
    assert.ok(text.length < 512 * 1024);
    const dir = workspace({ 'cjk.article': text });
    await withSession(dir, async (s) => {
      await s.ready();
      const fromDisk = s.statuses.map((st) => st.message ?? '').find((m) => m.startsWith('cjk.article'));
      assert.match(fromDisk ?? '', /only the first 512 KB of 7\d\d KB analysed/);
      const diagnostics = await s.open(fileUri(path.join(dir, 'cjk.article')), text);
      const notice = diagnostics.find((d) => d.code === 'limit');
      assert.match(String(notice?.message ?? ''), /only the first 512 KB of 7\d\d KB analysed/);
    });
  });

  test('removing a workspace folder removes its articles; a folder not on disk is reported', async () => {
    const dir = workspace({ 'a/one.article': WIRE, 'b/two.article': OTHER, 'b/three.article': OTHER });
    const a = fileUri(path.join(dir, 'a'));
    const b = fileUri(path.join(dir, 'b'));
    await withSession(
      dir,
      async (s) => {
        assert.equal((await s.ready()).total, 3);
        assert.match(warnings(s), /indexes folders on disk only; vscode-vfs:\/\/github\/x\/y is not indexed/);
        s.workspaceFolders = [{ uri: a, name: 'a' }];
        const after = s.nextStatus((st) => st.state === 'ready' && st.total === 1, 'ready with one article');
        await s.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
          event: { added: [], removed: [{ uri: b, name: 'b' }] },
        });
        await after;
      },
      { folders: [a, b, 'vscode-vfs://github/x/y'] },
    );
  });

  test('unusable include settings fall back to defaults and are shown once; unknown keys are named', async () => {
    const dir = workspace({ 'one.txt': WIRE, 'two.txt': OTHER });
    await withSession(
      dir,
      async (s) => {
        assert.equal((await s.ready()).total, 2, 'the default include still indexes the .txt files');
        const shown = warnings(s);
        assert.match(shown, /include: 123: not a string/);
        assert.match(shown, /include: "": empty pattern/);
        assert.match(shown, /no usable pattern, using \["\*\*\/\*\.txt"\]/);
        assert.match(shown, /nosuchsetting: unknown setting/);
        assert.match(shown, /severity\.colour: unknown setting/);
        assert.equal(s.messages.filter((m) => m.message.includes('nosuchsetting')).length, 1, 'once');
      },
      { configuration: { include: [123, null, ''], nosuchsetting: true, severity: { colour: 'red' } } },
    );
  });

  test('a glob that would take exponential time is refused at once; one that matches nothing is named', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 11; i++) files[`${'a'.repeat(40)}${i}.txt`] = WIRE;
    const dir = workspace(files);
    const started = Date.now();
    await withSession(
      dir,
      async (s) => {
        await s.ready();
        assert.ok(Date.now() - started < 8000, 'listing 11 files is quick');
        assert.match(warnings(s), /more than 2 '\*' in the segment/);
        assert.match(warnings(s), /pattern "drafts\/\*\*\/\*\.txt" matches no file/);
      },
      { configuration: { include: ['**/*a*a*a*a*a*a*a*a*a*a*a*a*a*b', 'drafts/**/*.txt'] } },
    );
  });

  test('symbolic link loops and dangling links are reported, and the rest is indexed', async () => {
    const dir = workspace({ 'news/one.article': WIRE });
    symlinkSync(path.join(dir, 'news'), path.join(dir, 'news', 'loop'));
    symlinkSync(path.join(dir, 'gone.article'), path.join(dir, 'news', 'dangling.article'));
    await withSession(dir, async (s) => {
      assert.equal((await s.ready()).total, 1);
      assert.match(warnings(s), /could not read .*(symbolic link loop|dangling)/);
    });
  });
});
