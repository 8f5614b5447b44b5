// The same quote across articles: exact and lightly edited copies are found, unrelated quotes and scare
// quotes are not, removal forgets an article.
import { test } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { QuoteIndex } from '../../server/src/analysis/quotes/quoteIndex';
import { findQuotes } from '../../server/src/analysis/quotes/quotes';
import type { Quote } from '../../server/src/analysis/types';

const A =
  'The mayor spoke on Monday.\n\n"We will rebuild the harbour in the forward-looking way our town deserves," said Ines Calvo.\n';
const B =
  'Ines Calvo, the mayor, said: “We will rebuild the harbour in a forward-looking way our town deserves.”\n';
const C = '"Nothing about this storm was normal," said Bo Lin.\n\nThe so-called "plan" failed.\n';
const D = 'Calvo said "we will rebuild the harbour in the forward-looking way" at the meeting.\n';

function build(): { index: QuoteIndex; quotes: Map<string, Quote[]> } {
  const index = new QuoteIndex();
  const quotes = new Map<string, Quote[]>();
  for (const [uri, text] of [
    ['a', A],
    ['b', B],
    ['c', C],
    ['d', D],
  ]) {
    const q = findQuotes(text, []).quotes;
    quotes.set(uri, q);
    index.add(uri, text, q);
  }
  return { index, quotes };
}

test('finds a reprinted quote with one word changed, and a cut copy of it', () => {
  const { index, quotes } = build();
  const qa = quotes.get('a')?.[0];
  assert.ok(qa);
  const same = index.sameQuotes('a', qa);
  assert.deepEqual(
    same.map((s) => s.uri),
    ['b', 'd'],
  );
  assert.equal(same[0].text, 'We will rebuild the harbour in a forward-looking way our town deserves.');
  assert.equal(B.slice(same[0].contentSpan.start, same[0].contentSpan.end), same[0].text);
  assert.ok(same[0].similarity > 0.85 && same[0].similarity < 1);
});

test('unrelated quotes and scare quotes are not matched; remove forgets the article', () => {
  const { index, quotes } = build();
  const qc = quotes.get('c')?.find((q) => q.kind === 'speech');
  assert.ok(qc);
  assert.deepEqual(index.sameQuotes('c', qc), []);
  const scare = quotes.get('c')?.find((q) => q.kind === 'scare');
  assert.ok(scare);
  assert.deepEqual(index.sameQuotes('c', scare), []);
  index.remove('b');
  const qa = quotes.get('a')?.[0];
  assert.ok(qa);
  assert.deepEqual(
    index.sameQuotes('a', qa).map((s) => s.uri),
    ['d'],
  );
  // Adding again replaces rather than duplicates.
  index.add('a', A, quotes.get('a') ?? []);
  index.add('b', B, quotes.get('b') ?? []);
  assert.deepEqual(
    index.sameQuotes('b', quotes.get('b')?.[0] as Quote).map((s) => s.uri),
    ['a', 'd'],
  );
});

test('after any sequence of adds and removals, answers as an index of the articles left, added in that order', () => {
  const lines = [
    '"We will rebuild the harbour in the forward-looking way our town deserves," said Ines Calvo.',
    '"We will rebuild the harbour in a forward-looking way," the mayor said.',
    '"Nothing about this storm was normal," said Bo Lin.',
    '"Nothing about this storm was normal at all," Lin added.',
    '"The ferry will run again on Monday," said Ana Perez.',
  ];
  const article = fc.uniqueArray(fc.nat(lines.length - 1), { minLength: 0, maxLength: 4 });
  const op = fc.record({
    uri: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    remove: fc.boolean(),
    picks: article,
  });
  fc.assert(
    fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
      const index = new QuoteIndex();
      const live = new Map<string, string>();
      for (const o of ops) {
        live.delete(o.uri);
        if (o.remove) index.remove(o.uri);
        else {
          const text = o.picks.map((i) => lines[i]).join('\n\n');
          index.add(o.uri, text, findQuotes(text, []).quotes);
          live.set(o.uri, text);
        }
      }
      const fresh = new QuoteIndex();
      for (const [uri, text] of live) fresh.add(uri, text, findQuotes(text, []).quotes);
      for (const [uri, text] of live)
        for (const q of findQuotes(text, []).quotes)
          assert.deepEqual(index.sameQuotes(uri, q), fresh.sameQuotes(uri, q));
    }),
    { numRuns: 300 },
  );
});
