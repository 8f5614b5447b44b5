// Corrections at corpus scale: 1,000 mention corrections spread over a generated 10,000-article corpus,
// plus 50 corpus rules, in one sidecar. Prints the sidecar parse and index build, then, per one-word edit
// of an article (p50/p95 over 100 edits), the local analysis the edit needs anyway and the application
// of its corrections (its own ones and the corpus rules), and the scan that finds the articles a new
// corpus rule touches. Prints figures; it is not a test. BENCH_ARTICLES scales the corpus down.
import { performance } from 'node:perf_hooks';
import { analyzeLocal } from '../../server/src/analysis/analyzeArticle';
import { applyToLocal } from '../../server/src/analysis/curation/applyLocal';
import { CorrectionIndex } from '../../server/src/analysis/curation/correctionIndex';
import { parseSidecar, serializeSidecar } from '../../server/src/analysis/curation/sidecar';
import type { Correction } from '../../server/src/analysis/curation/types';
import { defaultAnalysisOptions, neverCancelled, noEntityHints } from '../../server/src/analysis/types';
import { capitalised, corpusRule, mentionCorrection } from './benchCorrections';
import { createCorpusGenerator, percentile, prng } from './corpusGenerator';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const MENTION_CORRECTIONS = 1000;
const CORPUS_RULES = 50;
const EDITS = 100;

const ms = (x: number): string => `${x.toFixed(3)} ms`;
const line = (label: string, xs: readonly number[]): string =>
  `  ${label.padEnd(34)} p50 ${ms(percentile(xs, 0.5)).padStart(11)}   p95 ${ms(percentile(xs, 0.95)).padStart(11)}`;
function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

const generator = createCorpusGenerator({ seed: 7_2026, wireStories: 1500, sites: 25, names: true });
const texts = Array.from({ length: ARTICLES }, () => generator.article(5000));
const random = prng(13);
const file = (i: number): string => `site${i % 25}/a${i}.txt`;

// 1,000 mention corrections on random capitalised words of random articles; the edited articles get ten each.
const corrections: Correction[] = [];
const EDITED = 20;
for (let n = 0; n < MENTION_CORRECTIONS; n++) {
  const i = n < EDITED * 10 ? n % EDITED : Math.floor(random() * ARTICLES);
  const spans = capitalised(texts[i]);
  const span = spans[Math.floor(random() * spans.length)];
  corrections.push(mentionCorrection(n, file(i), texts[i], span));
}
const ruleWords = [
  ...new Set(texts.slice(0, 200).flatMap((t) => capitalised(t).map((s) => t.slice(s.start, s.end)))),
].slice(0, CORPUS_RULES);
ruleWords.forEach((w, n) => corrections.push(corpusRule(n, w, file(0))));

const sidecar = serializeSidecar(corrections);
const [parsed, parseMs] = time(() => parseSidecar(sidecar));
const [index, indexMs] = time(() => new CorrectionIndex(parsed.corrections));
console.log(
  `corpus: ${ARTICLES} articles; sidecar: ${parsed.corrections.length} corrections, ${(sidecar.length / 1024).toFixed(0)} KB`,
);
console.log(`sidecar parse ${ms(parseMs)}, correction index ${ms(indexMs)}`);

const analyse: number[] = [];
const apply: number[] = [];
const applyNone: number[] = [];
let applied = 0;
for (let e = 0; e < EDITS; e++) {
  const i = e % EDITED;
  const text = generator.oneWordEdit(texts[i], e + 3);
  const [local, aMs] = time(() => analyzeLocal(text, defaultAnalysisOptions, noEntityHints, neverCancelled));
  analyse.push(aMs);
  const [out, cMs] = time(() => applyToLocal(index, file(i), text, local));
  apply.push(cMs);
  applied += out.local.entities.filter((m) => m.corrected).length;
  const [, nMs] = time(() => applyToLocal(index, 'elsewhere/none.txt', text, local));
  applyNone.push(nMs);
}
console.log(
  `edit → diagnostics, one-word edits of articles with ten corrections each (${(applied / EDITS).toFixed(1)} corrected mentions per edit):`,
);
console.log(line('local analysis (model)', analyse));
console.log(line('apply corrections (10 + rules)', apply));
console.log(line('apply, article without its own', applyNone));

// A new corpus rule: the scan for the articles it may touch (the server re-applies only those).
const word = ruleWords.find((w) => w.includes(' ')) ?? ruleWords[0] ?? 'Minister';
const [touched, scanMs] = time(() => texts.filter((t) => t.includes(word)).length);
console.log(
  `new corpus rule "${word}": ${touched} of ${ARTICLES} articles to re-apply, found in ${ms(scanMs)}`,
);
