// Quote detection cost: on a ~7 KB article (the sample corpus joined), the time of findQuotes as a share of
// the whole analyzeLocal; then the quote index on 10,000 synthetic articles (build time, sameQuotes p50/p95).
// Prints figures; it is not a test.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeLocal } from '../../server/src/analysis/analyzeArticle';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import { QuoteIndex } from '../../server/src/analysis/quotes/quoteIndex';
import { findQuotes } from '../../server/src/analysis/quotes/quotes';
import {
  defaultAnalysisOptions,
  neverCancelled,
  noEntityHints,
  type Quote,
} from '../../server/src/analysis/types';
import { prng } from './corpusGenerator';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)];

function sampleArticle(): string {
  const dir = path.join(__dirname, '../../samples/corpus');
  const parts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  let text = '';
  for (const p of parts) {
    if (text.length >= 7000) break;
    text += `${p.trim()}\n\n`;
  }
  return text.slice(0, 7200);
}

function timeIt(runs: number, fn: () => void): number[] {
  for (let i = 0; i < 20; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const text = sampleArticle();
const entities = findEntities(text, noEntityHints);
const found = findQuotes(text, entities);
const local = timeIt(RUNS, () => analyzeLocal(text, defaultAnalysisOptions, noEntityHints, neverCancelled));
const quotes = timeIt(RUNS, () => findQuotes(text, entities));
const localMs = median(local);
const quoteMs = median(quotes);
console.log(
  `article: ${text.length} chars, ${found.quotes.length} quotes, ${found.unbalanced.length} unbalanced marks`,
);
console.log(`analyzeLocal median ${localMs.toFixed(3)} ms; findQuotes median ${quoteMs.toFixed(3)} ms`);
console.log(`quote detection share of analyzeLocal: ${((quoteMs / localMs) * 100).toFixed(1)}% (budget 25%)`);

const random = prng(42);
const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
const sentence = (n: number): string =>
  Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' ');
// 400 stories, each with a pool of quotes that its articles reprint, some with one word changed.
const storyQuotes = Array.from({ length: 400 }, () => Array.from({ length: 12 }, () => sentence(18)));
const corpus: { uri: string; text: string; quotes: Quote[] }[] = [];
for (let i = 0; i < ARTICLES; i++) {
  const pool = storyQuotes[i % storyQuotes.length];
  let body = '';
  const qs: Quote[] = [];
  for (let k = 0; k < 8; k++) {
    let words = random() < 0.5 ? pool[Math.floor(random() * pool.length)] : sentence(18);
    if (random() < 0.3) words = words.replace(/^\S+/, 'changed');
    const start = body.length + 1;
    body += `"${words}," said Someone.\n\n`;
    qs.push({
      span: { start: start - 1, end: start + words.length + 1 },
      contentSpan: { start, end: start + words.length },
      balanced: true,
      kind: 'speech',
      speaker: null,
    });
  }
  corpus.push({ uri: `file:///a${i}.txt`, text: body, quotes: qs });
}
const index = new QuoteIndex();
const t0 = performance.now();
for (const a of corpus) index.add(a.uri, a.text, a.quotes);
const buildMs = performance.now() - t0;
const lookups: number[] = [];
let matches = 0;
for (let i = 0; i < 500; i++) {
  const a = corpus[Math.floor(random() * corpus.length)];
  const q = a.quotes[Math.floor(random() * a.quotes.length)];
  const s = performance.now();
  matches += index.sameQuotes(a.uri, q).length;
  lookups.push(performance.now() - s);
}
const r0 = performance.now();
index.add(corpus[0].uri, corpus[0].text, corpus[0].quotes);
const readdMs = performance.now() - r0;
console.log(
  `quote index: ${ARTICLES} articles (${ARTICLES * 8} quotes) built in ${buildMs.toFixed(0)} ms; ` +
    `sameQuotes p50 ${pct(lookups, 0.5).toFixed(3)} ms, p95 ${pct(lookups, 0.95).toFixed(3)} ms ` +
    `(${(matches / lookups.length).toFixed(1)} matches each); re-adding one article ${readdMs.toFixed(3)} ms`,
);
