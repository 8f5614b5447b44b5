// A range asked once (workspace symbols) is counted up to the span instead of read from a line index: for
// any text of `\n`, `\r\n` and lone `\r` breaks and any span (outside the text too), the range the line
// index gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { spanToRange, spanToRangeOnce } from '../../server/src/features/convert';

test('gives the range of the line index for any text and span', () => {
  let runs = 0;
  const text = fc
    .array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é'), { maxLength: 40 })
    .map((p) => p.join(''));
  const offset = fc.integer({ min: -3, max: 45 });
  fc.assert(
    fc.property(text, offset, offset, (t, a, b) => {
      const span = { start: a, end: b };
      // A text never seen before, so the once-only path counts instead of meeting a cached index.
      const unique = `${t}#${(runs += 1)}`;
      assert.deepEqual(spanToRangeOnce(unique, span), spanToRange(unique, span));
    }),
    { numRuns: 2000 },
  );
});
