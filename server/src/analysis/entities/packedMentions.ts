// An article's entity mentions kept as one Int32Array (six numbers a mention, strings by id) instead of
// two objects a mention: at 10,000 articles that is 1.5 million objects fewer for the collector to walk,
// and a snapshot stores and restores the numbers as they are. Readers still get an `EntityMention[]`: a
// list that decodes the article's mentions when first read, keeps the last few decoded lists, and answers
// `length` and the canonical name of a mention (what the entity postings read) without decoding.
import type { EntityMention, EntitySource, EntityType } from '../types';

/** Numbers per mention: start, end, type, text, canonical name, source × 2 + corrected. */
export const MENTION_WIDTH = 6;

/** Strings by id, shared by every packed list of an index (and by the snapshot it was restored from). */
export class MentionStrings {
  private ids: Map<string, number> | undefined;

  constructor(private readonly strings: string[] = []) {}

  id(s: string): number {
    // Built on first need: a restored index reads its strings by id and may never pack a new list.
    this.ids ??= new Map(this.strings.map((x, i) => [x, i]));
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  at(id: number): string {
    const s = this.strings[id];
    if (s === undefined) throw new Error(`string ${id} is not in the table`);
    return s;
  }

  get size(): number {
    return this.strings.length;
  }
}

export function packMentions(list: readonly EntityMention[], strings: MentionStrings): Int32Array {
  const data = new Int32Array(list.length * MENTION_WIDTH);
  list.forEach((m, i) => {
    const at = i * MENTION_WIDTH;
    data[at] = m.span.start;
    data[at + 1] = m.span.end;
    data[at + 2] = strings.id(m.type);
    data[at + 3] = strings.id(m.text);
    data[at + 4] = strings.id(m.canonical);
    data[at + 5] = strings.id(m.source) * 2 + (m.corrected ? 1 : 0);
  });
  return data;
}

/** The mentions `data` packs, as new objects equal to the packed ones (field for field, in that order). */
export function unpackMentions(data: Int32Array, strings: MentionStrings): EntityMention[] {
  if (data.length % MENTION_WIDTH !== 0) throw new Error('mention record damaged');
  const out = new Array<EntityMention>(data.length / MENTION_WIDTH);
  for (let i = 0, at = 0; at < data.length; i++, at += MENTION_WIDTH) {
    const mention: EntityMention = {
      span: { start: data[at], end: data[at + 1] },
      type: strings.at(data[at + 2]) as EntityType,
      text: strings.at(data[at + 3]),
      canonical: strings.at(data[at + 4]),
      source: strings.at(data[at + 5] >> 1) as EntitySource,
    };
    if ((data[at + 5] & 1) === 1) mention.corrected = true;
    out[i] = mention;
  }
  return out;
}

interface Packed {
  data: Int32Array;
  strings: MentionStrings;
}

/** The record behind each packed list. */
const records = new WeakMap<readonly EntityMention[], Packed>();

/** The packed record of a list made by `MentionLists.list`, else undefined. */
export function packedRecord(list: readonly EntityMention[]): Packed | undefined {
  return records.get(list);
}

/** The positions of the list's mentions of `canonical` from `from` on, read from its record when packed. */
export function* positionsOf(
  list: readonly EntityMention[],
  canonical: string,
  from: number,
): Generator<number> {
  const packed = records.get(list);
  if (!packed) {
    for (let i = from; i < list.length; i++) if (list[i].canonical === canonical) yield i;
    return;
  }
  const { data, strings } = packed;
  for (let at = from * MENTION_WIDTH; at < data.length; at += MENTION_WIDTH)
    if (strings.at(data[at + 4]) === canonical) yield at / MENTION_WIDTH;
}

/** Decoded lists kept for reuse: an article open, hovered or listed is read many times in a row. */
const RECENT = 64;

/** Makes packed lists over one string table, and keeps the most recently decoded ones. */
export class MentionLists {
  private readonly recent = new Map<Int32Array, EntityMention[]>();

  constructor(readonly strings: MentionStrings = new MentionStrings()) {}

  /** `mentions` packed, as a list reading the same; `mentions` themselves are kept as its first decode. */
  pack(mentions: readonly EntityMention[]): EntityMention[] {
    const data = packMentions(mentions, this.strings);
    const list = this.list(data);
    this.remember(data, mentions as EntityMention[]);
    return list;
  }

  /** A list over a packed record (whose ids are this table's), decoded when first read. */
  list(data: Int32Array): EntityMention[] {
    if (data.length % MENTION_WIDTH !== 0) throw new Error('mention record damaged');
    const list = new Proxy<EntityMention[]>([], new ListReader(data, this));
    records.set(list, { data, strings: this.strings });
    return list;
  }

  /** The mentions of a record made by this table, decoded or taken from the recent ones. */
  decoded(data: Int32Array): EntityMention[] {
    let all = this.recent.get(data);
    if (all) {
      // Most recent last.
      this.recent.delete(data);
      this.recent.set(data, all);
      return all;
    }
    all = unpackMentions(data, this.strings);
    this.remember(data, all);
    return all;
  }

  private remember(data: Int32Array, all: EntityMention[]): void {
    this.recent.set(data, all);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value as Int32Array);
  }
}

/**
 * What a packed list answers: its length from the record, everything else from the decoded mentions. One
 * object per list, its traps on the prototype, so ten thousand lists cost ten thousand small objects.
 */
class ListReader implements ProxyHandler<EntityMention[]> {
  constructor(
    private readonly data: Int32Array,
    private readonly lists: MentionLists,
  ) {}

  get(_: EntityMention[], key: string | symbol): unknown {
    if (key === 'length') return this.data.length / MENTION_WIDTH;
    const all = this.lists.decoded(this.data);
    const value: unknown = Reflect.get(all, key);
    // Methods run on the decoded array itself, not element by element through the list.
    return typeof value === 'function'
      ? (...args: unknown[]): unknown => (value as (...a: unknown[]) => unknown).apply(all, args)
      : value;
  }

  has(_: EntityMention[], key: string | symbol): boolean {
    return key in this.lists.decoded(this.data);
  }

  ownKeys(): (string | symbol)[] {
    return Reflect.ownKeys(this.lists.decoded(this.data));
  }

  getOwnPropertyDescriptor(_: EntityMention[], key: string | symbol): PropertyDescriptor | undefined {
    return Reflect.getOwnPropertyDescriptor(this.lists.decoded(this.data), key);
  }

  // The index shares its lists: a write would change them for every reader, and is refused.
  set(): boolean {
    return false;
  }

  defineProperty(): boolean {
    return false;
  }

  deleteProperty(): boolean {
    return false;
  }
}

/** The list's mention `i`; from a packed list, decoded alone (equal to the one its full decode gives). */
export function mentionAt(list: readonly EntityMention[], i: number): EntityMention | undefined {
  const packed = records.get(list);
  if (!packed) return list[i];
  const at = i * MENTION_WIDTH;
  if (i < 0 || at >= packed.data.length) return undefined;
  return unpackMentions(packed.data.subarray(at, at + MENTION_WIDTH), packed.strings)[0];
}
