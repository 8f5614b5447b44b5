// Paragraph alignments carried from one version of a file to the next give what aligning the new version
// afresh gives, whether an edit changes a word, adds, removes, duplicates or moves paragraphs; and the
// shared passages of a file queried after each of its edits equal those of an index built on its last text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassageIndex } from '../../server/src/analysis/duplicates/passageIndex';
import {
  alignTexts,
  inWordOrder,
  type AlignedText,
} from '../../server/src/analysis/duplicates/passages/align';
import { ParagraphAlignments } from '../../server/src/analysis/duplicates/passages/paragraphAlignments';
import {
  SHINGLE_WORDS,
  WINNOW_WINDOW,
  shingleHashes,
  winnow,
} from '../../server/src/analysis/duplicates/shingles';
import { paragraphStarts, wordTokens } from '../../server/src/analysis/text/wordTokens';
import { defaultAnalysisOptions } from '../../server/src/analysis/types';
import type { WordPair } from '../../server/src/analysis/duplicates/wordAlign';

/** A text as the passage index stores it. */
function aligned(text: string): AlignedText {
  const tokens = wordTokens(text);
  const fp = winnow(shingleHashes(tokens.hashes, SHINGLE_WORDS), WINNOW_WINDOW);
  const order = Array.from(fp.hashes.keys()).sort(
    (x, y) => fp.hashes[x] - fp.hashes[y] || fp.positions[x] - fp.positions[y],
  );
  return {
    words: tokens.hashes,
    shapes: tokens.shapes,
    paragraphs: paragraphStarts(text, tokens),
    sortedHashes: Uint32Array.from(order, (i) => fp.hashes[i]),
    sortedPositions: Uint32Array.from(order, (i) => fp.positions[i]),
  };
}

/** Passages as alignTexts gives them, without the other file each names. */
function withoutOther(pieces: readonly (WordPair & { other: unknown })[]): WordPair[] {
  return pieces.map(({ a0, a1, b0, b1, matched }) => ({ a0, a1, b0, b1, matched }));
}

const PARAGRAPHS = [
  'Rescue teams reached the flooded village of Marrow Creek on Thursday after two days of heavy rain cut the only road into the valley.',
  'Officials said more than three hundred homes were damaged and that drinking water would be trucked in until the pumps are repaired.',
  'The regional governor promised emergency funds for farmers whose fields were washed away by the swollen river overnight.',
  'Volunteers from the neighbouring towns spent the night moving livestock uphill while the water kept rising along the main street.',
  'Forecasters expect the rain to ease by Sunday, but warned that the ground is saturated and that more landslides are possible.',
  'The school in Marrow Creek will stay closed next week and its pupils will be taught in the church hall of the upper village.',
];

/** Another site's copy: some paragraphs, a changed word here and there, a line of its own. */
function copyOf(i: number): string {
  const kept = PARAGRAPHS.filter((_, k) => (k + i) % 4 !== 0).map((p, k) => {
    if ((i + k) % 3 !== 0) return p;
    const words = p.split(' ');
    words[2 + ((i * 3 + k) % (words.length - 4))] = `changed${i}`;
    return words.join(' ');
  });
  return [`Site ${i} reports from the valley`, ...kept, `Read more from site number ${i} today`].join('\n\n');
}

/** Versions of one article, each an edit of the one before. */
function versions(): string[] {
  const base = ['Floods cut off Marrow Creek', ...PARAGRAPHS];
  const out = [base.join('\n\n')];
  const edit = (f: (ps: string[]) => string[]): void => {
    out.push(f(out[out.length - 1].split('\n\n')).join('\n\n'));
  };
  edit((ps) => ps.map((p, k) => (k === 2 ? p.replace('damaged', 'destroyed') : p))); // a changed word
  edit((ps) => ps.map((p, k) => (k === 3 ? p.replace('regional', 'Regional') : p))); // letter case only
  edit((ps) => [
    ...ps.slice(0, 2),
    'A paragraph of our own about the evening news bulletin.',
    ...ps.slice(2),
  ]); // added
  edit((ps) => [...ps.slice(0, 4), ...ps.slice(5)]); // removed
  edit((ps) => [ps[0], ps[3], ps[1], ps[2], ...ps.slice(4)]); // moved
  edit((ps) => [...ps, ps[1]]); // duplicated
  edit((ps) => [ps.slice(0, 2).join(' '), ...ps.slice(2)]); // two paragraphs joined
  edit((ps) =>
    ps.map((p, k) =>
      k === 1 ? p.split(' ').slice(0, 9).join(' ') + '\n\n' + p.split(' ').slice(9).join(' ') : p,
    ),
  ); // split
  return out;
}

test('paragraph alignments taken over from the previous version equal a fresh alignment', () => {
  const others = Array.from({ length: 6 }, (_, i) => ({ ...aligned(copyOf(i)), id: 100 + i }));
  let previous: ParagraphAlignments | undefined;
  let reused = 0;
  versions().forEach((text, v) => {
    const x = aligned(text);
    const fp = inWordOrder(x);
    const cached = new ParagraphAlignments(v + 1, x, fp, 12, previous);
    others.forEach((y, i) => {
      assert.deepEqual(withoutOther(cached.align(y)), alignTexts(x, y, 12), `version ${v}, copy ${i}`);
    });
    if (previous) {
      const paragraphs = x.paragraphs.length * others.length;
      // An edit changes, adds or moves one or two paragraphs: only those are aligned again.
      assert.ok(cached.paragraphsAligned <= 2 * others.length, `version ${v}: ${cached.paragraphsAligned}`);
      reused += paragraphs - cached.paragraphsAligned;
    }
    cached.settle();
    // Asked again about the same version, it answers from what it kept.
    others.forEach((y) => assert.deepEqual(withoutOther(cached.align(y)), alignTexts(x, y, 12)));
    previous = cached;
  });
  assert.ok(reused > 0, 'nothing was taken over');
});

test('a different minimum passage length takes nothing over', () => {
  const y = { ...aligned(copyOf(1)), id: 7 };
  const [first, second] = versions();
  const x1 = aligned(first);
  const earlier = new ParagraphAlignments(1, x1, inWordOrder(x1), 12, undefined);
  earlier.align(y);
  earlier.settle();
  const x2 = aligned(second);
  const later = new ParagraphAlignments(2, x2, inWordOrder(x2), 30, earlier);
  assert.deepEqual(withoutOther(later.align(y)), alignTexts(x2, y, 30));
  assert.equal(later.computed, 1);
});

test('the shared passages of an edited file equal those of an index built on its last text', () => {
  const copies = Array.from({ length: 12 }, (_, i) => copyOf(i));
  const live = new PassageIndex();
  copies.forEach((c, i) => live.add(`copy${i}`, c));
  for (const text of versions()) {
    live.add('edited', text);
    const fresh = new PassageIndex();
    copies.forEach((c, i) => fresh.add(`copy${i}`, c));
    fresh.add('edited', text);
    assert.deepEqual(
      live.shared('edited', defaultAnalysisOptions),
      fresh.shared('edited', defaultAnalysisOptions),
    );
  }
});
