// Generated news articles for the fuzz suite: article fragments (headlines, datelines, paragraphs with names,
// quotes in every mark style, balanced or not, attributions) joined by every kind of line break and space,
// salted with what scraped text carries (BOM, lone and paired surrogates, emoji, combining marks, zero-width
// characters) and with long runs of one character.
import fc from 'fast-check';
import type { EntityMention } from '../../../server/src/analysis/types';

const FIRST = ['Sanae', 'Lee', 'Ana', 'Dimitra', 'Priya', 'Olu', 'Jae-myung', 'María', 'Zoë', 'Karim', 'Mei'];
const LAST = [
  'Takaichi',
  'Lopes',
  'Nair',
  'Kalogeropoulou-Lemos',
  'Okafor',
  'Müller',
  'al-Sisi',
  'Smith',
  'Ng',
];
const PLACES = ['Tokyo', 'Kestown', 'Valdoria', 'Lindval', 'Brenmoor', 'Port Ellis', 'Mizushima', 'Türkiye'];
const ORGS = ['Bank of Japan', 'Harbor Wire', 'Eko Re Group Plc', 'United Nations', 'NASA', 'Kenya Airways'];
const TITLES = ['Prime Minister', 'Mayor', 'Dr', 'Mr', 'Ms', 'President', 'the mayor', 'a spokesperson'];
const VERBS = ['said', 'told reporters', 'added', 'wrote', 'warned', 'says', 'insisted', 'told AFP'];
const PRONOUNS = ['she', 'he', 'they', 'it', 'we', 'I'];
const WORDS = (
  'the a council voted on Monday to open second ferry route ending debate that lasted almost two years ' +
  'supporters would cut travel times for workers who commute between islands every day critics warned ' +
  'cost of new boats could push up fares everyone else older routes'
).split(' ');

/** Quote marks as pairs (open, close), the same glyph twice for straight and odd styles. */
const MARKS: readonly (readonly [string, string])[] = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['»', '«'],
  ['‘', '’'],
  ["'", "'"],
  ['”', '”'],
  ['«\u00a0', '\u00a0»'],
];

export const SEPARATORS = ['\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\r\r', '\u2028', '\t', ' ', '\u00a0 '];

/** Odd characters of scraped text: emoji (with skin tones and joiners), marks, zero-width, lone halves. */
const ODD = [
  '😀',
  '👩‍👩‍👧',
  '👍🏽',
  '\u0301',
  '\u0308\u0323',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\ud83d',
  '\ude00',
  '\u00ad',
  '\u202e',
  '…',
  '—',
  '–',
  '-',
  '•',
  '|',
];

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

const name = fc.oneof(
  fc.tuple(pick(FIRST), pick(LAST)).map(([f, l]) => `${f} ${l}`),
  pick(LAST),
  fc.tuple(pick(TITLES), pick(FIRST), pick(LAST)).map(([t, f, l]) => `${t} ${f} ${l}`),
  pick(ORGS),
  // Made-up capitalised words, as unseen names are.
  fc
    .tuple(fc.constantFrom(...'BKLMNPRSTVZ'), fc.stringMatching(/^[aeiou][a-z]{1,6}$/))
    .map(([c, rest]) => c + rest),
);

const words = fc.array(fc.oneof({ weight: 4, arbitrary: pick(WORDS) }, name, pick(PLACES)), {
  minLength: 1,
  maxLength: 14,
});

const sentence = fc
  .tuple(words, pick(['.', '.', '?', '!', ',', '', ':', ';']))
  .map(([ws, end]) => ws.join(' ') + end);

/** A quotation with its marks, maybe missing one, and maybe an attribution before or after. */
const quote = fc
  .record({
    marks: pick(MARKS),
    content: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')),
    drop: pick(['none', 'none', 'none', 'open', 'close']),
    speaker: fc.oneof(name, pick(PRONOUNS)),
    verb: pick(VERBS),
    place: pick(['after', 'before', 'colon', 'verbFirst', 'according', 'none']),
  })
  .map(({ marks, content, drop, speaker, verb, place }) => {
    const open = drop === 'open' ? '' : marks[0];
    const close = drop === 'close' ? '' : marks[1];
    const q = `${open}${content}${close}`;
    switch (place) {
      case 'after':
        return `${q} ${speaker} ${verb}.`;
      case 'before':
        return `${speaker} ${verb} ${q}`;
      case 'colon':
        return `${speaker}: ${q}`;
      case 'verbFirst':
        return `${q} ${verb} ${speaker}.`;
      case 'according':
        return `According to ${speaker}, ${q}`;
      default:
        return q;
    }
  });

const headline = fc
  .array(
    fc.oneof(
      name,
      pick(WORDS).map((w) => w.charAt(0).toUpperCase() + w.slice(1)),
    ),
    {
      minLength: 2,
      maxLength: 10,
    },
  )
  .map((ws) => ws.join(' '));

const dateline = fc
  .tuple(pick(PLACES), pick(PLACES), pick(ORGS), pick([' — ', ' - ', ' – ', ': ']))
  .map(([a, b, o, dash]) => `${a.toUpperCase()}, ${b} (${o})${dash}`);

const paragraph = fc
  .array(fc.oneof({ weight: 3, arbitrary: sentence }, { weight: 2, arbitrary: quote }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.join(' '));

/** A run of one character (or a short pattern), long enough to stress but small enough for many runs. */
export const run = fc
  .tuple(
    fc.oneof(
      pick(['"', '“', '”', '«', '»', "'", '’', '—', '-', 'A', '\n', ' ', '\r', '.', ':', '(', ',']),
      pick(ODD),
      pick(['"a" ', '“‘', 'said ', 'Lee said ', '", she said, "', ': "', 'A. ', "it's ", 'NASA ']),
    ),
    fc.integer({ min: 1, max: 400 }),
  )
  .map(([s, k]) => s.repeat(k));

const fragment = fc.oneof(
  { weight: 2, arbitrary: headline },
  { weight: 1, arbitrary: dateline.chain((d) => paragraph.map((p) => d + p)) },
  { weight: 6, arbitrary: paragraph },
  { weight: 1, arbitrary: pick(['(Photo: EPA/SERGEY KOZLOV)', 'Reporting by Ana Lopes; Editing by Mei Ng']) },
  { weight: 1, arbitrary: run },
);

/** Inserts odd characters at random offsets, which may split a surrogate pair: scraped text does. */
function salt(text: string, inserts: readonly [number, string][]): string {
  let out = text;
  for (const [at, s] of inserts) {
    const k = out.length === 0 ? 0 : at % (out.length + 1);
    out = out.slice(0, k) + s + out.slice(k);
  }
  return out;
}

/** An article: fragments joined by line breaks of every kind, maybe a BOM, maybe salted. */
export const article: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    parts: fc.array(fc.tuple(fragment, pick(SEPARATORS)), { minLength: 1, maxLength: 8 }),
    inserts: fc.array(fc.tuple(fc.nat(), pick(ODD)), { maxLength: 6 }),
  })
  .map(({ bom, parts, inserts }) => {
    const body = parts.map(([f, sep]) => f + sep).join('');
    return (bom ? '\ufeff' : '') + salt(body, inserts);
  });

/** Text made mostly of quotation marks and attributions: the quote tokenizer's worst cases. */
export const quoteHeavy: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(quote, pick(['"', '“', '”', '«', '»', '‘', '’', "'", '„']), run, pick(VERBS), pick(PRONOUNS)),
      pick([' ', ' ', '', ...SEPARATORS]),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.map(([f, sep]) => f + sep).join(''));

/** Arbitrary UTF-16: any code units, surrogate halves included, with article words among them. */
export const noise: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }),
      pick(ODD),
      name,
      pick(SEPARATORS),
      quote,
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

/** Text that repeats itself: lines and sentences printed again, with small edits between copies. */
export const repetitive: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof(sentence, headline, quote), { minLength: 1, maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(), pick(SEPARATORS), fc.boolean()), { minLength: 2, maxLength: 12 }),
  )
  .map(([pieces, order]) =>
    order
      .map(([k, sep, edit]) => {
        const p = pieces[k % pieces.length];
        return (edit ? p.replace(/\b\w+\b/, 'changed') : p) + sep;
      })
      .join(''),
  );

/** Capitalised words as PERSON mentions: names for the speaker stage to resolve without running wink. */
export function capitalisedWords(text: string): EntityMention[] {
  return [...text.matchAll(/\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?/gu)].map((m) => ({
    span: { start: m.index, end: m.index + m[0].length },
    type: 'PERSON',
    text: m[0],
    canonical: m[0],
    source: 'pattern',
  }));
}
