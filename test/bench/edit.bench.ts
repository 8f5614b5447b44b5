// Edit → diagnostics at corpus scale: loads a generated 10,000-article corpus (~5 KB each, with people,
// organisations and places, planted wire copies) through indexCorpus, then prints the index build time,
// the time of each analysis stage after a one-word edit of a 10 KB article (p50/p95 over 100 edits), the
// related-list p95 (after the articles are readied for ranking, as the server does once indexing ends), and
// the entity queries behind workspace symbols, hover and references.
// Prints figures; it is not a test. BENCH_ARTICLES scales the corpus down for quick runs.
import { performance } from 'node:perf_hooks';
import { analyzeArticle, indexCorpus } from '../../server/src/analysis/analyzeArticle';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import { findQuotes } from '../../server/src/analysis/quotes/quotes';
import { findRepeats } from '../../server/src/analysis/duplicates/repeats';
import {
  defaultAnalysisOptions,
  neverCancelled,
  type ArticleSnapshot,
  type LocalAnalysis,
} from '../../server/src/analysis/types';
import { createCorpusGenerator, percentile } from './corpusGenerator';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const LARGE_ARTICLES = 20;
const EDITS = 100;
const RELATED_QUERIES = 200;
const options = defaultAnalysisOptions;

const ms = (x: number): string => `${x.toFixed(2)} ms`;
const mb = (): string => `${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB heap`;
const line = (label: string, xs: readonly number[]): string =>
  `  ${label.padEnd(22)} p50 ${ms(percentile(xs, 0.5)).padStart(10)}   p95 ${ms(percentile(xs, 0.95)).padStart(10)}`;

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

// Corpus
const generator = createCorpusGenerator({ seed: 6_2026, wireStories: 1500, sites: 25, names: true });
const [generated, genMs] = time(() =>
  Array.from({ length: ARTICLES }, (_, i): ArticleSnapshot => ({
    uri: `file:///bench/a${i}.txt`,
    version: 0,
    text: generator.article(5000),
  })),
);
const large = Array.from({ length: LARGE_ARTICLES }, (_, i): ArticleSnapshot => ({
  uri: `file:///bench/large${i}.txt`,
  version: 0,
  text: generator.article(10_000),
}));
const docs = [...generated, ...large];
const averageKB = docs.reduce((s, d) => s + d.text.length, 0) / 1024 / docs.length;
console.log(`corpus: ${docs.length} articles, ${averageKB.toFixed(1)} KB average, generated in ${ms(genMs)}`);

// Index build: both passes of indexCorpus.
const index = new CorpusIndex();
const passEnds: number[] = [];
const buildStart = performance.now();
indexCorpus(docs, index, options, neverCancelled, (done) => {
  if (done === docs.length || done === docs.length * 2) passEnds.push(performance.now() - buildStart);
});
const buildMs = performance.now() - buildStart;
const entityCount = index.entities.entities().length;
console.log(
  `indexCorpus: ${ms(buildMs)} (pass 1 ${ms(passEnds[0] ?? NaN)}, pass 2 ${ms((passEnds[1] ?? NaN) - (passEnds[0] ?? NaN))}), ` +
    `${(buildMs / docs.length / 2).toFixed(2)} ms per file per pass; ${entityCount} canonical entities, ` +
    `${index.entities.hints().known.size} hints; ${mb()}`,
);

// What the server does once indexing is done: each article readied for ranking.
const [, prepareMs] = time(() => docs.forEach((d) => index.prepareRelated(d.uri, options)));
console.log(
  `prepareRelated (all articles): ${ms(prepareMs)}, ${(prepareMs / docs.length).toFixed(2)} ms per file`,
);

// Edit → analysis, stage by stage (the stages of analyzeArticle, timed one by one).
const stages = [
  'hints',
  'entities',
  'quotes',
  'repeats',
  'index.update',
  'shared passages',
  'related',
] as const;
const stageTimes = new Map<string, number[]>(stages.map((s) => [s, []]));
const stagedTotal: number[] = [];
const record = (stage: string, x: number): void => void stageTimes.get(stage)?.push(x);
for (let k = 0; k < EDITS; k++) {
  const d = large[k % large.length];
  const snapshot = { uri: d.uri, version: d.version + 1, text: generator.oneWordEdit(d.text, k * 37) };
  const t0 = performance.now();
  const [hints, th] = time(() => index.entities.hints());
  const [entities, te] = time(() => findEntities(snapshot.text, hints));
  const [found, tq] = time(() => findQuotes(snapshot.text, entities));
  const [repeats, tr] = time(() => findRepeats(snapshot.text, options.minRepeatWords));
  const local: LocalAnalysis = { entities, ...found, repeats, limits: [] };
  const [, tu] = time(() => index.update(snapshot, local));
  const [shared, ts] = time(() => index.sharedPassages(snapshot.uri, options));
  const [, tl] = time(() => index.related(snapshot.uri, options, shared));
  stagedTotal.push(performance.now() - t0);
  [th, te, tq, tr, tu, ts, tl].forEach((x, i) => record(stages[i], x));
  Object.assign(d, snapshot);
}
console.log(`edit → analysis, stage by stage (10 KB article, ${EDITS} one-word edits):`);
for (const s of stages) console.log(line(s, stageTimes.get(s) ?? []));
console.log(line('sum of stages', stagedTotal));

// The same edits through analyzeArticle itself: what the server runs before publishing diagnostics.
const totals: number[] = [];
for (let k = 0; k < EDITS; k++) {
  const d = large[k % large.length];
  const snapshot = { uri: d.uri, version: d.version + 1, text: generator.oneWordEdit(d.text, k * 53) };
  totals.push(time(() => analyzeArticle(snapshot, index, options, neverCancelled))[1]);
  Object.assign(d, snapshot);
}
console.log(line('analyzeArticle total', totals));

// Related list of any article (the command palette's Show Related Articles).
const relatedTimes: number[] = [];
let relatedCount = 0;
for (let q = 0; q < RELATED_QUERIES; q++) {
  const d = docs[Math.floor((q * docs.length) / RELATED_QUERIES)];
  const [list, t] = time(() => index.related(d.uri, options));
  relatedTimes.push(t);
  relatedCount += list.length;
}
console.log(
  `${line('index.related', relatedTimes).trimStart()}; ${(relatedCount / RELATED_QUERIES).toFixed(1)} related per article`,
);

// Entity queries: workspace symbols (the search the feature runs, at most 500 answers), hover and references.
for (const query of ['tak', 'Kowalski', 'ministry', 'xq']) {
  const [hits, t] = time(() => index.entities.search(query, 500).length);
  console.log(`  workspace symbols "${query}": ${ms(t)}, ${hits} entities`);
}
const names = index.entities
  .entities()
  .sort((a, b) => b.mentionCount - a.mentionCount)
  .slice(0, 50)
  .map((e) => e.canonical);
const summaryTimes: number[] = [];
const mentionTimes: number[] = [];
let mentionCount = 0;
for (const name of names) {
  summaryTimes.push(time(() => index.entities.summary(name))[1]);
  const [mentions, t] = time(() => index.entities.mentionsOf(name));
  mentionTimes.push(t);
  mentionCount += mentions.length;
}
console.log(line('summary()', summaryTimes));
console.log(
  `${line('mentionsOf()', mentionTimes).trimStart()}; ${(mentionCount / names.length).toFixed(0)} mentions per entity (50 most mentioned)`,
);
