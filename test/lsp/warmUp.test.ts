// After indexing the server rehearses its open-document analysis on a few indexed articles until an article
// is opened: nothing is published for them, no file is written, and an article opened at once gets the
// same diagnostics as one opened after the warm-up.
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

async function warmedUp(session: Session): Promise<string> {
  const deadline = Date.now() + session.deadlineMs;
  for (;;) {
    const line = session.logs.find((l) => l.includes('analysis warmed up'));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no warm-up line in: ${session.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('analysis warm-up after indexing', () => {
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

    // Opened once the warm-up is over.
    const late = await Session.start(dir);
    let lateDiagnostics;
    try {
      await late.ready();
      const line = await warmedUp(late);
      const runs = Number(/(\d+) rehearsals/.exec(line)?.[1]);
      assert.ok(runs > 0, line);
      lateDiagnostics = await late.open(fileUri(target), targetText);
      assert.ok(lateDiagnostics.length > 0, 'the article has findings');
      assert.deepEqual(
        late.publishes.filter((p) => p.uri !== fileUri(target)).map((p) => p.uri),
        [],
        'no diagnostics for articles that are not open',
      );
    } finally {
      await late.stop();
    }

    // Opened at once: the warm-up ends when the article comes, and the findings are the same.
    const early = await Session.start(dir);
    try {
      await early.ready();
      assert.deepEqual(await early.open(fileUri(target), targetText), lateDiagnostics);
      await warmedUp(early);
    } finally {
      await early.stop();
    }
    const after = readdirSync(dir).map((f) => [
      f,
      statSync(path.join(dir, f)).mtimeMs,
      readFileSync(path.join(dir, f), 'utf8'),
    ]);
    assert.deepEqual(after, before, 'the workspace is unchanged');
    rmSync(dir, { recursive: true, force: true });
  });
});
