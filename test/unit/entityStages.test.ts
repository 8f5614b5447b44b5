// The rule engine's shared stages on their own: drafts and their overlaps, the shared lookups, and the
// document stage that settles a recogniser's drafts by the whole article (every name here is invented,
// except the places, which must be in the gazetteer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDocumentEvidence, type Recognised } from '../../server/src/analysis/entities/documentEvidence';
import { type Draft, resolveOverlaps } from '../../server/src/analysis/entities/drafts';
import { gazetteer, teamPlace } from '../../server/src/analysis/entities/lexicon';
import { buildUnits, splitHyphens } from '../../server/src/analysis/entities/units';
import { analyzeText } from '../../server/src/analysis/text/nlp';
import { noEntityHints, type EntitySource, type EntityType } from '../../server/src/analysis/types';

const draft = (start: number, end: number, type: EntityType, canonical = ''): Draft => ({
  start,
  end,
  type,
  canonical,
  source: 'pattern',
  guess: false,
});

test('overlapping drafts: the longer one, then the earlier; a name over a value', () => {
  const kept = resolveOverlaps([
    draft(10, 14, 'GPE'),
    draft(0, 8, 'ORG'),
    draft(4, 12, 'PERSON'),
    draft(20, 30, 'DATE'),
    draft(22, 26, 'ORG'),
  ]);
  assert.deepEqual(
    kept.map((d) => `${d.start}-${d.end}:${d.type}`),
    ['0-8:ORG', '10-14:GPE', '22-26:ORG'],
  );
});

test('gazetteer lookups try the title case of capitals and the spelling without marks', () => {
  assert.equal(gazetteer('Norway', false)?.type, 'GPE');
  assert.equal(gazetteer('NORWAY', true)?.type, 'GPE');
  assert.equal(gazetteer('İstanbul', false)?.type, 'GPE', 'the table spells it Istanbul');
  assert.equal(gazetteer('Tarskavell', false), undefined);
  assert.ok(teamPlace('San Diego', 2, false), 'a polity before a team name');
  assert.ok(!teamPlace('Tarskavell', 1, false));
});

/** A recogniser's state after reading `text`, with the given drafts. */
function recognised(text: string, drafts: Draft[]) {
  const tokens = splitHyphens(analyzeText(text).tokens);
  const { units } = buildUnits(text, tokens);
  const rec: Recognised = {
    drafts,
    places: new Map(),
    claimed: new Uint8Array(units.length),
    lowerWords: new Set(units.filter((u) => !u.cap).map((u) => u.text)),
    emitSpan(start: number, end: number, type: EntityType, source: EntitySource, canonical: string) {
      drafts.push({ start, end, type, canonical, source, guess: false });
    },
  };
  return { rec, input: { text, tokens, units, hints: noEntityHints } };
}

test('document stage: a storm by its short form, a defined acronym, a bare first word of a company', () => {
  const text =
    'Cyclone Tessaly hit the coast. Halvard Shipping Company and the Tarsk Ports Authority (TPA) said ' +
    'Tessaly would pass. Halvard said the TPA agreed.';
  const at = (w: string, k = 0): [number, number] => {
    let i = -1;
    for (let n = 0; n <= k; n++) i = text.indexOf(w, i + 1);
    return [i, i + w.length];
  };
  const drafts = [
    draft(...at('Cyclone Tessaly'), 'EVENT', 'Cyclone Tessaly'),
    draft(...at('Halvard Shipping Company'), 'ORG', 'Halvard Shipping Company'),
    draft(...at('Tarsk Ports Authority'), 'ORG', 'Tarsk Ports Authority'),
    draft(...at('Halvard', 1), 'PERSON', 'Halvard'),
    draft(...at('TPA'), 'ORG', 'TPA'),
    draft(...at('TPA', 1), 'ORG', 'TPA'),
  ];
  const { rec, input } = recognised(text, drafts);
  applyDocumentEvidence(rec, input);
  const got = resolveOverlaps(rec.drafts).map(
    (d) => `${text.slice(d.start, d.end)}/${d.type}/${d.canonical}`,
  );
  for (const want of [
    'Tessaly/EVENT/Cyclone Tessaly',
    'Halvard/ORG/Halvard Shipping Company',
    'TPA/ORG/Tarsk Ports Authority',
  ])
    assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
  assert.equal(got.filter((g) => g === 'TPA/ORG/Tarsk Ports Authority').length, 2);
});

test('document stage records its questions to the hints', () => {
  const text = 'Ode Marrin spoke. Marrin left.';
  const { rec, input } = recognised(text, [draft(0, 10, 'PERSON', 'Ode Marrin')]);
  const journal: { call: string }[] = [];
  applyDocumentEvidence(rec, { ...input, journal: journal as never });
  assert.ok(journal.some((s) => s.call === 'anyHints'));
  const marrin = rec.drafts.find((d) => text.slice(d.start, d.end) === 'Marrin');
  assert.equal(marrin?.canonical, 'Ode Marrin', 'a surname alone is the full name of the article');
});
