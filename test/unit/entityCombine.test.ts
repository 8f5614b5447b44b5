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
