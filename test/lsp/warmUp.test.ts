// The server rehearses its open-document analysis on a few indexed articles: at the end of a full indexing,
// before it reports ready, and after a start from a snapshot until an article is opened. Nothing is
// published for them, no article file is written, and an article gets the same diagnostics however warm.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileUri, Session } from './session';

const PARAGRAPHS = [
  'Maria Keller, the harbour master of Northport, said the new cranes would double the number of container ships the port can load in one day.',
  '"We have waited ten years for this," Keller told reporters on Tuesday at the Northport Harbour Authority offices.',
  'The Coastal Freight Union welcomed the plan, but its secretary, Tomas Brandt, warned that crews would need training before the winter storms.',
  'Officials in Westbury said the project would be paid for by the regional government and finished by the end of next year.',
];

function article(n: number): string {
  const lines = [`Harbour Report ${n}`, ''];
  // Long enough to be picked for a rehearsal (2 KB or more).
  for (let k = 0; k < 4; k++) lines.push(...PARAGRAPHS.map((p) => `${p} (${n}.${k})`), '');
  return lines.join('\n');
}

async function warmedUp(session: Session, kind = 'analysis warmed up'): Promise<string> {
  const deadline = Date.now() + session.deadlineMs;
  for (;;) {
    const line = session.logs.find((l) => l.includes(kind));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no warm-up line in: ${session.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The rehearsed articles are not open: the server published diagnostics for the open one alone. */
function assertOnlyPublishedFor(session: Session, file: string): void {
  assert.deepEqual(
    session.publishes.filter((p) => p.uri !== fileUri(file)).map((p) => p.uri),
    [],
    'no diagnostics for articles that are not open',
  );
}

describe('analysis warm-up', () => {
  test('rehearses without publishing or writing, and leaves diagnostics as they are', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-warmup-'));
    for (let n = 0; n < 5; n++) writeFileSync(path.join(dir, `report-${n}.txt`), article(n));
    const before = readdirSync(dir).map((f) => [
      f,
      statSync(path.join(dir, f)).mtimeMs,
      readFileSync(path.join(dir, f), 'utf8'),
    ]);
    const target = path.join(dir, 'report-2.txt');
    const targetText = readFileSync(target, 'utf8');

    const storage = mkdtempSync(path.join(os.tmpdir(), 'article-lens-warmup-storage-'));
    const withStorage = { initializationOptions: { storageUri: fileUri(storage) } };

    // A full indexing: the warm-up is over when the server reports ready.
    const cold = await Session.start(dir, withStorage);
    let coldDiagnostics;
    try {
      await cold.ready();
      const line = cold.logs.find((l) => l.includes('analysis warmed up before ready'));
      assert.ok(line, `no warm-up before ready in: ${cold.logs.join('\n')}`);
      assert.ok(Number(/(\d+) rehearsals/.exec(line)?.[1]) > 0, line);
      coldDiagnostics = await cold.open(fileUri(target), targetText);
      assert.ok(coldDiagnostics.length > 0, 'the article has findings');
      assertOnlyPublishedFor(cold, target);
    } finally {
      await cold.stop();
    }

    // A start from the snapshot: the warm-up runs after ready, and the article is opened once it is over.
    const warm = await Session.start(dir, withStorage);
    try {
      await warm.ready();
      const line = await warmedUp(warm, 'analysis warmed up:');
      assert.ok(Number(/(\d+) rehearsals/.exec(line)?.[1]) > 0, line);
      assert.deepEqual(await warm.open(fileUri(target), targetText), coldDiagnostics);
      assertOnlyPublishedFor(warm, target);
    } finally {
      await warm.stop();
    }

    // From the snapshot again, the article opened at once: the warm-up ends, and the findings are the same.
    const early = await Session.start(dir, withStorage);
    try {
      await early.ready();
      assert.deepEqual(await early.open(fileUri(target), targetText), coldDiagnostics);
      await warmedUp(early, 'analysis warmed up:');
    } finally {
      await early.stop();
    }
    rmSync(storage, { recursive: true, force: true });
    const after = readdirSync(dir).map((f) => [
      f,
      statSync(path.join(dir, f)).mtimeMs,
      readFileSync(path.join(dir, f), 'utf8'),
    ]);
    assert.deepEqual(after, before, 'the workspace is unchanged');
    rmSync(dir, { recursive: true, force: true });
  });
});
