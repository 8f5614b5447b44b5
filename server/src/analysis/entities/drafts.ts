// What the rule engine's stages pass on: draft mentions, typed and resolved step by step, and how the
// last step keeps one of any two that overlap.
import type { EntitySource, EntityType, NamedEntityType } from '../types';

/** A mention being recognised. */
export interface Draft {
  start: number;
  end: number;
  type: EntityType;
  canonical: string;
  source: EntitySource;
  /** Guessed from shape alone; evidence from elsewhere may retype it. */
  guess: boolean;
}

/** Drops overlapping drafts, keeping the longer (then the earlier) one, and sorts by start. */
export function resolveOverlaps(drafts: Draft[]): Draft[] {
  const sorted = [...drafts].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Draft[] = [];
  for (const d of sorted) {
    const prev = out[out.length - 1];
    if (prev && d.start < prev.end) {
      const named = (t: EntityType) => (t as string) in NAMED;
      if (named(d.type) && !named(prev.type)) out[out.length - 1] = d;
      continue;
    }
    out.push(d);
  }
  return out;
}
const NAMED: Record<NamedEntityType, true> = {
  PERSON: true,
  ORG: true,
  GPE: true,
  LOC: true,
  NORP: true,
  FAC: true,
  EVENT: true,
};
