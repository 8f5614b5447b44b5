// Messages between the indexing pool (main thread) and its worker threads. Plain data only: everything
// crosses by structured clone.
import type { PassFindings } from '../../analysis/corpus/cachedAnalysis';
import type { PageOutline } from '../../analysis/structure/pageStructure';
import type { EncodedNlpDoc } from '../../analysis/text/nlpCache';
import type { AnalysisOptions, Repeat } from '../../analysis/types';
import type { HintDelta } from './hintDeltas';

/** Main → worker: one file's first pass, after the hints the main thread had when it sent it. */
export interface AnalyseRequest {
  id: number;
  text: string;
  options: AnalysisOptions;
  hints?: HintDelta;
}

/** Worker → main: the file's first pass, or why it could not be done. */
export type AnalyseReply =
  | {
      id: number;
      first: PassFindings;
      repeats: Repeat[];
      nlp: EncodedNlpDoc;
      /** The page's story spans and headline (see `pageOutline`), which the index needs and the text alone gives. */
      outline: PageOutline;
      /** Tag pairs the worker coded since its previous reply (see `tagPairsFrom`). */
      tagPairs: [string, string][];
    }
  | { id: number; error: string };
