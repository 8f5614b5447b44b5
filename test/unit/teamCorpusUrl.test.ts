// The team corpus URL as the client keeps it: checked, its password taken out for SecretStorage, and the
// secret's key the same for the same user, host and database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTeamUrl, secretKey, splitPassword } from '../../client/src/teamCorpusUrl';

test('only postgres URLs naming a host and a database are taken', () => {
  assert.equal(checkTeamUrl('postgres://jane@db.example:5432/corpus'), undefined);
  assert.equal(checkTeamUrl('postgresql://jane@db.example/corpus?sslmode=verify-full'), undefined);
  assert.match(checkTeamUrl('mysql://jane@db/corpus') ?? '', /must start with postgres/);
  assert.match(checkTeamUrl('postgres://jane@db.example') ?? '', /names no database/);
  assert.match(checkTeamUrl('not a url') ?? '', /Not a URL/);
});

test('a password in the URL is taken out of it, so settings never hold it', () => {
  assert.deepEqual(splitPassword('postgres://jane:s%40cret@db.example:5432/corpus?sslmode=require'), {
    url: 'postgres://jane@db.example:5432/corpus?sslmode=require',
    password: 's@cret',
  });
  assert.deepEqual(splitPassword('postgres://jane@db.example/corpus'), {
    url: 'postgres://jane@db.example/corpus',
  });
});

test('the secret is keyed by user, host, port and database', () => {
  const a = secretKey('postgres://jane@db.example:5432/corpus?sslmode=require');
  assert.equal(a, secretKey('postgres://jane@db.example:5432/corpus'));
  assert.notEqual(a, secretKey('postgres://joe@db.example:5432/corpus'));
  assert.notEqual(a, secretKey('postgres://jane@db.example:5432/other'));
  assert.doesNotMatch(a, /s@cret/);
});
