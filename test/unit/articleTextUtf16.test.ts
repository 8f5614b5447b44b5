import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeArticle } from '../../server/src/workspace/articleText';
import { repoRoot } from '../support/built';

const TEXT = 'Mayor Clara Voss said on Monday: "The bridge is open again."\r\n\tCafé – 10 €\n';

test('UTF-16 without a byte-order mark is decoded by its NUL pattern, in both byte orders', () => {
  const le = Buffer.from(TEXT, 'utf16le');
  const be = Buffer.from(le).swap16();
  assert.deepEqual(decodeArticle(le), { text: TEXT, encoding: 'utf-16le' });
  assert.deepEqual(decodeArticle(be), { text: TEXT, encoding: 'utf-16be' });
  // An odd trailing byte (a cut file) is dropped, not a reason to call the file binary.
  assert.deepEqual(decodeArticle(Buffer.concat([le, Buffer.from([0x41])])), {
    text: TEXT,
    encoding: 'utf-16le',
  });
});

test('bytes with NULs that are not UTF-16 text stay binary', () => {
  const png = readFileSync(path.join(repoRoot, 'images/icon.png'));
  assert.deepEqual(decodeArticle(png), { binary: true });
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + (i >> 3) * 104729) & 0xff;
  assert.deepEqual(decodeArticle(noise), { binary: true });
  // The NUL pattern of UTF-16, but control characters no text has.
  assert.deepEqual(decodeArticle(Buffer.from('ab\u0001\u0002cd\u0003', 'utf16le')), { binary: true });
  // NULs in both bytes of most units (an executable, a table of integers).
  assert.deepEqual(decodeArticle(Buffer.from([1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0])), { binary: true });
  assert.deepEqual(decodeArticle(Buffer.from([0x41, 0])), { binary: true });
});

test('UTF-8, with or without a byte-order mark, is unchanged', () => {
  assert.deepEqual(decodeArticle(Buffer.from(TEXT)), { text: TEXT, encoding: 'utf-8' });
  assert.deepEqual(decodeArticle(Buffer.from(`\ufeff${TEXT}`)), { text: TEXT, encoding: 'utf-8' });
});
