// Encoded wink analyses decode to exactly what analyzeText gave, and entity recognition from a decoded
// analysis finds exactly what it finds on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TableStep } from '../../server/src/analysis/entities/aliases';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import { EntityIndex } from '../../server/src/analysis/entities/entityIndex';
import { analyzeText, type NlpDoc } from '../../server/src/analysis/text/nlp';
import { decodeNlpDoc, encodeNlpDoc } from '../../server/src/analysis/text/nlpCache';
import { noEntityHints, type EntityMention } from '../../server/src/analysis/types';
import { FIXTURE_ARTICLE } from './entities.fixture';

const TEXTS: Record<string, string> = {
  empty: '',
  blank: '  \n\r\n ',
  emoji: 'Ana Lopes 😀 met 👩🏽‍💻 Bruno Diaz in São Paulo on March 3, 2024 — paying $4.5 million (12%).',
  crlf: 'Lee Jae-myung spoke.\r\n\r\n"We will win," Lee said at 10:30 a.m. in Seoul.\r\nShe can’t attend.',
  long: `${'word '.repeat(200)}\n\n\n${' '.repeat(70_000)}Maria Silva said https://example.com/a?b=c was down.`,
  fixture: FIXTURE_ARTICLE,
};

const roundTrip = (text: string): NlpDoc => decodeNlpDoc(encodeNlpDoc(analyzeText(text)), text);

for (const [name, text] of Object.entries(TEXTS)) {
  test(`encode → decode round-trips exactly: ${name}`, () => {
    const doc = analyzeText(text);
    assert.deepEqual(roundTrip(text), doc);
  });

  test(`findEntities with a decoded analysis equals findEntities without one: ${name}`, () => {
    assert.deepEqual(
      findEntities(text, noEntityHints, undefined, roundTrip(text)),
      findEntities(text, noEntityHints),
    );
  });
}

test('encode → decode round-trips arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
      assert.deepEqual(roundTrip(text), analyzeText(text));
    }),
    { numRuns: 200 },
  );
});

test('findEntities with a decoded analysis and corpus hints: same mentions, same questions asked', () => {
  const index = new EntityIndex();
  const other = 'Prime Minister Sanae Takaichi met Lee Jae-myung and Anna Kowalski in Tokyo.';
  index.add('other', findEntities(other, noEntityHints));
  const hints = index.hints();
  assert.ok(hints.known.size > 0);
  const text = `Takaichi, Kowalski and Lee spoke.\r\n${FIXTURE_ARTICLE}`;
  const plainJournal: TableStep[] = [];
  const decodedJournal: TableStep[] = [];
  const plain: EntityMention[] = findEntities(text, hints, plainJournal);
  const decoded = findEntities(text, hints, decodedJournal, roundTrip(text));
  assert.deepEqual(decoded, plain);
  assert.deepEqual(decodedJournal, plainJournal);
});

test('encoded analyses are compact', () => {
  const doc = analyzeText(FIXTURE_ARTICLE);
  const encoded = encodeNlpDoc(doc);
  assert.ok(doc.tokens.length > 100);
  assert.ok(encoded.tokens.byteLength <= doc.tokens.length * 4, `${encoded.tokens.byteLength} bytes`);
});

test('encoding refuses overlapping tokens', () => {
  const t = { value: 'a', pos: 'X', kind: 'word' };
  const doc: NlpDoc = {
    tokens: [
      { ...t, start: 0, end: 2 },
      { ...t, start: 1, end: 2 },
    ],
    values: [],
  };
  assert.throws(() => encodeNlpDoc(doc), RangeError);
});
