// Word-level diff: parts, similarity and the Markdown a hover shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffSimilarity, formatWordDiff, wordDiff } from '../../server/src/analysis/duplicates/wordDiff';

test('one word replaced: removed before added, Markdown strikes and bolds', () => {
  const parts = wordDiff('in the forward-looking way', 'in a forward-looking way');
  assert.deepEqual(parts, [
    { kind: 'same', text: 'in' },
    { kind: 'removed', text: 'the' },
    { kind: 'added', text: 'a' },
    { kind: 'same', text: 'forward-looking way' },
  ]);
  assert.equal(formatWordDiff(parts), 'in ~~the~~ **a** forward-looking way');
  assert.equal(diffSimilarity(parts), 6 / 8);
});

test('case, apostrophe style and edge punctuation do not count as changes', () => {
  const parts = wordDiff('Japan’s ties, he said', "japan's ties he said");
  assert.deepEqual(parts, [{ kind: 'same', text: 'Japan’s ties, he said' }]);
  assert.equal(diffSimilarity(parts), 1);
});

test('insertions and deletions at both ends and in the middle', () => {
  assert.deepEqual(wordDiff('we will go', 'now we will surely go home'), [
    { kind: 'added', text: 'now' },
    { kind: 'same', text: 'we will' },
    { kind: 'added', text: 'surely' },
    { kind: 'same', text: 'go' },
    { kind: 'added', text: 'home' },
  ]);
  assert.deepEqual(wordDiff('a b c', ''), [{ kind: 'removed', text: 'a b c' }]);
  assert.deepEqual(wordDiff('', ''), []);
  assert.equal(diffSimilarity([]), 1);
});

test('Markdown special characters in words are escaped', () => {
  assert.equal(formatWordDiff(wordDiff('a *b* c', 'a _d_ c')), 'a ~~\\*b\\*~~ **\\_d\\_** c');
});

test('property: same + removed rebuild the first text, same + added the second', () => {
  const words = fc.array(fc.constantFrom('a', 'b', 'c', 'the', 'way', 'x'), { maxLength: 30 });
  fc.assert(
    fc.property(words, words, (a, b) => {
      const parts = wordDiff(a.join(' '), b.join(' '));
      const left = parts.filter((p) => p.kind !== 'added').flatMap((p) => p.text.split(' '));
      const right = parts.filter((p) => p.kind !== 'removed').flatMap((p) => p.text.split(' '));
      assert.deepEqual(left, a);
      assert.deepEqual(right, b);
      const s = diffSimilarity(parts);
      assert.ok(s >= 0 && s <= 1);
    }),
  );
});
