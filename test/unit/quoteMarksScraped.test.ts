// Quote marks as scraped pages type them: doubled single marks for a double one, a quote left open at
// its paragraph end, quoted words in headlines and teasers, a two-word sentence that continues a speaker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from '../../server/src/analysis/quotes/quotes';
import type { EntityMention } from '../../server/src/analysis/types';

function person(text: string, surface: string, canonical = surface): EntityMention[] {
  const out: EntityMention[] = [];
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1))
    out.push({
      span: { start: at, end: at + surface.length },
      type: 'PERSON',
      text: surface,
      canonical,
      source: 'pattern',
    });
  return out;
}

const speech = (text: string, entities: EntityMention[]): [string, string | null][] =>
  findQuotes(text, entities)
    .quotes.filter((q) => q.kind === 'speech')
    .map((q) => [text.slice(q.contentSpan.start, q.contentSpan.end), q.speaker?.name ?? null]);

test("'' and ’’ typed as a closing mark end the quote, and the next paragraph's quote is its own", () => {
  const text =
    "Lucas Verhoeven spoke on Tuesday. \"We kept this plant open longer than the numbers justified,'' he said.\n\n" +
    '"But we cannot keep running three factories," he continued.\n\n' +
    '“Costs went up and volumes went down,’’ Verhoeven said.\n';
  const { quotes, unbalanced } = findQuotes(text, person(text, 'Lucas Verhoeven'));
  assert.equal(unbalanced.length, 0);
  assert.deepEqual(speech(text, person(text, 'Lucas Verhoeven')), [
    ['We kept this plant open longer than the numbers justified,', 'Lucas Verhoeven'],
    ['But we cannot keep running three factories,', 'Lucas Verhoeven'],
    ['Costs went up and volumes went down,', 'Lucas Verhoeven'],
  ]);
  const first = quotes.find((q) => q.kind === 'speech');
  assert.equal(text.slice(first?.span.start, first?.span.end).slice(-2), "''", 'the span takes both marks');
});

test('a quote left open at its paragraph end, not reopened next, ends with its paragraph', () => {
  const text =
    'Priya Lal said she had not been told. "I want a meeting with the board this week.\n\nThe plant has made biscuits since 1962.\n';
  const { quotes, unbalanced } = findQuotes(text, person(text, 'Priya Lal'));
  assert.equal(unbalanced.length, 1);
  assert.deepEqual(speech(text, person(text, 'Priya Lal')), [
    ['I want a meeting with the board this week.', 'Priya Lal'],
  ]);
  assert.ok(quotes.every((q) => q.span.end <= text.indexOf('\n')));
});

test('quoted words of headlines and teasers are not speech unless a reporting verb introduces them', () => {
  const text = [
    "Brackwater counts cost of 'once in a century' Leven flood",
    "Eko Re says Asian exposure 'well within' limits",
    'READ MORE',
    '"We are not finished yet": Felsham chairman vows to fight on',
    '"We will fight on," Rui Castelo said.',
  ].join('\n\n');
  assert.deepEqual(speech(text, person(text, 'Rui Castelo')), [
    ['well within', 'Eko Re'],
    ['We will fight on,', 'Rui Castelo'],
  ]);
});

test('a two-word sentence that carries on a speaker is speech; a two-word term is a scare quote', () => {
  const text =
    '"Farmers have been sold miracle gadgets before," said Rosario Tumang. "They remember."\n\n' +
    'The firm promised a "fair deal" for growers.\n';
  assert.deepEqual(speech(text, person(text, 'Rosario Tumang')), [
    ['Farmers have been sold miracle gadgets before,', 'Rosario Tumang'],
    ['They remember.', 'Rosario Tumang'],
  ]);
});
