// Packed mention lists: the same mentions back, field for field, whatever their offsets and texts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import v8 from 'node:v8';
import fc from 'fast-check';
import {
  MentionLists,
  MentionStrings,
  mentionAt,
  packMentions,
  packedRecord,
  positionsOf,
  unpackMentions,
} from '../../server/src/analysis/entities/packedMentions';
import { compactState, expandState } from '../../server/src/analysis/corpus/snapshot/compactState';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import type { EntityMention, LocalAnalysis } from '../../server/src/analysis/types';

const TYPES = ['PERSON', 'ORG', 'GPE', 'DATE'] as const;
const SOURCES = ['pattern', 'gazetteer', 'alias', 'tagger'] as const;

/** Mentions of `text` at random spans, some corrected; offsets are UTF-16 code units, as everywhere. */
function mentionsOf(text: string, cuts: [number, number, number, boolean][]): EntityMention[] {
  return cuts.map(([a, b, k, corrected]) => {
    const start = Math.min(a, b) % (text.length + 1);
    const end = Math.min(text.length, start + (Math.max(a, b) % 7));
    const written = text.slice(start, end);
    const m: EntityMention = {
      span: { start, end },
      type: TYPES[k % TYPES.length],
      text: written,
      canonical: k % 3 === 0 ? written : `${written} ${k}`,
      source: SOURCES[k % SOURCES.length],
    };
    if (corrected) m.corrected = true;
    return m;
  });
}

const cuts = fc.array(fc.tuple(fc.nat(300), fc.nat(300), fc.nat(20), fc.boolean()), { maxLength: 30 });
/** Emoji, accents and lone surrogates: spans cut pairs in halves too. */
const texts = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'é', '😀', '👩‍👩‍👧', '\ud83d', '\ude00', '中') });

describe('packed mentions', () => {
  it('unpack gives back equal mentions, emoji and surrogate halves included', () => {
    fc.assert(
      fc.property(texts, cuts, (text, c) => {
        const mentions = mentionsOf(text, c);
        const strings = new MentionStrings();
        const data = packMentions(mentions, strings);
        assert.equal(data.length, mentions.length * 6);
        assert.deepEqual(unpackMentions(data, strings), mentions);
        // Key order too: answers are serialised as JSON.
        assert.equal(JSON.stringify(unpackMentions(data, strings)), JSON.stringify(mentions));
      }),
    );
  });

  it('a packed list reads as the array it packs', () => {
    fc.assert(
      fc.property(texts, cuts, (text, c) => {
        const mentions = mentionsOf(text, c);
        const lists = new MentionLists();
        const list = lists.pack(structuredClone(mentions));
        assert.ok(Array.isArray(list) && packedRecord(list));
        assert.equal(list.length, mentions.length);
        assert.deepEqual([...list], mentions);
        assert.deepEqual(
          list.filter((m) => m.corrected),
          mentions.filter((m) => m.corrected),
        );
        assert.equal(JSON.stringify(list), JSON.stringify(mentions));
        mentions.forEach((m, i) => {
          assert.deepEqual(list[i], m);
          const from = Math.floor(i / 2);
          const want = mentions.flatMap((o, k) => (k >= from && o.canonical === m.canonical ? [k] : []));
          assert.deepEqual([...positionsOf(list, m.canonical, from)], want);
          assert.deepEqual([...positionsOf(mentions, m.canonical, from)], want);
          assert.deepEqual(mentionAt(list, i), m);
        });
        assert.equal(mentionAt(list, mentions.length), undefined);
      }),
    );
  });

  it('decodes again, equal, once a list has left the recent ones', () => {
    const lists = new MentionLists();
    const all = Array.from({ length: 100 }, (_, i) =>
      mentionsOf(`Name ${i} 😀 here`, [[i, i + 5, i, i % 2 === 0]]),
    );
    const packed = all.map((m) => lists.pack(structuredClone(m)));
    const first = packed[0][0];
    packed.forEach((list, i) => assert.equal(list[0].text, all[i][0].text));
    packed.forEach((list, i) => assert.deepEqual([...list], all[i]));
    assert.notEqual(packed[0][0], first);
    assert.deepEqual(packed[0][0], first);
  });

  it('an empty list packs to an empty record and reads empty', () => {
    const lists = new MentionLists();
    const list = lists.pack([]);
    assert.equal(packedRecord(list)?.data.length, 0);
    assert.equal(list.length, 0);
    assert.deepEqual([...list], []);
    assert.equal(list[0], undefined);
    assert.deepEqual(unpackMentions(new Int32Array(0), new MentionStrings()), []);
  });

  it('refuses writes: the index shares its lists', () => {
    const list = new MentionLists().pack(mentionsOf('Ada Lovelace', [[0, 3, 0, false]]));
    assert.throws(() => {
      (list as EntityMention[])[0] = list[0];
    }, TypeError);
  });

  it('a snapshot stores the records as numbers and restores them undecoded, equal', () => {
    const index = new CorpusIndex();
    const local = (entities: EntityMention[]): LocalAnalysis => ({
      entities,
      quotes: [],
      unbalanced: [],
      repeats: [],
      limits: [],
    });
    const docs = ['Ada 😀 Lovelace met Ada.', '', 'Paris \ud83d and Ada'];
    const found = docs.map((text, i) =>
      mentionsOf(text, [
        [0, 3, i, i === 1],
        [5, 9, i + 1, false],
      ]),
    );
    docs.forEach((text, i) =>
      index.update({ uri: `file:///d${i}`, version: 1, text }, local(structuredClone(found[i]))),
    );
    const compact = v8.deserialize(v8.serialize(compactState(index.exportState())));
    assert.ok(compact.articles.mentions.data instanceof Int32Array);
    const state = expandState(compact);
    docs.forEach((_, i) => {
      const entities = state.articles.get(`file:///d${i}`)?.local.entities ?? [];
      assert.ok(packedRecord(entities));
      assert.deepEqual([...entities], found[i]);
    });
    // A damaged string id is refused at restore, not at the first hover.
    compact.articles.mentions.data[3] = 1e6;
    assert.throws(() => expandState(compact), /not in the table/);
  });
});
