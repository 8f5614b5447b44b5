// Page structure: furniture blocks (menus, reading lists, adverts, author notes, newsletter, copyright,
// continued-below markers), on pages written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boilerplateKinds } from '../../server/src/analysis/structure/boilerplate';
import { splitLines } from '../../server/src/analysis/structure/lines';
import { analyzeStructure } from '../../server/src/analysis/structure/pageStructure';

/** Kind per non-blank line, as `kind:first three words` (`-` for none). */
function kindsOf(text: string): string[] {
  const lines = splitLines(text);
  const kinds = boilerplateKinds(lines);
  return lines
    .filter((l) => l.text)
    .map((l) => `${kinds[l.index] ?? '-'}:${l.text.split(' ').slice(0, 3).join(' ')}`);
}

const PAGE = [
  'ORLUND POST',
  'Your harbour town paper since 1950',
  'Home | Region | Business | Sport | Subscribe',
  '',
  'Vessby ferry crews vote to strike over new rosters',
  '',
  'VESSBY — Ferry crews voted on Tuesday to walk out for a day after talks over rosters broke down.',
  '',
  'Story continues below advertisement',
  '',
  'The operator said it would run a reduced timetable with managers at the helm.',
  '',
  'Advertisement',
  '',
  'Spring sale at Kell Garden Centre: 20% off seed potatoes. Call now.',
  '',
  'READ MORE',
  'Harbour tolls rise for the third year',
  'Five walks along the Vessby coast',
  '',
  'Ana Brel covers shipping and the coast for the Orlund Post.',
  '',
  'Get the Orlund Post in your inbox. Sign up for our free newsletter.',
  '© 2026 Orlund Post Ltd. All rights reserved.',
].join('\n');

test('each kind of furniture is recognised, and the story lines are not', () => {
  assert.deepEqual(kindsOf(PAGE), [
    'navigation:ORLUND POST',
    'navigation:Your harbour town',
    'navigation:Home | Region',
    '-:Vessby ferry crews',
    '-:VESSBY — Ferry',
    'continued:Story continues below',
    '-:The operator said',
    'advert:Advertisement',
    'advert:Spring sale at',
    'related:READ MORE',
    'related:Harbour tolls rise',
    'related:Five walks along',
    'bio:Ana Brel covers',
    'newsletter:Get the Orlund',
    'copyright:© 2026 Orlund',
  ]);
});

test('an advert marker does not swallow the body paragraph after it', () => {
  const text = 'Advertisement\n\nThe operator said it would run a reduced timetable on Friday.';
  assert.deepEqual(kindsOf(text), ['advert:Advertisement', '-:The operator said']);
});

test('a reading-list header above a full story keeps the story out of the list', () => {
  const text = [
    'MORE FROM THE REGION',
    '',
    'Floods force hundreds from their homes in lower Kell',
    '',
    'KELL — Hundreds of people left their homes on Thursday as the river rose.',
  ].join('\n');
  assert.deepEqual(kindsOf(text), ['related:MORE FROM THE', '-:Floods force hundreds', '-:KELL — Hundreds']);
});

test('a headline above the menu stays a headline when no other one follows', () => {
  const text = [
    'Vessby ferry crews vote to strike',
    'Orlund Post > News > Vessby',
    '',
    'VESSBY — Crews voted.',
  ].join('\n');
  assert.equal(kindsOf(text)[0], '-:Vessby ferry crews');
});

test('furniture comes out as blocks of one kind each', () => {
  const kinds = analyzeStructure(PAGE).boilerplate.map((b) => b.kind);
  assert.deepEqual(kinds, ['navigation', 'continued', 'advert', 'related', 'bio', 'newsletter', 'copyright']);
});
