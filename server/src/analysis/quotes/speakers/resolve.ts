// Stage 4, resolution: the referent a speaker phrase stands for. A name goes through the entity layer (or
// the name as read), a pronoun to the most salient fitting referent, a role ("the coach") to the person the
// article gives that role, an organisation noun ("the ministry", "the report") to the organisation named.
// Whatever was not a name is kept as the chain that led to the referent ("he → the coach → Jane Example").
import type { EntityMention, Span } from '../../types';
import type { Cast, Referent, RefType } from './cast';
import { fitsGender } from './gender';
import {
  DETERMINERS,
  DOCUMENT_NOUNS,
  FURNITURE,
  INDEFINITE,
  ORG_NOUNS,
  PRONOUNS,
  ROLE_NOUNS,
  TITLES,
} from './lexicon';
import { isFurnitureLine } from '../furniture';
import { CapitalisedNames } from './capitalisedNames';
import { firstAbove } from '../../text/sortedSearch';
import { MentionOrder } from './mentionOrder';
import { expandShortName, nameFromPhrase } from './names';
import type { NounPhrase } from './phrases';
import { fitsPronoun, type Salience } from './salience';
import { sentenceStart, type Tok } from './tokens';

export interface Resolved {
  /** The referent, when the phrase stands for one the article knows. */
  ref: Referent | null;
  name: string;
  span?: Span;
  /** Phrases that led to the name, the name last; empty when the phrase was the name. */
  chain: string[];
}

/** Role words that a more general one stands for ("the leader" for a president, "the boss" for a CEO). */
const ROLE_FAMILIES: Record<string, readonly string[]> = {
  leader: ['leader', 'president', 'premier', 'prime', 'chancellor', 'king', 'queen', 'emir', 'head', 'chief'],
  boss: [
    'boss',
    'ceo',
    'executive',
    'chief',
    'head',
    'director',
    'manager',
    'chairman',
    'chairwoman',
    'founder',
  ],
  executive: ['executive', 'ceo', 'chief'],
  chief: ['chief', 'head', 'ceo', 'director'],
  minister: ['minister', 'secretary'],
  player: ['player', 'midfielder', 'striker', 'defender', 'goalkeeper', 'forward', 'captain'],
  official: ['official', 'spokesperson', 'spokesman', 'spokeswoman', 'secretary', 'director'],
  spokesperson: ['spokesperson', 'spokesman', 'spokeswoman'],
  author: ['author', 'co-author', 'researcher', 'professor'],
  researcher: ['researcher', 'co-author', 'author', 'professor', 'scientist'],
};
/** Organisation heads that stand for the company last named even when its name lacks the word. */
const GENERIC_ORG = new Set(
  'company firm group operator maker manufacturer lender carrier insurer airline charity organisation organization watchdog agency'.split(
    ' ',
  ),
);
const PARTY_LABEL = /^[DRI]-[A-Z][a-z]{1,5}\.?$/;

const spanOf = (toks: Tok[]): Span => ({ start: toks[0].start, end: toks[toks.length - 1].end });
const written = (text: string, toks: Tok[]): string => text.slice(toks[0].start, toks[toks.length - 1].end);
/** Fold a nationality or place to a comparable stem ("Ruritanian" and "Ruritania"). */
const stem = (w: string): string => w.toLowerCase().slice(0, 6);

export class Resolver {
  private readonly capitalised: CapitalisedNames;
  private readonly order: MentionOrder;
  private readonly paragraphStarts: number[];

  constructor(
    private readonly text: string,
    private readonly paragraphs: Span[],
    private readonly cast: Cast,
    private readonly salience: Salience,
  ) {
    this.capitalised = new CapitalisedNames(text);
    this.order = new MentionOrder(cast.mentions);
    this.paragraphStarts = paragraphs.map((p) => p.start);
  }

  /** The referent of a phrase at a point of the article; null when it names nobody. */
  resolve(np: NounPhrase, at: number, paragraph: number, register: boolean): Resolved | null {
    if (np.toks.length === 0) return null;
    if (np.pronoun) return this.pronoun(np.toks[0], at, paragraph);
    if (np.descriptor) return this.role(np, at, paragraph);
    if (np.org && np.toks.every((t) => t.text === t.lower)) return this.organisation(np, at, paragraph);
    return this.name(np.toks, register && !np.weak);
  }

  private asResolved(ref: Referent, span?: Span, chain: string[] = []): Resolved {
    return { ref, name: ref.name, span, chain: chain.length > 0 ? [...chain, ref.name] : [] };
  }

  /** The entity naming a phrase: the one on its head word, else a person inside it. */
  private entityIn(s: Span, headStart: number): EntityMention | undefined {
    let person: EntityMention | undefined;
    const mentions = this.cast.mentions;
    for (let i = this.order.firstEndingAfter(s.start); i < mentions.length; i++) {
      const e = mentions[i];
      if (e.span.start >= s.end) break;
      if (e.span.end <= s.start) continue;
      if (e.span.start <= headStart && e.span.end >= s.end) return e;
      if (e.type === 'PERSON') person = e;
    }
    return person;
  }

  /** The person named in apposition right after a phrase ("the Energy Commissioner, Dr Ana Ruiz, said"). */
  private appositive(s: Span): EntityMention | undefined {
    const mentions = this.cast.mentions;
    for (let i = this.order.firstStartingAt(s.end); i < mentions.length; i++) {
      const e = mentions[i];
      if (e.span.start > s.end + 60) break;
      if (e.type !== 'PERSON') return undefined;
      const between = this.text.slice(s.end, e.span.start);
      const words = between
        .replace(/^\s*,\s*/, '')
        .split(/\s+/)
        .filter(Boolean);
      const comma = /^\s*,\s*/.test(between);
      if (comma && words.every((w) => TITLES.has(w.replace(/\.$/, '').toLowerCase()))) return e;
      return undefined;
    }
    return undefined;
  }

  /** A name phrase: its entity's referent, a first name or surname used alone, else the name as read. */
  name(toks: Tok[], register: boolean): Resolved | null {
    const words = toks.filter((t) => !DETERMINERS.has(t.lower));
    if (words.length === 0) return null;
    // Site furniture ("READ MORE", "WATCH") and party labels ("D-Calif.") sit where a name would.
    if (words.every((t) => FURNITURE.has(t.lower) && t.text === t.text.toUpperCase())) return null;
    if (words.every((t) => PARTY_LABEL.test(t.text))) return null;
    const s = spanOf(toks);
    const e = this.entityIn(s, toks[toks.length - 1].start);
    const single = words.length === 1;
    if (single) {
      const kin = e?.type === 'PERSON' ? null : this.kinName(words[0]);
      if (kin) return kin;
      // A first name or surname alone is the full name given before, even one read from a phrase.
      const known = e && this.cast.atMention(e.span.start);
      const r = !known || known.words.size < 2 ? this.cast.byWord(words[0].text, s.start + 1) : undefined;
      if (r) return this.asResolved(r, s);
    }
    const found = (m: EntityMention): Resolved | null => {
      const r = this.cast.atMention(m.span.start);
      return r ? this.asResolved(r, m.span) : null;
    };
    if (e?.type === 'PERSON') return found(e);
    const apposed = this.appositive(s);
    if (apposed) return found(apposed);
    if (e) return found(e);
    if (!register) return null;
    const name = single
      ? expandShortName(this.text, words[0], this.cast.blocked)
      : nameFromPhrase(this.text, toks);
    const type: RefType = words.some((t) => ORG_NOUNS.has(t.lower)) ? 'ORG' : 'UNKNOWN';
    const roles = words.filter((t) => TITLES.has(t.lower) || ROLE_NOUNS.has(t.lower)).map((t) => t.lower);
    const r = this.cast.named(name, type, s, roles);
    return { ref: r, name: r.name, span: s, chain: [] };
  }

  /** "Doe's sister, Maria": the given name takes the family name of the relative it is apposed to. */
  private kinName(given: Tok): Resolved | null {
    const kin = this.cast.kinName(given.text, given.start);
    if (!kin) return null;
    const span = spanOf([given]);
    const r = this.cast.byWord(given.text) ?? this.cast.named(kin.name, 'PERSON', span, [kin.kin]);
    return { ref: r, name: r.name, span, chain: [] };
  }

  /** A pronoun: the most salient fitting referent, else the nearest fitting mention of its paragraph. */
  private pronoun(t: Tok, at: number, paragraph: number): Resolved | null {
    const p = t.lower;
    // "…," he said: the salient subject of the sentences before, not the subject of the quote's own;
    // "the minister said he was “…”": whoever the sentence named before the pronoun.
    const before = t.start < at ? t.start : sentenceStart(this.text, this.paragraphs[paragraph].start, at);
    const f = this.salience.latest(before, paragraph - 2, (x) => fitsPronoun(p, x.ref));
    let ref = f?.ref;
    if (!ref) {
      const floor = this.paragraphs[Math.max(0, paragraph - 1)].start;
      const mentions = this.cast.mentions;
      for (let i = this.order.firstStartingAt(floor); i < mentions.length; i++) {
        const e = mentions[i];
        if (e.span.start >= before) break;
        const r = this.cast.atMention(e.span.start);
        if (e.span.start >= floor && r && fitsPronoun(p, r)) ref = r;
      }
    }
    if (!ref) return null;
    // "she said" tells how later pronouns may refer to the same person.
    if ((p === 'he' || p === 'she') && ref.gender === '' && fitsGender(p, ref.gender)) ref.gender = p;
    const roles = (f?.chain.slice(0, -1) ?? []).filter((c) => !PRONOUNS.has(c.toLowerCase()));
    const chain = [t.text, ...roles];
    return this.asResolved(ref, { start: t.start, end: t.end }, chain);
  }

  /** A role: the person the article gives it, the most salient first; else the description itself. */
  private role(np: NounPhrase, at: number, paragraph: number): Resolved | null {
    const toks = np.toks.filter((t) => !DETERMINERS.has(t.lower));
    const head = toks[toks.length - 1].lower;
    const family = ROLE_FAMILIES[head] ?? [head];
    const mods = toks.slice(0, -1).map((t) => stem(t.text));
    const phrase = `${np.det ? `${np.det} ` : ''}${written(this.text, np.toks)}`;
    let best: Referent | undefined;
    let bestScore = -Infinity;
    // "one EU official", "activists": an unnamed source or a group is nobody the article named.
    const indefinite = (np.det !== undefined && INDEFINITE.has(np.det)) || /[^s]s$/.test(head);
    for (const r of indefinite ? [] : this.cast.referents) {
      if (r.type !== 'PERSON' && r.type !== 'UNKNOWN') continue;
      const known = [...r.roles, ...r.words].map(stem);
      const matched = mods.filter((m) => known.includes(m)).length;
      // The role itself, or most of its description ("the UN human rights chief" for the High Commissioner).
      if (!family.some((w) => r.roles.has(w)) && matched < Math.max(2, mods.length - 1)) continue;
      // Modifiers the person's roles contradict ("the Dutch minister" for a Qatari one) rule it out.
      if (mods.length > 0 && matched === 0 && mods.some((m) => /^\p{Lu}/u.test(m))) continue;
      const last = this.salience.lastOf(r, at);
      const first = r.mentions[0] ?? Infinity;
      const nearest = r.mentions.filter((m) => m < at).pop() ?? -1;
      // Salient before, then mentioned before, then named after (the role may come first).
      const recency =
        last >= 0 ? 2 + last / 1e9 : nearest >= 0 ? 1 + nearest / 1e9 : first < Infinity ? 0 : -1;
      const score = matched * 10 + recency;
      if (score > bestScore) {
        bestScore = score;
        best = r;
      }
    }
    if (best) return this.asResolved(best, spanOf(np.toks), [phrase]);
    // "a spokesman for the United Nations" speaks for the organisation.
    const org = this.organisationAfter(np.toks[np.toks.length - 1].end);
    if (org) return this.asResolved(org, spanOf(np.toks), [phrase]);
    // An unnamed source ("one EU official") names nobody.
    if (indefinite) return null;
    // "Hollin's manager, Greta Vance, watched. … the former striker said": an epithet for the person the
    // article is talking about (this paragraph or the one before).
    const here = this.salience.latest(at, paragraph - 1, (f) => f.ref.type === 'PERSON');
    if (here) return this.asResolved(here.ref, spanOf(np.toks), [phrase]);
    // "the UN refugee chief" is kept as written.
    return { ref: null, name: nameFromPhrase(this.text, np.toks), span: spanOf(np.toks), chain: [] };
  }

  /** Whether `at` lies in a short line with no sentence end (a masthead, a menu, a byline). */
  private inFurniture(at: number): boolean {
    // Paragraphs are in text order: the last one starting at or before `at` is the only candidate.
    const p = this.paragraphs[firstAbove(this.paragraphStarts, at) - 1];
    return p !== undefined && at < p.end && isFurnitureLine(this.text, p);
  }

  /** The organisation right after a role ("… for the United Nations", "… at Eko Re"). */
  private organisationAfter(end: number): Referent | undefined {
    const m = /^\s+(?:for|of|at|from)\s+(?:the\s+)?/.exec(this.text.slice(end, end + 12));
    if (!m) return undefined;
    const e = this.cast.mentions[this.order.firstStartingAt(end + m[0].length)];
    if (e?.span.start !== end + m[0].length) return undefined;
    return e.type === 'ORG' ? this.cast.atMention(e.span.start) : undefined;
  }

  /** "the ministry", "the report": the organisation the article names for it, else the phrase. */
  private organisation(np: NounPhrase, at: number, paragraph: number): Resolved | null {
    const head = np.toks[np.toks.length - 1].lower;
    const phrase = `${np.det ? `${np.det} ` : ''}${written(this.text, np.toks)}`;
    // "the museum's own report": the report speaks for the museum.
    const owners = np.toks
      .slice(0, -1)
      .filter((t) => t.lower.endsWith("'s"))
      .map((t) => t.lower.slice(0, -2))
      .filter((w) => ORG_NOUNS.has(w));
    const keys = owners.length > 0 ? owners : [head];
    const floor = this.paragraphs[Math.max(0, paragraph - 2)].start;
    const mentions = this.cast.mentions;
    const end = this.order.firstStartingAt(at);
    const named = this.order.lastOrganisationWith(keys, end);
    let latest: EntityMention | undefined;
    for (let i = end - 1; i >= 0 && !latest; i--) {
      const e = mentions[i];
      if (e.type !== 'ORG') continue;
      // Once one is far, every earlier one is farther.
      if (e.span.start < floor && at - e.span.start >= 1500) break;
      // Mastheads and bylines name the outlet, not whoever is speaking.
      if (!this.inFurniture(e.span.start)) latest = e;
    }
    const generic = DOCUMENT_NOUNS.has(head) || GENERIC_ORG.has(head);
    const pick = named ?? (generic && owners.length === 0 ? latest : undefined);
    const r = pick && this.cast.atMention(pick.span.start);
    if (r) return this.asResolved(r, spanOf(np.toks), [phrase]);
    // A name the entity layer missed ("the museum" for "the Tessaly Museum of World Cultures").
    const name = this.capitalised.lastBefore(keys[keys.length - 1], at);
    if (name) return this.asResolved(this.cast.named(name, 'ORG', undefined, []), spanOf(np.toks), [phrase]);
    return { ref: null, name: np.toks.map((t) => t.text).join(' '), span: spanOf(np.toks), chain: [] };
  }
}
