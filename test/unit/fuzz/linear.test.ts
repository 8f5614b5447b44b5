// Every stage stays within a linear bound of input length on hostile inputs: the time at 8n is compared with
// the time at n (see timing.ts). Families are the shapes that once made a stage quadratic or worse, runs of
// one character, and generated articles glued into one long text.
import { test } from 'node:test';
import fc from 'fast-check';
import { findEntities } from '../../../server/src/analysis/entities/recogniser';
import { findQuotes } from '../../../server/src/analysis/quotes/quotes';
import { findRepeats } from '../../../server/src/analysis/duplicates/repeats';
import { noEntityHints } from '../../../server/src/analysis/types';
import { article, capitalisedWords } from './arbitraries';
import { assertLinear, distinctTo, repeatTo } from './timing';

const articles = fc.sample(article, { seed: 20260101, numRuns: 300 });

/** Generated articles, one after another, until `n` characters. */
function gluedArticles(n: number, sep: string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < n; i++) {
    const a = articles[i % articles.length] + sep;
    parts.push(a);
    length += a.length;
  }
  return parts.join('').slice(0, n);
}

type Family = Record<string, (n: number) => string>;

const SHARED: Family = {
  'glued articles': (n) => gluedArticles(n, '\n\n'),
  'glued articles on one line': (n) => gluedArticles(n, ' ').replace(/[\r\n\u2028]/g, ' '),
  'thousands of identical lines': (n) => repeatTo('The same line is printed here again and again.\n', n),
  newlines: (n) => repeatTo('\n', n),
  'lone CRs': (n) => repeatTo('\r', n),
  spaces: (n) => repeatTo(' ', n),
  emoji: (n) => repeatTo('😀', n),
  'combining marks': (n) => 'e' + repeatTo('\u0301', n - 1),
  'zero-width joiners': (n) => repeatTo('a\u200d', n),
};

const ENTITY_FAMILIES: Family = {
  ...SHARED,
  apostrophes: (n) => repeatTo("'", n),
  hyphens: (n) => repeatTo('-', n),
  'capital letters': (n) => repeatTo('A', n),
  'capitalised words': (n) => distinctTo((c) => `K${c} `, n),
  'datelines on one line': (n) => repeatTo('KESTOWN, Valdoria (Harbor Wire) — ', n),
  'all-capitals words in prose': (n) =>
    distinctTo((c) => `the ABCD${c.toUpperCase()} said and then more words `, n),
  'company names': (n) => distinctTo((c) => `Xa${c} Yb${c} Group Ltd said. `, n),
  '"said" repeated': (n) => repeatTo('said ', n),
};

const QUOTE_FAMILIES: Family = {
  ...SHARED,
  'straight quote marks': (n) => repeatTo('"', n),
  'closing curly marks': (n) => repeatTo('”', n),
  'closing guillemets': (n) => repeatTo('»', n),
  'alternating double and single marks': (n) => repeatTo('“‘', n),
  'tiny quotes': (n) => repeatTo('"a" ', n),
  'half-typed quotes': (n) => repeatTo('"We will go, she said ', n),
  'half-typed quotes after a colon': (n) => repeatTo('He said: "We will go ', n),
  'attributed quotes': (n) => repeatTo('"Yes," she said. ', n),
  'described speakers': (n) => repeatTo('"Yes," the mayor said. Mayor Ana Lopes left. ', n),
  'named speakers': (n) => distinctTo((c) => `K${c} Lo${c} said she would. "Yes," she said. `, n),
};

const REPEAT_FAMILIES: Family = {
  ...SHARED,
  'one word repeated': (n) => repeatTo('ha ', n),
  'distinct words': (n) => distinctTo((c) => `w${c} `, n),
  'a sentence repeated': (n) =>
    repeatTo('Critics warned that the cost of new boats could push up fares. ', n),
};

test('wink pass and entity recognition grow linearly', () => {
  for (const [name, make] of Object.entries(ENTITY_FAMILIES)) {
    assertLinear(`entities, ${name}`, (t) => findEntities(t, noEntityHints), make, 3000);
  }
});

test('quotes and speakers grow linearly', () => {
  for (const [name, make] of Object.entries(QUOTE_FAMILIES)) {
    assertLinear(`quotes, ${name}`, (t) => findQuotes(t, capitalisedWords(t)), make, 4000);
  }
});

test('in-file repeats grow linearly', () => {
  for (const [name, make] of Object.entries(REPEAT_FAMILIES)) {
    assertLinear(`repeats, ${name}`, (t) => findRepeats(t, 8), make, 20000);
  }
});
