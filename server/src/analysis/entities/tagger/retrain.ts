// Retraining the tagger on a few examples (a curator's corrections): the averaged perceptron continues
// from a model's weights instead of zeros, with its transition scores kept, and stops once every example
// is right by a margin. Deterministic: the same model, examples and options give the same file.
import { seededRandom } from '../../text/seededRandom';
import { encodeModel, type ModelFile, type TaggerModel } from './model';
import { Perceptron, shuffled, type TrainingSentence } from './perceptron';

export interface RetrainOptions {
  /** Most passes over the examples. */
  epochs?: number;
  /** How much the gold labels must win by on the examples (emission units of the model). */
  margin?: number;
  seed?: number;
  /** Free-form notes kept in the model file. */
  trainedOn?: string;
}

export interface Retrained {
  model: ModelFile;
  /** Passes made, and the examples still wrong (by the margin) in the last one. */
  epochs: number;
  wrong: number;
  /** Feature rows the examples brought that the base model did not have. */
  newFeatures: number;
}

/** Passes over the examples once all of them are right: averaging settles on the corrected weights. */
const SETTLE_EPOCHS = 3;

/** `base` trained further on `examples`. */
export function retrainModel(
  base: TaggerModel,
  examples: readonly TrainingSentence[],
  options: RetrainOptions = {},
): Retrained {
  const { epochs = 30, margin = 30, seed = 1 } = options;
  const p = new Perceptron(false);
  const weights = new Float32Array(base.weights.length);
  for (let k = 0; k < weights.length; k++) weights[k] = (base.weights[k] as number) * base.scale;
  p.seed(base.keys, weights, base.transitions);
  const known = p.keys.length;
  const sentences = [...examples];
  p.addFeatures(sentences);
  const random = seededRandom(seed);
  const cache = new Map<TrainingSentence, Int32Array[]>();
  let done = 0;
  let wrong = 0;
  let settled = 0;
  while (done < epochs && settled < SETTLE_EPOCHS) {
    wrong = p.epoch(sentences, shuffled(sentences.length, random), cache, margin);
    done++;
    settled = wrong === 0 ? settled + 1 : 0;
  }
  const averaged = p.averaged();
  // Only rows that quantise to nothing are dropped: the base model's rows all stay.
  const model = encodeModel(p.keys, averaged.weights, averaged.transitions, {
    ruleFeatures: base.ruleFeatures,
    prune: base.scale / 2,
    ...(options.trainedOn ? { trainedOn: options.trainedOn } : {}),
  });
  return { model, epochs: done, wrong, newFeatures: p.keys.length - known };
}
