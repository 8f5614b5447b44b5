// The tagger beside the rules, on an article written for this test (all names invented): 'candidates'
// keeps every rule mention and adds the names the rules missed; site furniture and sentence-opening
// common words are never added; 'off' is the rule engine alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import { combineWithTagger, recogniseEntities } from '../../server/src/analysis/entities/combine';
import { noEntityHints, type EntityMention } from '../../server/src/analysis/types';

const TEXT = `Sports
Opinion

Ferrovale beat Castelbrun 2-1 on Saturday, with Ode Marrin scoring twice for the hosts.
Heavy rain delayed the start. Marrin, 24, joined Ferrovale from Dunmoor Athletic last year.
The league leaders, Pellmarch Rovers, drew 0-0 at Lisk.
Kaveri Textiles Ltd said its profit rose. Kaveri employs 400 people in Tarnow.
`;

const VALUES = new Set(['DATE', 'TIME', 'MONEY', 'PERCENT', 'CARDINAL']);
const rows = (ms: EntityMention[]) =>
  ms.filter((m) => !VALUES.has(m.type)).map((m) => `${m.text}/${m.type}@${m.span.start}`);

test("'off' is the rule engine alone", () => {
  assert.deepEqual(recogniseEntities(TEXT, noEntityHints, 'off'), findEntities(TEXT, noEntityHints));
  assert.deepEqual(recogniseEntities(TEXT, noEntityHints), findEntities(TEXT, noEntityHints));
});

test("'candidates' keeps the rule mentions and adds what they missed", () => {
  const rules = findEntities(TEXT, noEntityHints);
  const combined = combineWithTagger(TEXT, rules, 'candidates');
  const got = rows(combined);
  for (const r of rows(rules)) assert.ok(got.includes(r), `${r} kept`);
  const names = got.map((g) => g.split('@')[0]);
  for (const want of ['Ferrovale/ORG', 'Castelbrun/ORG', 'Lisk/GPE'])
    assert.ok(names.includes(want), `${want} in ${names.join(', ')}`);
  // Both bare occurrences of the club.
  assert.equal(names.filter((n) => n === 'Ferrovale/ORG').length, 2);
  for (const never of ['Sports', 'Opinion', 'Heavy']) {
    assert.ok(!names.some((n) => n.startsWith(`${never}/`)), `${never} is not a name`);
  }
  // Sorted, in bounds, non-overlapping, text matching the span.
  let end = 0;
  for (const m of combined) {
    assert.ok(m.span.start >= end);
    assert.equal(TEXT.slice(m.span.start, m.span.end), m.text);
    end = m.span.end;
  }
});

test("'primary' output is well formed and keeps the values", () => {
  const rules = findEntities(TEXT, noEntityHints);
  const combined = combineWithTagger(TEXT, rules, 'primary');
  const values = (ms: EntityMention[]) => ms.filter((m) => VALUES.has(m.type)).map((m) => m.text);
  assert.deepEqual(values(combined), values(rules));
  let end = 0;
  for (const m of combined) {
    assert.ok(m.span.start >= end);
    end = m.span.end;
  }
});

test('an empty text has no entities in any mode', () => {
  for (const mode of ['off', 'candidates', 'primary'] as const)
    assert.deepEqual(recogniseEntities('', noEntityHints, mode), []);
});

test('names the tagger adds before a lower-case feature word are natural features', () => {
  const text =
    'Hollin Chemical Holdings said on Monday it would raise output. Analysts said Hollin could gain most.\n' +
    'Floods along the Tessa river cut roads near Marrowby, where the Vellin and Osk rivers meet.\n';
  const got = rows(combineWithTagger(text, findEntities(text, noEntityHints), 'candidates')).map(
    (r) => r.split('@')[0],
  );
  for (const want of ['Hollin Chemical Holdings/ORG', 'Vellin/LOC', 'Osk/LOC']) {
    assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
  }
});

const named = (text: string): string[] =>
  rows(combineWithTagger(text, findEntities(text, noEntityHints), 'candidates')).map(
    (r) => r.split('@')[0] as string,
  );

test("'candidates' reads a score card line as a line of names, not a title-case headline", () => {
  const text = `CRICKET - COUNTY SCORES
Tarnbury: Wexmoor 214 (P. Vellam 84, O. Kessling 52; R. Dunmore 4-55), Harlby 108-3 (T. Ashgrove 41).
The Wexmoor captain said the pitch was slow.
`;
  const got = named(text);
  for (const want of ['P. Vellam/PERSON', 'O. Kessling/PERSON', 'R. Dunmore/PERSON', 'T. Ashgrove/PERSON'])
    assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
  // A title-case headline without numbers is still not read for names alone.
  const headline = named('Storm Damage Closes Harbour Roads Across Region\n\nThe storm hit on Monday.\n');
  assert.deepEqual(headline, []);
});

test("'candidates' reads a people's adjective with the longer name the tagger found around it", () => {
  const got = named('The Norvanian Kurds marched in Lisk on Sunday.\n');
  assert.ok(got.includes('Norvanian Kurds/NORP'), got.join(', '));
  assert.ok(!got.includes('Kurds/NORP'), got.join(', '));
});
