// Retraining the tagger on a few examples (a curator's corrections): the averaged perceptron continues
// from a model's weights instead of zeros, with its transition scores kept, and stops once every example
// is right by a margin. Deterministic: the same model, examples and options give the same file.
import { seededRandom } from '../../text/seededRandom';
import { featureId, normal } from './features';
import { encodeModel, type ModelFile, type TaggerModel } from './model';
import { Perceptron, shuffled, type TrainingSentence } from './perceptron';

export interface RetrainOptions {
  /** Most passes over the examples. */
  epochs?: number;
  /** How much the gold labels must win by on the examples (emission units of the model). */
  margin?: number;
  seed?: number;
  /**
   * Features of the shipped weights that may change besides those the examples bring: the corrected
   * words (see `wordFeatureIds`). Generic features (shapes, affixes, context, the rules' labels) keep
   * their weights, so what is learnt stays with the corrected words instead of moving every name.
   */
  words?: ReadonlySet<number>;
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
  /** Anchor sentences that updates could change, and were kept right. */
  anchors: number;
}

/** The ids of the features that are a word itself (its spelling and its lower-case form). */
export function wordFeatureIds(word: string): number[] {
  return [featureId('w=', word), featureId('l=', normal(word))];
}

/** Passes over the examples once all of them are right: averaging settles on the corrected weights. */
const SETTLE_EPOCHS = 3;

/** What retraining learns from. */
export interface RetrainData {
  /** Sentences with corrected labels: learnt until right by the margin. */
  examples: readonly TrainingSentence[];
  /**
   * Sentences as the base model reads them, kept right (without a margin) so that what the examples
   * teach does not spill over; those that no update can change are left out.
   */
  anchors?: readonly TrainingSentence[];
}

/** `base` trained further on `data`. */
export function retrainModel(base: TaggerModel, data: RetrainData, options: RetrainOptions = {}): Retrained {
  const { epochs = 12, margin = 30, seed = 1 } = options;
  const baseKeys = new Set(base.keys);
  const words = options.words;
  const p = new Perceptron(false, (id) => !baseKeys.has(id) || words === undefined || words.has(id));
  const weights = new Float32Array(base.weights.length);
  for (let k = 0; k < weights.length; k++) weights[k] = (base.weights[k] as number) * base.scale;
  p.seed(base.keys, weights, base.transitions);
  const known = p.keys.length;
  const examples = [...data.examples];
  p.addFeatures(examples);
  const anchors = (data.anchors ?? []).filter((s) => p.canChange(s));
  const random = seededRandom(seed);
  const cache = new Map<TrainingSentence, Int32Array[]>();
  let done = 0;
  let wrong = 0;
  let settled = 0;
  while (done < epochs && settled < SETTLE_EPOCHS) {
    wrong = p.epoch(examples, shuffled(examples.length, random), cache, margin);
    const drifted = p.epoch(anchors, shuffled(anchors.length, random), cache);
    done++;
    settled = wrong === 0 && drifted === 0 ? settled + 1 : 0;
  }
  const averaged = p.averaged();
  // Only rows that quantise to nothing are dropped: the base model's rows all stay.
  const model = encodeModel(p.keys, averaged.weights, averaged.transitions, {
    ruleFeatures: base.ruleFeatures,
    prune: base.scale / 2,
    ...(options.trainedOn ? { trainedOn: options.trainedOn } : {}),
  });
  return { model, epochs: done, wrong, newFeatures: p.keys.length - known, anchors: anchors.length };
}
