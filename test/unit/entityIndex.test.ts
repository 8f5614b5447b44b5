// The incremental entity index against a from-scratch recount: after any sequence of adds, replacements
// and removals, hints, summaries and postings equal what a full pass over the current files gives; and an
// alias table built on the shared hint table answers exactly like one built from the hints alone; search
// gives what filtering the full listing gives; a recognition's recorded questions replay to the same answers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AliasTable, type TableStep } from '../../server/src/analysis/entities/aliases';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import {
  aliasTableFor,
  EntityIndex,
  ReplayMemo,
  replaysWith,
  subsequence,
  type EntityOverview,
  type EntitySummary,
} from '../../server/src/analysis/entities/entityIndex';
import {
  NAMED_ENTITY_TYPES,
  type EntityMention,
  type EntityType,
  type NamedEntityType,
} from '../../server/src/analysis/types';

const NAMED = new Set<string>(NAMED_ENTITY_TYPES);

/** The hints as a full pass over the files computes them: per name, the type most files give it. */
function expectedHints(files: ReadonlyMap<string, EntityMention[]>): Map<string, NamedEntityType> {
  const votes = new Map<string, Map<NamedEntityType, Set<string>>>();
  for (const [uri, mentions] of files) {
    for (const m of mentions) {
      if (!NAMED.has(m.type) || m.source === 'tagger' || m.text !== m.canonical || !/\s/.test(m.canonical))
        continue;
      const byType = votes.get(m.canonical) ?? new Map<NamedEntityType, Set<string>>();
      votes.set(m.canonical, byType);
      const set = byType.get(m.type as NamedEntityType) ?? new Set<string>();
      byType.set(m.type as NamedEntityType, set);
      set.add(uri);
    }
  }
  const out = new Map<string, NamedEntityType>();
  for (const [name, byType] of votes) {
    const most = Math.max(...[...byType.values()].map((s) => s.size));
    // Ties may resolve either way depending on history; the test only checks the winner is a top type.
    const top = [...byType].filter(([, s]) => s.size === most).map(([t]) => t);
    out.set(name, top.length === 1 ? top[0] : (`${top.sort().join('|')}` as NamedEntityType));
  }
  return out;
}

function expectedSummaries(
  files: ReadonlyMap<string, EntityMention[]>,
): Map<string, Omit<EntitySummary, 'type'>> {
  const out = new Map<string, Omit<EntitySummary, 'type'> & { files: Set<string> }>();
  for (const [uri, mentions] of files) {
    for (const m of mentions) {
      const e = out.get(m.canonical) ?? {
        canonical: m.canonical,
        aliases: [],
        fileCount: 0,
        mentionCount: 0,
        files: new Set<string>(),
      };
      out.set(m.canonical, e);
      if (!e.aliases.includes(m.text)) e.aliases.push(m.text);
      e.files.add(uri);
      e.mentionCount++;
    }
  }
  return new Map(
    [...out].map(([k, { files, ...e }]) => [
      k,
      { ...e, aliases: [...e.aliases].sort(), fileCount: files.size },
    ]),
  );
}

function checkAgainstRecount(index: EntityIndex, files: ReadonlyMap<string, EntityMention[]>): void {
  const hints = index.hints();
  const expected = expectedHints(files);
  assert.equal(hints.known.size, expected.size);
  for (const [name, type] of expected) {
    const got = hints.known.get(name);
    assert.ok(got !== undefined && type.split('|').includes(got), `hint ${name}: ${got} vs ${type}`);
  }
  assert.equal([...hints.known].length, expected.size);

  const summaries = expectedSummaries(files);
  const actual = index.entities();
  assert.equal(actual.length, summaries.size);
  for (const e of actual) {
    const want = summaries.get(e.canonical);
    assert.ok(want, e.canonical);
    assert.deepEqual({ ...e, type: undefined, aliases: [...e.aliases].sort() }, { ...want, type: undefined });
    assert.deepEqual(index.summary(e.canonical), e);
    const occurrences = index.mentionsOf(e.canonical);
    const wantOccurrences = [...files].flatMap(([uri, ms]) =>
      ms.filter((m) => m.canonical === e.canonical).map((m) => ({ uri, span: m.span, text: m.text })),
    );
    const key = (o: { uri: string; span: { start: number } }): string => `${o.uri}@${o.span.start}`;
    assert.deepEqual(occurrences.map(key).sort(), wantOccurrences.map(key).sort());
  }
}

let offset = 0;
function mention(text: string, type: EntityType, canonical = text): EntityMention {
  const start = (offset += 10);
  return { span: { start, end: start + text.length }, type, text, canonical, source: 'wink' };
}

interface EditOp {
  uri: string;
  remove: boolean;
  mentions: { name: string; type: string; alias: boolean }[];
}

/**
 * The edits applied to a fresh index and to a model of the files, in which a file keeps its place from its
 * first add until it is removed; an alias mention is the name's word at `aliasWord`.
 */
function replayEdits(
  ops: readonly EditOp[],
  aliasWord: number,
  afterAdd?: (index: EntityIndex) => void,
): { index: EntityIndex; files: Map<string, EntityMention[]> } {
  const index = new EntityIndex();
  const files = new Map<string, EntityMention[]>();
  for (const o of ops) {
    if (o.remove) {
      files.delete(o.uri);
      index.remove(o.uri);
      continue;
    }
    const ms = o.mentions.map((m) =>
      mention(m.alias ? (m.name.split(' ')[aliasWord] ?? m.name) : m.name, m.type as EntityType, m.name),
    );
    files.set(o.uri, ms);
    index.add(o.uri, ms);
    afterAdd?.(index);
  }
  return { index, files };
}

describe('EntityIndex', () => {
  it('takes no hint from a name only the statistical tagger found', () => {
    const index = new EntityIndex();
    index.add('a', [
      { ...mention('Energy Affairs', 'PERSON'), source: 'tagger' },
      mention('Bank of Japan', 'ORG'),
    ]);
    assert.equal(index.hints().known.get('Energy Affairs'), undefined);
    assert.equal(index.hints().known.get('Bank of Japan'), 'ORG');
    assert.equal(index.summary('Energy Affairs')?.mentionCount, 1, 'the name itself is still listed');
  });

  it('counts hints, summaries and postings across add, replace and remove', () => {
    const index = new EntityIndex();
    const files = new Map<string, EntityMention[]>();
    const set = (uri: string, ms: EntityMention[]): void => {
      files.set(uri, ms);
      index.add(uri, ms);
    };
    set('a', [mention('Sanae Takaichi', 'PERSON'), mention('Takaichi', 'PERSON', 'Sanae Takaichi')]);
    set('b', [mention('Sanae Takaichi', 'PERSON'), mention('Bank of Japan', 'ORG')]);
    set('c', [mention('Bank of Japan', 'GPE'), mention('Bank of Japan', 'GPE')]);
    checkAgainstRecount(index, files);
    assert.equal(index.hints().known.get('Bank of Japan'), 'ORG', 'a tie keeps the first type');
    assert.equal(index.summary('Sanae Takaichi')?.mentionCount, 3);
    assert.deepEqual(index.summary('Sanae Takaichi')?.aliases, ['Sanae Takaichi', 'Takaichi']);

    set('d', [mention('Bank of Japan', 'GPE')]);
    checkAgainstRecount(index, files);
    assert.equal(index.hints().known.get('Bank of Japan'), 'GPE', 'two files against one');

    // Replacing a file with the same names keeps the hints object: nothing derived from it is rebuilt.
    const before = index.hints();
    set('a', [mention('Sanae Takaichi', 'PERSON'), mention('Takaichi', 'PERSON', 'Sanae Takaichi')]);
    assert.equal(index.hints(), before);

    set('a', [mention('Takaichi', 'PERSON', 'Sanae Takaichi')]);
    checkAgainstRecount(index, files);
    assert.equal(index.summary('Sanae Takaichi')?.fileCount, 2);

    files.delete('b');
    index.remove('b');
    checkAgainstRecount(index, files);
    assert.equal(index.hints().known.has('Sanae Takaichi'), false, 'no file writes it in full any more');
    assert.deepEqual(index.mentionsOf('Sanae Takaichi'), [
      { uri: 'a', span: files.get('a')?.[0]?.span, text: 'Takaichi' },
    ]);

    for (const uri of [...files.keys()]) {
      files.delete(uri);
      index.remove(uri);
    }
    checkAgainstRecount(index, files);
    assert.equal(index.entities().length, 0);
  });

  it('keeps a stable file order for a name across edits of one file', () => {
    const index = new EntityIndex();
    index.add('a', [mention('Lee Jae Myung', 'PERSON')]);
    index.add('b', [mention('Lee Jae Myung', 'PERSON')]);
    index.add('a', [mention('Lee Jae Myung', 'PERSON'), mention('Lee', 'PERSON', 'Lee Jae Myung')]);
    assert.deepEqual(index.filesOf('Lee Jae Myung'), ['a', 'b']);
  });

  it('matches a recount after any sequence of edits', () => {
    const names = ['Ann Lee', 'Bo Kim', 'Lee', 'Kim Group', 'Kim'] as const;
    const types: EntityType[] = ['PERSON', 'ORG', 'GPE', 'DATE'];
    const op = fc.record({
      uri: fc.constantFrom('a', 'b', 'c', 'd'),
      remove: fc.boolean(),
      mentions: fc.array(
        fc.record({ name: fc.constantFrom(...names), type: fc.constantFrom(...types), alias: fc.boolean() }),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        // Tables derived from the hints follow them, whether built up or rebuilt.
        const { index, files } = replayEdits(ops, 0, (i) => aliasTableFor(i.hints()));
        checkAgainstRecount(index, files);
      }),
      { numRuns: 300 },
    );
  });
});

describe('EntityIndex listings', () => {
  it("list files in the order they were first indexed and mentions in text order, and each file's first mention, after any edits", () => {
    const names = ['Ann Lee', 'Bo Kim', 'Kim Group'] as const;
    const op = fc.record({
      uri: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      remove: fc.boolean(),
      mentions: fc.array(
        fc.record({
          name: fc.constantFrom(...names),
          alias: fc.boolean(),
          type: fc.constantFrom('PERSON', 'ORG'),
        }),
        { maxLength: 6 },
      ),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const { index, files: model } = replayEdits(ops, 1);
        for (const name of names) {
          const files = [...model].filter(([, ms]) => ms.some((m) => m.canonical === name));
          assert.deepEqual(
            index.filesOf(name),
            files.map(([uri]) => uri),
          );
          const listed = files.flatMap(([uri, ms]) =>
            ms.filter((m) => m.canonical === name).map((m) => ({ uri, span: m.span, text: m.text })),
          );
          assert.deepEqual(index.mentionsOf(name), listed);
          assert.deepEqual(index.firstMention(name), listed[0]);
          const firsts = listed.filter((m, i) => listed.findIndex((o) => o.uri === m.uri) === i);
          assert.deepEqual([...index.firstPerFile(name)], firsts);
          const first = files[0]?.[1].find((m) => m.canonical === name);
          if (first) assert.equal(index.summary(name)?.type, first.type);
          else assert.equal(index.summary(name), undefined);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The hover's figures as the full listing of mentions gives them. */
function overviewFromMentions(
  index: EntityIndex,
  canonical: string,
  uri: string,
  links: number,
): EntityOverview {
  const mentions = index.mentionsOf(canonical);
  const byFile = new Map<string, EntityMention['span']>();
  for (const o of mentions) if (o.uri !== uri && !byFile.has(o.uri)) byFile.set(o.uri, o.span);
  return {
    here: mentions.filter((o) => o.uri === uri).length,
    mentions: mentions.length,
    files: new Set(mentions.map((o) => o.uri)).size,
    aliases: [...new Set([canonical, ...mentions.map((o) => o.text)])],
    others: byFile.size,
    links: [...byFile].slice(0, links).map(([u, span]) => ({ uri: u, span })),
  };
}

describe('EntityIndex.overview', () => {
  it('gives what the full listing of mentions gives, after any sequence of edits', () => {
    const names = ['Ann Lee', 'Bo Kim', 'Kim Group'] as const;
    const op = fc.record({
      uri: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      remove: fc.boolean(),
      mentions: fc.array(fc.record({ name: fc.constantFrom(...names), form: fc.constantFrom(0, 1, 2) }), {
        maxLength: 5,
      }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.constantFrom('a', 'c', 'x'), (ops, asked) => {
        const index = new EntityIndex();
        for (const o of ops) {
          if (o.remove) index.remove(o.uri);
          else {
            const forms = (name: string): string[] => [name, name.split(' ')[1] ?? name, name.toUpperCase()];
            index.add(
              o.uri,
              o.mentions.map((m) => mention(forms(m.name)[m.form] ?? m.name, 'PERSON', m.name)),
            );
          }
        }
        for (const name of names)
          for (const links of [1, 2, 8])
            assert.deepEqual(
              index.overview(name, asked, links),
              overviewFromMentions(index, name, asked, links),
            );
      }),
      { numRuns: 300 },
    );
  });
});

describe('aliasTableFor', () => {
  const lookups = [
    'Takaichi',
    'Takachi',
    'Takaichii',
    'Sanae',
    'Lee',
    'Myung',
    'Kowalsky',
    'Kowalski',
    'Anna',
  ];
  const phrases = ['Sanae Takaichi', 'Takaichi Sanae', 'Lee Jae-myung', 'Bank of Japan', 'Anna Kowalski'];

  function answers(table: AliasTable): string {
    return JSON.stringify([
      lookups.map((w) => [table.lookupWord(w, true), table.lookupWord(w, false), table.mayStartName(w)]),
      phrases.map((p) => table.lookup(p)),
    ]);
  }

  it('answers as a table built from the hints, before and after the document adds its names', () => {
    const index = new EntityIndex();
    const add = (uri: string, ...ms: EntityMention[]): void => index.add(uri, ms);
    add('a', mention('Sanae Takaichi', 'PERSON'));
    add('b', mention('Lee Jae Myung', 'PERSON'), mention('Bank of Japan', 'ORG'));
    for (let round = 0; round < 3; round++) {
      const hints = index.hints();
      const shared = aliasTableFor(hints);
      const plain = new AliasTable();
      for (const [name, type] of new Map(hints.known)) plain.add(name, type);
      assert.equal(answers(shared), answers(plain));
      for (const t of [shared, plain]) {
        t.add('Anna Kowalski', 'PERSON');
        t.add('Sanae Takeuchi', 'PERSON');
        t.add('Lee Jae-myung', 'PERSON');
      }
      assert.equal(answers(shared), answers(plain));
      // The shared part is not changed by what one document adds.
      assert.equal(aliasTableFor(hints).lookupWord('Kowalski', false), undefined);
      // The next round extends the shared table, then overturns a type so it is rebuilt.
      if (round === 0) add('c', mention('Anna Kowalska', 'PERSON'));
      if (round === 1) {
        add('d', mention('Sanae Takaichi', 'ORG'));
        add('e', mention('Sanae Takaichi', 'ORG'));
      }
    }
  });
});

describe('EntityIndex.search', () => {
  const index = new EntityIndex();
  index.add('a', [mention('Sanae Takaichi', 'PERSON'), mention('Takaichi', 'PERSON', 'Sanae Takaichi')]);
  index.add('b', [mention('Sanae Takaichi', 'PERSON'), mention('Bank of Japan', 'ORG')]);
  index.add('c', [mention('Lee Jae Myung', 'PERSON'), mention('Bank of Japan', 'ORG')]);
  index.add('d', [mention('Bank of Japan', 'ORG'), mention('BoJ', 'ORG', 'Bank of Japan')]);

  /** What the listing of every entity, filtered and ranked, gives. */
  function expected(query: string, limit = Infinity): EntitySummary[] {
    const q = query.toLowerCase().replace(/\s+/g, '');
    return index
      .entities()
      .filter((e) => [e.canonical, ...e.aliases].some((n) => subsequence(n, q)))
      .sort((a, b) => b.fileCount - a.fileCount || b.mentionCount - a.mentionCount)
      .slice(0, limit);
  }

  it('matches letters in order, ignoring case and spaces, on names and written forms', () => {
    assert.deepEqual(
      index.search('stk').map((e) => e.canonical),
      ['Sanae Takaichi'],
    );
    assert.deepEqual(
      index.search('boj').map((e) => e.canonical),
      ['Bank of Japan'],
    );
    assert.deepEqual(
      index.search('JAE m').map((e) => e.canonical),
      ['Lee Jae Myung'],
    );
    assert.deepEqual(index.search('xq'), []);
  });

  it('ranks and limits as the full listing does', () => {
    for (const q of ['', 'a', 'an', 'ja', 'takai', 'zz'])
      for (const limit of [1, 2, Infinity]) assert.deepEqual(index.search(q, limit), expected(q, limit));
  });

  it('finds the first mention in the earliest-indexed file', () => {
    assert.deepEqual(index.firstMention('Bank of Japan')?.uri, 'b');
    assert.equal(index.firstMention('Nobody'), undefined);
  });
});

describe('replaysWith', () => {
  it('keeps a recognition whose questions get the same answers, and only then', () => {
    const index = new EntityIndex();
    index.add('a', [mention('Sanae Takaichi', 'PERSON')]);
    const before = index.hints();
    const text = 'Sanae Takaichi spoke in Tokyo. Takaichi said Kowalski agreed.';
    const journal: TableStep[] = [];
    const found = findEntities(text, before, journal);
    assert.ok(journal.length > 0);
    assert.ok(replaysWith(before, journal));
    // A name nothing in the text refers to leaves the result standing.
    index.add('b', [mention('Bank of Japan', 'ORG')]);
    assert.ok(replaysWith(index.hints(), journal));
    assert.deepEqual(findEntities(text, index.hints()), found);
    // A person the lone "Kowalski" now names does not.
    index.add('c', [mention('Anna Kowalski', 'PERSON')]);
    assert.ok(!replaysWith(index.hints(), journal));
    assert.notDeepEqual(findEntities(text, index.hints()), found);
  });

  it('answers alike with a memo shared across journals and hints', () => {
    const index = new EntityIndex();
    const texts = [
      'Sanae Takaichi spoke in Tokyo. Takaichi said Kowalski agreed.',
      'Kowalski met Takaichi at the Bank of Japan.',
      'Anna Kowalski of the Bank of Japan said prices rose.',
      'Takaichi and Kowalski spoke again.',
    ];
    const journals: TableStep[][] = [];
    const memo = new ReplayMemo();
    texts.forEach((text, i) => {
      const journal: TableStep[] = [];
      index.add(String(i), findEntities(text, index.hints(), journal));
      journals.push(journal);
      // Every journal against the hints of every moment, with the memo and without.
      for (const j of journals)
        assert.equal(replaysWith(index.hints(), j, memo), replaysWith(index.hints(), j));
    });
    const outcomes = journals.map((j) => replaysWith(index.hints(), j, memo));
    assert.ok(outcomes.includes(true) && outcomes.includes(false), `${outcomes}`);
  });
});
