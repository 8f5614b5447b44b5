// The index state in the compact form a snapshot stores: the many small objects of the heavy parts (half a
// million entity mentions, postings, per-file typed arrays) as columns of typed arrays, every string in one
// pooled table and every text in another. Serialising and reading a few large buffers is close to a copy;
// a million small objects is what made a plain serialisation slow. The small rest stays as it is.
import type { EntityIndexState, Posting as EntityPosting } from '../../entities/entityIndex';
import type { PassageFileState, PassageIndexState } from '../../duplicates/passageIndex';
import type { FileQuotes, QuoteIndexState } from '../../quotes/quoteIndex';
import type { RelatedIndexState } from '../../related/related';
import type { FeatureIndexState, FeatureVector } from '../../related/termIndex';
import type { EntityMention, LocalAnalysis } from '../../types';
import { MENTION_WIDTH, MentionLists, MentionStrings, packedRecord } from '../../entities/packedMentions';
import type { IndexedArticle } from '../corpusIndex';
import {
  flattenLists,
  flattenPostings,
  forEachPosting,
  unflattenLists,
  type FlatLists,
  type FlatPostings,
} from './flatLists';
import type { CorpusIndexState } from './indexState';
import { StringTableWriter, unpackStrings, type PackedStrings } from './stringTable';

/** An article's findings besides its entity mentions, which are stored as columns. */
type LocalRest = Omit<LocalAnalysis, 'entities'>;

interface CompactMentions {
  /** Per article, where its mentions end (in mentions). */
  ends: Uint32Array;
  /** Every article's packed record end to end (see packedMentions.ts), string ids of the snapshot's table. */
  data: Int32Array;
}

interface CompactArticles {
  uris: Uint32Array;
  versions: Float64Array;
  mentions: CompactMentions;
  rest: LocalRest[];
  /** Each page's headline: its title (string id) and story count, -1 where none was kept. */
  headlines: { titles: Uint32Array; stories: Int32Array };
}

interface CompactEntities extends Omit<EntityIndexState, 'byUri' | 'postings'> {
  /** The files of the mention lists, in the map's order; the lists are the articles' own. */
  byUri: Uint32Array;
  postings: {
    names: Uint32Array;
    mentionCounts: Float64Array;
    files: FlatLists;
    /** Written forms (string ids) and their counts, pair by pair. */
    aliases: FlatLists;
  };
}

interface CompactQuotes {
  /** Per article with quotes, its record (see quoteIndex.ts) end to end. */
  files: {
    uris: Uint32Array;
    firstIds: Float64Array;
    counts: Float64Array;
    data: { values: Int32Array; ends: Uint32Array };
  };
  postings: FlatPostings;
  nextId: number;
}

/** The typed arrays of a passage file, each field of every file end to end. */
const PASSAGE_FIELDS = [
  'words',
  'paragraphs',
  'sortedHashes',
  'sortedPositions',
  'fingerprintChars',
  'paragraphChars',
] as const;

interface CompactPassages {
  ids: Float64Array;
  ranks: Float64Array;
  uris: Uint32Array;
  fields: Record<(typeof PASSAGE_FIELDS)[number], { values: Uint32Array; ends: Uint32Array }>;
  shapes: { values: Uint8Array; ends: Uint32Array };
  offsets: { values: Uint8Array; ends: Uint32Array };
  postings: FlatPostings;
  nextId: number;
}

interface CompactFeatures extends Omit<FeatureIndexState, 'names' | 'postings' | 'df' | 'vectors'> {
  names: Uint32Array;
  postings: FlatLists;
  df: Float64Array;
  vectors: {
    docs: Float64Array;
    ids: { values: Int32Array; ends: Uint32Array };
    /** Per document, whether its counts are whole (two bytes each) or fractional. */
    whole: Uint8Array;
    wholeCounts: { values: Uint16Array; ends: Uint32Array };
    fractionalCounts: { values: Float64Array; ends: Uint32Array };
  };
}

interface CompactRelated extends Omit<RelatedIndexState, 'terms' | 'entities' | 'docs'> {
  terms: CompactFeatures;
  entities: CompactFeatures;
  docs: { ids: Float64Array; uris: Uint32Array };
}

/** The articles' texts as UTF-8, end to end (most corpus text is ASCII: half the bytes of UTF-16). */
interface PackedTexts {
  bytes: Uint8Array;
  ends: Uint32Array;
  /** Texts UTF-8 cannot carry as they are (a lone surrogate), by position, kept as strings. */
  odd: [number, string][];
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function packTexts(texts: readonly string[]): PackedTexts {
  const encoder = new TextEncoder();
  const odd: [number, string][] = [];
  const encoded = texts.map((t, i) => {
    if (!LONE_SURROGATE.test(t)) return encoder.encode(t);
    odd.push([i, t]);
    return new Uint8Array(0);
  });
  const { values, ends } = concat(encoded, (n) => new Uint8Array(n));
  return { bytes: values, ends, odd };
}

function unpackTexts(packed: PackedTexts): string[] {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const texts = views({ values: packed.bytes, ends: packed.ends }).map((b) => decoder.decode(b));
  for (const [i, t] of packed.odd) texts[i] = t;
  return texts;
}

export interface CompactIndexState {
  strings: PackedStrings;
  texts: PackedTexts;
  articles: CompactArticles;
  entities: CompactEntities;
  quotes: CompactQuotes;
  passages: CompactPassages;
  related: CompactRelated;
}

/** Typed arrays of one kind end to end, with where each ends. */
function concat<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(
  parts: readonly T[],
  make: (n: number) => T,
): { values: T; ends: Uint32Array } {
  let n = 0;
  const ends = new Uint32Array(parts.length);
  parts.forEach((p, i) => (ends[i] = n += p.length));
  const values = make(n);
  let at = 0;
  for (const p of parts) {
    values.set(p, at);
    at += p.length;
  }
  return { values, ends };
}

/** The parts of a concatenation, as views of it (no copy). */
function views<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(packed: {
  values: T;
  ends: Uint32Array;
}): T[] {
  const out: T[] = [];
  let start = 0;
  for (const end of packed.ends) {
    if (end < start || end > packed.values.length) throw new Error('array offsets damaged');
    out.push(packed.values.subarray(start, end) as T);
    start = end;
  }
  return out;
}

const MENTION_KEYS = new Set(['span', 'type', 'text', 'canonical', 'source', 'corrected']);

export function compactState(state: CorpusIndexState): CompactIndexState {
  const strings = new StringTableWriter();
  const id = (s: string): number => strings.id(s);
  const ids = (list: Iterable<string>): Uint32Array => Uint32Array.from(list, id);

  // Articles, with their mentions' packed records end to end.
  const articles = [...state.articles.values()];
  const rest: LocalRest[] = [];
  const records: Int32Array[] = [];
  const remaps = new Map<MentionStrings, Int32Array>();
  for (const a of articles) {
    // The index records the raw findings when no correction applies; a snapshot holds only those.
    if (a.raw !== a.local) throw new Error(`${a.snapshot.uri} carries corrected findings`);
    const { entities, ...others } = a.local;
    records.push(snapshotRecord(entities, strings, remaps));
    rest.push(others);
  }
  const mentionRecords = concat(records, (n) => new Int32Array(n));
  const headlines = {
    titles: Uint32Array.from(articles, (a) => id(a.headline?.title ?? '')),
    stories: Int32Array.from(articles, (a) => a.headline?.stories ?? -1),
  };
  const textTable = packTexts(articles.map((a) => a.snapshot.text));

  // The entity index: its mention lists are the articles'.
  const e = state.entities;
  for (const [uri, list] of e.byUri)
    if (state.articles.get(uri)?.local.entities !== list) throw new Error(`${uri}: mention lists differ`);
  const postings = [...e.postings];
  const entities: CompactEntities = {
    ...e,
    byUri: ids(e.byUri.keys()),
    postings: {
      names: ids(postings.map(([name]) => name)),
      mentionCounts: Float64Array.from(postings, ([, p]) => p.mentionCount),
      files: flattenLists(postings.map(([, p]) => p.files)),
      aliases: flattenLists(
        postings.map(([, p]) => p.aliases.map((x) => (typeof x === 'string' ? id(x) : x))),
      ),
    },
  };

  const q = state.quotes;
  const quotes: CompactQuotes = {
    files: {
      uris: ids(q.files.map((f) => f.uri)),
      firstIds: Float64Array.from(q.files, (f) => f.firstId),
      counts: Float64Array.from(q.files, (f) => f.count),
      data: concat(
        q.files.map((f) => f.data),
        (n) => new Int32Array(n),
      ),
    },
    postings: flattenPostings(q.postings),
    nextId: q.nextId,
  };

  const files = state.passages.files;
  const fields = {} as CompactPassages['fields'];
  for (const field of PASSAGE_FIELDS)
    fields[field] = concat(
      files.map((f) => f[field]),
      (n) => new Uint32Array(n),
    );
  const passages: CompactPassages = {
    ids: Float64Array.from(files, (f) => f.id),
    ranks: Float64Array.from(files, (f) => f.rank),
    uris: ids(files.map((f) => f.uri)),
    fields,
    shapes: concat(
      files.map((f) => f.shapes),
      (n) => new Uint8Array(n),
    ),
    offsets: concat(
      files.map((f) => f.offsets),
      (n) => new Uint8Array(n),
    ),
    postings: state.passages.postings,
    nextId: state.passages.nextId,
  };

  const r = state.related;
  const docs = [...r.docs];
  for (const [, d] of docs)
    if (state.articles.get(d.uri)?.local.entities !== d.entities)
      throw new Error(`${d.uri}: related mentions differ`);
  const related: CompactRelated = {
    ...r,
    terms: compactFeatures(r.terms, id),
    entities: compactFeatures(r.entities, id),
    docs: { ids: Float64Array.from(docs, ([doc]) => doc), uris: ids(docs.map(([, d]) => d.uri)) },
  };

  return {
    strings: strings.finish(),
    texts: textTable,
    articles: {
      uris: ids(articles.map((a) => a.snapshot.uri)),
      versions: Float64Array.from(articles, (a) => a.snapshot.version),
      mentions: {
        ends: mentionRecords.ends.map((end) => end / MENTION_WIDTH),
        data: mentionRecords.values,
      },
      rest,
      // Kept so that lists naming articles after a warm start never analyse a page's structure to title it.
      headlines,
    },
    entities,
    quotes,
    passages,
    related,
  };
}

/**
 * A mention list's packed record with the snapshot's string ids: a packed list's numbers copied, its ids
 * mapped once per string of its table; any other list packed from its objects.
 */
function snapshotRecord(
  list: readonly EntityMention[],
  writer: StringTableWriter,
  remaps: Map<MentionStrings, Int32Array>,
): Int32Array {
  const packed = packedRecord(list);
  if (!packed) {
    for (const e of list)
      for (const key of Object.keys(e))
        if (!MENTION_KEYS.has(key)) throw new Error(`an entity mention has a field "${key}"`);
    const own = new MentionStrings();
    return snapshotRecord(new MentionLists(own).pack(list), writer, remaps);
  }
  let remap = remaps.get(packed.strings);
  if (!remap || remap.length < packed.strings.size) {
    const grown = new Int32Array(packed.strings.size).fill(-1);
    if (remap) grown.set(remap);
    remaps.set(packed.strings, (remap = grown));
  }
  const table = remap;
  const idOf = (id: number): number => {
    let out = table[id];
    if (out === -1) out = table[id] = writer.id(packed.strings.at(id));
    return out;
  };
  const data = packed.data.slice();
  for (let at = 0; at < data.length; at += MENTION_WIDTH) {
    data[at + 2] = idOf(data[at + 2]);
    data[at + 3] = idOf(data[at + 3]);
    data[at + 4] = idOf(data[at + 4]);
    data[at + 5] = idOf(data[at + 5] >> 1) * 2 + (data[at + 5] & 1);
  }
  return data;
}

function compactFeatures(f: FeatureIndexState, id: (s: string) => number): CompactFeatures {
  const vectors = [...f.vectors];
  const whole = Uint8Array.from(vectors, ([, v]) => (v.counts instanceof Uint16Array ? 1 : 0));
  return {
    ...f,
    names: Uint32Array.from(f.names, id),
    postings: flattenLists(f.postings),
    df: Float64Array.from(f.df),
    vectors: {
      docs: Float64Array.from(vectors, ([doc]) => doc),
      ids: concat(
        vectors.map(([, v]) => v.ids),
        (n) => new Int32Array(n),
      ),
      whole,
      wholeCounts: concat(
        vectors.flatMap(([, v]) => (v.counts instanceof Uint16Array ? [v.counts] : [])),
        (n) => new Uint16Array(n),
      ),
      fractionalCounts: concat(
        vectors.flatMap(([, v]) => (v.counts instanceof Uint16Array ? [] : [v.counts])),
        (n) => new Float64Array(n),
      ),
    },
  };
}

/** The plain state back from its compact form; throws when the parts do not fit together. */
export function expandState(c: CompactIndexState): CorpusIndexState {
  const strings = unpackStrings(c.strings);
  const str = (i: number): string => {
    const s = strings[i];
    if (s === undefined) throw new Error(`string ${i} is not in the table`);
    return s;
  };
  const texts = unpackTexts(c.texts);
  const a = c.articles;
  if (
    texts.length !== a.uris.length ||
    a.rest.length !== a.uris.length ||
    a.headlines.titles.length !== a.uris.length ||
    a.headlines.stories.length !== a.uris.length ||
    a.mentions.ends.length !== a.uris.length
  )
    throw new Error('article columns differ in length');

  const m = a.mentions;
  // The snapshot's string table is the restored lists' own: records are taken as they are, not decoded.
  checkRecords(m.data, strings.length);
  const lists = new MentionLists(new MentionStrings(strings));
  const articles = new Map<string, IndexedArticle>();
  let at = 0;
  for (let i = 0; i < a.uris.length; i++) {
    const end = m.ends[i] * MENTION_WIDTH;
    if (end < at || end > m.data.length) throw new Error('mention offsets damaged');
    const entities = lists.list(m.data.subarray(at, end));
    at = end;
    const uri = str(a.uris[i]);
    const local: LocalAnalysis = { entities, ...a.rest[i] };
    const article: IndexedArticle = {
      snapshot: { uri, version: a.versions[i], text: texts[i] },
      local,
      raw: local,
    };
    const stories = a.headlines.stories[i];
    if (stories >= 0) article.headline = { title: str(a.headlines.titles[i]), stories };
    articles.set(uri, article);
  }
  const mentionsOf = (uri: string): EntityMention[] => {
    const article = articles.get(uri);
    if (!article) throw new Error(`${uri} is indexed without its article`);
    return article.local.entities;
  };
  const e = c.entities;
  const postings = new Map<string, EntityPosting>();
  const files = unflattenLists(e.postings.files);
  const { values: aliasValues, ends: aliasEnds } = e.postings.aliases;
  let aliasAt = 0;
  e.postings.names.forEach((name, i) => {
    const end = aliasEnds[i];
    if (end < aliasAt || end > aliasValues.length) throw new Error('written forms damaged');
    // Written forms and their counts, pair by pair, in an array allocated to size.
    const aliases = new Array<string | number>(end - aliasAt);
    for (let k = aliasAt; k < end; k++)
      aliases[k - aliasAt] = (k - aliasAt) % 2 === 0 ? str(aliasValues[k]) : aliasValues[k];
    aliasAt = end;
    postings.set(str(name), {
      type: undefined,
      files: files[i],
      mentionCount: e.postings.mentionCounts[i],
      aliases,
    });
  });
  const entities: EntityIndexState = {
    ...e,
    byUri: new Map(Array.from(e.byUri, (u) => [str(u), mentionsOf(str(u))])),
    postings,
  };

  const q = c.quotes;
  const quoteData = views(q.files.data);
  const quoteFiles: FileQuotes[] = Array.from(q.files.uris, (u, i) => ({
    uri: str(u),
    firstId: q.files.firstIds[i],
    count: q.files.counts[i],
    data: quoteData[i],
  }));
  const quotePostings: [number, number | number[]][] = [];
  forEachPosting(q.postings, (k, v) => quotePostings.push([k, v]));
  const quotes: QuoteIndexState = { files: quoteFiles, postings: quotePostings, nextId: q.nextId };

  const p = c.passages;
  const fieldViews = Object.fromEntries(PASSAGE_FIELDS.map((f) => [f, views(p.fields[f])])) as Record<
    (typeof PASSAGE_FIELDS)[number],
    Uint32Array[]
  >;
  const shapes = views(p.shapes);
  const offsets = views(p.offsets);
  const passageFiles: PassageFileState[] = Array.from(p.ids, (fid, i) => ({
    id: fid,
    rank: p.ranks[i],
    uri: str(p.uris[i]),
    words: fieldViews.words[i],
    shapes: shapes[i],
    offsets: offsets[i],
    paragraphs: fieldViews.paragraphs[i],
    sortedHashes: fieldViews.sortedHashes[i],
    sortedPositions: fieldViews.sortedPositions[i],
    fingerprintChars: fieldViews.fingerprintChars[i],
    paragraphChars: fieldViews.paragraphChars[i],
  }));
  const passages: PassageIndexState = { files: passageFiles, postings: p.postings, nextId: p.nextId };

  const r = c.related;
  const related: RelatedIndexState = {
    ...r,
    terms: expandFeatures(r.terms, str),
    entities: expandFeatures(r.entities, str),
    docs: new Map(
      Array.from(r.docs.ids, (doc, i) => {
        const uri = str(r.docs.uris[i]);
        return [doc, { uri, entities: mentionsOf(uri) }];
      }),
    ),
  };
  return { articles, entities, quotes, passages, related };
}

/** Throws unless every string id of the records is in a table of `size` strings. */
function checkRecords(data: Int32Array, size: number): void {
  if (data.length % MENTION_WIDTH !== 0) throw new Error('mention records damaged');
  for (let at = 0; at < data.length; at += MENTION_WIDTH)
    for (let k = 2; k < MENTION_WIDTH; k++) {
      const id = k === 5 ? data[at + k] >> 1 : data[at + k];
      if (id < 0 || id >= size) throw new Error(`string ${id} is not in the table`);
    }
}

function expandFeatures(f: CompactFeatures, str: (i: number) => string): FeatureIndexState {
  const v = f.vectors;
  const ids = views(v.ids);
  const whole = views(v.wholeCounts);
  const fractional = views(v.fractionalCounts);
  let w = 0;
  let fr = 0;
  const vectors = new Map<number, FeatureVector>();
  v.docs.forEach((doc, i) => {
    const counts = v.whole[i] === 1 ? whole[w++] : fractional[fr++];
    if (!counts || counts.length !== ids[i]?.length) throw new Error('feature vectors damaged');
    vectors.set(doc, { ids: ids[i], counts });
  });
  return {
    ...f,
    names: Array.from(f.names, str),
    postings: unflattenLists(f.postings),
    df: Array.from(f.df),
    vectors,
  };
}
