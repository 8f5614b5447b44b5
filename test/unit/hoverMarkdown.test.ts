import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffMarkdown } from '../../server/src/features/markdown';

test('diffMarkdown strikes removed words and bolds added ones', () => {
  assert.equal(
    diffMarkdown('push forward in the forward-looking way', 'push forward in a forward-looking way'),
    'push forward in ~~the~~ **a** forward-looking way',
  );
});

test('diffMarkdown shortens long unchanged stretches around an edit', () => {
  const before = 'one two three four five six seven eight nine ten eleven twelve old thirteen fourteen';
  const after = 'one two three four five six seven eight nine ten eleven twelve new thirteen fourteen';
  assert.equal(
    diffMarkdown(before, after),
    '… seven eight nine ten eleven twelve ~~old~~ **new** thirteen fourteen',
  );
});

test('diffMarkdown escapes markdown in article text', () => {
  assert.equal(diffMarkdown('a *b* c', 'a *b* d'), 'a \\*b\\* ~~c~~ **d**');
});
