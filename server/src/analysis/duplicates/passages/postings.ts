// Postings of the passage index: the files holding one fingerprint, kept sorted by a fixed per-file rank
// (a hash of the URI). Every posting then lists its holders in the same global order, so reading the first
// few of each posting samples the same files across all the fingerprints of a passage (a bottom-k sample):
// how many of a passage's fingerprints a sampled file holds stays meaningful, and the sample neither grows
// with the number of holders nor changes when an unsampled holder is edited.
import { mix } from '../shingles';

export interface Holder {
  readonly id: number;
  /** Position in the global order of holders; see `rankOf`. */
  readonly rank: number;
}

/** A single holder, or every holder of the fingerprint sorted by `byRank`. */
export type Posting<T extends Holder> = T | T[];

/** A file's place in every posting: stable across its edits, unrelated to its content or load order. */
export function rankOf(uri: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < uri.length; i++) h = Math.imul(h ^ uri.charCodeAt(i), 0x01000193);
  // Murmur3's finaliser, so URIs that differ in their last characters still spread over the whole range.
  return mix(h);
}

export function byRank(a: Holder, b: Holder): number {
  return a.rank - b.rank || a.id - b.id;
}

export function postingSize<T extends Holder>(p: Posting<T> | undefined): number {
  return p === undefined ? 0 : Array.isArray(p) ? p.length : 1;
}

/** Index of the first holder not before `h` in a sorted posting. */
function lowerBound<T extends Holder>(list: readonly T[], h: Holder): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byRank(list[mid], h) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The posting with `h` added (a new array only when a single holder becomes two). */
export function withHolder<T extends Holder>(p: Posting<T> | undefined, h: T): Posting<T> {
  if (p === undefined) return h;
  if (!Array.isArray(p)) return byRank(p, h) <= 0 ? [p, h] : [h, p];
  p.splice(lowerBound(p, h), 0, h);
  return p;
}

/** The posting without `h`: undefined when it held nothing else, a single holder when one is left. */
export function withoutHolder<T extends Holder>(p: Posting<T> | undefined, h: T): Posting<T> | undefined {
  if (p === undefined) return undefined;
  if (!Array.isArray(p)) return p.id === h.id ? undefined : p;
  const at = lowerBound(p, h);
  if (at < p.length && p[at].id === h.id) p.splice(at, 1);
  return p.length === 1 ? p[0] : p;
}

/**
 * Puts `next` in the place of `old` in an array posting, when that keeps it sorted (a new version of one
 * file has its rank); returns whether it did.
 */
export function replaceHolder<T extends Holder>(p: T[], old: T, next: T): boolean {
  const at = lowerBound(p, old);
  if (at >= p.length || p[at].id !== old.id) return false;
  if (at > 0 && byRank(p[at - 1], next) > 0) return false;
  if (at + 1 < p.length && byRank(p[at + 1], next) < 0) return false;
  p[at] = next;
  return true;
}

/** Calls `fn` with the first `limit` holders in rank order, `skip` left out, and their index among them. */
export function forFirstHolders<T extends Holder>(
  p: Posting<T> | undefined,
  limit: number,
  skip: T,
  fn: (h: T, index: number) => void,
): void {
  if (p === undefined) return;
  if (!Array.isArray(p)) {
    if (p.id !== skip.id && limit > 0) fn(p, 0);
    return;
  }
  let taken = 0;
  for (let i = 0; i < p.length && taken < limit; i++) {
    if (p[i].id === skip.id) continue;
    fn(p[i], taken++);
  }
}

/** Every holder of the posting. */
export function holdersOf<T extends Holder>(p: Posting<T> | undefined): readonly T[] {
  return p === undefined ? [] : Array.isArray(p) ? p : [p];
}
