// Duplicate detection at scale: generates a deterministic 10,000-article corpus (~5 KB each) with planted
// wire copies (some edited), site boilerplate and repeated captions, then prints the passage index build
// time, memory, and the time from a one-word edit of a 10 KB article to its new duplicate findings.
// Prints figures; it is not a test.
import { performance } from 'node:perf_hooks';
import { analyzeArticle } from '../../server/src/analysis/analyzeArticle';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { PassageIndex } from '../../server/src/analysis/duplicates/passageIndex';
import { findRepeats } from '../../server/src/analysis/duplicates/repeats';
import { defaultAnalysisOptions, neverCancelled, type LocalAnalysis } from '../../server/src/analysis/types';
import { createCorpusGenerator, percentile } from './corpusGenerator';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const EDITS = 100;
const LARGE_ARTICLES = 100;
const options = defaultAnalysisOptions;
const generator = createCorpusGenerator({ seed: 5_2026, wireStories: 1500, sites: 25 });
const makeArticle = generator.article;
const oneWordEdit = generator.oneWordEdit;

const ms = (x: number): string => `${x.toFixed(2)} ms`;
const mb = (): string => `${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB heap`;

// Corpus
let t = performance.now();
const docs = Array.from({ length: ARTICLES }, (_, i) => ({
  uri: `file:///bench/a${i}.txt`,
  text: makeArticle(5000),
}));
const large = Array.from({ length: LARGE_ARTICLES }, (_, i) => ({
  uri: `file:///bench/large${i}.txt`,
  text: makeArticle(10_000),
}));
const totalKB = docs.reduce((s, d) => s + d.text.length, 0) / 1024 / ARTICLES;
console.log(
  `corpus: ${ARTICLES} articles, ${totalKB.toFixed(1)} KB average, generated in ${ms(performance.now() - t)}`,
);

// Index build: in-file repeats and the passage index, as the corpus index does per file.
const heapBefore = process.memoryUsage().heapUsed;
t = performance.now();
const index = new PassageIndex();
let repeatCount = 0;
for (const d of [...docs, ...large]) {
  repeatCount += findRepeats(d.text, options.minRepeatWords).length;
  index.add(d.uri, d.text);
}
const buildMs = performance.now() - t;
console.log(
  `build: ${ms(buildMs)} for ${index.size} files (${(buildMs / index.size).toFixed(3)} ms/file), ` +
    `${repeatCount} repeats; index ≈ ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(0)} MB, ${mb()}`,
);

// Shared passages of every 100th file: how much is found.
t = performance.now();
let sharedCount = 0;
let boilerplateCount = 0;
let queried = 0;
for (let i = 0; i < ARTICLES; i += 100) {
  const shared = index.shared(docs[i].uri, options);
  queried++;
  sharedCount += shared.filter((s) => !s.boilerplate).length;
  boilerplateCount += shared.filter((s) => s.boilerplate).length;
}
console.log(
  `shared(): ${ms((performance.now() - t) / queried)} per file; ${(sharedCount / queried).toFixed(1)} shared and ` +
    `${(boilerplateCount / queried).toFixed(1)} boilerplate passages per file`,
);

// Edit → duplicate findings: findRepeats + index update + shared passages of the edited 10 KB file.
const editTimes: number[] = [];
let affectedTotal = 0;
for (let k = 0; k < EDITS; k++) {
  const d = large[k % large.length];
  const text = oneWordEdit(d.text, k * 37);
  const start = performance.now();
  findRepeats(text, options.minRepeatWords);
  affectedTotal += index.add(d.uri, text).size;
  index.shared(d.uri, options);
  editTimes.push(performance.now() - start);
  d.text = text;
}
console.log(
  `edit → duplicates (10 KB article, ${EDITS} one-word edits): p50 ${ms(percentile(editTimes, 0.5))}, ` +
    `p95 ${ms(percentile(editTimes, 0.95))}, max ${ms(Math.max(...editTimes))}; ` +
    `${(affectedTotal / EDITS).toFixed(1)} other files affected per edit`,
);

// The same edits through the full analyzeArticle (entity recognition, quotes, related ranking included),
// on a corpus index loaded without entity recognition so that the build stays short.
t = performance.now();
const corpus = new CorpusIndex();
const empty = (text: string): LocalAnalysis => ({
  entities: [],
  quotes: [],
  unbalanced: [],
  repeats: findRepeats(text, options.minRepeatWords),
  limits: [],
});
for (const d of [...docs, ...large]) corpus.update({ uri: d.uri, version: 0, text: d.text }, empty(d.text));
console.log(`corpus index (no entities) built in ${ms(performance.now() - t)}, ${mb()}`);
const fullTimes: number[] = [];
for (let k = 0; k < EDITS; k++) {
  const d = large[k % large.length];
  const text = oneWordEdit(d.text, k * 53);
  const start = performance.now();
  analyzeArticle({ uri: d.uri, version: k + 1, text }, corpus, options, neverCancelled);
  fullTimes.push(performance.now() - start);
  d.text = text;
}
console.log(
  `edit → full analyzeArticle (for information): p50 ${ms(percentile(fullTimes, 0.5))}, ` +
    `p95 ${ms(percentile(fullTimes, 0.95))}`,
);
