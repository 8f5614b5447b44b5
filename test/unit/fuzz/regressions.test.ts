// One test per input that once made a stage super-linear, each with a generous ceiling far above what the
// fixed code takes on a loaded machine and far below what the old one took (noted with each).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AliasTable } from '../../../server/src/analysis/entities/aliases';
import { analyzeLocal } from '../../../server/src/analysis/analyzeArticle';
import { findEntities } from '../../../server/src/analysis/entities/recogniser';
import { analyzeText } from '../../../server/src/analysis/text/nlp';
import { findQuotes } from '../../../server/src/analysis/quotes/quotes';
import { defaultAnalysisOptions, neverCancelled, noEntityHints } from '../../../server/src/analysis/types';
import { distinctTo, fastest, repeatTo } from './timing';
import { assertAnalysis, assertQuotes } from './invariants';

function within(ms: number, what: string, f: () => unknown): void {
  const t = fastest(f, 1);
  assert.ok(t < ms, `${what}: ${t.toFixed(0)} ms, over ${ms} ms`);
}

const analyze = (text: string) => analyzeLocal(text, defaultAnalysisOptions, noEntityHints, neverCancelled);

test('60 KB of closing quote marks analysed in under 3 s (took about 100 s)', () => {
  const text = repeatTo('”', 60_000);
  within(3000, 'closing marks', () => assertAnalysis(text, analyze(text)));
});

test('60 KB of straight quote marks analysed in under 2 s', () => {
  const text = repeatTo('"', 60_000);
  within(2000, 'straight marks', () => assertAnalysis(text, analyze(text)));
});

test('60 KB of alternating double and single opening marks: quotes in under 3 s (took 49 s)', () => {
  const text = repeatTo('“‘', 60_000);
  within(3000, 'alternating marks', () => assertQuotes(text, findQuotes(text, [])));
});

test('60 KB of attributed quotes with pronouns: quotes in under 3 s (took over 2 minutes)', () => {
  const text = repeatTo('"Yes," she said. ', 60_000);
  within(3000, 'pronoun quotes', () => assertQuotes(text, findQuotes(text, [])));
});

test('30 KB of half-typed quotes: quotes in under 3 s (took over 20 s)', () => {
  for (const unit of ['"We will go, she said ', 'He said: "We will go ']) {
    const text = repeatTo(unit, 30_000);
    within(3000, `half-typed quotes "${unit}"`, () => assertQuotes(text, findQuotes(text, [])));
  }
});

test('80,000 apostrophes or hyphens: wink pass in under 2 s (took 16 s)', () => {
  for (const c of ["'", '-']) {
    const text = repeatTo(c, 80_000);
    within(2000, `run of ${c}`, () => analyzeText(text));
  }
});

test('20 KB line of datelines: entities in under 2 s (took 283 s)', () => {
  const text = repeatTo('KESTOWN, Valdoria (Harbor Wire) — ', 20_000);
  within(2000, 'datelines', () => findEntities(text, noEntityHints));
});

test('100 KB of distinct all-capitals words in prose: entities in under 3 s (took 18 s)', () => {
  const text = distinctTo((c) => `the ABCD${c.toUpperCase()} said and then more words `, 100_000);
  within(3000, 'all-capitals words', () => findEntities(text, noEntityHints));
});

test('20,000 distinct names: near-miss lookups in under 2 s (took 40 s)', () => {
  const codes = distinctTo((c) => `${c} `, 150_000)
    .trim()
    .split(' ')
    .slice(0, 20_000);
  const table = new AliasTable();
  for (const c of codes) table.add(`Sandra Pilking${c}`, 'PERSON');
  let found = 0;
  within(2000, 'near-miss lookups', () => {
    for (const c of codes) if (table.lookupWord(`Pilkinx${c}`, true)) found++;
  });
  // One letter off a known surname finds it, unless two names are that near.
  assert.ok(found > codes.length * 0.9, `${found} of ${codes.length} found`);
});
