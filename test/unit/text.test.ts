import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineIndex } from '../../server/src/analysis/text/lines';

test('lineIndex maps offsets with LF, CRLF and CR line ends both ways', () => {
  const text = 'ab\r\ncd\nef\rgh';
  const idx = lineIndex(text);
  assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(idx.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(idx.positionAt(10), { line: 3, character: 0 });
  assert.deepEqual(idx.positionAt(99), { line: 3, character: 2 });
  for (let o = 0; o <= text.length; o++) {
    if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n is not a position
    assert.equal(idx.offsetAt(idx.positionAt(o)), o);
  }
});

test('lineIndex clamps a character past the line end to the end of that line', () => {
  const idx = lineIndex('ab\r\ncd\nef');
  assert.equal(idx.offsetAt({ line: 0, character: 99 }), 2);
  assert.equal(idx.offsetAt({ line: 1, character: 99 }), 6);
  assert.equal(idx.offsetAt({ line: 2, character: 99 }), 9);
});
