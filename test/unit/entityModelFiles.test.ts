// Workspace entity models: analyses are keyed by the weights in use, and a folder's model file is used when
// it is there and readable, the shipped weights otherwise (a bad file is said, not silently ignored).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { cacheKey, corpusFingerprint } from '../../server/src/analysis/corpus/cacheKey';
import { loadedModel } from '../../server/src/analysis/entities/tagger/loadedModels';
import { defaultAnalysisOptions } from '../../server/src/analysis/types';
import { sanitize, toAnalysisOptions } from '../../server/src/config';
import { defaultSettings } from '../../server/src/protocol';
import { pathToUri } from '../../server/src/util/uri';
import { WorkspaceEntityModels } from '../../server/src/workspace/entityModels';

const SHIPPED = readFileSync(
  path.join(__dirname, '../../server/src/analysis/entities/tagger/model/entities.json'),
  'utf8',
);

test('cache keys and fingerprints follow the model in use while the tagger is on', () => {
  const on = { ...defaultAnalysisOptions, entityTagger: 'candidates' as const };
  const key = (o: typeof on) => cacheKey('file:///a', 'text', o, 'v1').hash;
  assert.notEqual(key(on), key({ ...on, entityModel: 'sha256:a' }));
  assert.notEqual(key({ ...on, entityModel: 'sha256:a' }), key({ ...on, entityModel: 'sha256:b' }));
  const keys = [cacheKey('file:///a', 'text', on, 'v1')];
  assert.notEqual(corpusFingerprint(keys, on), corpusFingerprint(keys, { ...on, entityModel: 'sha256:a' }));
  // With the tagger off the weights change nothing: the options (and keys) are the shipped ones'.
  const settings = sanitize({ entities: { tagger: 'off' } });
  assert.deepEqual(toAnalysisOptions(settings, 'sha256:a'), toAnalysisOptions(settings));
  const tagging = sanitize({ entities: { tagger: 'candidates' } });
  assert.equal(toAnalysisOptions(tagging, 'sha256:a').entityModel, 'sha256:a');
});

test('the model path is a setting: relative inside the folder, else the default', () => {
  assert.equal(sanitize({}).entities.modelPath, defaultSettings.entities.modelPath);
  assert.equal(
    sanitize({ entities: { modelPath: 'models/mine.json' } }).entities.modelPath,
    'models/mine.json',
  );
  const ignored: string[] = [];
  assert.equal(
    sanitize({ entities: { modelPath: '../elsewhere.json' } }, ignored).entities.modelPath,
    defaultSettings.entities.modelPath,
  );
  assert.match(ignored.join('\n'), /entities\.modelPath/);
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-models-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a folder uses its model file when readable, and says when it cannot', async () => {
  const warnings: string[] = [];
  const logs: string[] = [];
  const models = new WorkspaceEntityModels({
    settings: async () => sanitize({}),
    log: (m) => logs.push(m),
    warn: (m) => warnings.push(m),
  });
  models.setFolders([pathToUri(dir)]);
  const article = pathToUri(path.join(dir, 'news', 'a.article'));
  const file = path.join(dir, '.article-lens', 'entity-model.json');

  assert.equal(await models.load(), false, 'no file: nothing changes');
  assert.equal(models.idFor(article), undefined);
  assert.equal(models.describe(), 'shipped');
  assert.ok(models.isModelFile(pathToUri(file)));
  assert.ok(!models.isModelFile(article));

  mkdirSync(path.dirname(file));
  writeFileSync(file, SHIPPED);
  assert.equal(await models.load(), true);
  const id = models.idFor(article);
  assert.ok(id);
  assert.ok(loadedModel(id).keys.length > 0, 'the weights are loaded');
  assert.equal(models.idFor(pathToUri(path.join(os.tmpdir(), 'elsewhere.article'))), undefined);
  assert.match(models.describe(), /entity-model\.json/);
  assert.match(logs.join('\n'), /workspace model/);
  assert.equal(await models.load(), false, 'the same file again: unchanged');

  writeFileSync(file, '{"format":"something else"}');
  assert.equal(await models.load(), true, 'back to the shipped weights');
  assert.equal(models.idFor(article), undefined);
  assert.match(
    warnings.join('\n'),
    /cannot be used \(not an entity tagger model\); the shipped model is used/,
  );
  assert.throws(() => loadedModel(id), /not loaded/, 'weights no longer used are released');
});
