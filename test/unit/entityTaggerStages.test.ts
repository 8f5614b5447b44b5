// The stages feature extraction is made of, each on its own: hashing, the document's layout, a word's own
// features and how the document writes it, phrase readings (gazetteer, head words).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { c1, featureId, fnv, sh } from '../../server/src/analysis/entities/tagger/featureHash';
import { gazetteerTags, runHeads } from '../../server/src/analysis/entities/tagger/phraseTags';
import type { TaggerDoc } from '../../server/src/analysis/entities/tagger/taggerDoc';
import { layout } from '../../server/src/analysis/entities/tagger/tokenLayout';
import { docForms, wordFeatures } from '../../server/src/analysis/entities/tagger/wordFeatures';
import { tagTokens } from '../../server/src/analysis/entities/tagger/tagger';
import { analyzeText } from '../../server/src/analysis/text/nlp';

function docOf(text: string): TaggerDoc {
  return { text, tokens: tagTokens(text, analyzeText(text).tokens) };
}

test('feature hashing: the signed mix stores the bits of the unsigned id', () => {
  for (const [template, value] of [
    ['l=', 'tovar'],
    ['w=', 'Brellport'],
    ['s=', 'Xx'],
  ] as const) {
    const stored = new Uint32Array([c1(fnv(template), fnv(value))])[0];
    assert.equal(stored, featureId(template, value));
    assert.ok(featureId(template, value) >= 0, 'ids are unsigned');
  }
  assert.equal(sh('p='), fnv('p='), 'cached hashes are the plain ones');
});

test('token layout: capitals per token, also past the basic plane, and counts per line', () => {
  const text = 'Vell met \u{1D400}lpha | Beta | Gamma\nthe 3 rains of 1996 fell';
  const doc = docOf(text);
  const lay = layout(doc);
  const at = (w: string) => doc.tokens.findIndex((t) => t.value === w);
  assert.equal(lay.upper[at('Vell')], 1);
  assert.equal(lay.upper[at('met')], 0);
  const astral = doc.tokens.findIndex((t) => t.value.includes('\u{1D400}'));
  assert.ok(astral >= 0);
  assert.equal(lay.upper[astral], 1, 'a mathematical capital is a capital');
  assert.equal(lay.lines.bars[at('Beta')], 2);
  assert.equal(lay.lines.digits[at('rains')], 2);
  assert.equal(lay.lines.bars[at('rains')], 0);
  assert.equal(lay.sentence[at('the')], lay.sentence[at('Vell')] + 1, 'a line break ends a sentence');
});

test('word features: spellings of a word share how the document writes it, per document', () => {
  const a = wordFeatures('Harbour');
  assert.equal(wordFeatures('HARBOUR').form, a.form);
  assert.equal(wordFeatures('harbour').form, a.form);
  assert.equal(wordFeatures('Harbour'), a, 'kept per spelling');
  const first = docOf('The harbour was calm. Boats left the Harbour at dawn.');
  const lay = layout(first);
  const marked = docForms(
    first.tokens.map((t) => wordFeatures(t.value)),
    lay,
  );
  assert.equal(a.form.lowerSeen, marked.doc);
  assert.equal(a.form.capMidSeen, marked.doc);
  assert.equal(marked.sports, false);
  // Another document does not see the first one's marks.
  const second = docOf('Harbour fees rose. The club won the match, the cup and the league.');
  const next = docForms(
    second.tokens.map((t) => wordFeatures(t.value)),
    layout(second),
  );
  assert.notEqual(next.doc, marked.doc);
  assert.notEqual(a.form.lowerSeen, next.doc, 'only opening a sentence here');
  assert.notEqual(a.form.capMidSeen, next.doc);
  assert.equal(next.sports, true, 'club, won, match, cup, league');
});

test('phrase readings: gazetteer phrases over several words, and runs ending in a head word', () => {
  const doc = docOf('Trade with the United States grew , said Norvane Central Bank .');
  const words = doc.tokens.map((t) => wordFeatures(t.value));
  const tags = gazetteerTags(doc, words);
  const at = (w: string) => doc.tokens.findIndex((t) => t.value === w);
  assert.equal(tags[at('United')], 'B-GPE');
  assert.equal(tags[at('States')], 'I-GPE');
  assert.equal(tags[at('grew')], '');
  const heads = runHeads(doc);
  assert.deepEqual(
    [heads[at('Norvane')], heads[at('Central')], heads[at('Bank')], heads[at('Trade')]],
    ['ORG', 'ORG', 'ORGh', ''],
  );
});
