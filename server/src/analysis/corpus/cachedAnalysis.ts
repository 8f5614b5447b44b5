// What the analysis cache keeps of one file: the findings of both indexing passes, the questions each
// asked of the corpus hints (so a later run can tell whether the answers, and so the findings, still
// hold), and optionally the file's corpus findings in one exact corpus. Plain data, no I/O.
import type { TableStep } from '../entities/aliases';
import type {
  EntityMention,
  LocalAnalysis,
  Quote,
  RelatedArticle,
  Repeat,
  SharedPassage,
  UnbalancedMark,
} from '../types';

/** The hint-dependent findings of one pass, with the hint questions its entity recognition asked. */
export interface PassFindings {
  entities: EntityMention[];
  quotes: Quote[];
  unbalanced: UnbalancedMark[];
  journal: TableStep[];
}

/** A file's corpus findings, valid only in the corpus whose fingerprint (`corpusFingerprint`) is given. */
export interface CorpusFindings {
  fingerprint: string;
  shared: SharedPassage[];
  related: RelatedArticle[];
}

export interface CachedAnalysis {
  /** What the first pass found, with the hints as they stood when the file came in. */
  first: PassFindings;
  /** What the second pass found with the final hints; absent when it kept the first pass's findings. */
  second?: PassFindings;
  /** Repeats depend on the text and settings only, never on hints. */
  repeats: Repeat[];
  corpus?: CorpusFindings;
}

/** The local analysis a pass's findings stand for. */
export function localOf(pass: PassFindings, repeats: Repeat[]): LocalAnalysis {
  return { entities: pass.entities, quotes: pass.quotes, unbalanced: pass.unbalanced, repeats, limits: [] };
}

/** What the index holds for the file after both passes. */
export function finalLocal(entry: CachedAnalysis): LocalAnalysis {
  return localOf(entry.second ?? entry.first, entry.repeats);
}
