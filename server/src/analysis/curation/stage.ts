// The curation stage of the corpus index: maps an article URI to its correction set and file path (one
// set per workspace or corpus folder), applies the corrections to what the index records, and remembers
// which corrections lost their anchor, per article, so callers can report them.
import type { LocalAnalysis, RelatedArticle, SharedPassage } from '../types';
import { applyToRelated, applyToShared } from './applyCorpus';
import { applyToLocal } from './applyLocal';
import type { CorrectionIndex } from './correctionIndex';
import type { LostCorrection } from './types';

/** What the corpus index asks of a curation stage. */
export interface CurationStage {
  local(uri: string, text: string, local: LocalAnalysis): LocalAnalysis;
  shared(uri: string, text: string, shared: SharedPassage[]): SharedPassage[];
  related(uri: string, related: RelatedArticle[]): RelatedArticle[];
  /** The article left the index. */
  forget(uri: string): void;
}

export interface Placement {
  corrections: CorrectionIndex;
  /** The article's path as corrections name it. */
  file: string;
}

export class Curation implements CurationStage {
  private readonly lostByUri = new Map<string, LostCorrection[]>();

  /**
   * @param place where an article's corrections live, or `undefined` for an article outside every folder.
   * @param onLostChange called when the lost corrections of an article change.
   */
  constructor(
    private readonly place: (uri: string) => Placement | undefined,
    private readonly onLostChange: (uri: string) => void = () => undefined,
  ) {}

  local(uri: string, text: string, local: LocalAnalysis): LocalAnalysis {
    const p = this.place(uri);
    const applied = p ? applyToLocal(p.corrections, p.file, text, local) : { local, lost: [] };
    const before = this.lostByUri.get(uri) ?? [];
    if (applied.lost.length > 0) this.lostByUri.set(uri, applied.lost);
    else this.lostByUri.delete(uri);
    if (!sameLost(before, applied.lost)) this.onLostChange(uri);
    return applied.local;
  }

  shared(uri: string, text: string, shared: SharedPassage[]): SharedPassage[] {
    const p = this.place(uri);
    return p ? applyToShared(p.corrections, p.file, text, shared) : shared;
  }

  related(uri: string, related: RelatedArticle[]): RelatedArticle[] {
    const p = this.place(uri);
    return p ? applyToRelated(p.corrections, p.file, related, (u) => this.place(u)?.file) : related;
  }

  forget(uri: string): void {
    if (this.lostByUri.delete(uri)) this.onLostChange(uri);
  }

  /** Corrections of an article that lost their anchor at its last analysis. */
  lost(uri: string): readonly LostCorrection[] {
    return this.lostByUri.get(uri) ?? [];
  }

  /** Every lost correction, by article. */
  allLost(): ReadonlyMap<string, LostCorrection[]> {
    return this.lostByUri;
  }
}

function sameLost(a: readonly LostCorrection[], b: readonly LostCorrection[]): boolean {
  return a.length === b.length && a.every((x, i) => x.correction.id === b[i].correction.id);
}
