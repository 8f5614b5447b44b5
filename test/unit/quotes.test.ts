// Quote detection on articles written for these tests: exact content offsets, kinds, speakers (canonical
// names through hand-built entity mentions), unbalanced marks and where their partner goes, CRLF and
// astral-character shifts, and properties over random texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findQuotes } from '../../server/src/analysis/quotes/quotes';
import { findParagraphs } from '../../server/src/analysis/quotes/quoteMarks';
import type { EntityMention, EntityType, Quote } from '../../server/src/analysis/types';

/** An entity mention on the `nth` occurrence of `surface`. */
function ent(text: string, surface: string, type: EntityType, canonical = surface, nth = 0): EntityMention {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(surface, at + 1);
  assert.ok(at >= 0, `fixture lacks ${surface}`);
  return { span: { start: at, end: at + surface.length }, type, text: surface, canonical, source: 'pattern' };
}

function speech(quotes: Quote[]): Quote[] {
  return quotes.filter((q) => q.kind === 'speech');
}

/** Asserts the quote's content is exactly `words`, found at its first (or `nth`) occurrence. */
function assertContent(text: string, q: Quote | undefined, words: string, nth = 0): void {
  assert.ok(q, `no quote for ${words}`);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  assert.equal(text.slice(q.contentSpan.start, q.contentSpan.end), words);
  assert.deepEqual(q.contentSpan, { start: at, end: at + words.length });
}

test('straight quote with "X said" after it, curly quote with "said X"', () => {
  const text =
    'Rain closed the pass on Monday.\n\n"We have never seen water this high," Mayor Ilse Brandt said on Tuesday.\n\n' +
    '“The road stays shut until Friday,” said Tomas Reyes, who runs the depot.\n';
  const entities = [ent(text, 'Ilse Brandt', 'PERSON'), ent(text, 'Tomas Reyes', 'PERSON')];
  const { quotes, unbalanced } = findQuotes(text, entities);
  assert.equal(unbalanced.length, 0);
  const s = speech(quotes);
  assert.equal(s.length, 2);
  assertContent(text, s[0], 'We have never seen water this high,');
  assert.equal(s[0].speaker?.name, 'Ilse Brandt');
  assert.equal(s[0].speaker?.attribution, 'Mayor Ilse Brandt said');
  assert.deepEqual(s[0].span, { start: s[0].contentSpan.start - 1, end: s[0].contentSpan.end + 1 });
  assert.ok(s[0].balanced);
  assertContent(text, s[1], 'The road stays shut until Friday,');
  assert.equal(s[1].speaker?.name, 'Tomas Reyes');
  assert.equal(s[1].speaker?.attribution, 'said Tomas Reyes');
});

test('a quote split by its attribution is two spans sharing one speaker', () => {
  const text = '"We will," she said, "keep going until the last house is dry."\n';
  const entities: EntityMention[] = [];
  const pre = 'Nadia Okafor, the fire chief, walked the street.\n\n';
  const full = pre + text;
  entities.push(ent(full, 'Nadia Okafor', 'PERSON'));
  const s = speech(findQuotes(full, entities).quotes);
  assert.equal(s.length, 2);
  assertContent(full, s[0], 'We will,');
  assertContent(full, s[1], 'keep going until the last house is dry.');
  assert.equal(s[0].speaker?.name, 'Nadia Okafor');
  assert.equal(s[1].speaker?.name, 'Nadia Okafor');
});

test('a second quote of the same paragraph after "X said." keeps the speaker', () => {
  const text = '“Prices went up,” Okafor said. “Nobody expected it to last this long.”\n';
  const entities = [ent(text, 'Okafor', 'PERSON', 'Nadia Okafor')];
  const s = speech(findQuotes(text, entities).quotes);
  assert.equal(s.length, 2);
  assertContent(text, s[1], 'Nobody expected it to last this long.');
  assert.equal(s[0].speaker?.name, 'Nadia Okafor');
  assert.equal(s[1].speaker?.name, 'Nadia Okafor');
});

test('a quote over several paragraphs, each reopening with a mark, is one quote', () => {
  const text =
    'The minister spoke for an hour.\n\n"First, we rebuild the bridges.\n\n"Then we rebuild the schools," Minister Jonas Varga said.\n';
  const entities = [ent(text, 'Jonas Varga', 'PERSON')];
  const { quotes, unbalanced } = findQuotes(text, entities);
  assert.equal(unbalanced.length, 0);
  const s = speech(quotes);
  assert.equal(s.length, 1);
  const words = 'First, we rebuild the bridges.\n\n"Then we rebuild the schools,';
  assertContent(text, s[0], words);
  assert.ok(s[0].balanced);
  assert.equal(s[0].speaker?.name, 'Jonas Varga');
});

test('single quotes inside double ones stay part of the quote; single quotes alone are quotes', () => {
  const text =
    '"They told us \'go home\' and we did," said Pia Lund.\n\n' +
    'Marchers carried a banner reading ‘Let the river run free!’ through the square.\n\n' +
    "Lund's neighbours' gardens flooded too.\n";
  const entities = [ent(text, 'Pia Lund', 'PERSON')];
  const { quotes, unbalanced } = findQuotes(text, entities);
  assert.equal(unbalanced.length, 0);
  const s = speech(quotes);
  assert.equal(s.length, 2);
  assertContent(text, s[0], "They told us 'go home' and we did,");
  assert.equal(s[0].speaker?.name, 'Pia Lund');
  assertContent(text, s[1], 'Let the river run free!');
  assert.equal(s[1].speaker, null);
});

test('mixed marks pair: a curly opening closed by a straight mark', () => {
  const text = '“This year we will build higher," said Ando, who leads the council.\n';
  const entities = [ent(text, 'Ando', 'PERSON', 'Keiko Ando')];
  const { quotes, unbalanced } = findQuotes(text, entities);
  assert.equal(unbalanced.length, 0);
  assert.equal(quotes.length, 1);
  assertContent(text, quotes[0], 'This year we will build higher,');
  assert.equal(quotes[0].speaker?.name, 'Keiko Ando');
});

test('scare quotes and titles are not speech; short citations after a reporting verb are', () => {
  const text =
    'The so-called "reform" passed.\n\nShe reviewed the film “The Long Road Home” for the paper.\n\n' +
    'Officials promised a “fair deal” for farmers.\n\n' +
    'The UN refugee chief said on Monday he was "appalled" by the raids.\n\n' +
    '"Absolutely," Marta Sousa said.\n\nOfficials said the so-called "reform" would pass.\n\n' +
    "In the '90s the dogs' kennels were full; the vet's bills were too.\n";
  const entities = [ent(text, 'Marta Sousa', 'PERSON')];
  const { quotes } = findQuotes(text, entities);
  const kinds = quotes.map((q) => [text.slice(q.contentSpan.start, q.contentSpan.end), q.kind]);
  assert.deepEqual(kinds, [
    ['reform', 'scare'],
    ['The Long Road Home', 'scare'],
    ['fair deal', 'scare'],
    ['appalled', 'speech'],
    ['Absolutely,', 'speech'],
    ['reform', 'scare'],
  ]);
  assert.equal(quotes[3].speaker?.name, 'UN refugee chief');
  assert.equal(quotes[4].speaker?.name, 'Marta Sousa');
});

test('speakers: told reporters, according to, colon, title + name, pronoun and short name', () => {
  const text = [
    'Health Minister Lena Fischer visited the ward on Sunday.',
    'Fischer told reporters that the hospital would get "twelve new beds before winter".',
    '"We are short of nurses," according to the regional health agency.',
    'Fischer: "Nobody will be turned away."',
    '"It will be a hard winter," she added.',
    'The Harbour Authority said it expected "a record season for cruise ships".',
    '"Our numbers are up," it said.',
  ].join('\n\n');
  const entities = [
    ent(text, 'Lena Fischer', 'PERSON'),
    ent(text, 'Fischer', 'PERSON', 'Lena Fischer', 1),
    ent(text, 'Fischer', 'PERSON', 'Lena Fischer', 2),
    ent(text, 'Harbour Authority', 'ORG'),
  ];
  const s = speech(findQuotes(text, entities).quotes);
  const got = s.map((q) => [text.slice(q.contentSpan.start, q.contentSpan.end), q.speaker?.name ?? null]);
  assert.deepEqual(got, [
    ['twelve new beds before winter', 'Lena Fischer'],
    ['We are short of nurses,', 'regional health agency'],
    ['Nobody will be turned away.', 'Lena Fischer'],
    ['It will be a hard winter,', 'Lena Fischer'],
    ['a record season for cruise ships', 'Harbour Authority'],
    ['Our numbers are up,', 'Harbour Authority'],
  ]);
  assert.equal(s[3].speaker?.attribution, 'she added');
});

test('speakers without entities: capitalised run next to the verb, titles dropped, surname expanded', () => {
  const text =
    'Deputy Mayor Rosa Quint opened the hall.\n\n"The doors are open to everyone," Deputy Mayor Rosa Quint said.\n\n' +
    '"We start at nine," said Quint.\n\n' +
    'Karl Ode, a teacher, said: "The children love it."\n';
  const s = speech(findQuotes(text, []).quotes);
  assert.deepEqual(
    s.map((q) => q.speaker?.name),
    ['Rosa Quint', 'Rosa Quint', 'Karl Ode'],
  );
});

test('a quote paragraph with no attribution continues the speaker of the paragraph before', () => {
  const text =
    '"The dam held," engineer Priya Nair told the council.\n\n"It was built for a flood twice this size."\n\n' +
    'Activists held signs reading "Save the valley now".\n';
  const entities = [ent(text, 'Priya Nair', 'PERSON')];
  const s = speech(findQuotes(text, entities).quotes);
  assert.equal(s[1].speaker?.name, 'Priya Nair');
  assert.equal(s[2].speaker, null);
});

test('an opening mark with no close: partner placed before the attribution, quote kept in its paragraph', () => {
  const text =
    '"This year we will build higher, said Ando.\n\nThe council agreed on a plan for the harbour.\n';
  const entities = [ent(text, 'Ando', 'PERSON', 'Keiko Ando')];
  const { quotes, unbalanced } = findQuotes(text, entities);
  assert.equal(unbalanced.length, 1);
  const u = unbalanced[0];
  assert.equal(u.missing, 'close');
  assert.deepEqual(u.span, { start: 0, end: 1 });
  assert.equal(u.insertAt, text.indexOf(' said'));
  assert.equal(u.insertText, '"');
  assert.equal(quotes.length, 1);
  assertContent(text, quotes[0], 'This year we will build higher,');
  assert.equal(quotes[0].balanced, false);
  assert.equal(quotes[0].speaker?.name, 'Keiko Ando');
});

test('an opening mark with no close and no attribution closes at its paragraph end', () => {
  const text = 'The report calls the plan “a step in the right direction.\n\nThe council met on Friday.\n';
  const { quotes, unbalanced } = findQuotes(text, []);
  assert.equal(unbalanced.length, 1);
  assert.equal(unbalanced[0].missing, 'close');
  assert.equal(unbalanced[0].insertAt, text.indexOf('\n'));
  assert.equal(unbalanced[0].insertText, '”');
  assert.ok(quotes.every((q) => q.span.end <= text.indexOf('\n') || q.span.start > text.indexOf('\n')));
});

test('a closing mark with no opening: partner placed after the colon, or at the paragraph start', () => {
  const text = 'Ines Calvo said: We need more buses." The city agreed.\n\nWe are ready," Calvo said.\n';
  const entities = [ent(text, 'Ines Calvo', 'PERSON'), ent(text, 'Calvo', 'PERSON', 'Ines Calvo', 1)];
  const { quotes, unbalanced } = findQuotes(text, entities);
  assert.equal(unbalanced.length, 2);
  assert.equal(unbalanced[0].missing, 'open');
  assert.equal(unbalanced[0].insertAt, text.indexOf('We need'));
  assert.equal(unbalanced[1].insertAt, text.indexOf('We are'));
  const s = speech(quotes);
  assertContent(text, s[0], 'We need more buses.');
  assertContent(text, s[1], 'We are ready,');
  assert.equal(s[0].speaker?.name, 'Ines Calvo');
  assert.equal(s[1].speaker?.name, 'Ines Calvo');
});

test('a stray mark in the middle of an article stays inside its paragraph', () => {
  const text =
    'One paragraph here.\n\nAnother " with a stray mark.\n\n"A real quote," said Bo Lin.\n\nThe end.\n';
  const { quotes } = findQuotes(text, []);
  const secondPara = text.indexOf('Another');
  for (const q of quotes) {
    if (q.span.start >= secondPara && q.span.start < text.indexOf('\n\n"A')) {
      assert.ok(q.span.end <= text.indexOf('\n\n"A'));
    }
  }
  const real = quotes.find((q) => text.slice(q.contentSpan.start, q.contentSpan.end) === 'A real quote,');
  assert.ok(real);
  assert.equal(real.speaker?.name, 'Bo Lin');
});

const FIXTURE =
  'Health Minister Lena Fischer visited the ward on Sunday.\n\n' +
  '“Prices went up,” Fischer said. "Nobody expected it."\n\n' +
  'The so-called "reform" passed.\n\n' +
  '"This year we will build higher, said Fischer.\n';

test('CRLF line ends and astral characters shift offsets exactly', () => {
  const base = findQuotes(FIXTURE, [ent(FIXTURE, 'Lena Fischer', 'PERSON')]);
  const variants: [string, (o: number) => number][] = [
    [FIXTURE.replace(/\n/g, '\r\n'), (o) => o + (FIXTURE.slice(0, o).match(/\n/g)?.length ?? 0)],
    ['🌧️ ' + FIXTURE, (o) => o + '🌧️ '.length],
    [
      FIXTURE.replace('Sunday.', 'Sunday 🏥.'),
      (o) => (o > FIXTURE.indexOf('Sunday.') + 6 ? o + ' 🏥'.length : o),
    ],
  ];
  for (const [text, shift] of variants) {
    const got = findQuotes(text, [ent(text, 'Lena Fischer', 'PERSON')]);
    assert.equal(got.quotes.length, base.quotes.length);
    got.quotes.forEach((q, i) => {
      const b = base.quotes[i];
      assert.deepEqual(q.contentSpan, { start: shift(b.contentSpan.start), end: shift(b.contentSpan.end) });
      assert.deepEqual(q.span, { start: shift(b.span.start), end: shift(b.span.end) });
      assert.equal(q.kind, b.kind);
      assert.equal(q.speaker?.name, b.speaker?.name);
    });
    assert.deepEqual(
      got.unbalanced.map((u) => [u.span.start, u.insertAt]),
      base.unbalanced.map((u) => [shift(u.span.start), shift(u.insertAt)]),
    );
  }
});

const MARKS = ['"', '“', '”', "'", '‘', '’', '«', '»'];
const wordArb = fc.constantFrom(
  'we',
  'said',
  'Lee',
  'the',
  'Mayor',
  'rain',
  'he',
  'told',
  'reporters',
  'it',
  'Ann',
);
const sentenceArb = fc
  .array(fc.oneof(wordArb, fc.constantFrom(...MARKS), fc.constantFrom(',', '.', ':', ' ', '🌧️')), {
    minLength: 1,
    maxLength: 14,
  })
  .map((ws) => ws.join(' '));
const articleArb = fc
  .array(sentenceArb, { minLength: 1, maxLength: 8 })
  .chain((paras) => fc.constantFrom('\n\n', '\r\n\r\n', '\n').map((sep) => paras.join(sep)));

test('property: no throw, spans in bounds and ordered, content inside span', () => {
  fc.assert(
    fc.property(articleArb, (text) => {
      const { quotes, unbalanced } = findQuotes(text, []);
      for (const q of quotes) {
        assert.ok(q.span.start >= 0 && q.span.end <= text.length && q.span.start <= q.span.end);
        assert.ok(q.contentSpan.start >= q.span.start && q.contentSpan.end <= q.span.end);
        assert.ok(q.contentSpan.end > q.contentSpan.start);
      }
      for (let i = 1; i < quotes.length; i++) assert.ok(quotes[i - 1].span.start <= quotes[i].span.start);
      for (const u of unbalanced) assert.ok(u.insertAt >= 0 && u.insertAt <= text.length);
    }),
    { numRuns: 400 },
  );
});

const plainParagraph = fc.array(wordArb, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' ') + '.');

const quotedParagraph = fc
  .tuple(plainParagraph, plainParagraph, fc.constantFrom(['"', '"'], ['“', '”'], ['“', '"']))
  .map(([a, b, [o, c]]) => `${o}${a}${c} ${b}`);

test('property: one quote mark typed anywhere never makes a quote cross a blank line', () => {
  fc.assert(
    fc.property(
      fc.array(plainParagraph, { minLength: 2, maxLength: 6 }),
      fc.constantFrom('"', '“', '”', '‘', "'"),
      fc.nat(),
      (paras, mark, pos) => {
        const base = paras.join('\n\n');
        const at = pos % (base.length + 1);
        const text = base.slice(0, at) + mark + base.slice(at);
        for (const q of findQuotes(text, []).quotes) {
          assert.ok(!/\n\s*\n/.test(text.slice(q.span.start, q.span.end)), 'quote crosses a blank line');
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('property: among quoted paragraphs, a typed mark crosses a blank line only as a continued quote', () => {
  // The one reading that may span paragraphs is the convention for long quotations: the typed mark opens
  // a paragraph and the next paragraph reopens with a mark; the quote then ends in that next paragraph.
  fc.assert(
    fc.property(
      fc.array(fc.oneof(plainParagraph, quotedParagraph), { minLength: 2, maxLength: 6 }),
      fc.constantFrom('"', '“', '”', '‘', "'"),
      fc.nat(),
      (paras, mark, pos) => {
        const base = paras.join('\n\n');
        const at = pos % (base.length + 1);
        const text = base.slice(0, at) + mark + base.slice(at);
        const paragraphs = findParagraphs(text);
        const indexOf = (o: number): number => paragraphs.findIndex((p) => o >= p.start && o <= p.end);
        for (const q of findQuotes(text, []).quotes) {
          if (!/\n\s*\n/.test(text.slice(q.span.start, q.span.end))) continue;
          const k = indexOf(q.span.start);
          assert.equal(q.span.start, at, 'only the typed mark may open a continued quote');
          assert.equal(paragraphs[k].start, at, 'it opens its paragraph');
          assert.ok(indexOf(q.span.end - 1) <= k + 1, 'it ends in the next paragraph');
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('property: a mark typed into a paragraph leaves quotes two paragraphs away unchanged', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(plainParagraph, quotedParagraph), { minLength: 3, maxLength: 7 }),
      fc.constantFrom('"', '“', '”'),
      fc.nat(),
      fc.nat(),
      (paras, mark, which, pos) => {
        const k = which % paras.length;
        const base = paras.join('\n\n');
        const paraStarts = findParagraphs(base).map((p) => p.start);
        const start = paraStarts[k];
        const at = start + (pos % (paras[k].length + 1));
        const text = base.slice(0, at) + mark + base.slice(at);
        const far = (s: number, src: string): boolean => {
          const idx = findParagraphs(src).findIndex((p) => s >= p.start && s <= p.end);
          return Math.abs(idx - k) >= 2;
        };
        const before = findQuotes(base, []).quotes.filter((q) => far(q.span.start, base));
        const after = findQuotes(text, []).quotes.filter((q) => far(q.span.start, text));
        const shift = (o: number): number => (o >= at ? o + 1 : o);
        assert.deepEqual(
          after.map((q) => [q.contentSpan.start, q.contentSpan.end]),
          before.map((q) => [shift(q.contentSpan.start), shift(q.contentSpan.end)]),
        );
      },
    ),
    { numRuns: 300 },
  );
});

test('findParagraphs: lines of a text, or blocks between blank lines when the text is hard-wrapped', () => {
  assert.deepEqual(findParagraphs('One.\nTwo.\n\n  Three.  \n'), [
    { start: 0, end: 4 },
    { start: 5, end: 9 },
    { start: 13, end: 19 },
  ]);
  const wrapped =
    'This is a long line of text that was wrapped at a fixed\nwidth by the site that published it, and it goes\non ' +
    'for a while longer than anyone would want to read in\none go, so it is treated as a single block of\ntext.\n\nNext block.';
  const paras = findParagraphs(wrapped);
  assert.equal(paras.length, 2);
  assert.equal(wrapped.slice(paras[1].start, paras[1].end), 'Next block.');
});

test('speakers: asides, organisations, "the mayor", pronouns by reporting subject and gender', () => {
  const text = [
    'Mayor Orsolya Brandt said on Monday that she would ask for emergency funds.',
    `"We're done," Smith, 45, said after the vote.`,
    "Rector Ingrid Sallow-Berg said the university would review its labs. 'We owe that to our students,' she said.",
    '"The sea has never come this far," the mayor said.',
    'The Harbour Board said it would inspect the quay. "We were not consulted," the board said in a statement.',
    'Police said the man was "known to officers". He called the decision "a disgrace" and left.',
    'Lee Jae Myung arrived on Tuesday. "We will work together," Lee said.',
  ].join('\n\n');
  const entities = [ent(text, 'Harbour Board', 'ORG')];
  const s = speech(findQuotes(text, entities).quotes);
  const got = s.map((q) => [text.slice(q.contentSpan.start, q.contentSpan.end), q.speaker?.name ?? null]);
  assert.deepEqual(got, [
    ["We're done,", 'Smith'],
    ['We owe that to our students,', 'Ingrid Sallow-Berg'],
    ['The sea has never come this far,', 'Orsolya Brandt'],
    ['We were not consulted,', 'Harbour Board'],
    ['known to officers', 'Police'],
    ['a disgrace', null],
    ['We will work together,', 'Lee Jae Myung'],
  ]);
});

test('an attribution whose speaker cannot be read keeps the quote from borrowing the previous speaker', () => {
  const text =
    '"Nothing is decided," said Mr. Alan Smith.\n\n"We were caught off guard," the 45-year-old said.\n\n' +
    '"Costs keep rising," says Karen Holt, an economist.\n';
  const s = speech(findQuotes(text, []).quotes);
  assert.deepEqual(
    s.map((q) => q.speaker?.name ?? null),
    ['Alan Smith', null, 'Karen Holt'],
  );
});

test('a quote opening its sentence after indirect speech takes that sentence subject', () => {
  const text =
    'Premier Hugo Brand said on Tuesday that talks had stalled. "We are not giving up."\n\n' +
    'Brand added that a deal was still possible.\n\n"Nobody wants a strike."\n\n' +
    'Strikers carried signs reading "Fair pay now for all of us".\n';
  const entities = [ent(text, 'Hugo Brand', 'PERSON'), ent(text, 'Brand', 'PERSON', 'Hugo Brand', 1)];
  const s = speech(findQuotes(text, entities).quotes);
  assert.deepEqual(
    s.map((q) => q.speaker?.name ?? null),
    ['Hugo Brand', 'Hugo Brand', null],
  );
});

test('hard-wrapped text: a quote runs over line breaks inside its paragraph', () => {
  const text =
    'The storm reached the coast late on Sunday and\n' +
    'flooded the lower town within a few hours of\n' +
    'landfall. "We will rebuild the harbour and the\n' +
    'bridges before the winter comes," said Mayor\n' +
    'Ilse Brandt on Monday as the water went down.\n\n' +
    'Crews started work on the quay the same day.\n';
  const s = speech(findQuotes(text, [ent(text, 'Ilse Brandt', 'PERSON')]).quotes);
  assert.equal(s.length, 1);
  assertContent(text, s[0], 'We will rebuild the harbour and the\nbridges before the winter comes,');
  assert.equal(s[0].speaker?.name, 'Ilse Brandt');
});

test('a title phrase followed by a name in apposition speaks as the named person', () => {
  const text =
    'The talks ended late.\n\n“This is a bridge, not a miracle,” the Commissioner for Transport, Dr Ana Ruiz, told reporters.\n\n' +
    'The Minister of State for Energy Affairs, Sheikh Omar bin Rashid, warned that gas would stay “for another twenty years”.\n';
  const entities = [ent(text, 'Ana Ruiz', 'PERSON'), ent(text, 'Omar bin Rashid', 'PERSON')];
  const s = speech(findQuotes(text, entities).quotes);
  assert.equal(s.length, 2);
  assert.equal(s[0].speaker?.name, 'Ana Ruiz');
  assert.equal(s[1].speaker?.name, 'Omar bin Rashid');
});

test('a guillemet that opens a list line before a space is a bullet, not a quote', () => {
  const text =
    'Read more:\n» Ports reopen after the storm\n» Council backs new seawall\n» Schools close early\n\n«Nous restons prudents», a dit Marie Dubois.\n';
  const { quotes, unbalanced } = findQuotes(text, [ent(text, 'Marie Dubois', 'PERSON')]);
  assert.equal(unbalanced.length, 0);
  assert.equal(quotes.length, 1);
  assertContent(text, quotes[0], 'Nous restons prudents');
});

test('a pronoun introducing a quote refers to the person its paragraph just named', () => {
  const text =
    '"We solved a cable," Ines Marlow said as she left.\n\nPetra Quist was more guarded. Asked about the border, ' +
    'she said: “Ask me again next year.”\n\nCritics of Marlow disagreed. “It is a start,” she said.\n';
  const entities = [
    ent(text, 'Ines Marlow', 'PERSON'),
    ent(text, 'Petra Quist', 'PERSON'),
    { ...ent(text, 'Marlow', 'PERSON', 'Ines Marlow', 1) },
  ];
  const s = speech(findQuotes(text, entities).quotes);
  assert.equal(s.length, 3);
  assert.equal(s[0].speaker?.name, 'Ines Marlow');
  assert.equal(s[1].speaker?.name, 'Petra Quist');
});
