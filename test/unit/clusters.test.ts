// Story clusters: connected components of the related graph, whichever side lists the pair, with the
// best-connected member first and lone articles left out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { relatedClusters } from '../../server/src/analysis/related/clusters';

const graph =
  (edges: Record<string, string[]>) =>
  (uri: string): string[] =>
    edges[uri] ?? [];

describe('relatedClusters', () => {
  it('groups connected articles, largest cluster first, and leaves lone articles out', () => {
    const clusters = relatedClusters(['a', 'b', 'c', 'd', 'e', 'f'], graph({ a: ['b'], b: ['c'], d: ['e'] }));
    assert.deepEqual(
      clusters.map((c) => c.map((m) => m.uri)),
      [
        ['b', 'a', 'c'],
        ['d', 'e'],
      ],
    );
  });

  it('a pair listed by one side only is still one cluster, and links count both directions', () => {
    const clusters = relatedClusters(['x', 'y'], graph({ y: ['x'] }));
    assert.deepEqual(clusters, [
      [
        { uri: 'x', links: 1 },
        { uri: 'y', links: 1 },
      ],
    ]);
  });

  it('ignores self links and articles outside the corpus', () => {
    assert.deepEqual(relatedClusters(['a'], graph({ a: ['a', 'gone'] })), []);
  });

  it('the hub of a star is its first member', () => {
    const [star] = relatedClusters(['h', 'p', 'q', 'r'], graph({ p: ['h'], q: ['h'], r: ['h'] }));
    assert.equal(star[0].uri, 'h');
    assert.equal(star[0].links, 3);
  });

  it('a page of several stories joins each event it relates to without merging them', () => {
    const clusters = relatedClusters(
      ['briefs', 'fire1', 'fire2', 'fish1', 'fish2', 'lone'],
      graph({ fire1: ['fire2', 'briefs'], fish1: ['fish2'], briefs: ['fish2'] }),
      (uri) => uri === 'briefs',
    );
    assert.deepEqual(
      clusters.map((c) => c.map((m) => m.uri)),
      [
        ['fire1', 'fire2', 'briefs'],
        ['fish2', 'fish1', 'briefs'],
      ],
    );
  });

  it('property: without digests every article is in at most one cluster, and linked articles share one', () => {
    const uris = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const edge = fc.tuple(fc.constantFrom(...uris), fc.constantFrom(...uris));
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 12 }), (edges) => {
        const out: Record<string, string[]> = {};
        for (const [a, b] of edges) (out[a] ??= []).push(b);
        const clusters = relatedClusters(uris, graph(out));
        const clusterOf = new Map<string, number>();
        clusters.forEach((c, i) =>
          c.forEach((m) => {
            assert.ok(!clusterOf.has(m.uri), `${m.uri} in two clusters`);
            clusterOf.set(m.uri, i);
          }),
        );
        for (const [a, b] of edges) {
          if (a !== b) assert.equal(clusterOf.get(a), clusterOf.get(b), `${a}–${b}`);
        }
      }),
    );
  });
});
