import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isBlank } from '../../server/src/analysis/text/blank';

test('isBlank agrees with trim on whitespace of every kind and on other characters', () => {
  const pieces = [' ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u2003', '\u2028', '\u3000', '\ufeff'];
  const others = ['a', '.', '\u0000', '\u007f', '\u200b', 'é', '\ud83d\ude00', '-'];
  const cases = ['', ...pieces, pieces.join(''), ...others];
  for (const p of pieces) for (const o of others) cases.push(p + o, o + p, p + o + p);
  for (const s of cases) assert.equal(isBlank(s), s.trim() === '', JSON.stringify(s));
});
