// The statistical entity tagger: feature extraction, decoding, the weight file's format checks, and
// the shipped weights on articles written for these tests (every name in them is invented).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { AFTER_O, greedy, viterbi } from '../../server/src/analysis/entities/tagger/decode';
import {
  activeTokens,
  extractFeatures,
  featureId,
  featuresOf,
  layout,
  segments,
  normal,
  shape,
  type TaggerDoc,
} from '../../server/src/analysis/entities/tagger/features';
import { LABELS, LABEL_COUNT, labelId, spansOf } from '../../server/src/analysis/entities/tagger/labels';
import {
  MODEL_FORMAT,
  MODEL_VERSION,
  encodeModel,
  parseModel,
} from '../../server/src/analysis/entities/tagger/model';
import { shippedModel } from '../../server/src/analysis/entities/tagger/shipped';
import { tagDoc, tagTokens } from '../../server/src/analysis/entities/tagger/tagger';
import { refineType } from '../../server/src/analysis/entities/refine';
import { taggedEntities } from '../../server/src/analysis/entities/combine';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import { noEntityHints } from '../../server/src/analysis/types';
import { analyzeText } from '../../server/src/analysis/text/nlp';
import shippedFile from '../../server/src/analysis/entities/tagger/model/entities.json';

function docOf(text: string): TaggerDoc {
  return { text, tokens: tagTokens(text, analyzeText(text).tokens) };
}

test('shape, normal form and hashing', () => {
  assert.equal(shape('Brellport'), 'Xx');
  assert.equal(shape('U.S.'), 'X.X.');
  assert.equal(shape('1996-12-06'), 'd-d-d');
  assert.equal(shape('McAllister'), 'XxXx');
  assert.equal(normal('Score 3:1'), 'score 0:0');
  assert.equal(featureId('w=', 'Tovar'), featureId('w=', 'Tovar'));
  assert.notEqual(featureId('w=', 'Tovar'), featureId('w=', 'tovar'));
  assert.notEqual(featureId('l-1|l=', 'a', 'b'), featureId('l-1|l=', 'b', 'a'));
});

test('layout: sentences, all-caps lines and results rows', () => {
  const text = 'FENWICK ROVERS WIN AGAIN\nMr. Ode Tarrant scored twice. The club won.\nNorthby 3 Southby 1\n';
  const doc = docOf(text);
  const lay = layout(doc);
  const at = (w: string) => doc.tokens.findIndex((t) => t.value === w);
  assert.equal(lay.sentenceStart[at('FENWICK')], 1);
  assert.equal(lay.sentenceStart[at('Mr.')], 1);
  assert.equal(lay.sentenceStart[at('Tarrant')], 0, 'no break after an abbreviation');
  assert.equal(lay.sentenceStart[at('The')], 1);
  assert.equal((lay.lineForm[at('ROVERS')] as number) & 1, 1, 'all-caps line');
  assert.equal((lay.lineForm[at('Tarrant')] as number) & 1, 0);
  assert.equal((lay.lineForm[at('Southby')] as number) & 2, 2, 'results row');
  assert.equal((lay.lineForm[at('club')] as number) & 2, 0);
});

test('features: context, gazetteer and document forms', () => {
  const doc = docOf('Ode Tarrant flew to Norway.\nTARRANT SAYS TRIP WENT WELL\nSo did the tarrant.');
  const feats = extractFeatures(doc);
  assert.equal(feats.at.length, doc.tokens.length + 1);
  const has = (i: number, id: number) => featuresOf(feats, i).includes(id);
  const norway = doc.tokens.findIndex((t) => t.value === 'Norway');
  assert.ok(has(norway, featureId('w=', 'Norway')));
  assert.ok(has(norway, featureId('l-1=', 'to')));
  assert.ok(has(norway, featureId('g=', 'B-GPE')), 'a country of the gazetteer');
  const caps = doc.tokens.findIndex((t) => t.value === 'TARRANT');
  assert.ok(has(caps, featureId('tl=', 'Tarrant')), 'title-cased form on an all-caps word');
  const first = doc.tokens.findIndex((t) => t.value === 'Tarrant');
  assert.ok(
    has(first, featureId('doc=', 'LC')),
    'written in lower case elsewhere, and capitalised mid-sentence',
  );
  assert.ok(has(first, featureId('l-1|l=', 'ode', 'tarrant')));
  // Same document, same features.
  assert.deepEqual(extractFeatures(doc), feats);
  // Rule labels are features only when given.
  const withRules = extractFeatures({ ...doc, rules: doc.tokens.map(() => 'O') });
  assert.ok(featuresOf(withRules, 0).includes(featureId('r=', 'O')));
  assert.ok(!featuresOf(feats, 0).includes(featureId('r=', 'O')));
});

test('active tokens: capitalised words, the words between them and a number after them', () => {
  const doc = docOf('The fans of Bank of England and the club cheered at Euro 96 in the rain .');
  const lay = layout(doc);
  const active = activeTokens(doc, lay);
  const on = doc.tokens.filter((_, i) => active[i]).map((t) => t.value);
  assert.deepEqual(on, ['The', 'fans', 'of', 'Bank', 'of', 'England', 'Euro', '96']);
  const feats = extractFeatures(doc, lay, active);
  const rain = doc.tokens.findIndex((t) => t.value === 'rain');
  assert.equal(featuresOf(feats, rain).length, 0, 'an inactive token has no features');
  assert.deepEqual(
    segments(lay, active).map((s) => [doc.tokens[s.start]?.value, doc.tokens[s.end - 1]?.value, s.opens]),
    [
      ['The', 'England', true],
      ['Euro', '96', false],
    ],
  );
  // A rule engine name in lower case is read too.
  const ruled = activeTokens(
    { ...doc, rules: doc.tokens.map((t) => (t.value === 'rain' ? 'B-EVENT' : 'O')) },
    lay,
  );
  assert.equal(ruled[rain], 1);
});

test('tagger tokens keep hyphenated words whole and drop line breaks', () => {
  const text = 'Jae-won Ode left.\n\nSo - it goes';
  const tokens = tagTokens(text, analyzeText(text).tokens);
  assert.deepEqual(
    tokens.map((t) => t.value),
    ['Jae-won', 'Ode', 'left', '.', 'So', '-', 'it', 'goes'],
  );
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.value);
});

test('decoding: Viterbi follows transitions and never opens with I-', () => {
  const L = LABEL_COUNT;
  const n = 3;
  const e = new Float32Array(n * L);
  // Token 0 prefers I-PER (not allowed at a start), then B-PER is best; token 1 prefers I-PER.
  e[0 * L + labelId('I-PER')] = 5;
  e[0 * L + labelId('B-PER')] = 3;
  e[1 * L + labelId('I-PER')] = 2;
  e[1 * L + labelId('O')] = 1.5;
  e[2 * L + labelId('O')] = 1;
  const t = new Float32Array((L + 1) * L);
  const best = Array.from(viterbi(e, n, t), (k) => LABELS[k]);
  assert.deepEqual(best, ['B-PER', 'I-PER', 'O']);
  assert.deepEqual(
    Array.from(greedy(e, n, t), (k) => LABELS[k]),
    ['B-PER', 'I-PER', 'O'],
  );
  // A strong O → O transition makes Viterbi give up the person; greedy cannot look ahead.
  t[(labelId('B-PER') + 1) * L + labelId('I-PER')] = -10;
  assert.deepEqual(
    Array.from(viterbi(e, n, t), (k) => LABELS[k]),
    ['B-PER', 'O', 'O'],
  );
  assert.deepEqual(viterbi(e, 0, t).length, 0);
  // A run that follows an O reads the transitions after O, not those of a sentence start.
  const u = new Float32Array((L + 1) * L);
  u[AFTER_O * L + labelId('B-PER')] = -10;
  assert.equal(LABELS[viterbi(e, n, u)[0] as number], 'B-PER');
  assert.equal(LABELS[viterbi(e, n, u, AFTER_O)[0] as number], 'O');
});

test('spans of a label sequence', () => {
  const ids = ['B-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'B-ORG', 'I-ORG'].map(labelId);
  assert.deepEqual(spansOf(ids), [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
    { start: 4, end: 5, type: 'LOC' },
    { start: 5, end: 7, type: 'ORG' },
  ]);
});

test('weight file: round trip, and version, format and size are checked', () => {
  const L = LABEL_COUNT;
  const keys = [featureId('w=', 'Tovar'), featureId('b'), featureId('tiny')];
  const w = new Float32Array(keys.length * L);
  w[0 * L + labelId('B-PER')] = 2;
  w[1 * L + labelId('O')] = 0.5;
  w[2 * L + labelId('O')] = 0.001;
  const t = new Float32Array((L + 1) * L);
  const file = encodeModel(keys, w, t, { ruleFeatures: false, prune: 0.01 });
  assert.equal(file.format, MODEL_FORMAT);
  assert.equal(file.version, MODEL_VERSION);
  const m = parseModel(JSON.parse(JSON.stringify(file)));
  assert.equal(m.keys.length, 2, 'the tiny row is pruned');
  assert.ok(m.row(featureId('tiny')) < 0);
  const table = {
    ids: new Uint32Array([keys[0] as number, keys[1] as number]),
    at: new Int32Array([0, 2]),
    wordEnd: new Int32Array([1]),
    active: new Uint8Array([1]),
    words: ['Tovar'],
  };
  const em = m.emissions(table, 0, 1);
  assert.ok(Math.abs((em[labelId('B-PER')] as number) - 2) < 1e-3);
  assert.ok(Math.abs((em[labelId('O')] as number) - 0.5) < 1e-3);
  assert.throws(() => parseModel({ ...file, version: MODEL_VERSION + 1 }), /version/);
  assert.throws(() => parseModel({ ...file, format: 'something-else' }), /not an entity tagger model/);
  assert.throws(() => parseModel({ ...file, labels: ['O'] }), /labels/);
  assert.throws(() => parseModel({ ...file, weights: file.weights.slice(0, 8) }), /truncated/);
  assert.throws(() => parseModel(null), /not an entity tagger model/);
});

test('the shipped weights: current version, compact, quick to load', () => {
  assert.equal(shippedFile.format, MODEL_FORMAT);
  assert.equal(shippedFile.version, MODEL_VERSION);
  assert.ok(JSON.stringify(shippedFile).length < 10 * 1024 * 1024, 'under 10 MB');
  const t0 = performance.now();
  parseModel(shippedFile);
  const ms = performance.now() - t0;
  assert.ok(ms < 300, `parsed in ${ms.toFixed(0)} ms`);
});

const ARTICLE = `Brellport Holdings names new chief

VARDENHOLM, March 3 - Brellport Holdings said on Tuesday that Ilsa Maranova would become its chief
executive in June. Maranova, who ran the company's shipping arm in Norway, replaces Teodor Vanck.
"We are ready," Maranova told reporters in Oslo. Shares of Brellport rose 4 percent.
`;

test('the shipped weights tag an article written for this test', () => {
  const found = taggedEntities(ARTICLE, findEntities(ARTICLE, noEntityHints)).map(
    (e) => `${ARTICLE.slice(e.start, e.end)}/${e.type}`,
  );
  // Without the rule engine's labels as features the tagger still finds the names.
  const bare = tagDoc(shippedModel(), docOf(ARTICLE)).entities.map(
    (e) => `${ARTICLE.slice(e.start, e.end)}/${e.type}`,
  );
  assert.ok(bare.includes('Ilsa Maranova/PER'), bare.join(', '));
  for (const want of [
    'Ilsa Maranova/PER',
    'Teodor Vanck/PER',
    'Norway/LOC',
    'Oslo/LOC',
    'Brellport Holdings/ORG',
  ]) {
    assert.ok(found.includes(want), `${want} in ${found.join(', ')}`);
  }
  assert.ok(!found.some((f) => f.startsWith('Tuesday') || f.startsWith('Shares')), found.join(', '));
});

test('coarse types refined to ours', () => {
  assert.equal(refineType('Norway', 'LOC'), 'GPE');
  assert.equal(refineType('NORWAY', 'LOC'), 'GPE');
  assert.equal(refineType('Vardenholm', 'LOC'), 'GPE');
  assert.equal(refineType('Kessel River', 'LOC'), 'LOC');
  assert.equal(refineType('Tovar Stadium', 'LOC'), 'FAC');
  assert.equal(refineType('Norwegian', 'MISC'), 'NORP');
  assert.equal(refineType('Brellport Cup', 'MISC'), 'EVENT');
  assert.equal(refineType('Brellspeak', 'MISC'), undefined);
  assert.equal(refineType('Ilsa Maranova', 'PER'), 'PERSON');
  assert.equal(refineType('Kessel Airport', 'ORG'), 'FAC');
});

test("the tagger's MISC names a people by its last word, a compound of peoples, or a tour", () => {
  assert.equal(refineType('Vardenish Kurds', 'MISC'), 'NORP');
  assert.equal(refineType('Arab-Norvanian', 'MISC'), 'NORP');
  assert.equal(refineType('Brellport Masters', 'MISC'), 'EVENT');
  assert.equal(refineType('Kessel Series', 'MISC'), 'EVENT');
  // A product or a work stays out of our types.
  assert.equal(refineType('Brellspeak Pro', 'MISC'), undefined);
  assert.equal(refineType('Brell-Kessel', 'MISC'), undefined);
});
