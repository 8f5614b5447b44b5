import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassageIndex } from '../../server/src/analysis/passageIndex';
import {
  defaultAnalysisOptions,
  type AnalysisOptions,
  type SharedPassage,
} from '../../server/src/analysis/types';

const options: AnalysisOptions = defaultAnalysisOptions;

const WIRE =
  'Rescue teams reached the flooded village of Marrow Creek on Thursday after two days of heavy rain cut the only road into the valley.';
const WIRE_2 =
  'Officials said more than three hundred homes were damaged and that drinking water would be trucked in until the pumps are repaired.';
const WIRE_3 =
  'The regional governor promised emergency funds for farmers whose fields were washed away by the swollen river overnight.';

function article(intro: string, ...paragraphs: string[]): string {
  return [intro, ...paragraphs].join('\n\n');
}

const OWN_A =
  'Our correspondent in the valley describes a long night of sirens and sandbags along the main street.';
const OWN_B =
  'Local radio reported the story first, quoting volunteers who spent the night moving livestock uphill.';
const OWN_C =
  'The town council will meet next week to discuss how the valley can prepare for the next big storm.';

function texts(text: string, passages: SharedPassage[], others: Map<string, string>): string[][] {
  return passages.map((p) => [
    text.slice(p.span.start, p.span.end),
    p.otherUri,
    (others.get(p.otherUri) ?? '').slice(p.otherSpan.start, p.otherSpan.end),
  ]);
}

test('an exact shared paragraph is linked with exact spans in both files', () => {
  const index = new PassageIndex();
  const a = article(OWN_A, WIRE, OWN_C);
  const b = article(OWN_B, WIRE);
  index.add('a', a);
  index.add('b', b);
  const docs = new Map([
    ['a', a],
    ['b', b],
  ]);
  assert.deepEqual(texts(a, index.shared('a', options), docs), [[WIRE, 'b', WIRE]]);
  assert.deepEqual(texts(b, index.shared('b', options), docs), [[WIRE, 'a', WIRE]]);
  const [p] = index.shared('a', options);
  assert.equal(p.similarity, 1);
  assert.equal(p.boilerplate, false);
  assert.equal(p.fileCount, 2);
  assert.equal(p.span.start, a.indexOf(WIRE));
});

test('wire copy with a changed word and a fixed typo links one passage with its similarity', () => {
  const edited = WIRE.replace('the only road', 'a only road').replace('flooded', 'floodded');
  const index = new PassageIndex();
  const a = article(OWN_A, WIRE);
  const b = article(OWN_B, edited);
  index.add('a', a);
  index.add('b', b);
  const [p, ...rest] = index.shared('a', options);
  assert.equal(rest.length, 0);
  assert.equal(a.slice(p.span.start, p.span.end), WIRE);
  assert.equal(b.slice(p.otherSpan.start, p.otherSpan.end), edited);
  assert.ok(p.similarity > 0.9 && p.similarity < 1, String(p.similarity));
});

test('curly vs straight quotes, line breaks and re-cased words do not break a passage', () => {
  const quoted =
    'The mayor said “we will not leave anyone behind, whatever the weather brings this week” to reporters.';
  const variant =
    'The mayor said "we will not leave anyone behind,\nwhatever the weather brings this Week" to reporters.';
  const index = new PassageIndex();
  index.add('a', article(OWN_A, quoted));
  const b = article(OWN_B, variant);
  index.add('b', b);
  const [p] = index.shared('a', options);
  assert.equal(b.slice(p.otherSpan.start, p.otherSpan.end), variant);
});

test('a sentence dropped from one copy still links the stretches on both sides', () => {
  const short = 'Volunteers arrived with boats and blankets';
  const full = `${WIRE} Nobody was reported missing by the evening. ${short} as the water kept rising.`;
  const cut = `${WIRE} ${short} as the water kept rising.`;
  const index = new PassageIndex();
  const a = article(OWN_A, full);
  const b = article(OWN_B, cut);
  index.add('a', a);
  index.add('b', b);
  const got = index.shared('a', options).map((p) => a.slice(p.span.start, p.span.end));
  assert.deepEqual(got, [WIRE, `${short} as the water kept rising.`]);
});

test('passages under the minimum length are not shared passages', () => {
  const index = new PassageIndex();
  index.add('a', article(OWN_A, 'Heavy rain cut the only road into the valley again.'));
  index.add('b', article(OWN_B, 'Floods: heavy rain cut the only road into the valley on Thursday.'));
  assert.deepEqual(index.shared('a', options), []);
  assert.equal(index.shared('a', { ...options, minSharedWords: 8 }).length, 1);
});

const FOOTER =
  'Copyright Valley Post Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.';

test('a passage carried by many files is boilerplate, reported once with its file count', () => {
  const index = new PassageIndex();
  const bodies = [OWN_A, OWN_B, OWN_C, WIRE_2, WIRE_3];
  bodies.forEach((body, i) => index.add(`f${i}`, article(body, FOOTER)));
  for (let i = 0; i < bodies.length; i++) {
    const shared = index.shared(`f${i}`, options);
    assert.equal(shared.length, 1);
    assert.equal(shared[0].boilerplate, true);
    assert.equal(shared[0].fileCount, 5);
  }
});

test('in a small corpus a passage in three files is still copied reporting, not boilerplate', () => {
  const index = new PassageIndex();
  [OWN_A, OWN_B, OWN_C].forEach((body, i) => index.add(`f${i}`, article(body, WIRE)));
  const shared = index.shared('f0', options);
  assert.deepEqual(
    shared.map((p) => [p.otherUri, p.boilerplate, p.fileCount]),
    [
      ['f1', false, 3],
      ['f2', false, 3],
    ],
  );
  const strict = index.shared('f0', { ...options, boilerplateMinFiles: 3 });
  assert.deepEqual(
    strict.map((p) => [p.boilerplate, p.fileCount]),
    [[true, 3]],
  );
});

test('add and remove return the files whose shared passages changed, and update them', () => {
  const index = new PassageIndex();
  assert.deepEqual([...index.add('a', article(OWN_A, WIRE))], []);
  assert.deepEqual([...index.add('c', article(OWN_C, WIRE_3))], []);
  assert.deepEqual([...index.add('b', article(OWN_B, WIRE, WIRE_2))], ['a']);
  assert.equal(index.shared('a', options).length, 1);
  // Editing b so that it no longer carries the wire paragraph affects a, which loses its link.
  assert.deepEqual([...index.add('b', article(OWN_B, WIRE_2))], ['a']);
  assert.deepEqual(index.shared('a', options), []);
  // An edit that pastes the paragraph again creates the link again.
  index.add('b', article(OWN_B, WIRE_2, WIRE));
  assert.equal(index.shared('a', options).length, 1);
  assert.deepEqual([...index.remove('b')], ['a']);
  assert.deepEqual(index.shared('a', options), []);
  assert.deepEqual(index.shared('b', options), []);
  assert.deepEqual([...index.remove('b')], []);
});

test('offsets stay exact with CRLF line ends and emoji', () => {
  const a = article(OWN_A, WIRE, OWN_C).replace(/\n/g, '\r\n');
  const b = `🌧️🌊 ${article(OWN_B, WIRE.replace('Thursday', 'Thursday 😢'))}`;
  const index = new PassageIndex();
  index.add('a', a);
  index.add('b', b);
  const [p] = index.shared('a', options);
  assert.equal(a.slice(p.span.start, p.span.end), WIRE);
  assert.equal(b.slice(p.otherSpan.start, p.otherSpan.end), WIRE.replace('Thursday', 'Thursday 😢'));
  const [q] = index.shared('b', options);
  assert.deepEqual(q.otherSpan, p.span);
  assert.deepEqual(q.span, p.otherSpan);
});
