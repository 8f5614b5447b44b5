// Speaker resolution stage by stage (attribution patterns, cast, salience, resolution, follow-on quotes),
// then whole articles through findQuotes, on texts written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findParagraphs, pairQuoteMarks } from '../../server/src/analysis/quotes/quoteMarks';
import { findQuotes } from '../../server/src/analysis/quotes/quotes';
import { Cast } from '../../server/src/analysis/quotes/speakers/cast';
import { findPatterns } from '../../server/src/analysis/quotes/speakers/patterns';
import { fitsPronoun, Salience } from '../../server/src/analysis/quotes/speakers/salience';
import type { EntityMention, EntityType, Quote } from '../../server/src/analysis/types';

/** Entity mentions on every occurrence of each `[surface, type, canonical?]`. */
function ents(text: string, specs: [string, EntityType, string?][]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const [surface, type, canonical] of specs) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const before = text[at - 1] ?? ' ';
      const after = text[at + surface.length] ?? ' ';
      if (/\p{L}/u.test(before) || /\p{L}/u.test(after)) continue;
      out.push({
        span: { start: at, end: at + surface.length },
        type,
        text: surface,
        canonical: canonical ?? surface,
        source: 'pattern',
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** [quoted words, speaker] of the speech quotes. */
function who(text: string, quotes: Quote[]): [string, string | null][] {
  return quotes
    .filter((q) => q.kind === 'speech')
    .map((q) => [text.slice(q.contentSpan.start, q.contentSpan.end), q.speaker?.name ?? null]);
}

test('patterns: the phrase next to the verb, a possessive, a colon, and the unreadable attribution', () => {
  const text = [
    '"We will build," said retired steelworker Jim Hadley.',
    '"He never complained," says Hadley\'s sister, Maureen.',
    'Her late-night remark – "We solved a cable" – was shared widely.',
    'Asked about the protest, the minister smiled: "Theatre is a tradition."',
    '"Nothing is decided," the 45-year-old said.',
  ].join('\n\n');
  const paragraphs = findParagraphs(text);
  const marked = pairQuoteMarks(text, paragraphs).quotes;
  const got = findPatterns(text, paragraphs, marked).map((p) =>
    p.found?.np.toks.map((t) => t.text).join(' '),
  );
  assert.deepEqual(got, ['Jim Hadley', 'Maureen', 'Her', 'minister', '']);
});

test('cast: fullest written name, roles from titles and appositions, surnames and kin', () => {
  const text =
    'Nguyễn Thị Hương, director of the provincial trade office, spoke first. Later Hương said more. ' +
    'Marlow coach Annika Sorensen arrived. The Dutch energy minister, Maarten van Oosterwijk, left. ' +
    "Sorensen stayed. Hadley's sister, Maureen, waved. Ms Quill nodded.";
  const cast = new Cast(
    text,
    ents(text, [
      ['Nguyễn Thị Hương', 'PERSON', 'Nguyen Thi Huong'],
      ['Hương', 'PERSON', 'Nguyen Thi Huong'],
      ['Annika Sorensen', 'PERSON'],
      ['Sorensen', 'PERSON', 'Sorensen'],
      ['Maarten van Oosterwijk', 'PERSON'],
      ['Maureen', 'PERSON'],
      ['Quill', 'PERSON'],
    ]),
  );
  const byName = new Map(cast.referents.map((r) => [r.name, r]));
  assert.ok(byName.has('Nguyễn Thị Hương'), 'the diacritics the canonical name folded are kept');
  assert.ok(byName.get('Nguyễn Thị Hương')?.roles.has('director'));
  assert.ok(byName.get('Annika Sorensen')?.roles.has('coach'));
  assert.ok(byName.get('Maarten van Oosterwijk')?.roles.has('minister'));
  assert.ok(byName.get('Maarten van Oosterwijk')?.roles.has('dutch'));
  assert.ok(!byName.has('Sorensen'), 'a surname alone joins the full name introduced before it');
  assert.ok(byName.has('Maureen Hadley'), 'a relative apposed to a name takes its family name');
  assert.equal(byName.get('Maureen Hadley')?.gender, 'she');
  assert.equal(byName.get('Quill')?.gender, 'she');
});

test('salience: the latest fitting focus, no further back than its floor', () => {
  const text = 'Ann Lee spoke. Bo Park spoke. The board met.';
  const cast = new Cast(
    text,
    ents(text, [
      ['Ann Lee', 'PERSON'],
      ['Bo Park', 'PERSON'],
      ['board', 'ORG', 'Harbour Board'],
    ]),
  );
  const [ann, bo, board] = cast.referents;
  ann.gender = 'she';
  bo.gender = 'he';
  const s = new Salience();
  s.add({ at: 0, paragraph: 0, ref: ann, chain: [], speaker: true });
  s.add({ at: 40, paragraph: 2, ref: board, chain: [], speaker: false });
  s.add({ at: 15, paragraph: 1, ref: bo, chain: [], speaker: false });
  const pick = (pronoun: string, floor: number): string | undefined =>
    s.latest(100, floor, (f) => fitsPronoun(pronoun, f.ref))?.ref.name;
  assert.equal(pick('she', 0), 'Ann Lee');
  assert.equal(pick('he', 0), 'Bo Park');
  assert.equal(pick('it', 0), 'Harbour Board');
  assert.equal(pick('she', 1), undefined);
  assert.equal(s.lastOf(bo, 100), 15);
});

test('roles and epithets resolve to the person named for them, with the chain', () => {
  const text = [
    'Marlow coach Annika Sorensen had warned that her side would need patience. "We knew they would sit deep," said the coach.',
    'Felsham captain Owen Pritchard, who limped off with his hamstring strain, was more measured. Speaking outside, the defender said the result "hurts, but we only have ourselves to blame".',
    '"Tonight the moment was ours," she said.',
    '"We will write to the league," one club official said.',
  ].join('\n\n');
  const entities = ents(text, [
    ['Annika Sorensen', 'PERSON'],
    ['Owen Pritchard', 'PERSON'],
  ]);
  const quotes = findQuotes(text, entities).quotes.filter((q) => q.kind === 'speech');
  assert.deepEqual(who(text, quotes), [
    ['We knew they would sit deep,', 'Annika Sorensen'],
    ['hurts, but we only have ourselves to blame', 'Owen Pritchard'],
    ['Tonight the moment was ours,', 'Annika Sorensen'],
    ['We will write to the league,', null],
  ]);
  assert.deepEqual(quotes[0].speaker?.chain, ['the coach', 'Annika Sorensen']);
  assert.deepEqual(quotes[2].speaker?.chain, ['she', 'the coach', 'Annika Sorensen']);
});

test('pronouns go to the salient subject, not to the addressee, a relative or a credit line', () => {
  const text = [
    'Mr Lemberg thanked Ms Kristensen for her patience. He told her that the ports would open. "We are two small countries," he said.',
    'Photo: Juhan Saar / Baltic Observer',
    'Henrik Sallinen, who heads the union, was angry. His daughter, Emilia Sallinen, supports the deal.',
    '"The herring do not read treaties," Sallinen said.',
    'Retired teacher Ingeborg Lund, who visits her husband in a care home, said it had been hard. "I am 78 years old," she said.',
  ].join('\n\n');
  const entities = ents(text, [
    ['Lemberg', 'PERSON', 'Viktor Lemberg'],
    ['Kristensen', 'PERSON', 'Alda Kristensen'],
    ['Juhan Saar', 'PERSON'],
    ['Henrik Sallinen', 'PERSON'],
    ['Emilia Sallinen', 'PERSON'],
    ['Ingeborg Lund', 'PERSON'],
  ]);
  assert.deepEqual(who(text, findQuotes(text, entities).quotes), [
    ['We are two small countries,', 'Viktor Lemberg'],
    ['The herring do not read treaties,', 'Henrik Sallinen'],
    ['I am 78 years old,', 'Ingeborg Lund'],
  ]);
});

test('organisations and documents speak as the organisation named', () => {
  const text = [
    'The research was led by the Dunmore Institute. The report concludes that "night work is an occupational hazard."',
    'The Union home ministry said in a post that it was "in constant touch" with the states.',
    'The Harbour Board met. "Our numbers are up," it said in a statement.',
    'In a statement, the charity said the results were "a wake-up call for every employer."',
  ].join('\n\n');
  const entities = ents(text, [
    ['Dunmore Institute', 'ORG'],
    ['Harbour Board', 'ORG'],
  ]);
  assert.deepEqual(who(text, findQuotes(text, entities).quotes), [
    ['night work is an occupational hazard.', 'Dunmore Institute'],
    ['in constant touch', 'Union home ministry'],
    ['Our numbers are up,', 'Harbour Board'],
    ['a wake-up call for every employer.', 'Harbour Board'],
  ]);
});

test('follow-on quotes keep the last speaker across site furniture, unless someone else is introduced', () => {
  const text = [
    '"We will write to the league," Rui Castelo said. "Nobody wants this."',
    'Story continues below advertisement',
    '"I have never seen a decision like that one."',
    'Sorensen, though, was in no mood to apologise. "Football is about moments," she said, adding: "Tonight the moment was ours."',
    'Priya Lal said she had not been told in advance.',
    '"I found out from a reporter."',
  ].join('\n\n');
  const entities = ents(text, [
    ['Rui Castelo', 'PERSON'],
    ['Sorensen', 'PERSON', 'Annika Sorensen'],
    ['Priya Lal', 'PERSON'],
  ]);
  assert.deepEqual(who(text, findQuotes(text, entities).quotes), [
    ['We will write to the league,', 'Rui Castelo'],
    ['Nobody wants this.', 'Rui Castelo'],
    ['I have never seen a decision like that one.', 'Rui Castelo'],
    ['Football is about moments,', 'Annika Sorensen'],
    ['Tonight the moment was ours.', 'Annika Sorensen'],
    ['I found out from a reporter.', 'Priya Lal'],
  ]);
});

test('non-person words are no speakers; a first name alone is the full name', () => {
  const text = [
    '"This program was supposed to connect farms," said Sen. Margaret Ellery, D-Ore., who chairs the panel.',
    'His neighbour, Gareth Pryce, waded through the water. "You just go," Gareth said.',
    'BRACKWATER — "We lost everything downstairs," said retired steelworker Jim Hadley.',
  ].join('\n\n');
  const entities = ents(text, [
    ['Margaret Ellery', 'PERSON'],
    ['Gareth Pryce', 'PERSON'],
    ['Gareth', 'PERSON'],
    ['BRACKWATER', 'GPE', 'Brackwater'],
    ['Jim Hadley', 'PERSON'],
  ]);
  assert.deepEqual(who(text, findQuotes(text, entities).quotes), [
    ['This program was supposed to connect farms,', 'Margaret Ellery'],
    ['You just go,', 'Gareth Pryce'],
    ['We lost everything downstairs,', 'Jim Hadley'],
  ]);
});

test('a quote in a sentence about someone is theirs; a group or a relative of "their" is resolved', () => {
  const text = [
    'The Coastal Administration automated the lighthouse. In a letter to Arne Solberg, the agency thanked him for "forty years of faithful service."',
    'Their daughter, Sigrid, now works in Bergen. "He walks down to the harbour every evening," she says.',
    'Activists held placards reading "Oppose the new harbour wall now!" outside the hall.',
  ].join('\n\n');
  const entities = ents(text, [
    ['Coastal Administration', 'ORG'],
    ['Arne Solberg', 'PERSON'],
    ['Sigrid', 'PERSON'],
  ]);
  assert.deepEqual(who(text, findQuotes(text, entities).quotes), [
    ['forty years of faithful service.', 'Coastal Administration'],
    ['He walks down to the harbour every evening,', 'Sigrid Solberg'],
    ['Oppose the new harbour wall now!', null],
  ]);
});
