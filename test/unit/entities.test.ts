// The entity recogniser on an article written for these tests: exact offsets, types and canonical names,
// stable ranges under CRLF, emoji, NBSP and truncation, and a property test on arbitrary text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import { noEntityHints, type EntityHints, type EntityMention } from '../../server/src/analysis/types';
import { FIXTURE_ARTICLE } from './entities.fixture';

const NAMED = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT']);
const named = (ms: EntityMention[]) => ms.filter((m) => NAMED.has(m.type));
const row = (m: EntityMention) => [m.span.start, m.span.end, m.type, m.text, m.canonical];

function assertWellFormed(text: string, ms: EntityMention[]): void {
  let prevEnd = 0;
  for (const m of ms) {
    assert.ok(m.span.start >= 0 && m.span.end <= text.length && m.span.start < m.span.end, 'in bounds');
    assert.ok(m.span.start >= prevEnd, 'sorted and non-overlapping');
    assert.equal(text.slice(m.span.start, m.span.end), m.text);
    prevEnd = m.span.end;
  }
}

test('finds typed mentions with exact offsets and canonical names', () => {
  const ms = findEntities(FIXTURE_ARTICLE, noEntityHints);
  assertWellFormed(FIXTURE_ARTICLE, ms);
  assert.deepEqual(named(ms).map(row), [
    [18, 24, 'GPE', 'Lisbon', 'Lisbon'],
    [42, 48, 'GPE', 'LISBON', 'Lisbon'],
    [59, 66, 'ORG', 'Reuters', 'Reuters'],
    [70, 80, 'NORP', 'Portuguese', 'Portuguese'],
    [96, 110, 'PERSON', 'Marta Vilanova', 'Marta Vilanova'],
    [115, 124, 'NORP', 'Brazilian', 'Brazilian'],
    [135, 147, 'PERSON', 'Kim Soo-hyun', 'Kim Soo-hyun'],
    [165, 177, 'FAC', 'Belem Palace', 'Belem Palace'],
    [200, 209, 'NORP', 'Brazilian', 'Brazilian'],
    [227, 238, 'EVENT', 'Lisbon Expo', 'Lisbon Expo'],
    [267, 275, 'PERSON', 'Vilanova', 'Marta Vilanova'],
    [282, 285, 'PERSON', 'Kim', 'Kim Soo-hyun'],
    [335, 343, 'PERSON', 'Vilanova', 'Marta Vilanova'],
    [393, 423, 'ORG', 'Portuguese Ministry of Finance', 'Portuguese Ministry of Finance'],
    [432, 448, 'ORG', 'Bank of Portugal', 'Bank of Portugal'],
    [450, 462, 'PERSON', 'Kim Soo Hyun', 'Kim Soo-hyun'],
    [481, 499, 'FAC', 'Montalvo coal mine', 'Montalvo coal mine'],
    [517, 537, 'ORG', 'University of Lisbon', 'University of Lisbon'],
    [556, 581, 'ORG', 'Atlantic Policy Institute', 'Atlantic Policy Institute'],
    [624, 641, 'LOC', 'Iberian Peninsula', 'Iberian Peninsula'],
    [643, 650, 'PERSON', 'Vilanov', 'Marta Vilanova'],
    [698, 709, 'PERSON', 'Rui Tavares', 'Rui Tavares'],
  ]);
  // wink's own value entities come along, typed.
  assert.ok(ms.some((m) => m.type === 'DATE' && m.text === 'March 3'));
});

/** Mentions of `changed`, mapped back to offsets of the original through `toOriginal`. */
function mappedBack(changed: string, toOriginal: (offset: number) => number) {
  return named(findEntities(changed, noEntityHints)).map((m) => {
    assert.equal(changed.slice(m.span.start, m.span.end), m.text);
    return [toOriginal(m.span.start), toOriginal(m.span.end), m.type, m.canonical];
  });
}
const original = named(findEntities(FIXTURE_ARTICLE, noEntityHints)).map((m) => [
  m.span.start,
  m.span.end,
  m.type,
  m.canonical,
]);

test('CRLF line endings shift each range by the carriage returns before it', () => {
  const crlf = FIXTURE_ARTICLE.replace(/\n/g, '\r\n');
  const crBefore = (offset: number) => crlf.slice(0, offset).split('\r').length - 1;
  assert.deepEqual(
    mappedBack(crlf, (o) => o - crBefore(o)),
    original,
  );
});

test('an emoji before an entity shifts later ranges by its two code units', () => {
  const at = FIXTURE_ARTICLE.indexOf('Vilanova, who');
  const withEmoji = `${FIXTURE_ARTICLE.slice(0, at)}😀 ${FIXTURE_ARTICLE.slice(at)}`;
  const ms = mappedBack(withEmoji, (o) => (o >= at + 3 ? o - 3 : o));
  assert.deepEqual(ms, original);
});

test('no-break spaces keep every range', () => {
  const nbsp = FIXTURE_ARTICLE.replace(/ /g, '\u00a0');
  const ms = named(findEntities(nbsp, noEntityHints));
  assertWellFormed(nbsp, ms);
  assert.deepEqual(
    ms.map((m) => [m.span.start, m.span.end, m.type]),
    original.map(([s, e, t]) => [s, e, t]),
  );
});

test('half-typed text never yields a wrong range', () => {
  for (let cut = 0; cut <= FIXTURE_ARTICLE.length; cut += 13) {
    const partial = FIXTURE_ARTICLE.slice(0, cut);
    assertWellFormed(partial, findEntities(partial, noEntityHints));
  }
});

test('empty and blank text yield nothing', () => {
  assert.deepEqual(findEntities('', noEntityHints), []);
  assert.deepEqual(findEntities('  \n\r\n ', noEntityHints), []);
});

test('spelling variants and name order resolve to one canonical name', () => {
  const text =
    'President Park Min-jun met Chancellor Hana Berglund in Oslo. Park Min Jun said the visit mattered. ' +
    'Later, Berglund Hana thanked Park, and Berglund said talks would continue.';
  const persons = findEntities(text, noEntityHints).filter((m) => m.type === 'PERSON');
  assert.deepEqual(
    persons.map((m) => [m.text, m.canonical]),
    [
      ['Park Min-jun', 'Park Min-jun'],
      ['Hana Berglund', 'Hana Berglund'],
      ['Park Min Jun', 'Park Min-jun'],
      ['Berglund Hana', 'Hana Berglund'],
      ['Park', 'Park Min-jun'],
      ['Berglund', 'Hana Berglund'],
    ],
  );
});

test('corpus hints resolve a lone surname and a one-letter misspelling', () => {
  const hints: EntityHints = { known: new Map([['Hana Berglund', 'PERSON']]) };
  const text = 'Talks resumed on Friday, and Berglund welcomed the plan while critics of Berglnd objected.';
  const ms = findEntities(text, hints).filter((m) => m.type === 'PERSON');
  assert.deepEqual(
    ms.map((m) => [m.span.start, m.span.end, m.canonical, m.source]),
    [
      [29, 37, 'Hana Berglund', 'corpus'],
      [73, 80, 'Hana Berglund', 'corpus'],
    ],
  );
  // Without the hint, a lone capitalised word is not guessed to be anyone.
  assert.equal(findEntities(text, noEntityHints).filter((m) => m.type === 'PERSON').length, 0);
});

test('property: any text gives in-bounds, sorted, non-overlapping mentions that match their text', () => {
  const pieces = fc.constantFrom(
    'Prime Minister Ana Lopes',
    ' said ',
    'Japan',
    '’s ',
    '\r\n',
    '\n',
    '😀',
    '\u00a0',
    '-',
    'University of Lima',
    ' the ',
    '"',
    '“',
    'NATO',
    'X',
    '. ',
    'Lopes',
  );
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.array(pieces).map((a) => a.join('')),
      ),
      (text) => {
        assertWellFormed(text, findEntities(text, noEntityHints));
      },
    ),
    { numRuns: 300 },
  );
});
