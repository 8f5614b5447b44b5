// Page structure, first stages: lines, line shape and the cue classes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from '../../server/src/analysis/structure/lines';
import { isBodyShaped, isHeadlineShaped, isLabelShaped } from '../../server/src/analysis/structure/shape';
import {
  datelineLength,
  isBylineCue,
  isCaptionCue,
  isDateStamp,
  isNavigation,
  leadingDateStamp,
} from '../../server/src/analysis/structure/cues';
import { cleanTitle, mentionsTitle } from '../../server/src/analysis/structure/title';

test('lines keep trimmed offsets, blocks and the blank lines above them', () => {
  const text = '  Title here  \r\n\r\n\nFirst para.\nSecond para.';
  const lines = splitLines(text);
  assert.equal(lines.length, 5);
  assert.equal(text.slice(lines[0].start, lines[0].end), 'Title here');
  assert.deepEqual(
    lines.map((l) => l.block),
    [0, -1, -1, 1, 1],
  );
  assert.equal(lines[3].blankBefore, 2);
  assert.equal(text.slice(lines[4].start, lines[4].end), 'Second para.');
});

test('line shape tells headlines, body text and section labels apart', () => {
  assert.ok(isHeadlineShaped('Ferry crews in Orlund vote to strike over new rosters'));
  assert.ok(!isHeadlineShaped('The crews voted on Tuesday to walk out for a day.'));
  assert.ok(!isHeadlineShaped('BUSINESS AND MARKETS'));
  assert.ok(!isHeadlineShaped('— Reported by Orlund Wire'));
  assert.ok(!isHeadlineShaped('» Five walks along the coast'));
  assert.ok(isBodyShaped('The crews voted on Tuesday to walk out for a day.'));
  assert.ok(isLabelShaped('SPORT'));
  assert.ok(isLabelShaped('Sport'));
  assert.ok(!isLabelShaped('Bitter memories'));
});

test('navigation: menus, breadcrumbs, previous/next links, tickers and weather', () => {
  assert.ok(isNavigation('Home | World | Business | Sport | Opinion'));
  assert.ok(isNavigation('Orlund Post > News > Region > Harbour'));
  assert.ok(isNavigation('PREV Harbour tolls rise again'));
  assert.ok(isNavigation('IDX 1,204.55 ▲0.8% | Kell Mining 88.10 ▼2.3%'));
  assert.ok(isNavigation('Orlund 9°C, rain | Vessby 12°C, sun'));
  assert.ok(!isNavigation('Next week, the council will vote again on the harbour tolls.'));
});

test('bylines, date stamps, datelines and captions by their cues', () => {
  assert.ok(isBylineCue('By Ines Marwood and Tal Ferrin'));
  assert.ok(isBylineCue('Posted : 2026-05-19 18:10 | By Ines Marwood'));
  assert.ok(isBylineCue('Staff Correspondent, Vessby'));
  assert.ok(!isBylineCue('Bystanders said the fire began in the kitchen.'));
  assert.ok(isDateStamp('Published 3 March 2026, 07:30 | Updated 3 March 2026, 11:05'));
  assert.ok(isDateStamp('Thursday, October 22, 2026'));
  assert.ok(!isDateStamp('The strike began on Thursday, October 22, after talks failed.'));
  assert.equal(datelineLength('VESSBY — The council voted.'), 'VESSBY — '.length);
  assert.equal(
    datelineLength('PORT KELL, April 4 (Wire) – Crews struck.'),
    'PORT KELL, April 4 (Wire) – '.length,
  );
  assert.equal(datelineLength('ORLUND: The mayor resigned.'), 'ORLUND: '.length);
  assert.equal(datelineLength('Jan. 9 (Orlund Wire) — Talks resumed.'), 'Jan. 9 (Orlund Wire) — '.length);
  assert.equal(datelineLength('Vessby council voted — again.'), 0);
  assert.ok(isCaptionCue('Crews leave the ferry at Vessby on Monday. (Photo: Ana Brel / Orlund Post)'));
  assert.ok(isCaptionCue('1 of 4 | Crews leave the ferry at Vessby.'));
  assert.ok(isCaptionCue('Crews leave the ferry at Vessby on Monday. KELL/Ana Brel'));
});

test('titles: a glued date stamp is dropped; a line quoting the title is about it', () => {
  assert.ok(leadingDateStamp(' date 2026-01-13 Ferry strike ends') > 0);
  assert.equal(cleanTitle(' date 2026-01-13  Ferry strike   ends'), 'Ferry strike ends');
  assert.equal(cleanTitle('Ferry strike ends'), 'Ferry strike ends');
  assert.ok(mentionsTitle('You have read: Ferry strike ends', 'Ferry strike ends.'));
  assert.ok(!mentionsTitle('Ferry fares rise', 'Ferry strike ends'));
});
