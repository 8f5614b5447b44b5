// The rule engine's document stage, one step at a time: company first words, alias resolution through
// the article's and the corpus's names, unclaimed words, short forms and defined acronyms (every name
// here is invented, except the places, which must be in the gazetteer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AliasTable } from '../../server/src/analysis/entities/aliases';
import { resolveAliases } from '../../server/src/analysis/entities/aliasResolution';
import { orgFirstWords, retypeCompanyFirstWords } from '../../server/src/analysis/entities/companyFirstWords';
import { linkAcronyms } from '../../server/src/analysis/entities/definedAcronyms';
import { aliasTableFor } from '../../server/src/analysis/entities/entityIndex';
import { markShortForms, shortForms } from '../../server/src/analysis/entities/shortForms';
import { nameUnclaimedWords } from '../../server/src/analysis/entities/unclaimedWords';
import { noEntityHints, type EntityType } from '../../server/src/analysis/types';
import { drafted, stageInput, unitOf } from './ruleStages.helpers';

/** `text` with drafts over the given words ("Ode Marrin", the `k`-th occurrence), as the typing stage leaves it. */
function withDrafts(text: string, drafts: [string, EntityType, { k?: number; guess?: boolean }?][]) {
  const { view, out } = stageInput(text);
  for (const [words, type, { k = 0, guess = false } = {}] of drafts) {
    const parts = words.split(' ');
    const a = unitOf(view, parts[0] ?? '', k);
    out.emit(a, a + parts.length - 1, type, 'pattern', undefined, guess);
  }
  return { view, out };
}

test('company first words: a bare first word is the company; places and shared first words are not', () => {
  const { view, out } = withDrafts(
    'Norvane Shipping Company grew. Halvard Ports Authority and Halvard Mining Company met. ' +
      'Norway Fishing Company left. Norvane said so.',
    [
      ['Norvane Shipping Company', 'ORG'],
      ['Halvard Ports Authority', 'ORG'],
      ['Halvard Mining Company', 'ORG', { k: 1 }],
      ['Norway Fishing Company', 'ORG'],
      ['Norvane', 'PERSON', { k: 1 }],
    ],
  );
  const firsts = orgFirstWords(out.drafts, view.text, out.places);
  assert.deepEqual([...firsts], [['Norvane', 'Norvane Shipping Company']]);
  retypeCompanyFirstWords(out.drafts, firsts);
  assert.equal(drafted(view, out)[4], 'Norvane/ORG=Norvane Shipping Company');
});

test('alias resolution: a surname is the full name, a known person after a preposition is the person', () => {
  const { view, out } = withDrafts('Ode Marrin spoke. Later Marrin left. A letter from Marrin came.', [
    ['Ode Marrin', 'PERSON'],
    ['Marrin', 'PERSON', { k: 1 }],
    ['Marrin', 'GPE', { k: 2, guess: true }],
  ]);
  out.places.set('Marrin', false);
  resolveAliases(out, view.text, aliasTableFor(noEntityHints), noEntityHints);
  assert.deepEqual(drafted(view, out), [
    'Ode Marrin/PERSON',
    'Marrin/PERSON=Ode Marrin',
    'Marrin/PERSON?=Ode Marrin',
  ]);
  assert.equal(out.places.has('Marrin'), false, 'no longer a place of this article');
});

test('alias resolution: a guessed name the corpus knows takes the corpus type', () => {
  const hints = { known: new Map<string, 'ORG'>([['Tamsen Herald', 'ORG']]) };
  const { view, out } = withDrafts('Reporters at Tamsen Herald wrote it.', [
    ['Tamsen Herald', 'PERSON', { guess: true }],
  ]);
  resolveAliases(out, view.text, aliasTableFor(hints), hints);
  assert.deepEqual(drafted(view, out), ['Tamsen Herald/ORG?']);
});

test('unclaimed words: known people, places named here, company first words, agency credits, X', () => {
  const text =
    'Ode Marrin spoke. Then Marrin and KESTOWN officials met (dpa). He posted on X. Norvane said no.';
  const { view, out } = withDrafts(text, [['Ode Marrin', 'PERSON']]);
  out.places.set('Kestown', true);
  const table = new AliasTable();
  table.resolveFull('Ode Marrin');
  const input = { text, tokens: view.tokens, units: view.units, hints: noEntityHints };
  nameUnclaimedWords(out, input, table, new Map([['Norvane', 'Norvane Shipping']]));
  assert.deepEqual(drafted(view, out), [
    'Ode Marrin/PERSON',
    'Marrin/PERSON=Ode Marrin',
    'KESTOWN/GPE=Kestown',
    'dpa/ORG',
    'X/ORG',
    'Norvane/ORG=Norvane Shipping',
  ]);
  assert.equal(out.claimed[unitOf(view, 'Marrin', 1)], 1);
});

test('short forms: a company without its ending, a storm, a team nickname, found everywhere', () => {
  const text =
    'Tarvo Re Group Plc and Cyclone Tessaly and the San Diego Padres met. Tarvo Re said Tessaly hit the Padres.';
  const { view, out } = withDrafts(text, [
    ['Tarvo Re Group Plc', 'ORG'],
    ['Cyclone Tessaly', 'EVENT'],
    ['San Diego Padres', 'ORG'],
  ]);
  assert.deepEqual(
    [...shortForms(out.drafts, text, out.lowerWords, out.places)],
    [
      ['Tarvo Re', ['Tarvo Re Group Plc', 'ORG']],
      ['Tessaly', ['Cyclone Tessaly', 'EVENT']],
      ['Padres', ['San Diego Padres', 'ORG']],
    ],
  );
  markShortForms(out, text, new AliasTable());
  assert.deepEqual(drafted(view, out).slice(3), [
    'Tarvo Re/ORG=Tarvo Re Group Plc',
    'Tessaly/EVENT=Cyclone Tessaly',
    'Padres/ORG=San Diego Padres',
  ]);
});

test('defined acronyms: an acronym in brackets after a name is that name wherever it stands', () => {
  const text = 'The Tarsk Ports Authority (TPA) met. The TPA said the TSA agreed.';
  const { view, out } = withDrafts(text, [
    ['Tarsk Ports Authority', 'ORG'],
    ['TPA', 'ORG', { k: 1 }],
    ['TSA', 'ORG'],
  ]);
  linkAcronyms(out.drafts, text);
  assert.deepEqual(drafted(view, out), [
    'Tarsk Ports Authority/ORG',
    'TPA/ORG=Tarsk Ports Authority',
    'TSA/ORG',
  ]);
  assert.equal(out.drafts[1]?.source, 'alias');
});
