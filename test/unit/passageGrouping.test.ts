// Grouping aligned pieces into passages: the sweep that skips anchors too far before a piece gives the
// groups of a plain scan over every anchor, for any pieces (nested, overlapping, equal, of one word).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  groupPieces,
  type PassageGroup,
  type Piece,
} from '../../server/src/analysis/duplicates/passages/grouping';

interface File {
  id: number;
  rank: number;
}

const lengthOf = (p: Piece<File>): number => p.a1 - p.a0;

/** The grouping rule read literally: longest first, a piece joins the first anchor (by start) it half covers. */
function reference(pieces: readonly Piece<File>[]): PassageGroup<File>[] {
  const order = Array.from(pieces.keys()).sort(
    (x, y) => lengthOf(pieces[y]) - lengthOf(pieces[x]) || pieces[x].a0 - pieces[y].a0 || x - y,
  );
  const groups: { anchor: Piece<File>; indexes: number[] }[] = [];
  for (const i of order) {
    const piece = pieces[i];
    const home = groups.find(
      (g) => Math.min(g.anchor.a1, piece.a1) - Math.max(g.anchor.a0, piece.a0) >= lengthOf(g.anchor) / 2,
    );
    if (home) home.indexes.push(i);
    else {
      groups.push({ anchor: piece, indexes: [i] });
      // Stable by start: a later anchor of the same start stays after the earlier ones.
      groups.sort((x, y) => x.anchor.a0 - y.anchor.a0);
    }
  }
  return groups.map((g) => ({
    anchor: g.anchor,
    members: g.indexes.sort((x, y) => x - y).map((i) => pieces[i]),
  }));
}

describe('groupPieces', () => {
  it('groups as a scan over every anchor does', () => {
    const files: File[] = [1, 2, 3, 4].map((id) => ({ id, rank: id * 7 }));
    const piece = fc
      .record({
        a0: fc.integer({ min: 0, max: 120 }),
        length: fc.integer({ min: 1, max: 60 }),
        file: fc.nat(3),
      })
      .map(({ a0, length, file }) => ({
        a0,
        a1: a0 + length,
        b0: a0,
        b1: a0 + length,
        matched: length,
        other: files[file],
      }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        assert.deepEqual(groupPieces(pieces), reference(pieces));
      }),
      { numRuns: 500 },
    );
  });
});
