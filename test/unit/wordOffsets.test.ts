import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  packWordOffsets,
  unpackWordOffsets,
} from '../../server/src/analysis/duplicates/passages/wordOffsets';
import { wordTokens } from '../../server/src/analysis/text/wordTokens';

test('packed word offsets give back the tokenizer’s starts and ends, long gaps and words included', () => {
  const text = [
    '“We’re not leaving,” said Jae-myung, 1,300 people behind him.',
    ' '.repeat(300),
    'x'.repeat(200_000),
    '\n\n😀 Später: ÉTÉ — 42.',
  ].join('');
  const tokens = wordTokens(text);
  const packed = packWordOffsets(tokens.starts, tokens.ends, tokens.count);
  const { starts, ends } = unpackWordOffsets(packed, tokens.count);
  assert.deepEqual([...starts], [...tokens.starts]);
  assert.deepEqual([...ends], [...tokens.ends]);
  // Short gaps and words take a byte each.
  assert.ok(packed.length < tokens.count * 2 + 8);
});

test('a text without words packs to nothing', () => {
  const tokens = wordTokens('  — … ');
  assert.equal(tokens.count, 0);
  assert.equal(packWordOffsets(tokens.starts, tokens.ends, 0).length, 0);
});
