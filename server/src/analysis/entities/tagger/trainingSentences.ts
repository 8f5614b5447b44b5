// Training examples of the tagger: the runs of tokens it reads (see `activeTokens`), as it reads them,
// each with its gold labels. Shared by the training script (CoNLL) and retraining from corrections.
import { activeTokens, extractFeatures, featuresOf, layout, segments, type TaggerDoc } from './features';
import type { TrainingSentence } from './perceptron';

/** A run of tokens [start, end) of a document. */
export interface TokenRun {
  start: number;
  end: number;
}

/**
 * The training sentences of one document with gold label ids `gold` (one per token); `keep` chooses
 * which runs become examples (all of them by default).
 */
export function trainingSentences(
  doc: TaggerDoc,
  gold: Int32Array,
  keep: (run: TokenRun) => boolean = () => true,
): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  const lay = layout(doc);
  const active = activeTokens(doc, lay);
  const table = extractFeatures(doc, lay, active);
  for (const s of segments(lay, active)) {
    if (!keep(s)) continue;
    const features: Uint32Array[] = [];
    for (let i = s.start; i < s.end; i++) features.push(featuresOf(table, i));
    out.push({ features, gold: gold.slice(s.start, s.end), opens: s.opens });
  }
  return out;
}
