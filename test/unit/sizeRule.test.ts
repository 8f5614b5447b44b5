// The one size rule: UTF-8 bytes of the text, a prefix cut at a line break past the limit, and a hard
// ceiling the settings cannot raise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitize } from '../../server/src/config';
import { HARD_MAX_FILE_SIZE_KB, limitText, sizeLimitBytes } from '../../server/src/workspace/articleText';

test('size is counted in UTF-8 bytes: 3-byte CJK text is cut where ASCII of the same length is not', () => {
  const cjk = '港'.repeat(400);
  const ascii = 'a'.repeat(400);
  assert.equal(limitText(ascii, 1024).truncated, false);
  const cut = limitText(cjk, 1024);
  assert.equal(cut.truncated, true);
  assert.equal(cut.bytes, 1200);
  assert.ok(Buffer.byteLength(cut.text, 'utf8') <= 1024);
});

test('the prefix ends at the last line break before the limit and never splits a surrogate pair', () => {
  const text = `${'word '.repeat(100)}\n${'more '.repeat(300)}`;
  const cut = limitText(text, 1000);
  assert.ok(cut.text.endsWith('\n'));
  assert.equal(cut.text, text.slice(0, text.indexOf('\n') + 1));
  const emoji = '😀'.repeat(300); // no line break: cut at the limit, between pairs
  const pairCut = limitText(emoji, 1001);
  assert.equal(pairCut.text.length % 2, 0);
  assert.equal(Buffer.byteLength(pairCut.text, 'utf8'), 1000);
});

test('a limit above the hard ceiling is refused by the settings and capped where it is used', () => {
  const ignored: string[] = [];
  assert.equal(sanitize({ maxFileSizeKB: HARD_MAX_FILE_SIZE_KB * 4 }, ignored).maxFileSizeKB, 512);
  assert.match(ignored.join('\n'), /maxFileSizeKB/);
  assert.equal(sizeLimitBytes(100_000), HARD_MAX_FILE_SIZE_KB * 1024);
});
