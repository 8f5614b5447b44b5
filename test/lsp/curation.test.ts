// Corrections through the language server as an editor drives them: code actions on a finding carry a
// draft correction; running ServerCommands.correct with it makes the server ask for a sidecar edit
// (workspace/applyEdit); the test applies that edit to the sidecar text, sends the sidecar change, and
// sees the article's diagnostics change. Also: lost anchors on the sidecar, rename edits, and the CLI
// giving the same corrected findings for the same corpus and sidecar.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  WillRenameFilesRequest,
  type CodeAction,
  type Command,
  type Diagnostic,
  type MarkupContent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { lineIndex } from '../../server/src/analysis/text/lines';
import {
  ClientCommands,
  LostCorrectionsRequest,
  ServerCommands,
  type CorrectionDraft,
  type CorrectionEditResult,
  type CorrectionPrompt,
} from '../../server/src/protocol';
import { cliPath } from '../support/built';
import { COUNCIL, DERBY } from './curation.fixture';
import { fileUri, Session } from './session';

const applyEdits = (text: string, edits: readonly TextEdit[]): string => {
  const lines = lineIndex(text);
  const spans = edits
    .map((e) => ({
      start: lines.offsetAt(e.range.start),
      end: lines.offsetAt(e.range.end),
      newText: e.newText,
    }))
    .sort((a, b) => b.start - a.start);
  for (const s of spans) text = text.slice(0, s.start) + s.newText + text.slice(s.end);
  return text;
};

function sidecarEdits(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.changes?.[uri]) return edit.changes[uri];
  for (const c of edit.documentChanges ?? [])
    if ('edits' in c && c.textDocument.uri === uri) return c.edits as TextEdit[];
  assert.fail(`no edit of ${uri} in ${JSON.stringify(edit)}`);
}

const rangeText = (text: string, d: Diagnostic): string => {
  const lines = lineIndex(text);
  return text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end));
};

describe('curation through the language server', () => {
  let dir: string;
  let session: Session;
  let derbyUri: string;
  let councilUri: string;
  let sidecarUri: string;
  let sidecar = '';
  let sidecarVersion = 0;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-curation-'));
    writeFileSync(path.join(dir, 'derby.article'), DERBY);
    writeFileSync(path.join(dir, 'council.article'), COUNCIL);
    derbyUri = fileUri(path.join(dir, 'derby.article'));
    councilUri = fileUri(path.join(dir, 'council.article'));
    sidecarUri = fileUri(path.join(dir, '.article-lens', 'annotations.json'));
    session = await Session.start(dir, { configuration: { curation: { author: 'Test Curator' } } });
    await session.ready();
  });

  after(async () => {
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function actionsAt(uri: string, text: string, d: Diagnostic): Promise<CodeAction[]> {
    const actions = (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    void text;
    return actions ?? [];
  }

  /** Plays the client: completes the draft, runs the server command, applies the edit to the sidecar and sends it. */
  async function correct(action: CodeAction, fill: Partial<CorrectionDraft> = {}): Promise<void> {
    const command = action.command as Command;
    assert.equal(command.command, ClientCommands.correct);
    const [draft, prompt] = command.arguments as [CorrectionDraft, CorrectionPrompt];
    if (prompt.ask) assert.ok(prompt.ask in fill, `the client asks for ${prompt.ask}`);
    const edits = session.appliedEdits.length;
    const result = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.correct,
      arguments: [{ ...draft, ...fill }],
    })) as { applied: boolean; sidecarUri: string };
    assert.equal(result.applied, true);
    assert.equal(result.sidecarUri, sidecarUri);
    assert.equal(session.appliedEdits.length, edits + 1, 'one workspace/applyEdit');
    const { edit } = session.appliedEdits[edits] as { edit: WorkspaceEdit };
    sidecar = applyEdits(sidecar, sidecarEdits(edit, sidecarUri));
    if (sidecarVersion === 0) {
      sidecarVersion = 1;
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: sidecarUri, languageId: 'json', version: 1, text: sidecar },
      });
    } else await session.change(sidecarUri, ++sidecarVersion, sidecar);
  }

  /** Plays the client for removeCorrection / restoreCorrection: runs it, applies its edit, sends the sidecar. */
  async function sidecarCommand(command: string, arg: unknown): Promise<CorrectionEditResult> {
    const edits = session.appliedEdits.length;
    const result = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command,
      arguments: [arg],
    })) as CorrectionEditResult;
    assert.equal(result.applied, true, result.message);
    assert.equal(session.appliedEdits.length, edits + 1, 'one workspace/applyEdit');
    const { edit } = session.appliedEdits[edits] as { edit: WorkspaceEdit };
    sidecar = applyEdits(sidecar, sidecarEdits(edit, sidecarUri));
    await session.change(sidecarUri, ++sidecarVersion, sidecar);
    return result;
  }

  const idsInSidecar = (): string[] =>
    (JSON.parse(sidecar) as { corrections: { id: string }[] }).corrections.map((c) => c.id);

  test('Not an entity on a mention removes it from the diagnostics, and the sidecar records it', async () => {
    const before = await session.open(derbyUri, DERBY, 1);
    const derby = before.find((d) => rangeText(DERBY, d) === 'Derby');
    assert.ok(
      derby,
      `“Derby” is tagged: ${before.map((d) => `${d.code} ${rangeText(DERBY, d)}`).join(', ')}`,
    );
    const actions = await actionsAt(derbyUri, DERBY, derby);
    const titles = actions.map((a) => a.title);
    for (const t of [
      /^Not an entity: “Derby” \(this mention\)$/,
      /^Change type of “Derby” \(GPE\) to…$/,
      /^Same entity as…$/,
      /^Rename canonical name/,
    ])
      assert.ok(
        titles.some((x) => t.test(x)),
        `${t} in ${titles.join(' | ')}`,
      );
    const notEntity = actions.find((a) => a.title === 'Not an entity: “Derby” (this mention)');
    assert.ok(notEntity);
    const republished = session.nextPublish(
      derbyUri,
      (p) => !p.diagnostics.some((d) => rangeText(DERBY, d) === 'Derby'),
    );
    await correct(notEntity);
    const afterFix = (await republished).diagnostics;
    assert.equal(afterFix.length, before.length - 1, 'only that mention went');
    const parsed = JSON.parse(sidecar) as { corrections: Record<string, unknown>[] };
    assert.equal(parsed.corrections.length, 1);
    assert.equal(parsed.corrections[0].kind, 'notEntity');
    assert.equal(parsed.corrections[0].file, 'derby.article');
    assert.equal(parsed.corrections[0].author, 'Test Curator');
    assert.match(sidecar, /^ {4}\{"id":.*\}$/m, 'one correction per line');
  });

  test('Change type in the whole corpus changes every mention, and the hover says it was corrected', async () => {
    const diagnostics = session.publishes.filter((p) => p.uri === derbyUri).at(-1)?.diagnostics ?? [];
    const rovers = diagnostics.find((d) => rangeText(DERBY, d) === 'Easton Rovers');
    assert.ok(rovers);
    assert.equal(rovers.code, 'entity.PERSON');
    const change = (await actionsAt(derbyUri, DERBY, rovers)).find((a) => /^Change type/.test(a.title));
    assert.ok(change);
    const [, prompt] = (change.command as Command).arguments as [CorrectionDraft, CorrectionPrompt];
    assert.equal(prompt.ask, 'type');
    assert.ok(prompt.items?.includes('ORG'));
    assert.deepEqual(
      prompt.scopes?.slice(0, 3).map((s) => s.scope),
      ['mention', 'article', 'corpus'],
    );
    const republished = session.nextPublish(derbyUri, (p) =>
      p.diagnostics
        .filter((d) => rangeText(DERBY, d) === 'Easton Rovers')
        .every((d) => d.code === 'entity.ORG'),
    );
    await correct(change, { type: 'ORG', scope: 'corpus' });
    const rows = (await republished).diagnostics.filter((d) => rangeText(DERBY, d) === 'Easton Rovers');
    assert.equal(rows.length, 2);
    const hover = await session.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: derbyUri },
      position: rows[1].range.start,
    });
    assert.match(
      (hover?.contents as MarkupContent).value,
      /\*\*Organisation \(ORG\)\*\* · Easton Rovers · _corrected_/,
    );
  });

  test('Change speaker on a quote names the new speaker in its diagnostic', async () => {
    const diagnostics = session.publishes.filter((p) => p.uri === derbyUri).at(-1)?.diagnostics ?? [];
    const quote = diagnostics.find((d) => d.code === 'quote' && rangeText(DERBY, d).startsWith('We earned'));
    assert.ok(quote, 'the quote is a diagnostic');
    const change = (await actionsAt(derbyUri, DERBY, quote)).find((a) => /^Change speaker/.test(a.title));
    assert.ok(change);
    const [, prompt] = (change.command as Command).arguments as [CorrectionDraft, CorrectionPrompt];
    assert.equal(prompt.ask, 'speaker');
    assert.ok(prompt.items?.includes('Northtown FC'), `speakers offered: ${prompt.items?.join(', ')}`);
    const republished = session.nextPublish(derbyUri, (p) =>
      p.diagnostics.some((d) => d.code === 'quote' && d.message === 'Quote: Northtown FC'),
    );
    await correct(change, { speaker: 'Northtown FC', scope: 'mention' });
    await republished;
  });

  test('a correction whose text is gone is reported on its sidecar line', async () => {
    const lost = session.nextPublish(sidecarUri, (p) =>
      p.diagnostics.some((d) => d.code === 'curation.lost'),
    );
    await session.change(derbyUri, 2, DERBY.replace(' in Cup Derby', ' in the Cup'));
    const [d] = (await lost).diagnostics;
    assert.match(
      typeof d.message === 'string' ? d.message : d.message.value,
      /“Derby” is no longer in derby\.article/,
    );
    assert.match(sidecar.split('\n')[d.range.start.line], /"kind":"notEntity"/);
    const back = session.nextPublish(sidecarUri, (p) => p.diagnostics.length === 0);
    await session.change(derbyUri, 3, DERBY);
    await back;
  });

  test('removeCorrection’s edit undoes a correction, restoreCorrection’s edit brings it back', async () => {
    const stored = JSON.parse(sidecar) as { corrections: { id: string; kind: string }[] };
    const notEntity = stored.corrections.find((c) => c.kind === 'notEntity');
    assert.ok(notEntity);
    const lines = sidecar.split('\n').length;
    const derbyBack = session.nextPublish(derbyUri, (p) =>
      p.diagnostics.some((d) => rangeText(DERBY, d) === 'Derby'),
    );
    const removed = await sidecarCommand(ServerCommands.removeCorrection, { sidecarUri, id: notEntity.id });
    await derbyBack;
    assert.equal((removed.correction as { id: string }).id, notEntity.id);
    assert.ok(!idsInSidecar().includes(notEntity.id));
    assert.equal(sidecar.split('\n').length, lines - 1, 'only its line went');

    const derbyGone = session.nextPublish(
      derbyUri,
      (p) => !p.diagnostics.some((d) => rangeText(DERBY, d) === 'Derby'),
    );
    const restored = await sidecarCommand(ServerCommands.restoreCorrection, {
      sidecarUri,
      correction: removed.correction,
    });
    await derbyGone;
    assert.equal(restored.id, notEntity.id);
    assert.deepEqual(JSON.parse(sidecar), stored, 'the same correction, as it was stored');

    const again = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.restoreCorrection,
      arguments: [{ sidecarUri, correction: removed.correction }],
    })) as CorrectionEditResult;
    assert.equal(again.applied, false, 'a correction is not added twice');
    assert.match(again.message ?? '', /already/);
  });

  test('the lost-corrections request lists a lost correction until it is removed', async () => {
    const lostPublish = session.nextPublish(sidecarUri, (p) =>
      p.diagnostics.some((d) => d.code === 'curation.lost'),
    );
    await session.change(derbyUri, 4, DERBY.replace(' in Cup Derby', ' in the Cup'));
    await lostPublish;
    const { items } = await session.connection.sendRequest(LostCorrectionsRequest.type, {});
    assert.equal(items.length, 1);
    const [lost] = items;
    assert.equal(lost.text, 'Derby');
    assert.equal(lost.kind, 'notEntity');
    assert.equal(lost.scope, 'mention');
    assert.equal(lost.file, 'derby.article');
    assert.equal(lost.articleUri, derbyUri);
    assert.equal(lost.sidecarUri, sidecarUri);
    assert.match(lost.reason, /no longer in derby\.article/);
    assert.match(sidecar.split('\n')[lost.line], new RegExp(`"id":"${lost.id}"`));

    const clean = session.nextPublish(sidecarUri, (p) => p.diagnostics.length === 0);
    const removed = await sidecarCommand(ServerCommands.removeCorrection, { sidecarUri, id: lost.id });
    await clean;
    assert.deepEqual((await session.connection.sendRequest(LostCorrectionsRequest.type, {})).items, []);

    // Put back as it was, with the article's text, for the tests after this one.
    const relost = session.nextPublish(sidecarUri, (p) =>
      p.diagnostics.some((d) => d.code === 'curation.lost'),
    );
    await sidecarCommand(ServerCommands.restoreCorrection, { sidecarUri, correction: removed.correction });
    await relost;
    const back = session.nextPublish(sidecarUri, (p) => p.diagnostics.length === 0);
    await session.change(derbyUri, 5, DERBY);
    await back;
    assert.deepEqual((await session.connection.sendRequest(LostCorrectionsRequest.type, {})).items, []);
  });

  test('renaming an article moves its corrections in the sidecar edit', async () => {
    const edit = await session.connection.sendRequest(WillRenameFilesRequest.type, {
      files: [{ oldUri: derbyUri, newUri: fileUri(path.join(dir, 'sport', 'derby-day.article')) }],
    });
    assert.ok(edit);
    const renamed = applyEdits(sidecar, sidecarEdits(edit, sidecarUri));
    assert.doesNotMatch(renamed, /"file":"derby\.article"/);
    assert.match(renamed, /"file":"sport\/derby-day\.article"/);
    assert.equal(renamed.split('\n').length, sidecar.split('\n').length);
  });

  test('the CLI reports the same corrected findings for the same corpus and sidecar', async () => {
    mkdirSync(path.join(dir, '.article-lens'), { recursive: true });
    writeFileSync(path.join(dir, '.article-lens', 'annotations.json'), sidecar);
    const served = await session.open(councilUri, COUNCIL, 1);
    const out = JSON.parse(
      execFileSync(process.execPath, [cliPath, 'analyze', dir], { encoding: 'utf8' }),
    ) as {
      files: {
        file: string;
        entities: { start: number; end: number; type: string }[];
        quotes: { start: number; end: number; speaker: string | null }[];
      }[];
    };
    for (const [uri, text, file] of [
      [councilUri, COUNCIL, 'council.article'],
      [derbyUri, DERBY, 'derby.article'],
    ] as const) {
      const latest = session.publishes.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? served;
      const lines = lineIndex(text);
      const fromServer = latest
        .filter((d) => String(d.code).startsWith('entity.'))
        .map(
          (d) => `${lines.offsetAt(d.range.start)}-${lines.offsetAt(d.range.end)} ${String(d.code).slice(7)}`,
        );
      const fromCli = out.files
        .find((f) => f.file === file)
        ?.entities.map((e) => `${e.start}-${e.end} ${e.type}`);
      assert.deepEqual(fromServer, fromCli, file);
      const quotesFromServer = latest
        .filter((d) => d.code === 'quote')
        .map((d) => `${lines.offsetAt(d.range.start)}-${lines.offsetAt(d.range.end)} ${d.message}`);
      const quotesFromCli = out.files
        .find((f) => f.file === file)
        ?.quotes.map((q) => `${q.start}-${q.end} Quote: ${q.speaker ?? 'speaker not found'}`);
      // The server's message may add the attribution in brackets after the name.
      assert.deepEqual(
        quotesFromServer.map((q) => q.replace(/ \(.*\)$/, '')),
        quotesFromCli,
        `${file} quotes`,
      );
      if (file === 'derby.article')
        assert.ok(quotesFromServer.some((q) => q.endsWith('Quote: Northtown FC')));
      if (file === 'derby.article') {
        assert.ok(
          !fromServer.some(
            (r) => r.endsWith('GPE') && text.slice(...r.split(' ')[0].split('-').map(Number)) === 'Derby',
          ),
        );
        assert.ok(fromServer.filter((r) => r.endsWith(' ORG')).length >= 2);
      }
    }
  });
});
