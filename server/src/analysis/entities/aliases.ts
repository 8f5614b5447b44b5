// Name variants → canonical names: spelling keys that make "Lee Jae-myung" and "Lee Jae Myung" one
// entity, family-name-first order, single-name references and one-letter misspellings of known names.

/** Spelling-insensitive key of a name: lower case, letters and digits only ("Lee Jae-myung" = "Lee Jae Myung"). */
export function nameKey(name: string): string {
  if (isPlain(name)) return name.toLowerCase();
  // ASCII has no marks and is its own compatibility form: only letters and digits are kept.
  if (isAscii(name)) return name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function isAscii(name: string): boolean {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 128) return false;
  return true;
}

/** Whether `name` is ASCII letters and digits only (by code: this runs for every name compared). */
function isPlain(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}

/** Name words of a full name, hyphenated parts kept together ("Hardy-Chartrand"). */
export function nameWords(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/** Key of the words in any order, so "Takaichi Sanae" meets "Sanae Takaichi". */
function orderFreeKey(name: string): string {
  return nameWords(name).map(nameKey).sort().join(' ');
}

/** Title case of an all-capitals name ("SERGEY KOZLOV" → "Sergey Kozlov"). */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** True when `a` and `b` differ by one inserted, deleted or substituted letter. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Minimum length of a single name that may be matched with one letter wrong ("Takachi" for "Takaichi"). */
const FUZZY_MIN = 6;
/** Fuzzy keys a table scans per lookup at most before it indexes them; the index finds the same keys. */
const MAX_SCANNED_KEYS = 64;

interface Known {
  canonical: string;
  type: string;
}

/** A question asked of an alias table, for replaying it on another table (see `AliasTable.record`). */
export type TableCall = 'lookup' | 'word' | 'fuzzyWord' | 'full' | 'guess' | 'typed' | 'runs';

/** One question and its answer, encoded so that equal answers mean equal canonical name and type. */
export interface TableStep {
  call: TableCall | 'hint' | 'anyHints';
  arg: string;
  answer: string;
}

function encode(answer: Known | undefined): string {
  return answer ? `${answer.type}\u0000${answer.canonical}` : '';
}

/** Separates the phrases of a `knownRuns` question and the answers of its reply. */
const RUN_SEPARATOR = '\u0001';

/**
 * Canonical names of one article (plus the corpus hints): full names resolve by spelling key and word set,
 * single words by being the first or last word of exactly one known full name. A table may sit on a `base`
 * (the corpus hints, built once and shared): it answers as if the base's names had been added first, without
 * copying them, and never changes the base.
 */
export class AliasTable {
  private readonly byKey = new Map<string, Known>();
  private readonly byOrderFree = new Map<string, Known>();
  /** Keys of the first words of multi-word names, so most words skip the full-name lookups. */
  private readonly firstWords = new Set<string>();
  /** Single-word key → canonical; `null` when two different names claim the word. */
  private readonly byWord = new Map<string, Known | null>();
  /** Single-word keys long enough for fuzzy matching, grouped by length for a cheap scan. */
  private readonly fuzzy = new Map<number, string[]>();
  /**
   * One-letter deletions of the fuzzy keys → the keys, once `indexFuzzy` is called: a table holding a
   * whole corpus's names finds near misses by lookups instead of scanning thousands of keys per word.
   */
  private variants: Map<string, string[]> | undefined;
  /** Keys in `fuzzy`, while they are scanned rather than indexed. */
  private fuzzyKeys = 0;

  /** Where the questions asked of this table and their answers are written, when recording. */
  private journal: TableStep[] | undefined;

  constructor(private readonly base?: AliasTable) {}

  /** From now on, writes every question asked (`lookup`, `lookupWord`, …) and its answer to `journal`. */
  record(journal: TableStep[]): void {
    this.journal = journal;
  }

  /**
   * Asks the recorded questions again, in order, and tells whether every answer is the same. When it is, a
   * computation that depends on this table only through those answers would run exactly as recorded.
   */
  replays(steps: readonly TableStep[], other: (step: TableStep) => string): boolean {
    for (const step of steps) if (this.answer(step, other) !== step.answer) return false;
    return true;
  }

  /** The answer this table gives to a recorded question (`other` answers the calls it does not know). */
  answer(step: TableStep, other: (step: TableStep) => string): string {
    switch (step.call) {
      case 'lookup':
        return encode(this.find(step.arg));
      case 'word':
        return encode(this.findWord(step.arg, false));
      case 'fuzzyWord':
        return encode(this.findWord(step.arg, true));
      case 'typed': {
        const cut = step.arg.indexOf('\u0000');
        return this.typed(step.arg.slice(cut + 1), step.arg.slice(0, cut));
      }
      case 'runs': {
        const [word = '', ...phrases] = step.arg.split(RUN_SEPARATOR);
        return this.runs(word, phrases).map(encode).join(RUN_SEPARATOR);
      }
      case 'full':
        return encode(this.full(step.arg));
      case 'guess':
        return encode(this.guess(step.arg));
      default:
        return other(step);
    }
  }

  private note<T extends Known | undefined>(call: TableCall, arg: string, answer: T): T {
    this.journal?.push({ call, arg, answer: encode(answer) });
    return answer;
  }

  /**
   * Records a full name. The first name recorded for a key wins, so corpus hints can be added first. A name
   * guessed from its shape alone (`bothEnds` false) lends only its last word: its first word is as likely a
   * place or an outlet written before a name ("Tamsen Herald …") as a family name.
   */
  add(name: string, type: string, canonical = name, bothEnds = true): Known {
    const key = nameKey(name);
    const of = orderFreeKey(name);
    const existing = this.byKeyOf(key) ?? this.byOrderFreeOf(of);
    const known = existing ?? { canonical, type };
    if (!this.byKeyOf(key)) this.byKey.set(key, known);
    if (!this.byOrderFreeOf(of)) this.byOrderFree.set(of, known);
    const ws = nameWords(name);
    for (const w of ws) this.firstWords.add(nameKey(w));
    if (type === 'PERSON' && ws.length >= 2) {
      // Either end may be the family name: "Takaichi" of "Sanae Takaichi", "Lee" of "Lee Jae Myung".
      const first = ws[0];
      const last = ws[ws.length - 1];
      for (const w of bothEnds ? [first, last] : [last]) if (w) this.addWord(nameKey(w), known);
    }
    if (type === 'PERSON' && bothEnds && ws.length >= 3) {
      // Two family names written without the given names ("Peña Ortiz" of "José Luis Peña Ortiz").
      const tail = nameKey(ws.slice(-2).join(' '));
      if (!this.byKeyOf(tail)) this.byKey.set(tail, known);
    }
    return known;
  }

  /** Builds the deletion index of the fuzzy keys and keeps it up to date from now on. */
  indexFuzzy(): void {
    if (this.variants) return;
    this.variants = new Map();
    for (const list of this.fuzzy.values()) for (const key of list) this.addVariants(key);
  }

  private byKeyOf(key: string): Known | undefined {
    return this.byKey.get(key) ?? this.base?.byKeyOf(key);
  }

  private byOrderFreeOf(key: string): Known | undefined {
    return this.byOrderFree.get(key) ?? this.base?.byOrderFreeOf(key);
  }

  /** The word's entry: `undefined` when no name has the word, `null` when several do. */
  private wordOf(key: string): Known | null | undefined {
    const own = this.byWord.get(key);
    return own !== undefined || !this.base ? own : this.base.wordOf(key);
  }

  private addWord(key: string, known: Known): void {
    if (key.length < 2) return;
    const prev = this.wordOf(key);
    if (prev === undefined) {
      this.byWord.set(key, known);
      if (key.length >= FUZZY_MIN) {
        const list = this.fuzzy.get(key.length) ?? [];
        list.push(key);
        this.fuzzy.set(key.length, list);
        if (this.variants) this.addVariants(key);
        // Past a few names a scan per lookup costs more than the index (quadratic in a list of names).
        else if (++this.fuzzyKeys > MAX_SCANNED_KEYS) this.indexFuzzy();
      }
    } else if (prev !== null && prev.canonical !== known.canonical) {
      this.byWord.set(key, null);
    }
  }

  private addVariants(key: string): void {
    const variants = this.variants;
    if (!variants) return;
    for (let i = 0; i < key.length; i++) {
      const v = key.slice(0, i) + key.slice(i + 1);
      const list = variants.get(v);
      if (!list) variants.set(v, [key]);
      else if (list[list.length - 1] !== key) list.push(key);
    }
  }

  /** Fuzzy keys of this table (not its base) that may be one edit away from `key`; a superset. */
  private fuzzyCandidates(key: string, out: string[]): void {
    const variants = this.variants;
    if (!variants) {
      for (const len of [key.length - 1, key.length, key.length + 1])
        out.push(...(this.fuzzy.get(len) ?? []));
      return;
    }
    // One letter more than `key`: `key` is one of its deletions.
    out.push(...(variants.get(key) ?? []));
    for (let i = 0; i < key.length; i++) {
      const v = key.slice(0, i) + key.slice(i + 1);
      // One letter less: a deletion of `key` itself; one letter changed: a shared deletion.
      if (v.length >= FUZZY_MIN && this.byWord.has(v)) out.push(v);
      out.push(...(variants.get(v) ?? []));
    }
  }

  /** Whether some known multi-word name contains this word (any order), cheaply ruling out lookups. */
  mayStartName(word: string): boolean {
    return this.startsName(word);
  }

  /**
   * The known entities of growing runs of words from `word` (`phrases[0]` is it and the next word, each
   * next phrase a word longer): one answer per phrase, none at all when `word` starts no known name.
   */
  knownRuns(word: string, phrases: readonly string[]): (Known | undefined)[] {
    const answers = this.runs(word, phrases);
    if (this.journal && phrases.length > 0) {
      const answer = answers.map(encode).join(RUN_SEPARATOR);
      this.journal.push({ call: 'runs', arg: [word, ...phrases].join(RUN_SEPARATOR), answer });
    }
    return answers;
  }

  /** The canonical name of a name of a given type: the known entity's when it has that type, else itself. */
  canonicalAs(name: string, type: string): string {
    const answer = this.typed(name, type);
    this.journal?.push({ call: 'typed', arg: `${type}\u0000${name}`, answer });
    return answer;
  }

  private runs(word: string, phrases: readonly string[]): (Known | undefined)[] {
    if (phrases.length === 0 || !this.startsName(word)) return [];
    return phrases.map((phrase) => this.find(phrase));
  }

  private typed(name: string, type: string): string {
    const known = this.find(name);
    return known && known.type === type ? known.canonical : name;
  }

  /** The known entity of a full name or its word-order variant. */
  lookup(name: string): Known | undefined {
    return this.note('lookup', name, this.find(name));
  }

  /** The known person a single word refers to, exactly or with one letter wrong. */
  lookupWord(word: string, allowFuzzy: boolean): Known | undefined {
    return this.note(allowFuzzy ? 'fuzzyWord' : 'word', word, this.findWord(word, allowFuzzy));
  }

  /** A person's full name found in an article: the known entity it names, else a new person. */
  resolveFull(name: string): Known {
    return this.note('full', name, this.full(name));
  }

  /**
   * A full name guessed from its shape: the known entity of another type it names ("Tamsen Herald" the
   * outlet), else a person, recorded as a guess (see `add`).
   */
  resolveGuess(name: string): Known {
    return this.note('guess', name, this.guess(name));
  }

  private full(name: string): Known {
    return this.find(name) ?? this.add(name, 'PERSON');
  }

  private guess(name: string): Known {
    const known = this.find(name);
    return known && known.type !== 'PERSON' ? known : this.add(name, 'PERSON', name, false);
  }

  private startsName(word: string): boolean {
    const key = nameKey(word);
    return this.firstWords.has(key) || (this.base?.firstWords.has(key) ?? false);
  }

  private find(name: string): Known | undefined {
    return this.byKeyOf(nameKey(name)) ?? this.byOrderFreeOf(orderFreeKey(name));
  }

  private findWord(word: string, allowFuzzy: boolean): Known | undefined {
    const key = nameKey(word);
    const exact = this.wordOf(key);
    if (exact !== undefined) return exact ?? undefined;
    if (!allowFuzzy || key.length < FUZZY_MIN) return undefined;
    const candidates: string[] = [];
    this.fuzzyCandidates(key, candidates);
    this.base?.fuzzyCandidates(key, candidates);
    let found: Known | undefined;
    for (const cand of candidates) {
      if (!withinOneEdit(key, cand)) continue;
      const k = this.wordOf(cand);
      if (!k) continue;
      if (found && found.canonical !== k.canonical) return undefined;
      found = k;
    }
    return found;
  }
}
