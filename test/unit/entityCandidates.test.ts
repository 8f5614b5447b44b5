// The rule engine's candidate spans on their own: runs of adjacent capitalised units, joined across
// connectors, "of the" and name particles, broken by punctuation and line ends and by claimed units
// (every name here is invented).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCandidateRuns } from '../../server/src/analysis/entities/candidateRuns';
import type { ArticleView } from '../../server/src/analysis/entities/articleView';
import { stageInput, unitOf } from './ruleStages.helpers';

/** The candidates' texts; an organisation closed by a number ends in "#". */
function runs(view: ArticleView, claimed: Uint8Array): string[] {
  return findCandidateRuns(view, claimed).map((c) =>
    c.numberEnd === undefined
      ? view.phrase(c.first, c.last)
      : `${view.text.slice(view.u(c.first).start, c.numberEnd)}#`,
  );
}

test('runs join across a connector between capitals, "of the" after a head, and name particles', () => {
  const { view, out } = stageInput(
    'Students of the University of Tarsk met the Summit of the Americas. Lena von der Vell left.',
  );
  assert.deepEqual(runs(view, out.claimed), [
    'Students',
    'University of Tarsk',
    'Summit of the Americas',
    'Lena von der Vell',
  ]);
});

test('runs break at punctuation and line ends; a connector with no capital after it stays out', () => {
  const { view, out } = stageInput('Ode Marrin, Lena Vell. Tarsk Ports\nAuthority of');
  assert.deepEqual(runs(view, out.claimed), ['Ode Marrin', 'Lena Vell', 'Tarsk Ports', 'Authority']);
});

test('an organisation named by a number comes out whole; claimed units start and join no run', () => {
  const { view, out } = stageInput('The Group of 20 met in Tarsk and Halvard. Ode Marrin left.');
  assert.deepEqual(runs(view, out.claimed), ['The Group of 20#', 'Tarsk and Halvard', 'Ode Marrin']);
  out.claim(unitOf(view, 'Tarsk'), unitOf(view, 'Tarsk'));
  out.claim(unitOf(view, 'Marrin'), unitOf(view, 'Marrin'));
  assert.deepEqual(runs(view, out.claimed), ['The Group of 20#', 'Halvard', 'Ode']);
});
