// wink reads a text paragraph by paragraph, with recently read paragraphs taken from a cache: the result
// is what one readDoc of the whole text gives, before and after edits, and from the cache as fresh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { analyzeText, readWithWink } from '../../server/src/analysis/text/nlp';
import { clearParagraphCache, paragraphRanges } from '../../server/src/analysis/text/paragraphNlpCache';
import { FIXTURE_ARTICLE } from './entities.fixture';

const samplesDir = path.join(__dirname, '..', '..', 'samples', 'corpus');
const SAMPLES = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(samplesDir, f), 'utf8'));

const TEXTS: string[] = [
  FIXTURE_ARTICLE,
  FIXTURE_ARTICLE.replace(/\n/g, '\r\n'),
  '\uFEFF\n\n  Ana Lopes 😀 met Bruno Diaz in São Paulo on March 3, 2024.\n \t\n\n"Half-typed quote\n\n$4.5 million (12%)',
  'Karaosmanoğlu said.\n\n\n\nMilošević left on Monday.\n\n',
  ...SAMPLES,
];

test('paragraph ranges cover the text without gaps, each after its blank lines', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('a', 'B.', ' ', '\n', '\r\n', '\t', '"'), { maxLength: 60 }),
      (parts) => {
        const text = parts.join('');
        const ranges = paragraphRanges(text);
        assert.equal(ranges[0]?.[0], 0);
        assert.equal(ranges.at(-1)?.[1], text.length);
        for (let i = 1; i < ranges.length; i++) {
          assert.equal(ranges[i][0], ranges[i - 1][1]);
          assert.match(text.slice(0, ranges[i][0]), /\n[^\S\n]*\n\s*$/);
        }
      },
    ),
  );
});

test('paragraph by paragraph gives what one readDoc of the whole text gives', () => {
  clearParagraphCache();
  for (const text of TEXTS) assert.deepEqual(analyzeText(text), readWithWink(text));
});

test('an edited text read with its other paragraphs cached equals a fresh analysis of it', () => {
  for (const text of TEXTS) {
    clearParagraphCache();
    analyzeText(text);
    const words = [...text.matchAll(/\b[a-z]{4,}\b/g)];
    for (let k = 0; k < 5 && words.length > 0; k++) {
      const w = words[(k * 37) % words.length];
      const edited = text.slice(0, w.index) + 'Harbour Street' + text.slice(w.index + w[0].length);
      const cached = analyzeText(edited);
      clearParagraphCache();
      assert.deepEqual(cached, analyzeText(edited));
      assert.deepEqual(cached, readWithWink(edited));
    }
  }
});

test('a paragraph read once is the same at another offset of another text', () => {
  clearParagraphCache();
  const para = 'Maria Silva, the harbour master, said on Tuesday that 40 boats were lost.';
  const first = analyzeText(`Intro line.\n\n${para}`);
  const second = analyzeText(`${para}\n\nA footer.`);
  const shift = 'Intro line.\n\n'.length;
  const fromFirst = first.tokens
    .filter((t) => t.start >= shift)
    .map((t) => ({ ...t, start: t.start - shift, end: t.end - shift }));
  assert.deepEqual(second.tokens.slice(0, fromFirst.length), fromFirst);
  assert.deepEqual(second, readWithWink(`${para}\n\nA footer.`));
});
