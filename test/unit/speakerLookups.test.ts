// The position lookups that keep speaker attribution and the tagger's document pass linear on long pages:
// each answers what a walk over every mention or a search of the whole text answered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { occurrencesAtTokens } from '../../server/src/analysis/entities/addedOccurrences';
import { CapitalisedNames } from '../../server/src/analysis/quotes/speakers/capitalisedNames';
import { KeyedReferents, leadingPair } from '../../server/src/analysis/quotes/speakers/keyedReferents';
import type { Referent } from '../../server/src/analysis/quotes/speakers/cast';
import { MentionOrder } from '../../server/src/analysis/quotes/speakers/mentionOrder';
import { firstAbove } from '../../server/src/analysis/text/sortedSearch';
import type { EntityMention, EntityType } from '../../server/src/analysis/types';

const mention = (start: number, end: number, type: EntityType, canonical: string): EntityMention => ({
  span: { start, end },
  type,
  text: canonical,
  canonical,
  source: 'pattern',
});

test('firstAbove: the first value greater than x in an ascending list', () => {
  const values = [2, 4, 4, 9];
  assert.deepEqual(
    [0, 2, 3, 4, 8, 9, 10].map((x) => firstAbove(values, x)),
    [0, 1, 1, 3, 3, 4, 4],
  );
  assert.equal(firstAbove([], 5), 0);
});

test('mention order: first starting at, first that may end after (nested mentions too), organisations by word', () => {
  const mentions = [
    mention(0, 30, 'ORG', 'Harbour Board of Trade'),
    mention(5, 10, 'PERSON', 'Ana'),
    mention(40, 52, 'ORG', 'Port Board'),
    mention(60, 70, 'PERSON', 'Ian Doe'),
  ];
  const order = new MentionOrder(mentions);
  assert.equal(order.firstStartingAt(5), 1);
  assert.equal(order.firstStartingAt(6), 2);
  assert.equal(order.firstStartingAt(71), 4);
  // The mention at 5–10 ends before 12, but the one at 0–30 around it does not: the walk starts at 0.
  assert.equal(order.firstEndingAfter(12), 0);
  assert.equal(order.firstEndingAfter(30), 2);
  assert.equal(order.firstEndingAfter(70), 4);
  assert.equal(order.lastOrganisationWith(['board'], 4)?.canonical, 'Port Board');
  assert.equal(order.lastOrganisationWith(['board'], 2)?.canonical, 'Harbour Board of Trade');
  assert.equal(order.lastOrganisationWith(['trade', 'port'], 4)?.canonical, 'Port Board');
  assert.equal(order.lastOrganisationWith(['doe'], 4), undefined, 'people are not organisations');
});

test('capitalised names: the last name on the noun ending before the point, two words at least', () => {
  const text =
    'The Environment Agency warned on Monday. Later the Ministry of Health spoke, and the Agency said ' +
    'the Water Agency agreed.';
  const names = new CapitalisedNames(text);
  const at = (s: string) => text.indexOf(s);
  assert.equal(names.lastBefore('agency', at('warned')), 'Environment Agency');
  assert.equal(
    names.lastBefore('agency', at('Water')),
    'Environment Agency',
    '"the Agency" alone is no name',
  );
  assert.equal(names.lastBefore('agency', text.length), 'Water Agency');
  assert.equal(names.lastBefore('ministry', text.length), 'Ministry of Health');
  assert.equal(names.lastBefore('agency', at('Environment')), undefined);
});

/** The names on a noun as a search of the whole text finds them, for comparison. */
function namesByFullSearch(text: string, noun: string): { ends: number[]; names: string[] } {
  const word = "\\p{Lu}[\\p{L}'’-]*";
  const cap = noun.charAt(0).toUpperCase() + noun.slice(1);
  const re = new RegExp(
    `(?:${word}\\s+){0,3}${cap}(?:\\s+(?:of|for|on)(?:\\s+the)?(?:\\s+${word}){1,3})?(?![\\p{L}])`,
    'gu',
  );
  const out = { ends: [] as number[], names: [] as string[] };
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const name = m[0].replace(/^(?:The|A|An)\s+/, '');
    if (!name.includes(' ')) continue;
    out.ends.push(m.index + m[0].length);
    out.names.push(name);
  }
  return out;
}

test('capitalised names: the same names as a search of the whole text, whatever surrounds the noun', () => {
  const piece = fc.constantFrom(
    'Agency',
    'agency',
    'SubAgency',
    'Agencys',
    'The',
    'Water',
    'of',
    'the',
    'for',
    'Health',
    'O’Neil',
    'Ward-Lee',
    "it's",
    '𝐀gency',
    'Élan',
    ' ',
    ' ',
    '  ',
    '\n',
    '\u00a0',
    '.',
    ',',
    '"',
    '-',
    '’',
    '3',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('');
      const want = namesByFullSearch(text, 'agency');
      const names = new CapitalisedNames(text);
      for (let at = 0; at <= text.length; at++) {
        let k = want.ends.length - 1;
        while (k >= 0 && want.ends[k] > at) k--;
        assert.equal(names.lastBefore('agency', at), want.names[k], `at ${at} of ${JSON.stringify(text)}`);
      }
    }),
    { numRuns: 500 },
  );
});

test('occurrences at tokens: whole-word matches at token starts, in text order, not overlapping', () => {
  const text = 'Northtown beat Northtowners; Jo Jo Jo met Northtown, and Jo Jo left.';
  const tokens = [...text.matchAll(/[\p{L}]+|[^\s\p{L}]/gu)].map((m) => ({ start: m.index }));
  const starts = (name: string, found: number[]) => found.map((k) => tokens[k]?.start);
  const [town, pair] = occurrencesAtTokens(text, ['Northtown', 'Jo Jo'], tokens);
  assert.deepEqual(starts('Northtown', town ?? []), [0, text.indexOf('Northtown,')]);
  // "Jo Jo Jo": the second pair would overlap the first, as a left-to-right search finds them.
  assert.deepEqual(starts('Jo Jo', pair ?? []), [text.indexOf('Jo Jo Jo'), text.indexOf('Jo Jo left')]);
});

test('keyed referents: lists in creation order, each referent once; first two words of a name', () => {
  const ref = (id: number): Referent => ({
    id,
    name: `r${id}`,
    type: 'ORG',
    roles: new Set(),
    gender: '',
    words: new Set(),
    mentions: [],
  });
  const keyed = new KeyedReferents();
  const [a, b, c] = [ref(0), ref(1), ref(2)];
  keyed.add('k', c);
  keyed.add('k', a);
  keyed.add('k', b);
  keyed.add('k', a);
  assert.deepEqual(
    keyed.list('k').map((r) => r.id),
    [0, 1, 2],
  );
  assert.deepEqual(keyed.list('other'), []);
  assert.equal(leadingPair('Eko Re Group'), 'Eko Re');
  assert.equal(leadingPair('Eko'), undefined);
});
