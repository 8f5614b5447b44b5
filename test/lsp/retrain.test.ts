// Retraining the entity tagger through the language server, as the editor drives it: the retrain request
// returns a model (the server writes nothing); once the client has written it into the workspace and the
// file watcher says so, the server analyses with it, says so in its status, and the other article's
// diagnostics lose the mistakes corrected in the first one.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { serializeSidecar } from '../../server/src/analysis/curation/sidecar';
import { lineIndex } from '../../server/src/analysis/text/lines';
import { RetrainEntityModelRequest, type RetrainEntityModelResult } from '../../server/src/protocol';
import { cliPath } from '../support/built';
import { CORRECTED, FILE, OTHER, labelCorrections } from '../support/retrainArticles';
import { fileUri, Session } from './session';

const MODEL_PATH = '.article-lens/entity-model.json';
const SHIPPED_MODEL = path.join(__dirname, '../../server/src/analysis/entities/tagger/model/entities.json');

/** Entity diagnostics as "text/code". */
function entities(text: string, ds: readonly Diagnostic[]): string[] {
  const lines = lineIndex(text);
  return ds
    .filter((d) => String(d.code).startsWith('entity.'))
    .map(
      (d) => `${text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end))}/${String(d.code)}`,
    );
}

describe('retraining the entity model through the language server', () => {
  let dir: string;
  let session: Session;
  let otherUri: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-retrain-'));
    writeFileSync(path.join(dir, FILE), CORRECTED);
    writeFileSync(path.join(dir, 'orders.article'), OTHER);
    mkdirSync(path.join(dir, '.article-lens'));
    writeFileSync(
      path.join(dir, '.article-lens', 'annotations.json'),
      serializeSidecar(labelCorrections(CORRECTED, FILE)),
    );
    otherUri = fileUri(path.join(dir, 'orders.article'));
    session = await Session.start(dir, { configuration: { entities: { tagger: 'candidates' } } });
    await session.ready();
  });

  after(async () => {
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the returned model, once in the workspace, changes the other article’s diagnostics', async () => {
    const status = await session.ready();
    assert.equal(status.entityModel, 'shipped');
    const before = entities(OTHER, await session.open(otherUri, OTHER, 1));
    assert.ok(before.includes('Kelmar/entity.GPE'), before.join(', '));
    assert.ok(
      before.some((e) => e.startsWith('Note/')),
      before.join(', '),
    );

    const result = (await session.connection.sendRequest(RetrainEntityModelRequest.type, {
      folderUri: fileUri(dir),
    })) as RetrainEntityModelResult;
    assert.equal(result.message, undefined);
    assert.equal(result.path, MODEL_PATH);
    assert.equal(result.corrections, 2);
    assert.equal(result.articles, 1);
    assert.equal(result.sentences, 2);
    assert.ok(result.model);
    assert.equal(existsSync(path.join(dir, MODEL_PATH)), false, 'the server writes no file');
    // Nothing changes until the model is in the workspace.
    assert.deepEqual(
      entities(OTHER, session.publishes.filter((p) => p.uri === otherUri).at(-1)?.diagnostics ?? []),
      before,
    );

    // The client writes the file; the watcher reports it.
    const changed = session.nextPublish(otherUri, (p) =>
      entities(OTHER, p.diagnostics).includes('Kelmar/entity.ORG'),
    );
    const inUse = session.nextStatus((s) => s.state === 'ready' && s.entityModel !== 'shipped');
    writeFileSync(path.join(dir, MODEL_PATH), result.model);
    await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: fileUri(path.join(dir, MODEL_PATH)), type: FileChangeType.Created }],
    });
    const after = entities(OTHER, (await changed).diagnostics);
    assert.ok(!after.includes('Kelmar/entity.GPE'), after.join(', '));
    assert.ok(!after.some((e) => e.startsWith('Note/')), after.join(', '));
    assert.ok(after.includes('Brussels/entity.GPE'), 'the other entities stay');
    assert.match((await inUse).entityModel ?? '', /entity-model\.json/);
  });

  test('the CLI analyses the corpus with the folder’s model as the server does, or with --entity-model', () => {
    type Out = { files: { file: string; entities: { start: number; end: number; type: string }[] }[] };
    const analyse = (...extra: string[]): string[] => {
      const out = JSON.parse(
        execFileSync(process.execPath, [cliPath, 'analyze', '--entity-tagger', 'candidates', ...extra, dir], {
          encoding: 'utf8',
        }),
      ) as Out;
      const file = out.files.find((f) => f.file === 'orders.article');
      assert.ok(file);
      return file.entities.map((e) => `${OTHER.slice(e.start, e.end)}/${e.type}`);
    };
    const withModel = analyse();
    assert.ok(withModel.includes('Kelmar/ORG'), withModel.join(', '));
    assert.ok(!withModel.some((e) => e.startsWith('Note/')), withModel.join(', '));
    const served = session.publishes.filter((p) => p.uri === otherUri).at(-1)?.diagnostics ?? [];
    assert.deepEqual(
      entities(OTHER, served).map((e) => e.replace('/entity.', '/')),
      withModel,
      'the same entities as the server',
    );
    const shippedFile = path.join(dir, 'shipped.json');
    writeFileSync(shippedFile, readFileSync(SHIPPED_MODEL, 'utf8'));
    assert.ok(analyse('--entity-model', shippedFile).includes('Kelmar/GPE'), 'the given weights win');
  });
});
