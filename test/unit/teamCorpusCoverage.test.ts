// Which workspace files the team database covers (path relative to a workspace folder and the digest of
// the text on disk), and which errors mean the database is unreachable rather than a statement failing.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ANALYSER_VERSION, cacheKey } from '../../server/src/analysis/corpus/cacheKey';
import { defaultAnalysisOptions } from '../../server/src/analysis/types';
import { Coverage } from '../../server/src/corpusQueries/coverage';
import { isConnectionError } from '../../server/src/storage/postgres/teamConnection';
import { pathToUri } from '../../server/src/util/uri';

const folder = path.resolve('/corpus/team');
const uriOf = (rel: string) => pathToUri(path.join(folder, ...rel.split('/')));
const version = `${ANALYSER_VERSION}+abc`;
const digest = (text: string) => cacheKey('any', text, defaultAnalysisOptions, version).hash;

test('a file is covered when its relative path is stored with the digest of its text', () => {
  const c = new Coverage();
  c.setFolders([folder]);
  c.reset(
    new Map([
      ['a/one.txt', digest('first text')],
      ['two.txt', digest('second text')],
    ]),
    version,
  );
  assert.equal(c.check(uriOf('a/one.txt'), 'first text', defaultAnalysisOptions), true);
  assert.equal(c.uriOf('a/one.txt'), uriOf('a/one.txt'));
  assert.equal(c.digestOf(uriOf('a/one.txt')), digest('first text'));
  // Changed on disk since the load: indexed locally, and no longer the database's.
  assert.equal(c.check(uriOf('two.txt'), 'second text, edited', defaultAnalysisOptions), false);
  assert.equal(c.uriOf('two.txt'), undefined);
  // Not in the database at all, or outside every workspace folder.
  assert.equal(c.check(uriOf('three.txt'), 'third', defaultAnalysisOptions), false);
  assert.equal(
    c.check(pathToUri(path.resolve('/elsewhere/a/one.txt')), 'first text', defaultAnalysisOptions),
    false,
  );
  assert.deepEqual([c.coveredCount, c.missingCount], [1, 3]);
  // Other settings that change a file's findings give another digest.
  const tagged = { ...defaultAnalysisOptions, entityTagger: 'primary' as const };
  assert.equal(c.check(uriOf('a/one.txt'), 'first text', tagged), false);
});

test('a database loaded by another analyser release covers nothing', () => {
  const c = new Coverage();
  c.setFolders([folder]);
  c.reset(new Map([['one.txt', cacheKey('x', 'text', defaultAnalysisOptions, '0+old').hash]]), '0+old');
  assert.equal(c.storedCount, 0);
  assert.equal(c.check(uriOf('one.txt'), 'text', defaultAnalysisOptions), false);
});

test('connection errors are told apart from failing statements', () => {
  for (const e of [
    { code: 'ECONNREFUSED' },
    { code: 'ECONNRESET' },
    { code: '57P01', message: 'terminating connection due to administrator command' },
    { code: '08006' },
    { code: '28P01' },
    { code: '3D000' },
    new Error('Connection terminated unexpectedly'),
  ])
    assert.equal(isConnectionError(e), true, JSON.stringify(e));
  for (const e of [{ code: '42P01' }, { code: '42501' }, { code: '22P02' }, new Error('boom'), undefined])
    assert.equal(isConnectionError(e), false, JSON.stringify(e));
});
