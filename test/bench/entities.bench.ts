// Entity recognition cost against wink's bare readDoc on one ~7 KB article (the test fixture, repeated):
// warm runs, medians of many. Prints figures; it is not a test. The CPU may be shared, so the ratio counts.
import { performance } from 'node:perf_hooks';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import { recogniseEntities } from '../../server/src/analysis/entities/combine';
import { shippedModel, shippedModelLoadMs } from '../../server/src/analysis/entities/tagger/shipped';
import { winkReadDoc } from '../../server/src/analysis/text/nlp';
import { noEntityHints } from '../../server/src/analysis/types';
import { FIXTURE_ARTICLE } from '../unit/entities.fixture';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
let article = '';
while (article.length < 7000) article += `${FIXTURE_ARTICLE}\n\n`;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * q)] ?? 0;
}
const median = (xs: number[]): number => quantile(xs, 0.5);
/** The fastest tenth: on a shared machine, the runs least slowed by others. */
const fast = (xs: number[]): number => quantile(xs, 0.1);

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

// Warm both paths (JIT, model tables), then interleave so that load on the machine hits both alike.
for (let i = 0; i < 30; i++) {
  winkReadDoc(article);
  findEntities(article, noEntityHints);
}
shippedModel();
for (let i = 0; i < 30; i++) {
  recogniseEntities(article, noEntityHints, 'candidates');
  recogniseEntities(article, noEntityHints, 'primary');
}
const bare: number[] = [];
const ours: number[] = [];
const candidates: number[] = [];
const primary: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(time(() => winkReadDoc(article)));
  ours.push(time(() => findEntities(article, noEntityHints)));
  candidates.push(time(() => recogniseEntities(article, noEntityHints, 'candidates')));
  primary.push(time(() => recogniseEntities(article, noEntityHints, 'primary')));
}
const b = median(bare);
const o = median(ours);
const mentions = findEntities(article, noEntityHints).length;
console.log(`article: ${article.length} UTF-16 code units, ${mentions} mentions, ${RUNS} runs each`);
console.log(`wink readDoc (bare)   median ${b.toFixed(2)} ms`);
console.log(`findEntities          median ${o.toFixed(2)} ms`);
console.log(
  `ratio findEntities / readDoc: ${(o / b).toFixed(2)}, fastest tenth ${(fast(ours) / fast(bare)).toFixed(2)} (budget 3.00)`,
);
console.log(`model parsed once in ${shippedModelLoadMs().toFixed(0)} ms (budget 300)`);
for (const [mode, xs] of [
  ['candidates', candidates],
  ['primary', primary],
] as const) {
  const g = median(xs);
  const ratio = `${(g / b).toFixed(2)}, fastest tenth ${(fast(xs) / fast(bare)).toFixed(2)}`;
  console.log(`tagger ${mode.padEnd(10)} median ${g.toFixed(2)} ms, ratio to readDoc ${ratio} (budget 2.50)`);
}
