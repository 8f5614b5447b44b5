// Property tests of the quote and repeat stages alone, which need no wink pass and so afford many more
// documents: quote-heavy text (every mark style, lone marks, runs of marks) and text that repeats itself.
import { test } from 'node:test';
import fc from 'fast-check';
import { findQuotes } from '../../../server/src/analysis/quotes/quotes';
import { findRepeats } from '../../../server/src/analysis/duplicates/repeats';
import { article, capitalisedWords, quoteHeavy, repetitive } from './arbitraries';
import { assertQuotes, assertRepeats } from './invariants';

test('quote-heavy text: quotes, speakers and unbalanced marks are well formed', () => {
  fc.assert(
    fc.property(quoteHeavy, fc.boolean(), (text, named) => {
      assertQuotes(text, findQuotes(text, named ? capitalisedWords(text) : []));
    }),
    { numRuns: 4000 },
  );
});

test('repetitive text: repeats are well formed and never overlap their first copy', () => {
  fc.assert(
    fc.property(fc.oneof(repetitive, article), fc.integer({ min: 2, max: 12 }), (text, minWords) => {
      assertRepeats(text, findRepeats(text, minWords));
    }),
    { numRuns: 3000 },
  );
});
