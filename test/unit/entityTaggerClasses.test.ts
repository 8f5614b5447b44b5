// The tagger beside the rules ('candidates') on pages written for the error classes that rules alone get
// wrong: clubs named after their city, results lines, club acronyms, site furniture and capitalised
// common words, titles and name particles, peoples' adjectives. Every name in them is invented, except
// the cities, which must be in the gazetteer for the rules to read them as places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recogniseEntities } from '../../server/src/analysis/entities/combine';
import { AFTER_O, AFTER_START, bestScore, viterbi } from '../../server/src/analysis/entities/tagger/decode';
import { LABEL_COUNT, labelId } from '../../server/src/analysis/entities/tagger/labels';
import { noEntityHints, type EntityMention } from '../../server/src/analysis/types';

const VALUES = new Set(['DATE', 'TIME', 'MONEY', 'PERCENT', 'CARDINAL']);
const names = (text: string, mode: 'off' | 'candidates'): string[] =>
  recogniseEntities(text, noEntityHints, mode)
    .filter((m: EntityMention) => !VALUES.has(m.type))
    .map((m) => `${m.text}/${m.type}`);

function assertHas(got: readonly string[], wants: readonly string[]): void {
  for (const want of wants) assert.ok(got.includes(want), `${want} in ${got.join(', ')}`);
}

test('a city standing for its club in a sports report is the club', () => {
  const text =
    'Lyon beat Marseille 2-1 in the league on Saturday, with striker Ode Marrin scoring twice. Lyon moved ' +
    'three points clear at the top of the standings after the win, and the coach praised his players.\n';
  assert.ok(names(text, 'off').includes('Lyon/GPE'), 'the rules read the city');
  const got = names(text, 'candidates');
  assert.equal(got.filter((n) => n === 'Lyon/ORG').length, 2, got.join(', '));
  assert.ok(got.includes('Marseille/ORG'), got.join(', '));
  assert.ok(got.includes('Ode Marrin/PERSON'), 'the rules keep the names they read alike');
});

test('club acronyms stay inside their clubs', () => {
  const text =
    'FC Northtown drew 1-1 with Southville FC in the cup, whose captain Pell Ardan was sent off.\n';
  const got = names(text, 'candidates');
  assertHas(got, ['FC Northtown/ORG', 'Southville FC/ORG', 'Pell Ardan/PERSON']);
  assert.ok(!got.includes('FC/ORG'), 'no acronym alone');
});

test('athletes in a results list are found, their countries stay places', () => {
  const text =
    "Women's 800 metres final:\n1. Tova Brenner (Austria) 1:45.32\n2. Ilse Vandermeer (Belgium) 1:45.90\n" +
    '3. Maren Oskarsdottir (Iceland) 1:46.12\n';
  assert.ok(!names(text, 'off').includes('Tova Brenner/PERSON'), 'the rules miss them');
  const got = names(text, 'candidates');
  assertHas(got, [
    'Tova Brenner/PERSON',
    'Ilse Vandermeer/PERSON',
    'Maren Oskarsdottir/PERSON',
    'Austria/GPE',
  ]);
});

test('menus, all-caps labels and capitalised common words are never added', () => {
  const text =
    'Home | World | Energy | Markets | Sports\nCRIME & COURTS\n\nTwo men were charged on Friday. Select ' +
    'committee members said the Energy Minister Bo Lund would testify.\n';
  const got = names(text, 'candidates');
  assert.deepEqual(got, ['Bo Lund/PERSON']);
});

test("titles, name particles, an article's surnames and peoples' adjectives", () => {
  const text =
    'Dr Katharina Vell, the chief economist, met the Minister of State for Energy Affairs, Hamad bin ' +
    'Tarek, at the Marlow Hotel on Monday. Vell said the Norvanian parliament would vote in June.\n' +
    'Talks were held with Anouk de Ridder, the envoy. Later, Ridder said the talks went well.\n';
  const got = names(text, 'candidates');
  assertHas(got, [
    'Katharina Vell/PERSON',
    'Hamad bin Tarek/PERSON',
    'Marlow Hotel/FAC',
    'Vell/PERSON',
    'Norvanian/NORP',
    'Anouk de Ridder/PERSON',
    'Ridder/PERSON',
  ]);
  assert.ok(!got.some((n) => n.startsWith('Energy')), 'a portfolio is not a person');
  const sources = recogniseEntities(text, noEntityHints, 'candidates').filter((m) => m.text === 'Norvanian');
  assert.deepEqual(
    sources.map((m) => m.source),
    ['tagger'],
    "names only the tagger found say so (and do not become the corpus's hints)",
  );
});

test('constrained decoding scores the best sequence that holds a given reading', () => {
  const L = LABEL_COUNT;
  const e = new Float32Array(2 * L);
  e[labelId('B-PER')] = 4;
  e[labelId('O')] = 1;
  e[L + labelId('I-PER')] = 3;
  e[L + labelId('O')] = 2;
  const t = new Float32Array((L + 1) * L);
  assert.deepEqual(Array.from(viterbi(e, 2, t)), [labelId('B-PER'), labelId('I-PER')]);
  assert.equal(bestScore(e, 2, t), 7);
  // Token 0 forced to O: the best left is O O (3); I-PER cannot follow O.
  const forced = new Int32Array([labelId('O'), -1]);
  assert.equal(bestScore(e, 2, t, AFTER_START, forced), 3);
  assert.equal(bestScore(e, 2, t, AFTER_O, new Int32Array([-1, -1])), 7);
  assert.equal(bestScore(e, 0, t), 0);
});

test('a name before a word for waters is a natural feature; a masthead gives no name', () => {
  const text =
    'THE FENWICK GAZETTE\nPort officials closed the Tessa channel to all traffic on Monday, and ships ' +
    'waited near Marrowby.\n';
  const got = names(text, 'candidates');
  assertHas(got, ['Tessa/LOC', 'Marrowby/GPE']);
  assert.ok(!got.some((n) => n.startsWith('FENWICK') || n.startsWith('THE')), got.join(', '));
});
