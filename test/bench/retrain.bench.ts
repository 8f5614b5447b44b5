// Retraining the entity tagger from corrections, as the retrain request does it: examples from every
// corrected article (the rule engine run again for its features) and the perceptron from the shipped
// weights. The corpus analysis itself is done beforehand (the server has it in its index).
//   node --import tsx test/bench/retrain.bench.ts   [BENCH_ARTICLES=200 BENCH_CORRECTIONS=300]
import { performance } from 'node:perf_hooks';
import { analyzeLocal } from '../../server/src/analysis/analyzeArticle';
import { applyToLocal } from '../../server/src/analysis/curation/applyLocal';
import { CorrectionIndex } from '../../server/src/analysis/curation/correctionIndex';
import {
  articleExamples,
  correctedSpans,
  teachesTagger,
} from '../../server/src/analysis/curation/trainingExamples';
import type { Correction } from '../../server/src/analysis/curation/types';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import type { TrainingSentence } from '../../server/src/analysis/entities/tagger/perceptron';
import { retrainModel, wordFeatureIds } from '../../server/src/analysis/entities/tagger/retrain';
import { shippedModel } from '../../server/src/analysis/entities/tagger/shipped';
import { analyzeText } from '../../server/src/analysis/text/nlp';
import { defaultAnalysisOptions, neverCancelled, noEntityHints } from '../../server/src/analysis/types';
import { capitalised, mentionCorrection } from './benchCorrections';
import { createCorpusGenerator, prng } from './corpusGenerator';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 200);
const CORRECTIONS = Number(process.env.BENCH_CORRECTIONS ?? 300);
const options = { ...defaultAnalysisOptions, entityTagger: 'candidates' as const };

const generator = createCorpusGenerator({ seed: 11_2026, wireStories: 100, sites: 10, names: true });
const texts = Array.from({ length: ARTICLES }, () => generator.article(5000));
const file = (i: number): string => `a${i}.txt`;
const random = prng(17);
const corrections: Correction[] = [];
for (let n = 0; n < CORRECTIONS; n++) {
  const i = Math.floor(random() * ARTICLES);
  const spans = capitalised(texts[i]);
  corrections.push(mentionCorrection(n, file(i), texts[i], spans[Math.floor(random() * spans.length)]));
}
const index = new CorrectionIndex(corrections);
const t0 = performance.now();
const raw = texts.map((t) => analyzeLocal(t, options, noEntityHints, neverCancelled));
process.stdout.write(
  `analysed ${ARTICLES} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s (not counted)\n`,
);

function run(): {
  json: string;
  examplesMs: number;
  trainMs: number;
  sentences: number;
  epochs: number;
  anchors: number;
} {
  const base = shippedModel();
  const t1 = performance.now();
  const sentences: TrainingSentence[] = [];
  const anchors: TrainingSentence[] = [];
  const words = new Set<number>();
  texts.forEach((text, i) => {
    const own = index.forFile(file(i));
    if (own.length === 0) return;
    const spans = correctedSpans(text, own);
    if (spans.length === 0) return;
    const corrected = applyToLocal(index, file(i), text, raw[i]).local.entities;
    const nlp = analyzeText(text);
    const ex = articleExamples(
      { text, rules: findEntities(text, noEntityHints, undefined, nlp), corrected, spans },
      base,
      nlp,
    );
    sentences.push(...ex.sentences);
    anchors.push(...ex.anchors);
    for (const w of ex.words) for (const id of wordFeatureIds(w)) words.add(id);
  });
  const t2 = performance.now();
  const trained = retrainModel(base, { examples: sentences, anchors }, { words });
  const t3 = performance.now();
  return {
    json: JSON.stringify(trained.model),
    examplesMs: t2 - t1,
    trainMs: t3 - t2,
    sentences: sentences.length,
    epochs: trained.epochs,
    anchors: trained.anchors,
  };
}

const first = run();
const second = run();
const taught = corrections.filter(teachesTagger).length;
process.stdout.write(
  `${taught} of ${CORRECTIONS} corrections teach the tagger: ${first.sentences} sentences\n` +
    `  examples ${(first.examplesMs / 1000).toFixed(2)} s, training ${(first.trainMs / 1000).toFixed(2)} s (${first.epochs} epochs, ${first.anchors} anchors)\n` +
    `  second run ${((second.examplesMs + second.trainMs) / 1000).toFixed(2)} s, same model: ${first.json === second.json}\n`,
);
