// Trains the entity tagger on the CoNLL-2003 training split and tunes the number of epochs on the
// development split; writes the model file and prints strict span + type F1 per type on the
// development split for the tagger and for the rule engine alone.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { COARSE_TYPES, labelId, spansOf } from '../../server/src/analysis/entities/tagger/labels';
import { encodeModel, parseModel, type ModelFile } from '../../server/src/analysis/entities/tagger/model';
import {
  Perceptron,
  shuffled,
  type TrainingSentence,
} from '../../server/src/analysis/entities/tagger/perceptron';
import { trainingSentences } from '../../server/src/analysis/entities/tagger/trainingSentences';
import { seededRandom } from '../../server/src/analysis/text/seededRandom';
import { tagDoc } from '../../server/src/analysis/entities/tagger/tagger';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import { combineWithTagger, type TaggerMode } from '../../server/src/analysis/entities/combine';
import type { EntityMention } from '../../server/src/analysis/types';
import { noEntityHints } from '../../server/src/analysis/types';
import { type ConllDoc, type Score, TO_CONLL, f1, readConll, ruleLabels } from './conll';

export interface TrainOptions {
  train: string;
  dev: string;
  out?: string;
  epochs: number;
  rules: boolean;
  prune: number;
  seed: number;
}

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

/** The training sentences of CoNLL documents, with their gold labels. */
export function sentencesOf(docs: ConllDoc[]): TrainingSentence[] {
  return docs.flatMap((d) => trainingSentences(d, d.gold));
}

/** Strict span + type counts of predicted label sequences against the gold ones. */
export function score(pairs: [ArrayLike<number>, ArrayLike<number>][]): Map<string, Score> {
  const by = new Map<string, Score>([...COARSE_TYPES, 'ALL'].map((t) => [t, { tp: 0, pred: 0, gold: 0 }]));
  for (const [gold, pred] of pairs) {
    const g = new Set(spansOf(gold).map((s) => `${s.start}:${s.end}:${s.type}`));
    for (const s of spansOf(gold)) {
      (by.get(s.type) as Score).gold++;
      (by.get('ALL') as Score).gold++;
    }
    for (const s of spansOf(pred)) {
      const hit = g.has(`${s.start}:${s.end}:${s.type}`) ? 1 : 0;
      for (const k of [s.type, 'ALL']) {
        const sc = by.get(k) as Score;
        sc.pred++;
        sc.tp += hit;
      }
    }
  }
  return by;
}

export function report(name: string, by: Map<string, Score>): string {
  const parts = [...by].map(([t, s]) => {
    const { p, r, f } = f1(s);
    return `${t} P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f.toFixed(4)}`;
  });
  return `${name}: ${parts.join(' | ')}`;
}

/** The rule engine's labels mapped to coarse BIO ids. */
export function ruleIds(doc: ConllDoc): Int32Array {
  const out = new Int32Array(doc.tokens.length);
  (doc.rules ?? []).forEach((r, i) => {
    if (r === 'O') return;
    out[i] = labelId(`${r.slice(0, 2)}${TO_CONLL[r.slice(2)] as string}`);
  });
  return out;
}

export function evaluate(model: ModelFile, docs: ConllDoc[]): Map<string, Score> {
  const m = parseModel(model);
  return score(docs.map((d) => [d.gold, tagDoc(m, d).labels]));
}

export function train(o: TrainOptions): { model: ModelFile; dev: Map<string, Score> } {
  let t0 = performance.now();
  const trainDocs = readConll(o.train, o.rules);
  const devDocs = readConll(o.dev, o.rules);
  log(
    `read ${trainDocs.length} + ${devDocs.length} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (o.rules) log(report('rules alone (dev)', score(devDocs.map((d) => [d.gold, ruleIds(d)]))));
  t0 = performance.now();
  const sentences = sentencesOf(trainDocs);
  const p = new Perceptron();
  p.addFeatures(sentences);
  log(
    `${sentences.length} sentences, ${p.keys.length} features in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const random = seededRandom(o.seed);
  const cache = new Map<TrainingSentence, Int32Array[]>();
  let best: { model: ModelFile; dev: Map<string, Score>; f: number; epoch: number } | undefined;
  for (let e = 1; e <= o.epochs; e++) {
    t0 = performance.now();
    const errors = p.epoch(sentences, shuffled(sentences.length, random), cache);
    const { weights, transitions } = p.averaged();
    const model = encodeModel(p.keys, weights, transitions, { ruleFeatures: o.rules, prune: o.prune });
    const dev = evaluate(model, devDocs);
    const f = f1(dev.get('ALL') as Score).f;
    log(
      `epoch ${e}: ${errors} sentences wrong, dev F1 ${f.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );
    if (!best || f > best.f) best = { model, dev, f, epoch: e };
  }
  if (!best) throw new Error('no epochs');
  best.model.trainedOn = `CoNLL-2003 eng.train, ${best.epoch} epochs (best of ${o.epochs} on eng.testa), seed ${o.seed}, dev F1 ${best.f.toFixed(4)}`;
  log(report('tagger (dev)', best.dev));
  if (o.out) {
    writeFileSync(o.out, `${JSON.stringify(best.model)}\n`);
    const kept = Buffer.from(best.model.keys, 'base64').length / 4;
    log(`wrote ${o.out}: ${kept} features, ${(JSON.stringify(best.model).length / 1e6).toFixed(2)} MB`);
  }
  return best;
}

/** Our mentions as coarse BIO ids over the corpus tokens. */
function mentionIds(doc: ConllDoc, mentions: EntityMention[]): Int32Array {
  const labels = ruleLabels(doc.text, doc.tokens, undefined, mentions);
  return ruleIds({ ...doc, rules: labels });
}

/** The rules, the tagger and their combinations as the analysis runs them, on the development split. */
export function evaluateModes(devPath: string, model: ModelFile): void {
  const m = parseModel(model);
  const docs = readConll(devPath, false);
  const modes: TaggerMode[] = ['off', 'candidates', 'primary'];
  const pairs = new Map<TaggerMode, [Int32Array, Int32Array][]>(modes.map((k) => [k, []]));
  for (const d of docs) {
    const rules = findEntities(d.text, noEntityHints);
    for (const mode of modes) {
      const ms = combineWithTagger(d.text, rules, mode, undefined, m);
      pairs.get(mode)?.push([d.gold, mentionIds(d, ms)]);
    }
  }
  for (const mode of modes) log(report(`analysis, tagger ${mode} (dev)`, score(pairs.get(mode) ?? [])));
}
