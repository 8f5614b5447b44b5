// Corpus-wide entity postings: canonical entity → mentions per file; the source of entity hints, the
// names confirmed somewhere in the corpus that resolve short or misspelt references in other files.
// Everything is kept up to date on add and remove, so an edit costs what the edited file holds, not what
// the corpus holds: hint votes are counts per name and type, postings are per canonical name and file.
import { AliasTable, type TableStep } from './aliases';
import type { EntityHints, EntityMention, NamedEntityType, Span } from '../types';
import { NAMED_ENTITY_TYPES } from '../types';
import { mentionAt, positionsOf } from './packedMentions';

/** An entity as one article's hover shows it (see `EntityIndex.overview`). */
export interface EntityOverview {
  /** Its mentions in the article asked about. */
  here: number;
  /** Its mentions in the corpus, and the files they are in. */
  mentions: number;
  files: number;
  /** The canonical name, then every written form in listing order. */
  aliases: string[];
  /** Other files mentioning it, and the first `links` of them in listing order with their first mention. */
  others: number;
  links: { uri: string; span: Span }[];
}

export interface EntityOccurrence {
  uri: string;
  span: Span;
  text: string;
}

export interface EntitySummary {
  canonical: string;
  type: EntityMention['type'];
  aliases: string[];
  /** Number of files that mention it. */
  fileCount: number;
  mentionCount: number;
}

const NAMED = new Set<string>(NAMED_ENTITY_TYPES);

/**
 * Hint names in the order they became known, each with its type. Only ever appended to; any other change
 * (a name dropped, a type overturned) starts a new log, so a table built from a prefix stays valid.
 */
interface HintLog {
  readonly names: string[];
  readonly types: NamedEntityType[];
  readonly position: Map<string, number>;
}

/** The first `size` names of a hint log: an immutable view, cheap to hand out after every change. */
export class KnownNames implements ReadonlyMap<string, NamedEntityType> {
  constructor(
    readonly log: HintLog,
    readonly size: number,
  ) {}

  get(name: string): NamedEntityType | undefined {
    const i = this.log.position.get(name);
    return i !== undefined && i < this.size ? this.log.types[i] : undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  *entries(): MapIterator<[string, NamedEntityType]> {
    for (let i = 0; i < this.size; i++) yield [this.log.names[i], this.log.types[i]];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.size; i++) yield this.log.names[i];
  }

  *values(): MapIterator<NamedEntityType> {
    for (let i = 0; i < this.size; i++) yield this.log.types[i];
  }

  [Symbol.iterator](): MapIterator<[string, NamedEntityType]> {
    return this.entries();
  }

  forEach(
    fn: (type: NamedEntityType, name: string, map: ReadonlyMap<string, NamedEntityType>) => void,
  ): void {
    for (let i = 0; i < this.size; i++) fn(this.log.types[i], this.log.names[i], this);
  }
}

/** Alias tables of the hints, one per log, extended as the log grows. */
const hintTables = new WeakMap<HintLog, { table: AliasTable; size: number }>();

function tableOf(log: HintLog, from: number, to: number, table = new AliasTable()): AliasTable {
  for (let i = from; i < to; i++) table.add(log.names[i], log.types[i]);
  return table;
}

/**
 * An alias table holding the hints, for one article to add its own names to. Equivalent to adding every
 * hint to a fresh table, but the hints' part is built once per log and only extended when names are added,
 * so analysing a file does not cost a pass over every name of the corpus.
 */
export function aliasTableFor(hints: EntityHints): AliasTable {
  const known = hints.known;
  if (!(known instanceof KnownNames)) {
    const table = new AliasTable();
    for (const [name, type] of known) table.add(name, type);
    return table;
  }
  return new AliasTable(sharedTable(known) ?? ownTable(known));
}

/** The shared table of the hints' log, extended to `known`; `undefined` when it already holds more. */
function sharedTable(known: KnownNames): AliasTable | undefined {
  let cached = hintTables.get(known.log);
  // An older view than the shared table (hints held across later edits) needs a table of its own.
  if (cached && cached.size > known.size) return undefined;
  if (!cached) {
    cached = { table: new AliasTable(), size: 0 };
    cached.table.indexFuzzy();
    hintTables.set(known.log, cached);
  }
  tableOf(known.log, cached.size, known.size, cached.table);
  cached.size = known.size;
  return cached.table;
}

function ownTable(known: KnownNames): AliasTable {
  const own = tableOf(known.log, 0, known.size);
  own.indexFuzzy();
  return own;
}

/**
 * Whether entity recognition that asked the hints what `journal` records (see `findEntities`) would get
 * the same answers from `hints`, and so find exactly the same entities.
 */
export function replaysWith(hints: EntityHints, journal: readonly TableStep[], memo?: ReplayMemo): boolean {
  const other = (step: TableStep): string => {
    if (step.call === 'hint') return hints.known.has(step.arg) ? '1' : '0';
    return hints.known.size > 0 ? '1' : '0';
  };
  if (!memo) return aliasTableFor(hints).replays(journal, other);
  const answers = memo.answersOf(hints);
  let table: AliasTable | undefined;
  for (const step of journal) {
    const key = `${step.call}\u0000${step.arg}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      table ??= aliasTableFor(hints);
      answer = table.answer(step, other);
      answers.set(key, answer);
    }
    if (answer !== step.answer) return false;
  }
  return true;
}

/**
 * Answers of the hints to recorded questions, for replaying many journals against the same hints (a
 * corpus indexing's second pass asks the final hints about the same words file after file). An answer
 * depends on the hints and the question alone, and a hints object never changes, so answers are kept
 * until other hints are asked; the memo's owner drops it when done.
 */
export class ReplayMemo {
  private hints: EntityHints | undefined;
  private answers = new Map<string, string>();

  answersOf(hints: EntityHints): Map<string, string> {
    if (hints !== this.hints) {
      this.hints = hints;
      this.answers = new Map();
    }
    return this.answers;
  }
}

/** Whether `lowerQuery`'s characters occur in `name` in order, ignoring case. */
export function subsequence(name: string, lowerQuery: string): boolean {
  const want = lowerQuery.length;
  if (want === 0) return true;
  if (want > name.length) return false;
  // Character by character, without lower-casing the name: a query scans every name of the corpus.
  let i = 0;
  let next = lowerQuery.charCodeAt(0);
  for (let j = 0; j < name.length; j++) {
    let c = name.charCodeAt(j);
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) c = name[j]?.toLowerCase().charCodeAt(0) ?? c;
    if (c !== next) continue;
    if (++i === want) return true;
    next = lowerQuery.charCodeAt(i);
  }
  return false;
}

function anyAlias(p: Posting, lowerQuery: string): boolean {
  for (let i = 0; i < p.aliases.length; i += 2)
    if (subsequence(p.aliases[i] as string, lowerQuery)) return true;
  return false;
}

/** A name written in full that can become a hint (typed, multi-word, not an alias form). */
function hintKey(m: EntityMention): string | undefined {
  // A name only the statistical tagger found is not confirmation enough to type other files' names.
  if (!NAMED.has(m.type) || m.source === 'tagger' || m.text !== m.canonical || !/\s/.test(m.canonical))
    return undefined;
  return `${m.type}\u0000${m.canonical}`;
}

export interface Posting {
  /** Type of the first mention in the earliest-indexed file; recomputed when that may have changed. */
  type: EntityMention['type'] | undefined;
  /** The first mention, kept like `type`. */
  first?: EntityOccurrence | undefined;
  /**
   * The files that mention it, in indexing order, as pairs: the file's indexing number, then the position
   * of the file's first mention of it in the file's mention list. Numbers rather than a map of mention
   * lists per file: the mentions are in the file's list already, and most names are in a few files.
   */
  files: number[];
  mentionCount: number;
  /** Written forms with their number of mentions, in order of first appearance. */
  aliases: FormCounts;
}

/**
 * A hint name's votes: type, then the number of files that write it in full with that type, for each type
 * in the order it was first given (one pair for nearly every name, so no map per name).
 */
export type TypeVotes = (NamedEntityType | number)[];

/** A name's written forms, each followed by its number of mentions, in order of first appearance. */
export type FormCounts = (string | number)[];

/** Where `order` is among a posting's files (an even index), or where it would go, as `-(index) - 1`. */
function findFile(files: readonly number[], order: number): number {
  let lo = 0;
  let hi = files.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = files[mid * 2];
    if (at < order) lo = mid + 1;
    else if (at > order) hi = mid - 1;
    else return mid * 2;
  }
  return -(lo * 2) - 1;
}

/** Mentions of a file grouped by canonical name, each group in text order, with its first position. */
function byCanonical(
  mentions: readonly EntityMention[],
): Map<string, { first: number; list: EntityMention[] }> {
  const out = new Map<string, { first: number; list: EntityMention[] }>();
  mentions.forEach((m, i) => {
    const group = out.get(m.canonical);
    if (group) group.list.push(m);
    else out.set(m.canonical, { first: i, list: [m] });
  });
  return out;
}

/** The entity index as plain data: see `EntityIndex.exportState`. */
export interface EntityIndexState {
  byUri: Map<string, EntityMention[]>;
  /** The file of each indexing number (undefined where a file left); the order map is derived from it. */
  uriAt: (string | undefined)[];
  nextOrder: number;
  postings: Map<string, Posting>;
  votes: Map<string, TypeVotes>;
  best: Map<string, NamedEntityType>;
  log: { names: string[]; types: NamedEntityType[] };
  logStale: boolean;
}

export class EntityIndex {
  private byUri = new Map<string, EntityMention[]>();
  /** When each file was first indexed: listings follow this order, as a scan of the files would. */
  private readonly order = new Map<string, number>();
  /** The file of each indexing number still in use. */
  private uriAt: (string | undefined)[] = [];
  private nextOrder = 0;
  /** Canonical name → the files that mention it. */
  private postings = new Map<string, Posting>();
  /** Hint name → type → number of files that write it in full with that type. */
  private votes = new Map<string, TypeVotes>();
  /** Hint name → its type: the type most files give it (the first such on a tie). */
  private best = new Map<string, NamedEntityType>();
  private log: HintLog = { names: [], types: [], position: new Map() };
  /** The log no longer matches `best`; rebuilt at the next `hints()`. */
  private logStale = false;
  private cachedHints: EntityHints | undefined;

  add(uri: string, mentions: EntityMention[]): void {
    const old = this.byUri.get(uri);
    // The very list already recorded (a corpus indexing's second pass keeping the first's findings).
    if (old === mentions) return;
    this.byUri.set(uri, mentions);
    if (!this.order.has(uri)) {
      this.order.set(uri, this.nextOrder);
      this.uriAt[this.nextOrder++] = uri;
    }
    // New votes first, then the old ones withdrawn: a name the file keeps never drops to zero on the way.
    this.vote(mentions, 1);
    if (old) this.vote(old, -1);
    this.repost(uri, old ?? [], mentions);
  }

  /** Everything the index holds, as plain data sharing the recorded mention lists (see snapshot/). */
  exportState(): EntityIndexState {
    return {
      byUri: this.byUri,
      uriAt: this.uriAt,
      nextOrder: this.nextOrder,
      postings: this.postings,
      votes: this.votes,
      best: this.best,
      log: { names: this.log.names, types: this.log.types },
      logStale: this.logStale,
    };
  }

  /** Takes over an exported state, in place of whatever the index held. */
  restoreState(state: EntityIndexState): void {
    this.order.clear();
    this.byUri = state.byUri;
    this.uriAt = state.uriAt;
    this.uriAt.forEach((uri, at) => {
      if (uri !== undefined) this.order.set(uri, at);
    });
    this.nextOrder = state.nextOrder;
    this.postings = state.postings;
    this.votes = state.votes;
    this.best = state.best;
    const position = new Map<string, number>();
    state.log.names.forEach((name, i) => position.set(name, i));
    this.log = { names: state.log.names, types: state.log.types, position };
    this.logStale = state.logStale;
    this.cachedHints = undefined;
  }

  remove(uri: string): void {
    const old = this.byUri.get(uri);
    if (!old) return;
    this.byUri.delete(uri);
    this.vote(old, -1);
    this.repost(uri, old, []);
    const at = this.order.get(uri);
    if (at !== undefined) this.uriAt[at] = undefined;
    this.order.delete(uri);
  }

  /**
   * Multi-word names written out in full somewhere in the corpus, with their most frequent type. The same
   * object is returned until a hint changes, so callers can cache what they derive from it.
   */
  hints(): EntityHints {
    if (this.logStale) {
      const log: HintLog = {
        names: [...this.best.keys()],
        types: [...this.best.values()],
        position: new Map(),
      };
      log.names.forEach((name, i) => log.position.set(name, i));
      this.log = log;
      this.logStale = false;
      this.cachedHints = undefined;
    }
    if (!this.cachedHints || this.cachedHints.known.size !== this.log.names.length)
      this.cachedHints = { known: new KnownNames(this.log, this.log.names.length) };
    return this.cachedHints;
  }

  mentionsOf(canonical: string): EntityOccurrence[] {
    const out: EntityOccurrence[] = [];
    const p = this.postings.get(canonical);
    if (!p) return out;
    for (let i = 0; i < p.files.length; i += 2) {
      const uri = this.uriAt[p.files[i]] as string;
      for (const m of this.mentionsIn(uri, canonical, p.files[i + 1]))
        out.push({ uri, span: m.span, text: m.text });
    }
    return out;
  }

  /**
   * Each file's first mention of the name, files in listing order: the first of each file's mentions in
   * `mentionsOf`, read from the postings without listing the rest, as far as the caller reads.
   */
  *firstPerFile(canonical: string): Generator<EntityOccurrence> {
    const p = this.postings.get(canonical);
    if (!p) return;
    for (let i = 0; i < p.files.length; i += 2) {
      const uri = this.uriAt[p.files[i]] as string;
      for (const m of this.mentionsIn(uri, canonical, p.files[i + 1])) {
        yield { uri, span: m.span, text: m.text };
        break;
      }
    }
  }

  /** The file's mentions of the name, in text order, from the first one at `from` in the file's list. */
  private *mentionsIn(uri: string, canonical: string, from: number): Generator<EntityMention> {
    const list = this.byUri.get(uri) ?? [];
    // Packed lists answer the name without decoding the file's other mentions.
    for (const i of positionsOf(list, canonical, from)) yield mentionAt(list, i) as EntityMention;
  }

  /** The file's first mention of the name at position `at` of its list. */
  private mentionAt(uri: string, at: number): EntityMention | undefined {
    const list = this.byUri.get(uri);
    return list && mentionAt(list, at);
  }

  /**
   * What a hover tells of an entity, as `mentionsOf` would give it, without listing every mention: a name
   * carried by thousands of files is read once, with no sort of its files and no object per mention.
   */
  overview(canonical: string, uri: string, links: number): EntityOverview {
    const p = this.postings.get(canonical);
    if (!p) return { here: 0, mentions: 0, files: 0, aliases: [canonical], others: 0, links: [] };
    const files = p.files;
    const fileCount = files.length / 2;
    const order = this.order.get(uri);
    const at = order === undefined ? -1 : findFile(files, order);
    let here = 0;
    if (at >= 0) for (const _ of this.mentionsIn(uri, canonical, files[at + 1])) here++;
    // Written forms in listing order: the files are read in order only until every form has been seen.
    const forms = new Set<string>([canonical]);
    const wanted = p.aliases.length / 2 + (p.aliases.includes(canonical) ? 0 : 1);
    for (let i = 0; i < files.length && forms.size < wanted; i += 2)
      for (const m of this.mentionsIn(this.uriAt[files[i]] as string, canonical, files[i + 1]))
        forms.add(m.text);
    const listed: { uri: string; span: Span }[] = [];
    for (let i = 0; i < files.length && listed.length < links; i += 2) {
      const other = this.uriAt[files[i]] as string;
      const first = other === uri ? undefined : this.mentionAt(other, files[i + 1]);
      if (first) listed.push({ uri: other, span: first.span });
    }
    return {
      here,
      mentions: p.mentionCount,
      files: fileCount,
      aliases: [...forms],
      others: fileCount - (here > 0 ? 1 : 0),
      links: listed,
    };
  }

  summary(canonical: string): EntitySummary | undefined {
    const p = this.postings.get(canonical);
    return p && this.summaryOf(canonical, p);
  }

  entities(): EntitySummary[] {
    return [...this.postings].map(([canonical, p]) => this.summaryOf(canonical, p));
  }

  /**
   * Entities whose canonical name or a written form contains `query`'s letters in order (case-insensitive,
   * spaces ignored: "stk" finds "Sanae Takaichi"), the most widespread first (files, then mentions, then
   * listing order), at most `limit`. Summaries are built for the answer only, so a query costs a scan of
   * the names, not a summary of every entity.
   */
  search(query: string, limit = Infinity): EntitySummary[] {
    const q = query.toLowerCase().replace(/\s+/g, '');
    const hits: [string, Posting][] = [];
    // forEach, not for-of: a query visits every name, and the iterator would make a pair for each.
    this.postings.forEach((p, canonical) => {
      if (subsequence(canonical, q) || anyAlias(p, q)) hits.push([canonical, p]);
    });
    hits.sort(([, a], [, b]) => b.files.length - a.files.length || b.mentionCount - a.mentionCount);
    return hits.slice(0, limit).map(([canonical, p]) => this.summaryOf(canonical, p));
  }

  /** The entity's first mention: in the earliest-indexed file that mentions it, the first there. */
  firstMention(canonical: string): EntityOccurrence | undefined {
    const p = this.postings.get(canonical);
    if (!p) return undefined;
    if (p.first) return p.first;
    const uri = this.uriAt[p.files[0]];
    const m = uri === undefined ? undefined : this.mentionAt(uri, p.files[1]);
    p.first = m && uri !== undefined ? { uri, span: m.span, text: m.text } : undefined;
    return p.first;
  }

  /** Files mentioning the entity, in the order they were first indexed. */
  filesOf(canonical: string): string[] {
    const files = this.postings.get(canonical)?.files ?? [];
    const out: string[] = [];
    for (let i = 0; i < files.length; i += 2) out.push(this.uriAt[files[i]] as string);
    return out;
  }

  private summaryOf(canonical: string, p: Posting): EntitySummary {
    if (p.type === undefined) {
      const uri = this.uriAt[p.files[0]];
      p.type = uri === undefined ? undefined : this.mentionAt(uri, p.files[1])?.type;
    }
    return {
      canonical,
      type: p.type ?? 'PERSON',
      aliases: p.aliases.filter((_, i) => i % 2 === 0) as string[],
      fileCount: p.files.length / 2,
      mentionCount: p.mentionCount,
    };
  }

  /** Applies a file's hint votes (`delta` 1) or withdraws them (-1). */
  private vote(mentions: readonly EntityMention[], delta: 1 | -1): void {
    const seen = new Set<string>();
    for (const m of mentions) {
      const key = hintKey(m);
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      const name = m.canonical;
      const type = m.type as NamedEntityType;
      let byType = this.votes.get(name);
      if (!byType) this.votes.set(name, (byType = []));
      const at = byType.indexOf(type);
      const count = (at >= 0 ? (byType[at + 1] as number) : 0) + delta;
      if (at < 0) {
        // A literal is allocated to size; pushing onto an empty array would reserve room for 17 elements.
        if (count > 0 && byType.length === 0) this.votes.set(name, (byType = [type, count]));
        else if (count > 0) byType.push(type, count);
      } else if (count > 0) byType[at + 1] = count;
      else byType.splice(at, 2);
      this.rechoose(name, byType);
    }
  }

  /** Keeps `best` and the hint log in step with one name's votes. */
  private rechoose(name: string, byType: TypeVotes): void {
    let choice: NamedEntityType | undefined;
    let most = 0;
    for (let k = 0; k < byType.length; k += 2) {
      const files = byType[k + 1] as number;
      if (files > most) {
        choice = byType[k] as NamedEntityType;
        most = files;
      }
    }
    const before = this.best.get(name);
    if (choice === before) return;
    if (choice === undefined) {
      this.votes.delete(name);
      this.best.delete(name);
      this.logStale = true;
    } else if (before === undefined) {
      this.best.set(name, choice);
      if (!this.logStale) {
        this.log.position.set(name, this.log.names.length);
        this.log.names.push(name);
        this.log.types.push(choice);
      }
    } else {
      this.best.set(name, choice);
      this.logStale = true;
    }
  }

  /**
   * Moves the file's postings from its old mentions to its new ones. A name the file keeps mentioning keeps
   * its place among the name's files, so listings stay in a stable order across edits.
   */
  private repost(uri: string, old: readonly EntityMention[], mentions: readonly EntityMention[]): void {
    const order = this.order.get(uri) as number;
    const before = byCanonical(old);
    const now = byCanonical(mentions);
    for (const [name, { list: gone }] of before) {
      if (now.has(name)) continue;
      const p = this.postings.get(name);
      const at = p ? findFile(p.files, order) : -1;
      if (!p || at < 0) continue;
      p.files.splice(at, 2);
      p.type = undefined;
      p.first = undefined;
      this.count(p, gone, -1);
      if (p.files.length === 0) this.postings.delete(name);
    }
    for (const [name, { first, list }] of now) {
      let p = this.postings.get(name);
      if (!p) this.postings.set(name, (p = { type: undefined, files: [], mentionCount: 0, aliases: [] }));
      // Cheap to recompute, and only asked for by listings.
      p.type = undefined;
      p.first = undefined;
      const at = findFile(p.files, order);
      const replaced = at >= 0 ? before.get(name)?.list : undefined;
      if (at >= 0) p.files[at + 1] = first;
      // A name's first file as a literal, allocated to size (most names are in one file or a few).
      else if (p.files.length === 0) p.files = [order, first];
      else p.files.splice(-at - 1, 0, order, first);
      if (replaced) this.count(p, replaced, -1);
      this.count(p, list, 1);
    }
  }

  private count(p: Posting, mentions: readonly EntityMention[], delta: 1 | -1): void {
    p.mentionCount += delta * mentions.length;
    for (const m of mentions) {
      const at = p.aliases.indexOf(m.text);
      const n = (at >= 0 ? (p.aliases[at + 1] as number) : 0) + delta;
      if (at >= 0 && n > 0) p.aliases[at + 1] = n;
      else if (at >= 0) p.aliases.splice(at, 2);
      // A literal is allocated to size; pushing onto an empty array would reserve room for 17 elements.
      else if (n > 0 && p.aliases.length === 0) p.aliases = [m.text, n];
      else if (n > 0) p.aliases.push(m.text, n);
    }
  }
}
