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

// Fan-out and boilerplate versus reprints. A wire story of five paragraphs, an outlet page built around it,
// and pages of one site about different stories carrying the site's template.
const STORY = [
  'The strike halted container traffic at the three deep-water berths of Port Calder, leaving more than forty vessels anchored offshore and grain exporters warning of spoiled cargo within days.',
  'Marta Ilves, who leads the Dockworkers Union of Calder, said the walkout would continue until Brennor Shipping agreed to retrain crane operators instead of replacing them with automated gantries.',
  'Brennor Shipping said in a statement that the new cranes would be introduced over five years and that no operator would lose a job before the end of the current contract.',
  'The port authority said it had asked both sides to meet a mediator on Thursday, and that perishable cargo would be unloaded by hand at the old fishing quay in the meantime.',
  'Exporters of barley and rapeseed, who ship most of their harvest through Port Calder, said a week of delays would cost them more than the whole of last year’s storm damage.',
];

/** A made-up but stable word for outlet `i` (names, footers), so no two outlets share a run of words. */
function coined(i: number, salt: number): string {
  const syllables = ['ka', 'ro', 'mi', 'te', 'su', 'na', 'lo', 'vi', 'be', 'da', 'ze', 'po'];
  let n = i * 7919 + salt * 104729 + 13;
  let w = '';
  for (let k = 0; k < 3; k++) {
    w += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length) + 17 * (k + 1);
  }
  return w[0].toUpperCase() + w.slice(1);
}

/** An outlet's own last line: different words at every outlet. */
function outletFooter(i: number): string {
  return `Published by ${coined(i, 1)} ${coined(i, 2)} Media of ${coined(i, 3)}, all rights reserved by ${coined(i, 4)}.`;
}

/** Outlet `i`'s reprint of the whole story, each paragraph with a word changed here and there. */
function reprint(i: number): string {
  const edited = STORY.map((p, k) => {
    if ((i + k) % 3 !== 0) return p;
    const words = p.split(' ');
    words[3 + ((i * 5 + k) % (words.length - 6))] = coined(i, 10 + k).toLowerCase();
    return words.join(' ');
  });
  return [`${coined(i, 5)} ${coined(i, 6)} dockers walk out`, ...edited, outletFooter(i)].join('\n\n');
}

test('a passage reprinted in many files is reported once, with its file count and the closest copies', () => {
  const index = new PassageIndex();
  const a = article('Dockworkers walk out at Port Calder over automated cranes', ...STORY);
  index.add('a', a);
  const outlets = 120;
  for (let i = 0; i < outlets; i++) index.add(`outlet${i}`, reprint(i));
  // However many files carry a passage, it is listed with a few copies (not as boilerplate here).
  const shared = index.shared('a', { ...options, boilerplateMinFiles: 1000 });
  for (const paragraph of STORY) {
    const start = a.indexOf(paragraph);
    const copies = shared.filter((p) => p.span.start === start);
    assert.ok(copies.length >= 1 && copies.length <= 5, `${copies.length} copies listed`);
    for (const c of copies) {
      // Every outlet carries every paragraph; edits make a few fingerprints miss in some copies.
      assert.ok(c.fileCount > outlets * 0.9 && c.fileCount <= outlets + 1, String(c.fileCount));
    }
    // The closest copies come first: unedited ones where there are.
    assert.equal(copies[0].similarity, 1);
  }
});

test('the alignment work of one query stays bounded however many files carry its passages', () => {
  const work = (outlets: number): number => {
    const index = new PassageIndex();
    index.add('a', article('Dockworkers walk out at Port Calder over automated cranes', ...STORY));
    for (let i = 0; i < outlets; i++) index.add(`outlet${i}`, reprint(i));
    const before = index.alignments;
    index.shared('a', options);
    return index.alignments - before;
  };
  const few = work(20);
  const many = work(300);
  // Up to 48 sampled carriers and 16 closest files, plus pairs of sampled carriers judged for one story.
  assert.ok(many <= 80, `${many} alignments for 300 carriers`);
  assert.ok(many <= few + 40, `${few} alignments for 20 carriers, ${many} for 300`);
});
