// The related-articles feature index against the documents it was given: after any sequence of adds and
// removals, candidate scores read each document's count of a feature exactly as it was added (whole counts,
// counts at the edge of what a posting entry holds, counts too large for two bytes, fractional weights), and
// removed documents are never reached.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FeatureIndex } from '../../server/src/analysis/related/termIndex';

const FEATURES = ['ann', 'bo', 'kim', 'lee', 'port', 'vale'] as const;

const count = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.constantFrom(62, 63, 64),
  fc.constantFrom(70_000, 65_535, 65_536),
  fc.constantFrom(0.8, 0.3 + 0.6, 2.4000000000000004),
);

describe('FeatureIndex', () => {
  it('scores candidates from the counts each live document was added with', () => {
    const op = fc.record({
      remove: fc.boolean(),
      counts: fc.dictionary(fc.constantFrom(...FEATURES), count, { maxKeys: 6 }),
    });
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const index = new FeatureIndex();
        const live = new Map<number, Map<string, number>>();
        let next = 0;
        // Scored after every step too: postings must follow adds, removals and compaction.
        const check = (): void => {
          for (const name of FEATURES) {
            const id = index.idOf(name);
            if (id === undefined) continue;
            const scores = new Float64Array(next + 1);
            const touched: number[] = [];
            index.accumulate([{ id, weight: 1 }], next, scores, touched);
            const want = [...live]
              .filter(([, c]) => (c.get(name) ?? 0) > 0)
              .map(([doc, c]) => [
                doc,
                (Math.log1p(c.get(name) ?? 0) * index.idf(id)) / (index.cachedNorm(doc) || 1),
              ]);
            assert.deepEqual(
              touched.map((doc) => [doc, scores[doc]]),
              want,
            );
          }
        };
        for (const o of ops) {
          const docs = [...live.keys()];
          if (o.remove && docs.length > 0) {
            const doc = docs[docs.length - 1] as number;
            index.remove(doc);
            live.delete(doc);
            check();
            continue;
          }
          const counts = new Map(Object.entries(o.counts));
          index.add(next, counts);
          live.set(next++, counts);
          check();
        }
        for (const [doc, counts] of live) {
          const weights = new Map(index.weighted(doc).map((f) => [index.name(f.id), f.weight]));
          for (const [name, c] of counts) {
            const id = index.idOf(name) as number;
            assert.equal(weights.get(name), Math.log1p(c) * index.idf(id));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
