// `index --db` analyses with the weights `analyze` and the editor use: the corpus folder's retrained model
// (.article-lens/entity-model.json) when there is one, so the database answers as a local run does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt, repoRoot, runCli } from '../support/built';
import { dbSkip, freshDatabase } from './database';

const run = runCli;
const SHIPPED = path.join(repoRoot, 'server/src/analysis/entities/tagger/model/entities.json');

test("index --db uses the corpus folder's entity model", { skip: dbSkip }, async () => {
  ensureBuilt();
  const corpus = mkdtempSync(path.join(os.tmpdir(), 'article-lens-db-model-'));
  try {
    const from = path.join(repoRoot, 'samples/corpus');
    for (const f of readdirSync(from).filter((n) => n.endsWith('.txt')))
      copyFileSync(path.join(from, f), path.join(corpus, f));
    // Weights whose emissions point the other way: the tagger then finds other names than the shipped one.
    const model = JSON.parse(readFileSync(SHIPPED, 'utf8')) as { scale: number };
    model.scale = -model.scale;
    mkdirSync(path.join(corpus, '.article-lens'));
    writeFileSync(path.join(corpus, '.article-lens', 'entity-model.json'), JSON.stringify(model));

    const tagger = ['--entity-tagger', 'primary'];
    const local = run('analyze', ...tagger, corpus);
    const shipped = run('analyze', ...tagger, '--entity-model', SHIPPED, corpus);
    assert.equal(local.status, 0, local.stderr);
    assert.notEqual(local.stdout, shipped.stdout, 'the folder model changes the findings');

    const url = await freshDatabase('entity model');
    const loaded = run('index', '--db', url, ...tagger, corpus);
    assert.equal(loaded.status, 0, loaded.stderr);
    const fromDb = run('analyze', '--db', url, ...tagger, corpus);
    assert.equal(fromDb.status, 0, fromDb.stderr);
    assert.doesNotMatch(fromDb.stderr, /computed here/, 'answered from the database');
    assert.equal(fromDb.stdout, local.stdout);

    const bad = run('index', '--db', url, '--entity-model', path.join(corpus, 'missing.json'), corpus);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /missing\.json cannot be used/);
  } finally {
    rmSync(corpus, { recursive: true, force: true });
  }
});
