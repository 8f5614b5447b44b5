// Hostile text through the real server: runs of quote marks that used to take a quadratic tokenizer
// 14–17 s are analysed in well under that, and a hover on another file is answered meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { fileUri, Session } from './session';

const OTHER =
  'Harbour Report\n\nMaria Keller, the harbour master of Northport, said the cranes were ready.\n';

test('60 KB of quote marks is analysed in seconds and does not hold up a hover on another file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-hostile-'));
  writeFileSync(path.join(dir, 'other.article'), OTHER);
  const session = await Session.start(dir);
  try {
    await session.ready();
    const other = fileUri(path.join(dir, 'other.article'));
    await session.open(other, OTHER);
    for (const unit of ['”', '“‘', '"Yes," she said. ']) {
      const uri = fileUri(path.join(dir, `marks-${unit.length}-${unit.charCodeAt(0)}.article`));
      const text = unit.repeat(Math.ceil(60_000 / unit.length));
      const started = performance.now();
      const diagnostics = session.open(uri, text);
      const hover = await session.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: other },
        position: { line: 2, character: 8 },
      });
      const hoverMs = performance.now() - started;
      assert.ok(hover, 'the hover on the other file is answered');
      const all = await diagnostics;
      const ms = performance.now() - started;
      // 14–17 s before the tokenizer was linear; a loaded CI machine gets a wide margin.
      assert.ok(ms < 8000, `${JSON.stringify(unit)} × 60 KB analysed in ${Math.round(ms)} ms`);
      assert.ok(hoverMs < 4000, `hover answered after ${Math.round(hoverMs)} ms`);
      for (const d of all) assert.ok(d.range.end.character <= text.length);
    }
  } finally {
    await session.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
