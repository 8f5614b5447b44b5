// The corpus index's string pool: one copy per distinct short text, and pooling findings never changes them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { StringPool } from '../../server/src/analysis/corpus/stringPool';
import type { EntityMention, LocalAnalysis, Quote } from '../../server/src/analysis/types';

function localOf(entities: EntityMention[], quotes: Quote[] = []): LocalAnalysis {
  return { entities, quotes, unbalanced: [], repeats: [], limits: [] };
}

describe('StringPool', () => {
  it('hands out the first equal string it saw, whatever the value', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 40 }), (texts) => {
        const pool = new StringPool();
        const first = new Map<string, string>();
        for (const t of texts) {
          // A fresh string of the same value, as slicing another article would give.
          const copy = [...t].join('');
          const got = pool.intern(copy);
          assert.equal(got, t);
          if (!first.has(t)) first.set(t, got);
        }
        assert.ok(pool.size <= first.size);
      }),
    );
  });

  it('leaves the findings equal to what they were', () => {
    const text = 'Monday: Ann Lee said "we go", the coach said Monday.';
    const at = (s: string, from = 0): { start: number; end: number } => {
      const start = text.indexOf(s, from);
      return { start, end: start + s.length };
    };
    const mentions: EntityMention[] = [
      {
        span: at('Monday'),
        type: 'DATE',
        text: text.slice(0, 6),
        canonical: text.slice(0, 6),
        source: 'wink',
      },
      { span: at('Ann Lee'), type: 'PERSON', text: 'Ann Lee', canonical: 'Ann Lee', source: 'wink' },
      {
        span: at('Monday', 10),
        type: 'DATE',
        text: text.slice(45, 51),
        canonical: text.slice(45, 51),
        source: 'wink',
      },
    ];
    const quote: Quote = {
      span: at('"we go"'),
      contentSpan: at('we go'),
      balanced: true,
      kind: 'speech',
      speaker: { name: 'Ann Lee', attribution: 'Ann Lee said', chain: ['the coach', 'Ann Lee'] },
    };
    const local = localOf(mentions, [quote]);
    const before = structuredClone(local);
    new StringPool().internFindings(local);
    assert.deepEqual(local, before);
    assert.equal(local.entities[0]?.text, 'Monday');
    assert.equal(local.entities[2]?.canonical, 'Monday');
  });
});
