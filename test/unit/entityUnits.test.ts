// The rule engine's first stage: wink tokens split at inner hyphens, then glued into name units with
// their shape and position (every name here is invented).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUnits, headingTokens, splitHyphens } from '../../server/src/analysis/entities/units';
import { analyzeText } from '../../server/src/analysis/text/nlp';

function unitsOf(text: string) {
  const tokens = splitHyphens(analyzeText(text).tokens);
  return { tokens, ...buildUnits(text, tokens) };
}

test('hyphenated words are split into their parts, offsets kept', () => {
  const text = 'The anti-Tarsk vote passed.';
  const tokens = splitHyphens(analyzeText(text).tokens);
  const values = tokens.map((t) => t.value);
  assert.ok(values.includes('anti') && values.includes('Tarsk'), values.join(' '));
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.value);
});

test('units join capitalised hyphenated names and plural possessives, not place compounds', () => {
  const { units } = unitsOf(
    "Jae-won Hardy-Vell met the Fishermen's Association and the Correspondents’ Club. Korea-Japan talks went on.",
  );
  const texts = units.map((u) => u.text);
  for (const want of ['Jae-won', 'Hardy-Vell', "Fishermen's", 'Correspondents’'])
    assert.ok(texts.includes(want), `${want} in ${texts.join(' | ')}`);
  assert.ok(!texts.includes('Korea-Japan'), 'two places stay two words');
  assert.ok(texts.includes('Korea') && texts.includes('Japan'));
});

test('units carry their shape and position', () => {
  const text = 'PORT TARSK LIFTS CURFEW\nOfficials in Tarsk said on Monday. Vell agreed.';
  const { units, unitOfTok, tokens } = unitsOf(text);
  const at = (w: string, k = 0) => units.filter((u) => u.text === w)[k];
  assert.equal(at('TARSK')?.allCaps, true);
  assert.equal(at('TARSK')?.titleLine, true, 'an all-capitals line is a heading');
  assert.equal(at('Officials')?.sentenceStart, true, 'after a line break');
  assert.equal(at('Tarsk')?.sentenceStart, false);
  assert.equal(at('Tarsk')?.cap, true);
  assert.equal(at('Vell')?.sentenceStart, true, 'after a full stop');
  assert.equal(at('said')?.cap, false);
  for (const u of units) {
    assert.equal(text.slice(u.start, u.end), u.text);
    for (let k = u.tok; k <= u.lastTok; k++) assert.equal(units[unitOfTok[k] as number], u);
  }
  assert.equal(unitOfTok[tokens.findIndex((t) => t.value === '.')], -1, 'punctuation is no unit');
});

test('heading lines: title case or a few words without a sentence end', () => {
  const text =
    'Tarsk Council Approves New Harbour Plan\nThe council approved the plan on a vote of nine to two.\n';
  const tokens = analyzeText(text).tokens;
  const heading = headingTokens(text, tokens);
  const flag = (w: string) => heading[tokens.findIndex((t) => t.value === w)];
  assert.equal(flag('Approves'), 1);
  assert.equal(flag('approved'), 0);
});
