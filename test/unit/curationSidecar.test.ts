// Removing one correction from a sidecar text (Undo of a correction, removal from the Lost Corrections
// view): only its entry goes, entries that cannot be read are kept as they were, and the result reads back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseSidecar,
  serializeSidecar,
  withoutCorrection,
} from '../../server/src/analysis/curation/sidecar';
import type { Correction } from '../../server/src/analysis/curation/types';
import { minimalEdit } from '../../server/src/workspace/sidecarEdit';

const anchor = (text: string, offset: number): Correction['anchor'] => ({
  text,
  before: '',
  after: ' FC',
  offset,
});
const A: Correction = {
  id: 'a1',
  kind: 'notEntity',
  scope: 'mention',
  file: 'x.txt',
  anchor: anchor('Meeting', 3),
};
const B: Correction = {
  id: 'b2',
  kind: 'changeType',
  type: 'ORG',
  scope: 'corpus',
  file: 'y.txt',
  anchor: anchor('Northtown', 9),
  when: { after: 'FC' },
};

test('withoutCorrection drops just that entry; the rest reads back unchanged', () => {
  const text = serializeSidecar([A, B]);
  const out = withoutCorrection(text, 'a1');
  assert.ok(out);
  assert.deepEqual(parseSidecar(out), { corrections: [B], problems: [] });
  assert.equal(out, serializeSidecar([B]), 'the layout of a written sidecar');
  // As an edit of the open buffer: one line removed, nothing else touched.
  const edit = minimalEdit(text, out);
  assert.equal(edit.newText, '');
  assert.equal(edit.range.end.line - edit.range.start.line, 1);
  assert.equal(withoutCorrection(serializeSidecar([B]), 'b2'), serializeSidecar([]));
});

test('withoutCorrection keeps entries it cannot read, and says when there is nothing to remove', () => {
  const bad = { id: 'zz', kind: 'noSuchKind', scope: 'mention', file: 'x.txt', anchor: { text: 'Q' } };
  const text = JSON.stringify({ version: 1, corrections: [bad, A, B] }, null, 2);
  const out = withoutCorrection(text, 'b2');
  assert.ok(out);
  const root = JSON.parse(out) as { corrections: unknown[] };
  assert.deepEqual(root.corrections[0], bad);
  assert.equal(root.corrections.length, 2);
  assert.deepEqual(parseSidecar(out).corrections, [A]);
  assert.equal(parseSidecar(out).problems.length, 1, 'the unreadable entry is still reported');
  assert.equal(withoutCorrection(text, 'missing'), undefined);
  assert.equal(withoutCorrection('{ not json', 'a1'), undefined);
});
