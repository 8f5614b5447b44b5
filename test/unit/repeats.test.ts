import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findRepeats } from '../../server/src/analysis/duplicates/repeats';
import type { Repeat } from '../../server/src/analysis/types';

const HEADLINE = 'Harbour Council Approves New Ferry Route Between the Islands After Long Debate';
const CAPTION =
  'Passengers queue at the old ferry terminal in Port Ellis on a windy morning in March. (Photo: Lena Brook)';
const BODY =
  'The harbour council voted on Monday to open a second ferry route, ending a debate that lasted almost two years.\n\n' +
  'Supporters said the route would cut travel times for workers who commute between the islands every day.\n\n' +
  'Critics warned that the cost of new boats could push up fares for everyone else on the older routes.';

function slices(text: string, repeats: Repeat[]): { repeat: string; first: string }[] {
  return repeats.map((r) => ({
    repeat: text.slice(r.span.start, r.span.end),
    first: text.slice(r.first.start, r.first.end),
  }));
}

test('an exact repeated headline and caption are one repeat each, pointing at the first copy', () => {
  const text = `${HEADLINE}\n\n${CAPTION}\n\n${BODY}\n\n${CAPTION}\n`;
  const repeats = findRepeats(text, 8);
  assert.deepEqual(slices(text, repeats), [{ repeat: CAPTION, first: CAPTION }]);
  const second = text.lastIndexOf(CAPTION);
  assert.deepEqual(repeats[0].span, { start: second, end: second + CAPTION.length });
  assert.deepEqual(repeats[0].first, {
    start: text.indexOf(CAPTION),
    end: text.indexOf(CAPTION) + CAPTION.length,
  });
});

test('a repeated block (headline and caption) is one whole range, not a chain of pieces', () => {
  const block = `${HEADLINE}\n\n${CAPTION}`;
  const text = `${block}\nMore\n\n${block}\n\n${BODY}`;
  const repeats = findRepeats(text, 8);
  assert.equal(repeats.length, 1);
  assert.deepEqual(slices(text, repeats), [{ repeat: block, first: block }]);
});

test('copies differing in quotes, dashes, case and line breaks still match', () => {
  const a = 'The minister said “we will rebuild the old bridge before the winter storms arrive” — and left.';
  const b = 'THE MINISTER SAID "we will rebuild the old\nbridge before the winter storms arrive" - and left.';
  const text = `${a}\n\n${BODY}\n\n${b}`;
  const repeats = findRepeats(text, 8);
  assert.equal(repeats.length, 1);
  assert.equal(text.slice(repeats[0].span.start, repeats[0].span.end), b);
  assert.equal(text.slice(repeats[0].first.start, repeats[0].first.end), a);
});

test('a near-duplicate copy with a changed word is reported as one range', () => {
  const a =
    'Fishermen in the northern bay say the catch has fallen by half since the new quotas took effect last spring.';
  const b =
    'Fishermen in the northern bay say a catch has fallen by half since the new quotas took effect last spring.';
  const text = `${a}\n\n${BODY}\n\n${b}`;
  assert.deepEqual(slices(text, findRepeats(text, 8)), [{ repeat: b, first: a }]);
});

test('each later copy gets its own repeat pointing at the first copy', () => {
  const text = `${CAPTION}\n${CAPTION}\n\n${BODY}\n\n${CAPTION}`;
  const repeats = findRepeats(text, 8);
  assert.equal(repeats.length, 2);
  for (const r of repeats) {
    assert.deepEqual(r.first, { start: 0, end: CAPTION.length });
    assert.equal(text.slice(r.span.start, r.span.end), CAPTION);
  }
});

test('short copies and recurring phrases inside sentences are not repeats', () => {
  const seven = 'Storm Warning Issued for the Coast Tonight';
  const phrase = 'the National Institute for Coastal and Marine Studies';
  const text =
    `${seven}\n\n${BODY}\n\n${seven}\n\n` +
    `A researcher at ${phrase} said the tide was high. Another expert at ${phrase} disagreed with her.`;
  assert.deepEqual(findRepeats(text, 8), []);
  assert.equal(findRepeats(text, 7).length, 1, 'the seven-word headline counts when the minimum is seven');
});

test('edits create and remove repeats', () => {
  const base = `${HEADLINE}\n\n${BODY}`;
  assert.deepEqual(findRepeats(base, 8), []);
  const pasted = `${base}\n\n${HEADLINE}`;
  assert.equal(findRepeats(pasted, 8).length, 1);
  const fixed =
    pasted.slice(0, pasted.lastIndexOf(HEADLINE)) + 'Ferry Vote Ends Two Years of Argument in Port Ellis';
  assert.deepEqual(findRepeats(fixed, 8), []);
});

test('offsets stay exact with CRLF line ends, emoji and non-breaking spaces', () => {
  const lf = `${HEADLINE}\n\n${CAPTION}\n\n${BODY}\n\n${CAPTION}\n`;
  const variants = [
    lf.replace(/\n/g, '\r\n'),
    `🚢🌊 ${lf.replace('Passengers', 'Passengers 😀')}`.replace(/\n\n/g, '\n\u00a0\n'),
  ];
  for (const text of variants) {
    const repeats = findRepeats(text, 8);
    assert.equal(repeats.length, 1, JSON.stringify(text.slice(0, 40)));
    const r = repeats[0];
    const last = text.lastIndexOf('Passengers');
    assert.equal(r.span.start, last);
    assert.equal(r.span.end, last + CAPTION.length);
    assert.ok(text.slice(r.first.start, r.first.end).endsWith('(Photo: Lena Brook)'));
  }
});

test('degenerate text stays fast and in bounds', () => {
  const text = 'ha '.repeat(5000);
  const start = performance.now();
  const repeats = findRepeats(text, 8);
  assert.ok(performance.now() - start < 500);
  for (const r of repeats) {
    assert.ok(r.first.end <= r.span.start && r.span.end <= text.length);
  }
});
