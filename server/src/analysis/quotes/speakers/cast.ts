// Stage 2, candidate mentions: the people and organisations of the article, each with the name to report
// (its fullest form as written), the roles the article gives it (titles before a name, appositions after
// it: "coach Jane Example", "Jane Example, the coach,") and what its mentions say about gender.
import type { EntityMention, Span } from '../../types';
import { genderAround, type Gender } from './gender';
import { CONNECTORS, DETERMINERS, isOccupation, KIN_NOUNS, ROLE_NOUNS, TITLES, VERBS } from './lexicon';
import { KeyedReferents, leadingPair } from './keyedReferents';
import { tokenize } from './tokens';

export type RefType = 'PERSON' | 'ORG' | 'GPE' | 'NORP' | 'UNKNOWN';

export interface Referent {
  id: number;
  /** The name reported for the speaker. */
  name: string;
  type: RefType;
  /** Lowercase words of its titles and appositions ("dutch", "energy", "minister"). */
  roles: Set<string>;
  gender: Gender;
  /** Lowercase words of its name, for surnames and first names used alone. */
  words: Set<string>;
  /** Start of each mention, in order. */
  mentions: number[];
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
/** Generational suffixes are part of the reported name but never used alone. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;
/** Words that end a title run read leftwards from a name ("told coach Ann Lee": "told" is not a role). */
const ROLE_STOP = new Set(
  'to by with from that as at in on and or is was has had have were are be said says about after before when while than'.split(
    ' ',
  ),
);

const nameWords = (name: string): string[] =>
  name
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(/’/g, "'"))
    .filter((w) => w.length > 0 && !SUFFIX.test(w));
const allCaps = (s: string): boolean => /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;
const fold = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** A name without the titles written before it ("Prosecutor Ian Cathcart" → "Ian Cathcart"). */
function withoutTitles(name: string): string {
  const words = name.split(/\s+/);
  let cut = 0;
  while (cut < words.length - 2 && isTitle(words[cut])) cut++;
  return words.slice(cut).join(' ');
}

const isTitle = (w: string): boolean => {
  const l = w.toLowerCase();
  return TITLES.has(l) || TITLES.has(l.replace(/\.$/, '')) || ROLE_NOUNS.has(l);
};

/** One name is the other's first words ("Eko Re", "Eko Re Group"). */
function prefixOf(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(`${short} `) && wordCount(short) >= 2;
}

/** `written` says more than `name`: more words, or the same words with the marks `name` dropped. */
function fuller(written: string, name: string): boolean {
  const w = wordCount(written);
  const n = wordCount(name);
  if (w !== n) return w > n;
  return written !== name && fold(written) === fold(name) && written.normalize('NFD').length > name.length;
}

/** Words of a title or description run just before `start`, kept when they hold a role. */
function rolesBefore(text: string, start: number): string[] {
  const toks = tokenize(text, Math.max(0, start - 90), start);
  const out: string[] = [];
  let comma = false;
  for (let k = toks.length - 1; k >= 0; k--) {
    const t = toks[k];
    const gap = text.slice(t.end, k === toks.length - 1 ? start : toks[k + 1].start);
    // One comma may separate a role from its holder ("the Dutch energy minister, Maarten van Oosterwijk").
    if (/,/.test(gap) && !comma && /^\s*,\s*$/.test(gap)) comma = true;
    else if (!/^\s*$/.test(gap)) break;
    if (DETERMINERS.has(t.lower) || VERBS.has(t.lower) || ROLE_STOP.has(t.lower) || /['’]s$/.test(t.text))
      break;
    out.push(t.lower.replace(/\.$/, ''));
    if (out.length >= 7) break;
  }
  const role = (w: string): boolean =>
    ROLE_NOUNS.has(w) || TITLES.has(w) || TITLES.has(`${w}.`) || isOccupation(w);
  return out.some(role) ? out : [];
}

/** Words of an apposition just after `end` ("…, the coach of the national side,"), kept when they hold a role. */
function rolesAfter(text: string, end: number): string[] {
  const m = /^\s*,\s*(?:\d{1,3}\s*,\s*)?(?:the |a |an )?([^,.;:()"“”]{2,80})/u.exec(
    text.slice(end, end + 120),
  );
  if (!m) return [];
  const words = m[1]
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(/['’]s$/, ''))
    .filter(Boolean)
    .slice(0, 10);
  // A relative clause ("…, who visits her husband") is no apposition.
  if (words.length > 0 && (VERBS.has(words[0]) || words[0] === 'who' || words[0] === 'which')) return [];
  return words.some((w) => ROLE_NOUNS.has(w) || KIN_NOUNS.has(w) || isOccupation(w)) ? words : [];
}

export class Cast {
  readonly referents: Referent[] = [];
  private readonly byMention = new Map<number, Referent>();
  private readonly byKey = new Map<string, Referent>();
  private readonly byNameWord = new KeyedReferents();
  private readonly byName = new KeyedReferents();
  private readonly organisationsByLead = new KeyedReferents();
  /** Mentions that can name a speaker, in text order. */
  readonly mentions: EntityMention[];

  /** Spans of places, facilities and events, in order: a surname is never read out of them. */
  private readonly others: Span[];

  constructor(
    private readonly text: string,
    entities: readonly EntityMention[],
  ) {
    const sorted = entities.slice().sort((a, b) => a.span.start - b.span.start);
    this.mentions = sorted.filter((e) => SPEAKER_TYPES.has(e.type));
    this.others = sorted.filter((e) => e.type !== 'PERSON' && e.type !== 'ORG').map((e) => e.span);
    for (const e of this.mentions) this.addMention(e);
  }

  /** Whether `at` lies inside a mention of a place, facility or other non-speaker (binary search). */
  readonly blocked = (at: number): boolean => {
    let lo = 0;
    let hi = this.others.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.others[mid];
      if (at < s.start) hi = mid - 1;
      else if (at >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };

  private addMention(e: EntityMention): void {
    const type = e.type as RefType;
    let r: Referent | undefined;
    // A surname or first name alone refers back to the full name introduced before it.
    if (type === 'PERSON' && wordCount(e.text) === 1) {
      const kin = this.kinName(e.text, e.span.start);
      r = kin ? this.named(kin.name, 'PERSON', undefined, [kin.kin]) : this.byWord(e.text, e.span.start);
    }
    r ??= this.byKey.get(`${type}:${e.canonical}`);
    // "Eko Re" and "Eko Re Group": an organisation's short form is the same organisation.
    const lead = type === 'ORG' ? leadingPair(e.canonical) : undefined;
    if (!r && lead !== undefined)
      r = this.organisationsByLead.list(lead).find((x) => x.type === 'ORG' && prefixOf(x.name, e.canonical));
    if (!r) {
      r = this.create(type === 'PERSON' ? withoutTitles(e.canonical) : e.canonical, type);
      this.byKey.set(`${type}:${e.canonical}`, r);
    }
    this.attach(r, e.text, e.span);
  }

  private create(name: string, type: RefType): Referent {
    const r: Referent = {
      id: this.referents.length,
      name,
      type,
      roles: new Set(),
      gender: '',
      words: new Set(nameWords(name)),
      mentions: [],
    };
    this.referents.push(r);
    this.listName(r);
    for (const w of r.words) this.byNameWord.add(w, r);
    return r;
  }

  /** Records a mention of `r`: a fuller written form becomes its name, roles and gender cues around it. */
  private attach(r: Referent, as: string, span: Span): void {
    // "Prosecutor Ian Cathcart" as one mention: the title is a role, not part of the name.
    const lead = /^(?:\p{Lu}[\p{Ll}.]*\s+)+/u.exec(as)?.[0] ?? '';
    const titles = lead.split(/\s+/).filter(Boolean);
    let cut = 0;
    while (cut < titles.length - 0 && isTitle(titles[cut])) cut++;
    const written = cut > 0 && wordCount(as) - cut >= 2 ? as.split(/\s+/).slice(cut).join(' ') : as;
    if (written !== as) for (const t of titles.slice(0, cut)) r.roles.add(t.toLowerCase().replace(/\.$/, ''));
    this.byMention.set(span.start, r);
    r.mentions.push(span.start);
    if (r.type === 'PERSON' || r.type === 'UNKNOWN') {
      // The fullest form as written keeps what the canonical name folds away (diacritics, "Jr.").
      if (!allCaps(written) && fuller(written, r.name)) this.rename(r, written);
      for (const w of nameWords(written)) this.addWord(r, w);
      // Articles give roles where they introduce a person; later mentions are mostly bare surnames.
      if (r.mentions.length <= 4)
        for (const w of [...rolesBefore(this.text, span.start), ...rolesAfter(this.text, span.end)])
          if (!CONNECTORS.has(w)) r.roles.add(w);
      if (!r.gender) r.gender = genderAround(this.text, span, [...r.roles]);
    } else {
      if (
        r.type === 'ORG' &&
        !allCaps(written) &&
        prefixOf(r.name, written) &&
        written.length > r.name.length
      )
        this.rename(r, written);
      for (const w of nameWords(written)) this.addWord(r, w);
    }
  }

  /** "Doe's sister, Maria": the given name with the family name of the relative it is apposed to. */
  kinName(given: string, start: number): { name: string; kin: string } | undefined {
    const lead = this.text.slice(Math.max(0, start - 60), start);
    if (!/,\s*$/.test(lead)) return undefined;
    const m =
      /(?:(\p{Lu}[\p{L}'’-]+)['’]s|\b([Hh]is|[Hh]er|[Tt]heir))\s+(?:[\p{Ll}-]+\s+)?(\p{Ll}+)\s*,\s*$/u.exec(
        lead,
      );
    if (!m || !KIN_NOUNS.has(m[3])) return undefined;
    // "Her son, Erik": the possessive is the person last named who fits it.
    const pronoun = m[2]?.toLowerCase();
    const family = m[1]
      ? this.byWord(m[1], start)
      : this.lastPerson(start, pronoun === 'his' ? 'he' : pronoun === 'her' ? 'she' : '');
    const surname =
      family?.name
        .split(/\s+/)
        .filter((w) => !SUFFIX.test(w))
        .pop() ?? m[1];
    if (!surname) return undefined;
    return { name: `${given} ${surname}`, kin: m[3] };
  }

  /** The person with a full name mentioned last before `before`: one known to fit `gender` first. */
  private lastPerson(before: number, gender: Gender): Referent | undefined {
    let fitting: Referent | undefined;
    let unknown: Referent | undefined;
    let fitAt = -1;
    let unknownAt = -1;
    for (const r of this.referents) {
      if (r.type !== 'PERSON' || r.words.size < 2) continue;
      const last = r.mentions.filter((x) => x < before).pop() ?? -1;
      if (gender !== '' && r.gender === gender && last > fitAt) [fitting, fitAt] = [r, last];
      else if ((gender === '' || r.gender === '') && last > unknownAt) [unknown, unknownAt] = [r, last];
    }
    return fitting ?? unknown;
  }

  /** The referent of the speaker-type mention starting at `start`. */
  atMention(start: number): Referent | undefined {
    return this.byMention.get(start);
  }

  /** Lists `r` under its name (and an organisation under its first two words) for the lookups. */
  private listName(r: Referent): void {
    this.byName.add(r.name, r);
    const lead = r.type === 'ORG' ? leadingPair(r.name) : undefined;
    if (lead !== undefined) this.organisationsByLead.add(lead, r);
  }

  private rename(r: Referent, name: string): void {
    r.name = name;
    this.listName(r);
  }

  private addWord(r: Referent, w: string): void {
    if (r.words.has(w)) return;
    r.words.add(w);
    this.byNameWord.add(w, r);
  }

  /** The first person introduced before `before` with `word` in their name ("Haskins", "Maria"). */
  byWord(word: string, before = Infinity): Referent | undefined {
    const w = word.toLowerCase().replace(/’/g, "'");
    for (const r of this.byNameWord.list(w)) {
      if (r.type !== 'PERSON' && r.type !== 'UNKNOWN') continue;
      if (r.words.size < 2 || !r.words.has(w)) continue;
      if ((r.mentions[0] ?? Infinity) < before) return r;
    }
    return undefined;
  }

  /** A speaker known only from a phrase (no entity): registered once per name. */
  named(name: string, type: RefType, span: Span | undefined, roles: readonly string[]): Referent {
    const key = `name:${name}`;
    let r = this.byKey.get(key) ?? this.byName.list(name).find((x) => x.name === name);
    if (!r) {
      r = this.create(name, type);
      this.byKey.set(key, r);
    }
    for (const w of roles) r.roles.add(w);
    if (span) {
      if (!r.mentions.includes(span.start)) r.mentions.push(span.start);
      r.mentions.sort((a, b) => a - b);
      if (!r.gender) r.gender = genderAround(this.text, span, [...r.roles]);
    }
    return r;
  }
}
