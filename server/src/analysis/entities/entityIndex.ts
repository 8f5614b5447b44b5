// Corpus-wide entity postings: canonical entity → mentions per file; the source of entity hints, the
// names confirmed somewhere in the corpus that resolve short or misspelt references in other files.
// Everything is kept up to date on add and remove, so an edit costs what the edited file holds, not what
// the corpus holds: hint votes are counts per name and type, postings are per canonical name and file.
import { AliasTable, type TableStep } from './aliases';
import type { EntityHints, EntityMention, NamedEntityType, Span } from '../types';
import { NAMED_ENTITY_TYPES } from '../types';

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
  for (const alias of p.aliases.keys()) if (subsequence(alias, lowerQuery)) return true;
  return false;
}

/** A name written in full that can become a hint (typed, multi-word, not an alias form). */
function hintKey(m: EntityMention): string | undefined {
  // A name only the statistical tagger found is not confirmation enough to type other files' names.
  if (!NAMED.has(m.type) || m.source === 'tagger' || m.text !== m.canonical || !/\s/.test(m.canonical))
    return undefined;
  return `${m.type}\u0000${m.canonical}`;
}

interface Posting {
  /** Type of the first mention in the earliest-indexed file; recomputed when that may have changed. */
  type: EntityMention['type'] | undefined;
  /** The first mention, kept like `type`. */
  first?: EntityOccurrence | undefined;
  /** Mentions per file, in file order of first mention. */
  files: Map<string, EntityMention[]>;
  /** The files in indexing order, once asked for; dropped when a file joins or leaves. */
  sorted?: string[];
  mentionCount: number;
  /** Written forms → number of mentions, in order of first appearance. */
  aliases: Map<string, number>;
}

export class EntityIndex {
  private readonly byUri = new Map<string, EntityMention[]>();
  /** When each file was first indexed: listings follow this order, as a scan of the files would. */
  private readonly order = new Map<string, number>();
  private nextOrder = 0;
  /** Canonical name → its mentions per file. */
  private readonly postings = new Map<string, Posting>();
  /** Hint name → type → number of files that write it in full with that type. */
  private readonly votes = new Map<string, Map<NamedEntityType, number>>();
  /** Hint name → its type: the type most files give it (the first such on a tie). */
  private readonly best = new Map<string, NamedEntityType>();
  private log: HintLog = { names: [], types: [], position: new Map() };
  /** The log no longer matches `best`; rebuilt at the next `hints()`. */
  private logStale = false;
  private cachedHints: EntityHints | undefined;

  add(uri: string, mentions: EntityMention[]): void {
    const old = this.byUri.get(uri);
    // The very list already recorded (a corpus indexing's second pass keeping the first's findings).
    if (old === mentions) return;
    this.byUri.set(uri, mentions);
    if (!this.order.has(uri)) this.order.set(uri, this.nextOrder++);
    // New votes first, then the old ones withdrawn: a name the file keeps never drops to zero on the way.
    this.vote(mentions, 1);
    if (old) this.vote(old, -1);
    this.repost(uri, old ?? [], mentions);
  }

  remove(uri: string): void {
    const old = this.byUri.get(uri);
    if (!old) return;
    this.byUri.delete(uri);
    this.vote(old, -1);
    this.repost(uri, old, []);
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
    for (const uri of this.filesOf(canonical))
      for (const m of this.postings.get(canonical)?.files.get(uri) ?? [])
        out.push({ uri, span: m.span, text: m.text });
    return out;
  }

  /**
   * What a hover tells of an entity, as `mentionsOf` would give it, without listing every mention: a name
   * carried by thousands of files is read once, with no sort of its files and no object per mention.
   */
  overview(canonical: string, uri: string, links: number): EntityOverview {
    const p = this.postings.get(canonical);
    if (!p) return { here: 0, mentions: 0, files: 0, aliases: [canonical], others: 0, links: [] };
    const here = p.files.get(uri)?.length ?? 0;
    const files = this.sortedFiles(p);
    // Written forms in listing order: the files are read in order only until every form has been seen.
    const forms = new Set<string>([canonical]);
    const wanted = p.aliases.size + (p.aliases.has(canonical) ? 0 : 1);
    for (let i = 0; i < files.length && forms.size < wanted; i++)
      for (const m of p.files.get(files[i]) ?? []) forms.add(m.text);
    const listed: { uri: string; span: Span }[] = [];
    for (let i = 0; i < files.length && listed.length < links; i++) {
      const first = files[i] === uri ? undefined : p.files.get(files[i])?.[0];
      if (first) listed.push({ uri: files[i], span: first.span });
    }
    return {
      here,
      mentions: p.mentionCount,
      files: p.files.size,
      aliases: [...forms],
      others: p.files.size - (here > 0 ? 1 : 0),
      links: listed,
    };
  }

  /** The posting's files in the order they were first indexed, kept until a file joins or leaves it. */
  private sortedFiles(p: Posting): readonly string[] {
    p.sorted ??= [...p.files.keys()].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
    return p.sorted;
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
    for (const entry of this.postings) {
      if (subsequence(entry[0], q) || anyAlias(entry[1], q)) hits.push(entry);
    }
    hits.sort(([, a], [, b]) => b.files.size - a.files.size || b.mentionCount - a.mentionCount);
    return hits.slice(0, limit).map(([canonical, p]) => this.summaryOf(canonical, p));
  }

  /** The entity's first mention: in the earliest-indexed file that mentions it, the first there. */
  firstMention(canonical: string): EntityOccurrence | undefined {
    const p = this.postings.get(canonical);
    if (!p) return undefined;
    if (p.first) return p.first;
    let first: EntityOccurrence | undefined;
    let at = Infinity;
    for (const [uri, list] of p.files) {
      const o = this.order.get(uri) ?? Infinity;
      const m = list[0];
      if (m && (o < at || !first)) [at, first] = [o, { uri, span: m.span, text: m.text }];
    }
    p.first = first;
    return first;
  }

  /** Files mentioning the entity, in the order they were first indexed. */
  filesOf(canonical: string): string[] {
    const files = [...(this.postings.get(canonical)?.files.keys() ?? [])];
    return files.sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }

  private summaryOf(canonical: string, p: Posting): EntitySummary {
    if (p.type === undefined) {
      let first = Infinity;
      for (const [uri, list] of p.files) {
        const o = this.order.get(uri) ?? Infinity;
        if (o < first && list[0]) [first, p.type] = [o, list[0].type];
      }
    }
    return {
      canonical,
      type: p.type ?? 'PERSON',
      aliases: [...p.aliases.keys()],
      fileCount: p.files.size,
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
      if (!byType) this.votes.set(name, (byType = new Map()));
      const count = (byType.get(type) ?? 0) + delta;
      if (count > 0) byType.set(type, count);
      else byType.delete(type);
      this.rechoose(name, byType);
    }
  }

  /** Keeps `best` and the hint log in step with one name's votes. */
  private rechoose(name: string, byType: Map<NamedEntityType, number>): void {
    let choice: NamedEntityType | undefined;
    let most = 0;
    for (const [type, files] of byType) {
      if (files > most) {
        choice = type;
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
    const byName = new Map<string, EntityMention[]>();
    for (const m of mentions) {
      const list = byName.get(m.canonical);
      if (list) list.push(m);
      else byName.set(m.canonical, [m]);
    }
    for (const m of old) {
      if (byName.has(m.canonical)) continue;
      const p = this.postings.get(m.canonical);
      const gone = p?.files.get(uri);
      if (!p || !gone) continue;
      p.files.delete(uri);
      p.type = undefined;
      p.first = undefined;
      p.sorted = undefined;
      this.count(p, gone, -1);
      if (p.files.size === 0) this.postings.delete(m.canonical);
    }
    for (const [name, list] of byName) {
      let p = this.postings.get(name);
      if (!p)
        this.postings.set(
          name,
          (p = { type: undefined, files: new Map(), mentionCount: 0, aliases: new Map() }),
        );
      // Cheap to recompute, and only asked for by listings.
      p.type = undefined;
      p.first = undefined;
      const replaced = p.files.get(uri);
      if (replaced) this.count(p, replaced, -1);
      else p.sorted = undefined;
      p.files.set(uri, list);
      this.count(p, list, 1);
    }
  }

  private count(p: Posting, mentions: readonly EntityMention[], delta: 1 | -1): void {
    p.mentionCount += delta * mentions.length;
    for (const m of mentions) {
      const n = (p.aliases.get(m.text) ?? 0) + delta;
      if (n > 0) p.aliases.set(m.text, n);
      else p.aliases.delete(m.text);
    }
  }
}
