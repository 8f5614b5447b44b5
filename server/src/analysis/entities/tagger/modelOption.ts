// The tagger weights analysis options ask for: a loaded model named by `entityModel`, else the shipped one.
import type { AnalysisOptions } from '../../types';
import { loadedModel } from './loadedModels';
import type { TaggerModel } from './model';

/** The model of `options`, or `undefined` for the shipped weights. */
export function taggerModelOf(options: AnalysisOptions): TaggerModel | undefined {
  return options.entityModel !== undefined && options.entityTagger && options.entityTagger !== 'off'
    ? loadedModel(options.entityModel)
    : undefined;
}
