// Every correction kind in every scope it supports, applied to one article as the model left it, then
// again after an edit elsewhere in the article (all offsets shift) and after the file is renamed: the
// corrected findings must be the same each time.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeAnchor, locate } from '../../server/src/analysis/curation/anchor';
import { applyToRelated, applyToShared } from '../../server/src/analysis/curation/applyCorpus';
import { applyToLocal } from '../../server/src/analysis/curation/applyLocal';
import { CorrectionIndex } from '../../server/src/analysis/curation/correctionIndex';
import { renameFile } from '../../server/src/analysis/curation/rename';
import type { Correction, CorrectionBody, CorrectionScope } from '../../server/src/analysis/curation/types';
import type {
  EntityMention,
  EntityType,
  LocalAnalysis,
  Quote,
  SharedPassage,
  Span,
} from '../../server/src/analysis/types';

const FILE = 'news/northtown-derby.txt';
const TEXT = [
  'Meeting of Rivals in Northtown',
  '',
  'The Meeting was tense. Northtown FC beat Easton Rovers 2-1 on Sunday, and coach Dara Quill smiled.',
  '',
  '“We earned this one,” the coach said after the Meeting.',
  '',
  'Quill told reporters that Northtown had waited years. Dara Quill thanked Easton Rovers.',
  '',
  'Subscribe to the Northtown Gazette for more local sport every morning of the week.',
].join('\n');
/** Inserted at the start of the article: an edit elsewhere that moves every finding. */
const PREFIX = 'Updated at 9:40 with the final score.\n\n';

function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} #${nth} in the fixture`);
  }
  return { start: at, end: at + needle.length };
}

function mention(
  text: string,
  needle: string,
  nth: number,
  type: EntityType,
  canonical = needle,
): EntityMention {
  return { span: spanOf(text, needle, nth), type, text: needle, canonical, source: 'wink' };
}

/** What a model might have said about the article: several mistakes to correct. */
function modelFindings(text: string): LocalAnalysis {
  const quoteSpan = spanOf(text, '“We earned this one,”');
  const quote: Quote = {
    span: quoteSpan,
    contentSpan: { start: quoteSpan.start + 1, end: quoteSpan.end - 2 },
    balanced: true,
    kind: 'speech',
    speaker: { name: 'coach' },
  };
  return {
    entities: [
      mention(text, 'Meeting', 0, 'PERSON'),
      mention(text, 'Northtown', 0, 'GPE'),
      mention(text, 'Meeting', 1, 'PERSON'),
      mention(text, 'Northtown', 1, 'GPE'),
      mention(text, 'Easton Rovers', 0, 'ORG'),
      mention(text, 'Dara Quill', 0, 'PERSON'),
      mention(text, 'Meeting', 2, 'PERSON'),
      mention(text, 'Quill', 1, 'PERSON', 'Dara Quill'),
      mention(text, 'Northtown', 2, 'GPE'),
      mention(text, 'Dara Quill', 1, 'PERSON'),
      mention(text, 'Easton Rovers', 1, 'ORG'),
      mention(text, 'Northtown', 3, 'GPE'),
    ],
    quotes: [quote],
    unbalanced: [],
    repeats: [],
    limits: [],
  };
}

function correction(
  body: CorrectionBody,
  scope: CorrectionScope,
  text: string,
  target: Span,
  extra: Partial<Correction> = {},
): Correction {
  return {
    id: `${body.kind}-${scope}`,
    scope,
    file: FILE,
    anchor: makeAnchor(text, target),
    ...body,
    ...extra,
  } as Correction;
}

/** Findings as comparable rows, offsets relative to `base` so shifted copies compare equal. */
function rows(local: LocalAnalysis, text: string, base = 0): string[] {
  return [
    ...local.entities.map(
      (m) =>
        `E ${m.span.start - base} ${text.slice(m.span.start, m.span.end)} ${m.type} ${m.canonical}${m.corrected ? ' *' : ''}`,
    ),
    ...local.quotes.map(
      (q) =>
        `Q ${q.contentSpan.start - base} ${text.slice(q.contentSpan.start, q.contentSpan.end)} — ${q.speaker?.name ?? '?'}${q.corrected ? ' *' : ''}`,
    ),
  ];
}

interface Case {
  name: string;
  scope: CorrectionScope;
  make: (text: string) => Correction;
  expect: (r: string[]) => void;
}

const has = (r: string[], row: string): void => assert.ok(r.includes(row), `${row}\nin\n${r.join('\n')}`);
const lacks = (r: string[], re: RegExp): void =>
  assert.ok(!r.some((x) => re.test(x)), `no ${re} in\n${r.join('\n')}`);
const count = (r: string[], re: RegExp): number => r.filter((x) => re.test(x)).length;

const at =
  (needle: string, nth = 0) =>
  (text: string): Span =>
    spanOf(text, needle, nth);
const CASES: Case[] = [
  {
    name: 'not an entity, this mention',
    scope: 'mention',
    make: (t) => correction({ kind: 'notEntity' }, 'mention', t, at('Meeting', 1)(t)),
    expect: (r) => assert.equal(count(r, /^E \d+ Meeting /), 2),
  },
  {
    name: 'not an entity, this article',
    scope: 'article',
    make: (t) => correction({ kind: 'notEntity' }, 'article', t, at('Meeting', 1)(t)),
    expect: (r) => lacks(r, /^E \d+ Meeting /),
  },
  {
    name: "not an entity, corpus rule ('Meeting' is never an entity)",
    scope: 'corpus',
    make: (t) =>
      correction({ kind: 'notEntity' }, 'corpus', t, at('Meeting')(t), { file: 'other/elsewhere.txt' }),
    expect: (r) => lacks(r, /^E \d+ Meeting /),
  },
  {
    name: 'change type, this mention',
    scope: 'mention',
    make: (t) => correction({ kind: 'changeType', type: 'EVENT' }, 'mention', t, at('Meeting', 1)(t)),
    expect: (r) => {
      assert.equal(count(r, /^E \d+ Meeting EVENT Meeting \*$/), 1);
      assert.equal(count(r, /^E \d+ Meeting PERSON/), 2);
    },
  },
  {
    name: 'change type, this article',
    scope: 'article',
    make: (t) => correction({ kind: 'changeType', type: 'EVENT' }, 'article', t, at('Meeting')(t)),
    expect: (r) => assert.equal(count(r, /^E \d+ Meeting EVENT Meeting \*$/), 3),
  },
  {
    name: "change type, corpus rule when followed by FC ('Northtown' is ORG before FC)",
    scope: 'corpus',
    make: (t) =>
      correction({ kind: 'changeType', type: 'ORG' }, 'corpus', t, at('Northtown', 1)(t), {
        when: { after: 'FC' },
      }),
    expect: (r) => {
      assert.equal(count(r, /^E \d+ Northtown ORG Northtown \*$/), 1);
      assert.equal(count(r, /^E \d+ Northtown GPE/), 3);
    },
  },
  {
    name: 'same entity as (merge), this mention',
    scope: 'mention',
    make: (t) =>
      correction({ kind: 'merge', canonical: 'Northtown FC' }, 'mention', t, at('Northtown', 1)(t)),
    expect: (r) => assert.equal(count(r, /^E \d+ Northtown GPE Northtown FC \*$/), 1),
  },
  {
    name: 'same entity as (merge), this article',
    scope: 'article',
    make: (t) =>
      correction({ kind: 'merge', canonical: 'Rovers of Easton' }, 'article', t, at('Easton Rovers')(t)),
    expect: (r) => assert.equal(count(r, /^E \d+ Easton Rovers ORG Rovers of Easton \*$/), 2),
  },
  {
    name: 'same entity as (merge), corpus',
    scope: 'corpus',
    make: (t) =>
      correction({ kind: 'merge', canonical: 'Rovers of Easton' }, 'corpus', t, at('Easton Rovers')(t)),
    expect: (r) => assert.equal(count(r, /^E \d+ Easton Rovers ORG Rovers of Easton \*$/), 2),
  },
  {
    name: 'not the same as (split), this mention',
    scope: 'mention',
    make: (t) => correction({ kind: 'split', from: 'Dara Quill' }, 'mention', t, at('Quill', 1)(t)),
    expect: (r) => has(r, 'E 0 Quill PERSON Quill *'.replace('0', String(spanOf(TEXT, 'Quill', 1).start))),
  },
  {
    name: 'not the same as (split), this article',
    scope: 'article',
    make: (t) =>
      correction(
        { kind: 'split', from: 'Dara Quill', canonical: 'Ewan Quill' },
        'article',
        t,
        at('Quill', 1)(t),
      ),
    expect: (r) => {
      assert.equal(count(r, /^E \d+ Quill PERSON Ewan Quill \*$/), 1);
      assert.equal(count(r, /^E \d+ Dara Quill PERSON Dara Quill$/), 2);
    },
  },
  {
    name: 'not the same as (split), corpus',
    scope: 'corpus',
    make: (t) => correction({ kind: 'split', from: 'Dara Quill' }, 'corpus', t, at('Quill', 1)(t)),
    expect: (r) => assert.equal(count(r, /^E \d+ Quill PERSON Quill \*$/), 1),
  },
  {
    name: 'rename canonical, this mention',
    scope: 'mention',
    make: (t) =>
      correction(
        { kind: 'rename', from: 'Dara Quill', canonical: 'Dara M. Quill' },
        'mention',
        t,
        at('Dara Quill')(t),
      ),
    expect: (r) => {
      assert.equal(count(r, /Dara M\. Quill \*$/), 1);
      assert.equal(count(r, / Dara Quill$/), 2);
    },
  },
  {
    name: 'rename canonical, this article',
    scope: 'article',
    make: (t) =>
      correction(
        { kind: 'rename', from: 'Dara Quill', canonical: 'Dara M. Quill' },
        'article',
        t,
        at('Dara Quill')(t),
      ),
    expect: (r) => {
      assert.equal(count(r, /PERSON Dara M\. Quill \*$/), 3);
      lacks(r, / Dara Quill$/);
    },
  },
  {
    name: 'rename canonical, corpus',
    scope: 'corpus',
    make: (t) =>
      correction(
        { kind: 'rename', from: 'Dara Quill', canonical: 'Dara M. Quill' },
        'corpus',
        t,
        at('Dara Quill')(t),
        { file: 'other/elsewhere.txt' },
      ),
    expect: (r) => assert.equal(count(r, /PERSON Dara M\. Quill \*$/), 3),
  },
  {
    name: 'mark as entity, this mention',
    scope: 'mention',
    make: (t) =>
      correction(
        { kind: 'addEntity', type: 'ORG', canonical: 'Northtown Gazette' },
        'mention',
        t,
        at('Northtown Gazette')(t),
      ),
    expect: (r) => {
      assert.equal(count(r, /^E \d+ Northtown Gazette ORG Northtown Gazette \*$/), 1);
      assert.equal(count(r, /^E \d+ Northtown GPE/), 3, 'the overlapping GPE mention gives way');
    },
  },
  {
    name: 'mark as entity, this article',
    scope: 'article',
    make: (t) => correction({ kind: 'addEntity', type: 'DATE' }, 'article', t, at('Sunday')(t)),
    expect: (r) => assert.equal(count(r, /^E \d+ Sunday DATE Sunday \*$/), 1),
  },
  {
    name: 'mark as entity, corpus',
    scope: 'corpus',
    make: (t) => correction({ kind: 'addEntity', type: 'PERSON' }, 'corpus', t, at('coach', 0)(t)),
    expect: (r) => assert.equal(count(r, /^E \d+ coach PERSON coach \*$/), 2),
  },
  {
    name: 'mark as quote, this mention',
    scope: 'mention',
    make: (t) =>
      correction(
        { kind: 'addQuote', speaker: 'Dara Quill' },
        'mention',
        t,
        at('Northtown had waited years')(t),
      ),
    expect: (r) =>
      has(
        r,
        `Q ${spanOf(TEXT, 'Northtown had waited years').start} Northtown had waited years — Dara Quill *`,
      ),
  },
  {
    name: 'mark as quote, this article',
    scope: 'article',
    make: (t) => correction({ kind: 'addQuote' }, 'article', t, at('Northtown had waited years')(t)),
    expect: (r) =>
      has(r, `Q ${spanOf(TEXT, 'Northtown had waited years').start} Northtown had waited years — ? *`),
  },
  {
    name: 'mark as quote, corpus',
    scope: 'corpus',
    make: (t) =>
      correction(
        { kind: 'addQuote', speaker: 'Dara Quill' },
        'corpus',
        t,
        at('Northtown had waited years')(t),
        {
          file: 'other/elsewhere.txt',
        },
      ),
    expect: (r) =>
      has(
        r,
        `Q ${spanOf(TEXT, 'Northtown had waited years').start} Northtown had waited years — Dara Quill *`,
      ),
  },
  {
    name: 'change speaker, this quote',
    scope: 'mention',
    make: (t) =>
      correction(
        { kind: 'changeSpeaker', from: 'coach', speaker: 'Dara Quill' },
        'mention',
        t,
        at('We earned this one')(t),
      ),
    expect: (r) => has(r, `Q ${spanOf(TEXT, 'We earned this one').start} We earned this one — Dara Quill *`),
  },
  {
    name: 'change speaker, this article (every quote given to “coach”)',
    scope: 'article',
    make: (t) =>
      correction(
        { kind: 'changeSpeaker', from: 'coach', speaker: 'Dara Quill' },
        'article',
        t,
        at('We earned this one')(t),
      ),
    expect: (r) => has(r, `Q ${spanOf(TEXT, 'We earned this one').start} We earned this one — Dara Quill *`),
  },
  {
    name: 'change speaker, corpus',
    scope: 'corpus',
    make: (t) =>
      correction(
        { kind: 'changeSpeaker', from: 'coach', speaker: 'Dara Quill' },
        'corpus',
        t,
        at('We earned this one')(t),
        { file: 'other/elsewhere.txt' },
      ),
    expect: (r) => has(r, `Q ${spanOf(TEXT, 'We earned this one').start} We earned this one — Dara Quill *`),
  },
  {
    name: 'not a quote, this quote',
    scope: 'mention',
    make: (t) => correction({ kind: 'notQuote' }, 'mention', t, at('We earned this one')(t)),
    expect: (r) => lacks(r, /^Q /),
  },
  {
    name: 'not a quote, this article',
    scope: 'article',
    make: (t) => correction({ kind: 'notQuote' }, 'article', t, at('We earned this one')(t)),
    expect: (r) => lacks(r, /^Q /),
  },
  {
    name: 'not a quote, corpus',
    scope: 'corpus',
    make: (t) =>
      correction({ kind: 'notQuote' }, 'corpus', t, at('We earned this one')(t), {
        file: 'other/elsewhere.txt',
      }),
    expect: (r) => lacks(r, /^Q /),
  },
];

function applied(corrections: Correction[], file: string, text: string): { rows: string[]; lost: number } {
  const index = new CorrectionIndex(corrections);
  const base = text.indexOf(TEXT);
  const { local, lost } = applyToLocal(index, file, text, modelFindings(text));
  return { rows: rows(local, text, base), lost: lost.length };
}

describe('corrections survive an edit elsewhere and a rename', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const made = c.make(TEXT);
      assert.equal(made.scope, c.scope);
      const original = applied([made], FILE, TEXT);
      assert.equal(original.lost, 0);
      c.expect(original.rows);
      assert.notDeepEqual(original.rows, rows(modelFindings(TEXT), TEXT), 'the correction changed something');

      const edited = applied([made], FILE, PREFIX + TEXT);
      assert.deepEqual(edited.rows, original.rows, 'after an edit before it');
      assert.equal(edited.lost, 0);

      const moved = renameFile([made], 'news', 'archive/2024');
      assert.equal(moved.changed, made.scope !== 'corpus' || made.file === FILE);
      const renamed = applied(moved.corrections, 'archive/2024/northtown-derby.txt', PREFIX + TEXT);
      assert.deepEqual(renamed.rows, original.rows, 'after the folder was renamed');
      if (made.scope !== 'corpus') {
        const stale = applied([made], 'archive/2024/northtown-derby.txt', TEXT);
        assert.deepEqual(
          stale.rows,
          rows(modelFindings(TEXT), TEXT),
          'a correction of another file does not apply',
        );
      }
    });
  }

  test('a correction moves with its text when the passage moves', () => {
    const made = correction({ kind: 'notEntity' }, 'mention', TEXT, spanOf(TEXT, 'Meeting', 2));
    const [head, ...rest] = TEXT.split('\n\n');
    const reordered = [head, rest[1], rest[0], ...rest.slice(2)].join('\n\n');
    const { local } = applyToLocal(new CorrectionIndex([made]), FILE, reordered, modelFindings(reordered));
    const meetings = local.entities.filter((m) => m.text === 'Meeting').map((m) => m.span.start);
    assert.deepEqual(meetings, [
      spanOf(reordered, 'Meeting', 0).start,
      spanOf(reordered, 'Meeting', 2).start,
    ]);
  });

  test('a correction whose text is gone is reported as lost, and the rest still apply', () => {
    const gone = correction({ kind: 'notEntity' }, 'mention', TEXT, spanOf(TEXT, 'Meeting', 1));
    const kept = correction(
      { kind: 'changeType', type: 'ORG' },
      'mention',
      TEXT,
      spanOf(TEXT, 'Easton Rovers'),
    );
    const text = TEXT.replace('The Meeting was tense.', 'It was tense.');
    const { local, lost } = applyToLocal(new CorrectionIndex([gone, kept]), FILE, text, {
      ...modelFindings(TEXT),
      entities: [],
      quotes: [],
    });
    assert.deepEqual(
      lost.map((l) => l.correction.id),
      [gone.id],
    );
    assert.match(lost[0].reason, /Meeting/);
    assert.equal(local.entities.length, 1, 'a changed type keeps the mention when the model drops it');
  });

  test('a narrower correction overrides a corpus rule; a later one of the same scope wins', () => {
    const rule = correction({ kind: 'notEntity' }, 'corpus', TEXT, spanOf(TEXT, 'Meeting'));
    const back = correction(
      { kind: 'changeType', type: 'EVENT' },
      'mention',
      TEXT,
      spanOf(TEXT, 'Meeting', 2),
    );
    const r1 = applied([back, rule], FILE, TEXT).rows;
    assert.deepEqual(
      r1.filter((x) => / Meeting /.test(x)),
      [`E ${spanOf(TEXT, 'Meeting', 2).start} Meeting EVENT Meeting *`],
    );
    const older = {
      ...correction({ kind: 'changeType', type: 'ORG' }, 'mention', TEXT, spanOf(TEXT, 'Dara Quill')),
      id: 'a',
      time: '2024-01-01T00:00:00Z',
    };
    const newer = { ...older, id: 'b', type: 'NORP', time: '2024-02-01T00:00:00Z' } as Correction;
    assert.equal(count(applied([newer, older], FILE, TEXT).rows, /^E \d+ Dara Quill NORP/), 1);
  });

  test('locate prefers the occurrence whose context matches over the remembered offset', () => {
    const anchor = makeAnchor(TEXT, spanOf(TEXT, 'Northtown', 2));
    const text = TEXT.replace('Meeting of Rivals in Northtown', 'Northtown, Northtown and Northtown');
    const expected = text.indexOf('Northtown had');
    assert.deepEqual(locate(text, anchor), { start: expected, end: expected + 'Northtown'.length });
  });
});

describe('corrections of corpus findings', () => {
  const passage = 'Subscribe to the Northtown Gazette for more local sport every morning of the week.';
  const shared = (text: string): SharedPassage[] => [
    {
      span: spanOf(text, passage),
      otherUri: 'file:///c/other.txt',
      otherSpan: { start: 0, end: passage.length },
      similarity: 1,
      boilerplate: true,
      fileCount: 9,
    },
  ];
  for (const scope of ['mention', 'corpus'] as const) {
    test(`not boilerplate (${scope}) survives an edit and a rename`, () => {
      const made = correction({ kind: 'notBoilerplate' }, scope, TEXT, spanOf(TEXT, passage));
      for (const [file, text, list] of [
        [FILE, TEXT, [made]],
        [FILE, PREFIX + TEXT, [made]],
        ['moved.txt', PREFIX + TEXT, renameFile([made], FILE, 'moved.txt').corrections],
      ] as const) {
        const out = applyToShared(new CorrectionIndex(list), file, text, shared(text));
        assert.equal(out[0].boilerplate, false, `${file}`);
        assert.equal(out[0].corrected, true);
      }
      const untouched = applyToShared(new CorrectionIndex([made]), 'third.txt', 'nothing shared here', []);
      assert.deepEqual(untouched, []);
    });
  }

  test('not related drops the pair both ways and follows a rename of either file', () => {
    const made = correction({ kind: 'notRelated', other: 'news/other.txt' }, 'article', TEXT, {
      start: 0,
      end: 7,
    });
    const uris: Record<string, string> = {
      'file:///c/news/other.txt': 'news/other.txt',
      'file:///c/third.txt': 'third.txt',
      [`file:///c/${FILE}`]: FILE,
    };
    const ranked = (uri: string) => [
      { uri, score: 0.5, reasons: [] },
      { uri: 'file:///c/third.txt', score: 0.4, reasons: [] },
    ];
    const fileOf = (u: string): string | undefined => uris[u];
    const index = new CorrectionIndex([made]);
    assert.deepEqual(
      applyToRelated(index, FILE, ranked('file:///c/news/other.txt'), fileOf).map((r) => r.uri),
      ['file:///c/third.txt'],
    );
    assert.deepEqual(
      applyToRelated(index, 'news/other.txt', ranked(`file:///c/${FILE}`), fileOf).map((r) => r.uri),
      ['file:///c/third.txt'],
    );
    const moved = new CorrectionIndex(renameFile([made], 'news/other.txt', 'old/other.txt').corrections);
    uris['file:///c/news/other.txt'] = 'old/other.txt';
    assert.deepEqual(
      applyToRelated(moved, FILE, ranked('file:///c/news/other.txt'), fileOf).map((r) => r.uri),
      ['file:///c/third.txt'],
    );
  });
});
