// wink tokens located in the original text: exact UTF-16 offsets through CRLF, emoji, NBSP and contractions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../server/src/analysis/text/nlp';

function assertExact(text: string): void {
  const { tokens, values } = analyzeText(text);
  let prev = 0;
  for (const t of tokens) {
    assert.equal(text.slice(t.start, t.end), t.value);
    assert.ok(t.start >= prev, 'tokens in order');
    prev = t.end;
  }
  for (const v of values)
    assert.ok(v.span.start >= 0 && v.span.end <= text.length && v.span.start < v.span.end);
}

test('tokens carry exact offsets and POS tags', () => {
  const text = 'Ana Lopes can’t attend.';
  const { tokens } = analyzeText(text);
  assert.deepEqual(
    tokens.map((t) => [t.start, t.end, t.value]),
    [
      [0, 3, 'Ana'],
      [4, 9, 'Lopes'],
      [10, 12, 'ca'],
      [12, 15, 'n’t'],
      [16, 22, 'attend'],
      [22, 23, '.'],
    ],
  );
  assert.equal(tokens[1]?.pos, 'PROPN');
});

test('offsets survive CRLF, emoji, NBSP and empty text', () => {
  assert.deepEqual(analyzeText(''), { tokens: [], values: [] });
  const text = 'Line one.\r\n😀 Ana\u00a0Lopes met 👩‍👩‍👧 Rui on 3 May 2025 for $5 million.\r\n';
  assertExact(text);
  const { tokens, values } = analyzeText(text);
  const ana = tokens.find((t) => t.value === 'Ana');
  assert.equal(ana?.start, text.indexOf('Ana'));
  const rui = tokens.find((t) => t.value === 'Rui');
  assert.equal(rui?.start, text.indexOf('Rui'));
  const money = values.find((v) => v.type === 'MONEY');
  assert.equal(money && text.slice(money.span.start, money.span.end), '$5 million');
});
