// Related-article ranking at scale: builds a synthetic 10,000-article corpus (deterministic), loads it into
// RelatedIndex and prints build time, rank() p50/p95, rank after an edit, and how often the ranked
// articles belong to the query's own story. Every article ends with its site's footer and "also read"
// list, found by a PassageIndex as boilerplate, so the timings include the boilerplate-aware ranking the
// server runs. Prints figures; it is not a test.
import { performance } from 'node:perf_hooks';
import { PassageIndex } from '../../server/src/analysis/duplicates/passageIndex';
import { RelatedIndex } from '../../server/src/analysis/related/related';
import { defaultAnalysisOptions, type EntityMention, type EntityType } from '../../server/src/analysis/types';
import { prng } from './corpusGenerator';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const STORIES = 400;
const TOPICS = 40;
const QUERIES = 300;
const WORDS_PER_ARTICLE = 650;
const SITES = 25;

const random = prng(20260113);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const SYLLABLES = 'ka ro mi te su na lo vi be da ze po ru gi fa ne tho ul ar en is om ve qu'.split(' ');
function makeWord(minSyllables: number): string {
  const n = minSyllables + Math.floor(random() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(SYLLABLES);
  return w;
}
function vocabulary(size: number, minSyllables: number): string[] {
  const seen = new Set<string>();
  while (seen.size < size) seen.add(makeWord(minSyllables));
  return [...seen];
}
const capitalise = (w: string): string => w[0].toUpperCase() + w.slice(1);

/** Zipf-like draw: index ~ size^u, so the first words are by far the most frequent. */
function zipf(items: readonly string[]): string {
  return items[Math.min(items.length - 1, Math.floor(Math.pow(items.length, random())) - 1)];
}

interface SyntheticEntity {
  name: string;
  type: EntityType;
}

const general = vocabulary(20_000, 2);
const commonEntities: SyntheticEntity[] = vocabulary(20, 2).map((w) => ({
  name: `${capitalise(w)} State`,
  type: 'GPE',
}));
const topics = Array.from({ length: TOPICS }, () => ({
  words: vocabulary(300, 3),
  entities: vocabulary(15, 3).map((w): SyntheticEntity => ({ name: capitalise(w), type: 'ORG' })),
}));
const stories = Array.from({ length: STORIES }, () => ({
  topic: pick(topics),
  words: vocabulary(60, 4),
  entities: vocabulary(8, 3).map((w): SyntheticEntity => ({
    name: `${capitalise(w)} ${capitalise(makeWord(2))}`,
    type: 'PERSON',
  })),
}));

/** Per site: a footer and an "also read" list, common words only, so they would relate pages of a site. */
const sites = Array.from({ length: SITES }, (_, i) => {
  const line = (n: number): string => Array.from({ length: n }, () => zipf(general)).join(' ');
  const name = `${capitalise(makeWord(3))} News`;
  return `Also read: ${line(12)}. ${line(10)}. ${line(14)}.\n\n${name} ${i}: ${line(30)}. ${line(25)}.`;
});

interface Article {
  uri: string;
  story: number;
  text: string;
  entities: EntityMention[];
}

function makeArticle(i: number): Article {
  const storyIndex = i % STORIES;
  const story = stories[storyIndex];
  const parts: string[] = [];
  const entities: EntityMention[] = [];
  let length = 0;
  const push = (s: string): void => {
    parts.push(s);
    length += s.length + 1;
  };
  const mention = (e: SyntheticEntity): void => {
    entities.push({
      span: { start: length, end: length + e.name.length },
      type: e.type,
      text: e.name,
      canonical: e.name,
      source: 'pattern',
    });
    push(e.name);
  };
  for (let w = 0; w < WORDS_PER_ARTICLE; w++) {
    const r = random();
    if (r < 0.6) push(zipf(general));
    else if (r < 0.82) push(zipf(story.topic.words));
    else if (r < 0.9) push(pick(story.words));
    else if (r < 0.93) mention(pick(commonEntities));
    else if (r < 0.95) mention(pick(story.topic.entities));
    else if (r < 0.97) mention(pick(story.entities));
    else push('the');
    if (w % 18 === 17) parts[parts.length - 1] += '.';
  }
  return {
    uri: `file:///bench/${String(i).padStart(5, '0')}.txt`,
    story: storyIndex,
    text: `${parts.join(' ')}\n\n${sites[i % SITES]}\n`,
    entities,
  };
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const tGen = performance.now();
const articles = Array.from({ length: ARTICLES }, (_, i) => makeArticle(i));
const genMs = performance.now() - tGen;
const avgKB = articles.reduce((s, a) => s + a.text.length, 0) / articles.length / 1024;

const passages = new PassageIndex();
const index = new RelatedIndex((uri, o) => passages.boilerplateSpans(uri, o));
const tBuild = performance.now();
for (const a of articles) {
  passages.add(a.uri, a.text);
  index.add(a.uri, a.text, a.entities);
}
const buildMs = performance.now() - tBuild;

const storyOf = new Map(articles.map((a) => [a.uri, a.story]));
const queries = Array.from({ length: QUERIES }, () => pick(articles));
const options = defaultAnalysisOptions;

function timeQueries(editFirst: boolean): { times: number[]; precision: number; recall: number } {
  const times: number[] = [];
  let hits = 0;
  let listed = 0;
  let wanted = 0;
  for (const q of queries) {
    if (editFirst) {
      // A word typed at the top of the body, so the footer stays the file's last paragraph.
      const typed = 'edited ';
      q.text = typed + q.text;
      q.entities = q.entities.map((e) => ({
        ...e,
        span: { start: e.span.start + typed.length, end: e.span.end + typed.length },
      }));
      passages.add(q.uri, q.text);
      index.add(q.uri, q.text, q.entities);
    }
    const t = performance.now();
    const related = index.rank(q.uri, [], options);
    times.push(performance.now() - t);
    listed += related.length;
    hits += related.filter((r) => storyOf.get(r.uri) === q.story).length;
    wanted += Math.min(options.relatedLimit, ARTICLES / STORIES - 1);
  }
  times.sort((a, b) => a - b);
  return { times, precision: listed ? hits / listed : 0, recall: wanted ? hits / wanted : 0 };
}

const cold = timeQueries(false);
const warm = timeQueries(false);
const edited = timeQueries(true);
const fmt = (ms: number): string => ms.toFixed(2).padStart(7);
console.log(
  `articles            ${ARTICLES} (${STORIES} stories, ${TOPICS} topics, avg ${avgKB.toFixed(1)} KB)`,
);
console.log(`generate            ${fmt(genMs)} ms`);
console.log(
  `build (add all)     ${fmt(buildMs)} ms  (${((buildMs * 1000) / ARTICLES).toFixed(0)} µs/article)`,
);
for (const [label, r] of [
  ['rank, first pass', cold],
  ['rank, second pass', warm],
  ['edit + rank', edited],
] as const) {
  console.log(
    `${label.padEnd(20)}p50 ${fmt(percentile(r.times, 0.5))} ms  p95 ${fmt(percentile(r.times, 0.95))} ms  ` +
      `max ${fmt(r.times[r.times.length - 1])} ms  same-story precision ${r.precision.toFixed(3)} recall ${r.recall.toFixed(3)}`,
  );
}
const mem = process.memoryUsage();
console.log(`heap used           ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);
