// Aligned pieces grouped into passages: the copies, in other files, of one stretch of the queried file.
// A passage is then judged and reported once, with a few example copies, however many files carry it.
import { similarityOf, type WordPair } from '../wordAlign';
import { byRank, type Holder } from './postings';

/** One aligned stretch between the queried file (`a`) and another (`b`). */
export interface Piece<T extends Holder> extends WordPair {
  other: T;
}

export interface PassageGroup<T extends Holder> {
  /** The longest piece: the stretch of the queried file the passage stands for. */
  anchor: Piece<T>;
  /** The pieces of the passage, the anchor included, in the order they were found. */
  members: Piece<T>[];
}

const lengthOf = (p: WordPair): number => p.a1 - p.a0;

/**
 * Groups pieces by the stretch of the queried file they cover. Longest first, a piece joins the passage
 * whose anchor it overlaps by at least half the anchor's length, so a sentence shared on its own is a
 * passage of its own rather than a copy of the paragraph around it. Anchors are kept sorted by start and
 * swept, so the work grows with the pieces times the passages that overlap each, not with all pairs.
 */
export function groupPieces<T extends Holder>(pieces: readonly Piece<T>[]): PassageGroup<T>[] {
  const order = Array.from(pieces.keys()).sort(
    (x, y) => lengthOf(pieces[y]) - lengthOf(pieces[x]) || pieces[x].a0 - pieces[y].a0 || x - y,
  );
  const groups: { group: PassageGroup<T>; indexes: number[] }[] = [];
  for (const i of order) {
    const piece = pieces[i];
    let home: (typeof groups)[number] | undefined;
    // The piece overlaps an anchor it joins by half the anchor's length, so that anchor is at most twice as
    // long as the piece and starts at most the piece's length before it: earlier anchors are skipped.
    for (let k = firstFrom(groups, piece.a0 - lengthOf(piece)); k < groups.length; k++) {
      const g = groups[k];
      const anchor = g.group.anchor;
      if (anchor.a0 >= piece.a1) break; // sorted by start: no later anchor overlaps
      const overlap = Math.min(anchor.a1, piece.a1) - Math.max(anchor.a0, piece.a0);
      if (overlap >= lengthOf(anchor) / 2) {
        home = g;
        break;
      }
    }
    if (home) home.indexes.push(i);
    else {
      const g = { group: { anchor: piece, members: [] }, indexes: [i] };
      let at = groups.length;
      while (at > 0 && groups[at - 1].group.anchor.a0 > piece.a0) at--;
      groups.splice(at, 0, g);
    }
  }
  for (const g of groups) g.group.members = g.indexes.sort((x, y) => x - y).map((i) => pieces[i]);
  return groups.map((g) => g.group);
}

/** Index of the first group whose anchor starts at `a0` or later (groups are sorted by anchor start). */
function firstFrom(groups: readonly { group: { anchor: WordPair } }[], a0: number): number {
  let lo = 0;
  let hi = groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (groups[mid].group.anchor.a0 < a0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The distinct other files of a passage, lowest rank first. */
export function holdersOfGroup<T extends Holder>(group: PassageGroup<T>): T[] {
  return [...new Set(group.members.map((m) => m.other))].sort(byRank);
}

/**
 * The pieces a passage is reported with: every copy when at most `limit` files carry it, otherwise the
 * copies in the `limit` files closest to this one (most similar, then longest). A file that carries the
 * same stretch twice links to its first copy.
 */
export function examplesOf<T extends Holder>(group: PassageGroup<T>, limit: number): Piece<T>[] {
  const seen = new Set<string>();
  const pieces = group.members.filter((m) => {
    const key = `${m.a0}:${m.a1}:${m.other.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const best = new Map<T, Piece<T>>();
  for (const p of pieces) {
    const b = best.get(p.other);
    if (!b || closer(p, b) < 0) best.set(p.other, p);
  }
  if (best.size <= limit) return pieces;
  const kept = new Set([...best.values()].sort(closer).slice(0, limit));
  return pieces.filter((p) => kept.has(p));
}

/** Closest copies first: most similar, then most words in common, then the global holder order. */
function closer<T extends Holder>(p: Piece<T>, q: Piece<T>): number {
  return similarityOf(q) - similarityOf(p) || q.matched - p.matched || byRank(p.other, q.other);
}
