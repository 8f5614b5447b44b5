// Retraining the entity tagger from a curator's corrections: the mistakes corrected in one article go away
// in another article that makes them too, and articles without those names keep their entities. Every
// name in these articles is invented.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeLocal } from '../../server/src/analysis/analyzeArticle';
import { makeAnchor } from '../../server/src/analysis/curation/anchor';
import { applyToLocal } from '../../server/src/analysis/curation/applyLocal';
import { CorrectionIndex } from '../../server/src/analysis/curation/correctionIndex';
import {
  articleExamples,
  correctedSpans,
  teachesTagger,
} from '../../server/src/analysis/curation/trainingExamples';
import type { Correction } from '../../server/src/analysis/curation/types';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import { loadModelText } from '../../server/src/analysis/entities/tagger/loadedModels';
import { parseModel } from '../../server/src/analysis/entities/tagger/model';
import { retrainModel, wordFeatureIds } from '../../server/src/analysis/entities/tagger/retrain';
import { shippedModel } from '../../server/src/analysis/entities/tagger/shipped';
import {
  defaultAnalysisOptions,
  neverCancelled,
  noEntityHints,
  type AnalysisOptions,
  type EntityMention,
} from '../../server/src/analysis/types';
import { CORRECTED, FILE, OTHER, UNTOUCHED, correction, labelCorrections } from '../support/retrainArticles';

const CANDIDATES: AnalysisOptions = { ...defaultAnalysisOptions, entityTagger: 'candidates' };

function entitiesOf(text: string, options: AnalysisOptions): EntityMention[] {
  return analyzeLocal(text, options, noEntityHints, neverCancelled).entities;
}

/** Named entities as "text/TYPE", in text order. */
function named(ms: readonly EntityMention[]): string[] {
  return ms
    .filter((m) => !['DATE', 'TIME', 'MONEY', 'PERCENT', 'CARDINAL'].includes(m.type))
    .map((m) => `${m.text}/${m.type}`);
}

/** What the server does on the retrain request, for one article and its corrections. */
function retrainOn(text: string, corrections: Correction[]) {
  const raw = analyzeLocal(text, CANDIDATES, noEntityHints, neverCancelled);
  const corrected = applyToLocal(new CorrectionIndex(corrections), FILE, text, raw).local.entities;
  const base = shippedModel();
  const ex = articleExamples(
    { text, rules: findEntities(text, noEntityHints), corrected, spans: correctedSpans(text, corrections) },
    base,
  );
  const words = new Set(ex.words.flatMap(wordFeatureIds));
  return { ex, trained: retrainModel(base, { examples: ex.sentences, anchors: ex.anchors }, { words }) };
}

const CORRECTIONS = labelCorrections(CORRECTED, FILE);

test('only corrections of spans and types teach the tagger', () => {
  assert.deepEqual(
    CORRECTIONS.map(teachesTagger),
    [true, true],
    'Change type and Not an entity are examples',
  );
  assert.equal(teachesTagger(correction(CORRECTED, 'Kelmar', { kind: 'merge', canonical: 'K' }, 3)), false);
  assert.equal(
    teachesTagger(correction(CORRECTED, 'Kelmar', { kind: 'addEntity', type: 'ORG' }, 4)),
    true,
    'Mark as entity',
  );
});

test('the shipped tagger makes both mistakes in both articles (what the corrections are about)', () => {
  for (const text of [CORRECTED, OTHER]) {
    const found = named(entitiesOf(text, CANDIDATES));
    assert.ok(found.includes('Kelmar/GPE'), `the company typed as a place: ${found.join(', ')}`);
    assert.ok(
      found.some((e) => e.startsWith('Note/')),
      `the common word taken as a name: ${found.join(', ')}`,
    );
  }
});

test('retraining on one article removes the same mistakes in another and leaves other articles alone', () => {
  const { ex, trained } = retrainOn(CORRECTED, CORRECTIONS);
  assert.equal(ex.sentences.length, 2, 'the two corrected sentences are examples');
  assert.equal(ex.unread, 0);
  assert.equal(trained.wrong, 0, 'every example is learnt');
  const { id } = loadModelText(JSON.stringify(trained.model));
  const retrained: AnalysisOptions = { ...CANDIDATES, entityModel: id };

  const before = named(entitiesOf(OTHER, CANDIDATES));
  const after = named(entitiesOf(OTHER, retrained));
  assert.ok(!after.includes('Kelmar/GPE'), `no longer a place: ${after.join(', ')}`);
  assert.ok(after.includes('Kelmar/ORG'), `a company now: ${after.join(', ')}`);
  assert.ok(!after.some((e) => e.startsWith('Note/')), `the common word is no name: ${after.join(', ')}`);
  // The other article's other entities stay.
  const others = (list: string[]) => list.filter((e) => !/^(Kelmar|Note)\//.test(e));
  assert.deepEqual(others(after), others(before));
  assert.ok(after.includes('Brussels/GPE'));

  assert.deepEqual(
    named(entitiesOf(UNTOUCHED, retrained)),
    named(entitiesOf(UNTOUCHED, CANDIDATES)),
    'an article without the corrected names keeps its entities',
  );
});

test('retraining is deterministic, keeps the model format and only adds to the shipped weights', () => {
  const a = retrainOn(CORRECTED, CORRECTIONS).trained;
  const b = retrainOn(CORRECTED, CORRECTIONS).trained;
  assert.equal(JSON.stringify(a.model), JSON.stringify(b.model));
  const model = parseModel(a.model);
  const base = shippedModel();
  assert.equal(model.ruleFeatures, base.ruleFeatures);
  assert.deepEqual(Array.from(model.transitions), Array.from(base.transitions), 'transitions are kept');
  assert.ok(model.keys.length >= base.keys.length, 'no shipped feature is dropped');
});

test('a correction the tagger cannot read (no capital, no rule name) is counted, not learnt', () => {
  const text = 'The ministry said the plan was sent on Friday by courier.';
  const c = correction(text, 'courier', { kind: 'addEntity', type: 'ORG' }, 5);
  const { ex } = retrainOn(text, [c]);
  assert.equal(ex.sentences.length, 0);
  assert.equal(ex.unread, 1);
});

test('corrected spans: a mention at its anchor, wider scopes at every whole word meeting their condition', () => {
  const text = 'Northtown FC won. Northtown voted. The Northtowners cheered. Northtown FC lost.';
  const rule: Correction = {
    id: 'r1',
    scope: 'corpus',
    file: FILE,
    anchor: { text: 'Northtown', before: '', after: '', offset: 0 },
    when: { after: 'FC' },
    kind: 'changeType',
    type: 'ORG',
  };
  const spans = correctedSpans(text, [rule]).map((s) => text.slice(s.start, s.end + 3));
  assert.deepEqual(spans, ['Northtown FC', 'Northtown FC'], 'followed by FC, never inside a longer word');
  const merge: Correction = { ...rule, id: 'r2', kind: 'merge', canonical: 'Northtown FC' };
  assert.deepEqual(correctedSpans(text, [merge]), [], 'a merge teaches no label');
  const second = { start: text.indexOf('Northtown voted'), end: text.indexOf(' voted') };
  const mention: Correction = {
    ...rule,
    id: 'r3',
    scope: 'mention',
    anchor: makeAnchor(text, second),
    kind: 'notEntity',
  };
  assert.deepEqual(correctedSpans(text, [mention]), [second], 'only the anchored occurrence');
});
