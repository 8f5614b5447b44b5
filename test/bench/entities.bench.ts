// Entity recognition cost against wink's bare readDoc on one ~7 KB article (the test fixture, repeated):
// warm runs, medians of many. Prints figures; it is not a test. The CPU may be shared, so the ratio counts,
// and each call's CPU time (this thread's user + system time) is kept beside its wall time: on a loaded
// machine the wall time also counts the time other processes had the core.
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

/** Wall and CPU milliseconds of each call, by path. */
const cpu = new Map<number[], number[]>();
function timed(into: number[], fn: () => void): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  into.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  const list = cpu.get(into) ?? [];
  list.push((c.user + c.system) / 1000);
  cpu.set(into, list);
}
const cpuOf = (xs: number[]): number[] => cpu.get(xs) ?? [];

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
  timed(bare, () => winkReadDoc(article));
  timed(ours, () => findEntities(article, noEntityHints));
  timed(candidates, () => recogniseEntities(article, noEntityHints, 'candidates'));
  timed(primary, () => recogniseEntities(article, noEntityHints, 'primary'));
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
  const cpuRatio = `${(median(cpuOf(xs)) / median(cpuOf(bare))).toFixed(2)}, fastest tenth ${(fast(cpuOf(xs)) / fast(cpuOf(bare))).toFixed(2)}`;
  console.log(`tagger ${mode.padEnd(10)} median ${g.toFixed(2)} ms, ratio to readDoc ${ratio} (budget 2.50)`);
  console.log(`  CPU time: median ${median(cpuOf(xs)).toFixed(2)} ms, ratio to readDoc's ${cpuRatio}`);
}
console.log(
  `CPU time: readDoc median ${median(cpuOf(bare)).toFixed(2)} ms; findEntities / readDoc ${(median(cpuOf(ours)) / median(cpuOf(bare))).toFixed(2)}`,
);
