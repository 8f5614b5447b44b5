// Calibration of the related-articles channels and how they combine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityCounts, mentionsIn } from '../../server/src/analysis/related/entityFeatures';
import {
  combinedScore,
  corroborationOf,
  entityEvidenceOf,
  passageEvidenceOf,
  textEvidenceOf,
} from '../../server/src/analysis/related/evidence';
import type { EntityMention } from '../../server/src/analysis/types';

test('text evidence is nothing up to the same-topic floor and crosses the default threshold at 0.15', () => {
  assert.equal(textEvidenceOf(0.1), 0);
  assert.ok(Math.abs(textEvidenceOf(0.15) - 0.2) < 0.01);
  assert.ok(textEvidenceOf(0.6) > textEvidenceOf(0.4));
  assert.ok(textEvidenceOf(1) < 1);
});

test('entity evidence never reaches half a score on its own', () => {
  assert.equal(entityEvidenceOf(0.25), 0);
  assert.ok(entityEvidenceOf(1) > 0.4 && entityEvidenceOf(1) < 0.5);
});

test('shared passages count as far as the rest of the text corroborates them', () => {
  assert.equal(corroborationOf(0.1), 0);
  assert.ok(Math.abs(corroborationOf(0.19) - 0.5) < 1e-9);
  assert.equal(corroborationOf(0.5), 1);
  assert.equal(passageEvidenceOf(0.5, 1), 0.6);
  assert.ok(Math.abs(passageEvidenceOf(0.1, 1) - 0.3) < 1e-9);
  assert.equal(passageEvidenceOf(0.5, 0), 0);
});

test('channels combine as a noisy-OR within [0, 1]', () => {
  assert.equal(combinedScore(0, 0, 0), 0);
  assert.ok(Math.abs(combinedScore(0.5, 0.5, 0) - 0.75) < 1e-12);
  assert.equal(combinedScore(1, 0.3, 0.2), 1);
});

test('entity features weigh story-specific types above broad ones and skip value types', () => {
  const at = (start: number, type: EntityMention['type'], canonical: string): EntityMention =>
    ({ text: canonical, type, canonical, span: { start, end: start + 3 } }) as EntityMention;
  const mentions = [
    at(0, 'PERSON', 'Ilves'),
    at(10, 'GPE', 'Calder'),
    at(20, 'GPE', 'Calder'),
    at(30, 'DATE', 'May'),
  ];
  assert.deepEqual(
    [...entityCounts(mentions)],
    [
      ['Ilves', 1],
      ['Calder', 0.8],
    ],
  );
  assert.deepEqual(
    mentionsIn(mentions, [{ start: 8, end: 25 }]).map((m) => m.span.start),
    [10, 20],
  );
});
