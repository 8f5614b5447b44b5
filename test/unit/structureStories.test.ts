// Page structure: story starts, headlines and each story's parts, on pages written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeStructure } from '../../server/src/analysis/structure/pageStructure';
import type { Span } from '../../server/src/analysis/types';

const page = (...lines: string[]): string => lines.join('\n');
const at = (text: string, span: Span | undefined): string | undefined =>
  span && text.slice(span.start, span.end);

const ONE = page(
  'ORLUND POST',
  'Home | Region | Business | Sport | Subscribe',
  'IDX 1,204.55 ▲0.8% | Kell Mining 88.10 ▼2.3%',
  '',
  'BUSINESS',
  '',
  'Kell Mining to close its oldest shaft as copper prices slide',
  '',
  'Kell Mining to close its oldest shaft as copper prices slide',
  '',
  'The decision puts about 300 jobs at risk in a town that has mined copper for a century.',
  '',
  'By Ana Brel',
  'Published 3 March 2026, 07:30',
  '',
  'Miners leave the Kell shaft at the end of a shift on Monday. (Photo: Tal Ferrin / Orlund Post)',
  'Miners leave the Kell shaft at the end of a shift on Monday. (Photo: Tal Ferrin / Orlund Post)',
  '',
  'KELL — Kell Mining said on Monday it would close its oldest shaft by the end of the year.',
  '',
  'Chief executive Ruth Ansell said copper prices had fallen by a fifth since the summer.',
  '',
  'Looking ahead',
  '',
  'The company said it would offer miners places at its newer shaft across the valley.',
  '',
  'ALSO READ',
  'Copper price falls to its lowest in three years',
  'Vessby smelter asks for cheaper power',
  '',
  '© 2026 Orlund Post Ltd. All rights reserved.',
);

test('the headline is the real one, below masthead, menu, ticker and section label', () => {
  const { stories } = analyzeStructure(ONE);
  assert.equal(stories.length, 1);
  assert.equal(stories[0].title, 'Kell Mining to close its oldest shaft as copper prices slide');
  assert.equal(at(ONE, stories[0].headline), stories[0].title);
  assert.ok(
    stories[0].headline.start === ONE.indexOf('Kell Mining to close'),
    'first printing of the headline',
  );
});

test('dek, byline with date stamp, captions, dateline and body', () => {
  const [s] = analyzeStructure(ONE).stories;
  assert.equal(
    at(ONE, s.dek),
    'The decision puts about 300 jobs at risk in a town that has mined copper for a century.',
  );
  assert.equal(at(ONE, s.byline), 'By Ana Brel\nPublished 3 March 2026, 07:30');
  assert.equal(s.captions.length, 2);
  assert.match(at(ONE, s.captions[0]) ?? '', /^Miners leave the Kell shaft/);
  assert.equal(at(ONE, s.dateline), 'KELL — ');
  assert.match(at(ONE, s.body) ?? '', /^KELL — Kell Mining said[\s\S]*across the valley\.$/);
  // The reading list and the copyright line after the body are not part of the story.
  assert.ok(s.span.end === (s.body?.end ?? 0));
});

test('a subheading and reading-list items are not stories', () => {
  const titles = analyzeStructure(ONE).stories.map((s) => s.title);
  assert.ok(!titles.includes('Looking ahead'));
  assert.ok(!titles.includes('Copper price falls to its lowest in three years'));
});

const BRIEFS = page(
  'Orlund Post | News | Briefs',
  '',
  'Vessby ferry crews vote to strike over new rosters',
  '',
  'VESSBY — Ferry crews voted on Tuesday to walk out for a day after talks over rosters broke down.',
  '',
  'The operator said it would run a reduced timetable with managers at the helm.',
  '',
  'Kell orchard growers count frost damage after coldest night',
  '',
  'By Tal Ferrin',
  '',
  'Apple growers in the upper valley counted losses after temperatures fell to minus six degrees.',
  '',
  'Growers who ran fans through the night said their blossom had fared better.',
  '',
  '',
  'Young choir from Marrowby wins the national festival prize',
  '',
  'Singers aged nine to fourteen took the top award at the festival with a programme of folk songs.',
  '',
  'Their conductor said the choir would use the prize money to tour schools next spring.',
  '',
  'Get the Orlund Post in your inbox. Sign up for our free newsletter.',
);

test('several stories on one page: by dateline, by byline, by gap and topic shift', () => {
  const stories = analyzeStructure(BRIEFS).stories;
  assert.deepEqual(
    stories.map((s) => s.title),
    [
      'Vessby ferry crews vote to strike over new rosters',
      'Kell orchard growers count frost damage after coldest night',
      'Young choir from Marrowby wins the national festival prize',
    ],
  );
  assert.equal(at(BRIEFS, stories[0].dateline), 'VESSBY — ');
  assert.equal(at(BRIEFS, stories[1].byline), 'By Tal Ferrin');
  assert.match(at(BRIEFS, stories[2].body) ?? '', /^Singers[\s\S]*next spring\.$/);
  // Each story ends where its own text ends; the newsletter line belongs to none.
  assert.ok(stories[2].span.end < BRIEFS.indexOf('Get the Orlund Post'));
  assert.ok(stories[0].span.end < stories[1].span.start);
});

test('a headline on the same topic without byline or dateline stays inside the story', () => {
  const text = page(
    'Vessby ferry crews vote to strike over new rosters',
    '',
    'Ferry crews in Vessby voted on Tuesday to walk out for a day after talks over rosters broke down.',
    '',
    'Crews say the new ferry rosters would keep them at sea for seven days in a row.',
    '',
    'Ferry operator answers the crews',
    '',
    'The ferry operator said the rosters matched those of other crews on the coast.',
    '',
    'Talks between the crews and the operator will resume next week.',
  );
  assert.equal(analyzeStructure(text).stories.length, 1);
});

test('lines about the story ("You have read: ...") and a reprinted headline start nothing', () => {
  const text = page(
    'Vessby ferry crews vote to strike over new rosters',
    '',
    'VESSBY — Ferry crews voted on Tuesday to walk out for a day after talks broke down.',
    '',
    'The operator said it would run a reduced timetable.',
    '',
    'READ MORE',
    'Harbour tolls rise for the third year',
    '',
    'You have read: Vessby ferry crews vote to strike over new rosters',
    '',
    'About the Orlund Post: we publish local news from the coast every day of the year.',
  );
  assert.equal(analyzeStructure(text).stories.length, 1);
});

test('a page without blank lines and a date stamp glued to the headline', () => {
  const text = page(
    ' posted 2026-02-11 Kell wind farm plan wins approval despite objections',
    'The regional planning board approved twelve turbines on the Kell ridge on Tuesday.',
    'The developer agreed to stop the turbines during the busiest weeks of the migration.',
    'RELATED STORIES',
    'Developer eyes second site near the lake',
    'Geese return early to the Kell marshes',
  );
  const { stories, boilerplate } = analyzeStructure(text);
  assert.deepEqual(
    stories.map((s) => s.title),
    ['Kell wind farm plan wins approval despite objections'],
  );
  assert.deepEqual(
    boilerplate.map((b) => b.kind),
    ['related'],
  );
});

test('an empty page has no stories', () => {
  assert.deepEqual(analyzeStructure('').stories, []);
  assert.deepEqual(analyzeStructure('\n\n  \n').stories, []);
});
