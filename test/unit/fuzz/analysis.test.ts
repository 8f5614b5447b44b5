// Property tests of the whole local analysis on generated articles: it never throws, every span it reports
// is well formed (see invariants.ts), and the same text gives the same findings twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeLocal } from '../../../server/src/analysis/analyzeArticle';
import { defaultAnalysisOptions, neverCancelled, noEntityHints } from '../../../server/src/analysis/types';
import { article, noise } from './arbitraries';
import { assertAnalysis } from './invariants';

const analyze = (text: string) => analyzeLocal(text, defaultAnalysisOptions, noEntityHints, neverCancelled);

test('generated articles: analysis never throws and every span is well formed', () => {
  fc.assert(
    fc.property(article, (text) => assertAnalysis(text, analyze(text))),
    { numRuns: 2500 },
  );
});

test('arbitrary UTF-16 (lone surrogates, controls, any code point): spans stay well formed', () => {
  fc.assert(
    fc.property(noise, (text) => assertAnalysis(text, analyze(text))),
    { numRuns: 2000 },
  );
});

test('analysis is deterministic: the same text twice gives deep-equal findings', () => {
  fc.assert(
    fc.property(fc.oneof(article, noise), (text) => {
      assert.deepEqual(analyze(text), analyze(text));
    }),
    { numRuns: 600 },
  );
});
