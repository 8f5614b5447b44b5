// The postings pass of related ranking: which documents go on to be scored exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CandidatePass, distinctive } from '../../server/src/analysis/related/candidates';
import { NO_DISCOUNTS } from '../../server/src/analysis/related/templateDiscounts';
import { FeatureIndex } from '../../server/src/analysis/related/termIndex';

function counts(words: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words.split(' ')) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

/** Document 0 is the query; 1–3 share more and more of its rare words, 4 shares nothing. */
function corpus(): { terms: FeatureIndex; entities: FeatureIndex } {
  const terms = new FeatureIndex();
  const entities = new FeatureIndex();
  const texts = [
    'harbour strike verin dam ilves council',
    'harbour council weather',
    'harbour strike council weather',
    'harbour strike verin dam council',
    'football match goal',
  ];
  texts.forEach((t, doc) => {
    terms.add(doc, counts(t));
    entities.add(doc, new Map());
  });
  // Padding so every feature is rare enough to read.
  for (let doc = 5; doc < 40; doc++) {
    terms.add(doc, counts(`filler${doc} other${doc % 3}`));
    entities.add(doc, new Map());
  }
  return { terms, entities };
}

test('the pass keeps the documents sharing most of the query, best first reached order kept', () => {
  const { terms, entities } = corpus();
  const pass = new CandidatePass(terms, entities);
  const best = pass.best(0, 40, NO_DISCOUNTS, 2);
  assert.deepEqual(new Set(best), new Set([2, 3]));
  // Scratch is cleared: the same query answers the same.
  assert.deepEqual(pass.best(0, 40, NO_DISCOUNTS, 2), best);
  assert.deepEqual(new Set(pass.best(0, 40, NO_DISCOUNTS, 10)), new Set([1, 2, 3]));
});

test('distinctive features skip words only the query has and discounted ones', () => {
  const { terms } = corpus();
  const ilves = terms.idOf('ilves') as number;
  const verin = terms.idOf('verin') as number;
  const ids = distinctive(terms, 0, 10, new Map()).map((f) => f.id);
  assert.ok(!ids.includes(ilves), 'a word no other document has opens no postings');
  assert.ok(ids.includes(verin));
  const without = distinctive(terms, 0, 10, new Map([[verin, 1]])).map((f) => f.id);
  assert.ok(!without.includes(verin));
});
