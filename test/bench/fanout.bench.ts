// Shared passages under fan-out: one 8 KB article whose paragraphs each recur, with small edits, in 10 to
// 500 other files (outlets reprinting the story, each with its own intro and site footer), in a corpus
// where one site's template (navigation, "ALSO READ", bio, newsletter, copyright) sits on thousands of
// pages about different stories. Prints, per fan-out, the time of `sharedPassages` on the article and of
// a one-word edit (index update + shared passages), and what is reported. Prints figures; it is not a test.
// FANOUT_BACKGROUND scales the background corpus; FANOUTS lists the fan-outs (comma-separated).
import { performance } from 'node:perf_hooks';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { defaultAnalysisOptions, type LocalAnalysis } from '../../server/src/analysis/types';
import { createCorpusGenerator, percentile, prng } from './corpusGenerator';

const BACKGROUND = Number(process.env.FANOUT_BACKGROUND ?? 5000);
const TEMPLATE_SHARE = 0.6;
const FANOUTS = (process.env.FANOUTS ?? '10,100,500').split(',').map(Number);
const RUNS = Number(process.env.FANOUT_RUNS ?? 30);
const options = defaultAnalysisOptions;

const ms = (x: number): string => `${x.toFixed(2)} ms`;
const generator = createCorpusGenerator({ seed: 7_2026, wireStories: 300, sites: 25 });
const random = prng(11_2026);
const int = (n: number): number => Math.floor(random() * n);

function sentence(): string {
  const words = Array.from({ length: 10 + int(14) }, () => generator.word());
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return `${words.join(' ')}.`;
}
const paragraph = (n = 3 + int(3)): string => Array.from({ length: n }, sentence).join(' ');

/** A small edit, as outlets make to wire copy: one word changed, now and then one dropped. */
function edit(p: string): string {
  const words = p.split(' ');
  const at = 1 + int(words.length - 2);
  if (random() < 0.7) words[at] = generator.word();
  else words.splice(at, 1);
  return words.join(' ');
}

const TEMPLATE = [
  'The Coast Herald | Home > News > Region > Politics > Business > Sport > Culture',
  'ALSO READ\n- Council approves study for a new seawall along the bay\n- Five walks along the coastline this spring\n- Fuel prices climb for the third week in a row',
  'Our reporters cover transport, the coast and the islands for The Coast Herald. They joined the paper after years at regional titles and can be reached at the newsroom address.',
  'Get The Coast Herald in your inbox every morning. Sign up for our free newsletter at https://coastherald.example/newsletter and follow us for live updates.',
  '© The Coast Herald. All rights reserved. Reproduction without permission is prohibited.',
];
const otherFooters = Array.from({ length: 25 }, () => `${sentence()} ${sentence()}`);
const templated = (body: string[]): string =>
  [TEMPLATE[0], ...body, TEMPLATE[1], TEMPLATE[2], TEMPLATE[3], TEMPLATE[4]].join('\n\n');

const story = Array.from({ length: 12 }, () => paragraph(4 + int(2)));
const headline = sentence().replace(/\.$/, '');
const articleText = templated([headline, ...story]);

/** Another outlet's page carrying `carried` of the article's paragraphs, edited, around its own text. */
function holder(carried: readonly string[]): string {
  const parts = [sentence().replace(/\.$/, ''), paragraph()];
  for (const p of carried) parts.push(edit(p));
  if (random() < 0.5) parts.push(paragraph());
  parts.push(otherFooters[int(otherFooters.length)]);
  return parts.join('\n\n');
}
/**
 * Two shapes of fan-out: `story`, outlets reprinting most of the story (each paragraph kept with
 * probability 0.85), and `roundup`, each paragraph reprinted on its own by a different set of files.
 */
function holdersFor(shape: string, fanout: number): string[] {
  if (shape === 'story')
    return Array.from({ length: fanout }, () => holder(story.filter(() => random() < 0.85)));
  return story.flatMap((p) => Array.from({ length: fanout }, () => holder([p])));
}

const empty: LocalAnalysis = { entities: [], quotes: [], unbalanced: [], repeats: [], limits: [] };
const background = Array.from({ length: BACKGROUND }, (_, i) => {
  const body = generator.article(4000);
  return i < BACKGROUND * TEMPLATE_SHARE ? templated(body.split('\n\n').slice(0, -1)) : body;
});
const SHAPES = (process.env.FANOUT_SHAPES ?? 'story,roundup').split(',');
console.log(
  `article ${(articleText.length / 1024).toFixed(1)} KB, ${story.length} story paragraphs; background ` +
    `${BACKGROUND} files, ${Math.round(BACKGROUND * TEMPLATE_SHARE)} with the site template`,
);

const uri = 'file:///bench/site/article.txt';
for (const shape of SHAPES)
  for (const fanout of FANOUTS) {
    const holders = holdersFor(shape, fanout);
    const index = new CorpusIndex();
    const t0 = performance.now();
    background.forEach((text, i) =>
      index.update({ uri: `file:///bench/site/b${i}.txt`, version: 0, text }, empty),
    );
    for (let i = 0; i < holders.length; i++)
      index.update({ uri: `file:///bench/outlets/h${i}.txt`, version: 0, text: holders[i] }, empty);
    index.update({ uri, version: 0, text: articleText }, empty);
    const buildMs = performance.now() - t0;

    const sharedTimes: number[] = [];
    let result = index.sharedPassages(uri, options);
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      result = index.sharedPassages(uri, options);
      sharedTimes.push(performance.now() - t);
    }
    const editTimes: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const text = generator.oneWordEdit(articleText, r * 41);
      const t = performance.now();
      index.update({ uri, version: r + 1, text }, empty);
      index.sharedPassages(uri, options);
      editTimes.push(performance.now() - t);
    }
    const holderTimes: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t = performance.now();
      index.sharedPassages(`file:///bench/outlets/h${(r * 7) % holders.length}.txt`, options);
      holderTimes.push(performance.now() - t);
    }
    const shared = result.filter((s) => !s.boilerplate);
    const boiler = result.filter((s) => s.boilerplate);
    const spans = new Set(shared.map((s) => `${s.span.start}:${s.span.end}`)).size;
    console.log(
      `${shape} fan-out ${String(fanout).padStart(4)} (${holders.length} holders): build ${ms(buildMs)}; sharedPassages p50 ${ms(percentile(sharedTimes, 0.5))} ` +
        `p95 ${ms(percentile(sharedTimes, 0.95))}; edit+shared p50 ${ms(percentile(editTimes, 0.5))} ` +
        `p95 ${ms(percentile(editTimes, 0.95))}; a holder's shared p50 ${ms(percentile(holderTimes, 0.5))}\n` +
        `    ${result.length} results: ${shared.length} shared over ${spans} spans, ${boiler.length} boilerplate ` +
        `(files ${boiler.map((b) => b.fileCount).join(', ')})`,
    );
  }
