// Who said a quotation: attribution patterns around the marks (`X said`, `said X`, `X told reporters`,
// `according to X`, `X: "…"`), then names through the entity mentions (canonical names), pronouns and
// descriptions ("the UN rights chief") through the other speakers of the article, quotes sharing a paragraph.
import type { MarkedQuote } from './quoteMarks';
import { SentenceEnds } from './sentenceEnds';
import { SortedMentions } from './sortedMentions';
import type { EntityMention, Span, Speaker } from './types';

/** How a quote was attributed, which also tells a scare quote from a short citation. */
export interface Attribution {
  speaker: Speaker | null;
  /** An attribution directly follows the closing mark (`," she said`). */
  after: boolean;
  /** A reporting verb precedes the quote in its sentence (`she said it was "horrible"`). */
  before: boolean;
}

interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const VERBS = new Set(
  (
    'said says told tells added adds wrote writes posted tweeted stated states declared explained explains noted ' +
    'notes insisted insists argued argues warned warns asked asks replied responded answered continued remarked ' +
    'stressed emphasised emphasized acknowledged admitted announced confirmed recalled suggested urged called ' +
    'described predicted concluded observed commented agreed mentioned quipped joked conceded contended asserted ' +
    'claimed claims cautioned recounted reiterated maintained lamented complained boasted ' +
    'shouted testified wondered began saying telling adding writing'
  ).split(' '),
);
/** Verbs after which a name is the listener, not the speaker (`told AFP`). */
const LISTENER_VERBS = new Set(['told', 'tells', 'asked', 'asks', 'telling', 'urged', 'called']);
const PARTICIPLES = new Set(['saying', 'telling', 'adding', 'writing']);
const SKIPPED_BEFORE_VERB = new Set(
  'also has have had would will further again earlier later then previously recently once reportedly has later simply only just repeatedly'.split(
    ' ',
  ),
);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const RELATIVES = new Set(['which', 'who']);
/** Capitalised words that start sentences or clauses but are not names. */
const CAPITAL_STOPWORDS = new Set(
  (
    'the a an but and or however in on at for with after before as when while meanwhile also this that these those ' +
    'it he she they we i asked according speaking earlier later still yet so then now last next his her their its our ' +
    'monday tuesday wednesday thursday friday saturday sunday if though although despite since during from to by ' +
    'there here what why how where one two'
  ).split(' '),
);
const TITLES = new Set(
  (
    'mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady president vice prime minister premier chancellor ' +
    'king queen prince princess pope sen. senator rep. representative gov gov. governor mayor secretary ' +
    'general gen gen. brig brig. lt lt. col col. maj maj. capt capt. sgt sgt. adm adm. cmdr cmdr. gen. admiral ' +
    'colonel major captain sergeant lieutenant commander judge justice chief ambassador envoy spokesperson ' +
    'spokesman spokeswoman commissioner director chairman chairwoman chair ceo head deputy foreign defence defense ' +
    'finance interior economy trade high supreme acting former opposition leader rector dean bishop archbishop ' +
    'rabbi imam father coach inspector superintendent detective constable sheriff marshal doctor professor sheikh ' +
    'emir hon hon. rev rev. reverend'
  ).split(' '),
);
/** Lowercase nouns that head a description of a person. */
const ROLE_NOUNS = new Set(
  (
    'chief spokesperson spokesman spokeswoman minister president official officials head director leader expert ' +
    'analyst analysts professor researcher commissioner ambassador envoy secretary chairman chairwoman ceo founder ' +
    'adviser advisor aide lawyer attorney prosecutor judge economist scientist diplomat source sources witness ' +
    'resident residents activist activists lawmaker lawmakers senator governor mayor general commander officer ' +
    'representative negotiator strategist author'
  ).split(' '),
);
/** Lowercase nouns that head the name of an organisation speaking as one. */
const ORG_NOUNS = new Set(
  (
    'military army government ministry police office agency company firm council committee court department ' +
    'embassy party union administration authorities authority regulator bank commission cabinet presidency ' +
    'navy forces group board team campaign statement'
  ).split(' '),
);
/** Capitalised words that belong to the name of an office, not of the person holding it. */
const OFFICE_WORDS = new Set(
  (
    'rights affairs office ministry council commission department agency bank nations union committee court ' +
    'security foreign defence defense state states human national international united'
  ).split(' '),
);
const CONNECTORS = new Set([
  'of',
  'for',
  'the',
  'de',
  'del',
  'al',
  'bin',
  'van',
  'von',
  'la',
  'le',
  'du',
  'da',
  'di',
]);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);
/** Initials and dotted abbreviations ("J.", "U.S."); titles ("Gen.") are in TITLES. */
const ABBREVIATION = /^(?:[A-Z]\.|(?:[A-Za-z]\.){2,}|(?:Jr|Sr|St|No|Mt|Ft)\.)$/;

const isCap = (t: Tok): boolean => /^\p{Lu}/u.test(t.text) && !CAPITAL_STOPWORDS.has(t.lower);
const isNameish = (t: Tok): boolean =>
  isCap(t) || TITLES.has(t.lower) || ROLE_NOUNS.has(t.lower) || ORG_NOUNS.has(t.lower);

/** Word tokens of `[lo, hi)`; a trailing period stays only on abbreviations ("Gen.", "U.S."). */
function tokenize(text: string, lo: number, hi: number): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*\.?/gu;
  // Matched on the slice, never on the rest of the text: one character past `hi` is enough for a word that
  // runs past it to be cut where the whole text would cut it.
  const region = text.slice(lo, Math.min(text.length, hi + 1));
  let m: RegExpExecArray | null;
  while ((m = re.exec(region)) !== null && lo + m.index < hi) {
    const index = lo + m.index;
    let word = m[0];
    if (index + word.length > hi) word = word.slice(0, hi - index);
    if (word.endsWith('.') && !ABBREVIATION.test(word) && !TITLES.has(word.toLowerCase()))
      word = word.slice(0, -1);
    if (word.length === 0) continue;
    out.push({
      text: word,
      lower: word.toLowerCase().replace(/’/g, "'"),
      start: index,
      end: index + word.length,
    });
  }
  return out;
}

const gapOf = (text: string, a: Tok, b: Tok): string => text.slice(a.end, b.start);
const plainGap = (g: string): boolean => /^[\s]*$/.test(g) || /^\s*[-–]\s*$/.test(g);

/** Start of the sentence containing `at`, not before `lo`: after the last `. ` that ends a sentence. */
function sentenceStart(text: string, lo: number, at: number): number {
  if (sentenceEnds?.text !== text) sentenceEnds = new SentenceEnds(text, isAbbreviation);
  return sentenceEnds.startOf(lo, at);
}

const isAbbreviation = (word: string): boolean => ABBREVIATION.test(word) || TITLES.has(word.toLowerCase());

/**
 * The word tokens of `[lo, hi)`, read backward from `hi` in chunks of doubling size as far as asked. Chunks
 * are cut at whitespace, which no token crosses, so together they are exactly `tokenize(text, lo, hi)`.
 */
class TokensBefore {
  /** Tokens of `[covered, hi)`, in text order. */
  toks: Tok[] = [];
  covered: number;
  private size = 256;

  constructor(
    private readonly text: string,
    private readonly lo: number,
    hi: number,
  ) {
    this.covered = hi;
  }

  /** Reads the previous chunk; false when the whole range is read. */
  more(): boolean {
    if (this.covered <= this.lo) return false;
    let start = Math.max(this.lo, this.covered - this.size);
    while (start > this.lo && !/\s/.test(this.text[start])) start--;
    this.size *= 2;
    this.toks = tokenize(this.text, start, this.covered).concat(this.toks);
    this.covered = start;
    return true;
  }
}

/** End of the sentence containing `at`, not after `hi`. */
function sentenceEnd(text: string, at: number, hi: number): number {
  const region = text.slice(at, hi);
  const re = /[.?!]["”’']?(?=\s+["“‘'(]?[\p{Lu}\d]|\s*$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(region)) !== null) {
    const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, at + m.index - 12), at + m.index + 1))?.[0] ?? '';
    if (ABBREVIATION.test(word) || TITLES.has(word.toLowerCase())) continue;
    return at + m.index + m[0].length;
  }
  return hi;
}

interface NounPhrase {
  toks: Tok[];
  pronoun: boolean;
  /** Headed by a role ("the UN human rights chief") with no name after it. */
  descriptor: boolean;
}

/** The noun phrase ending at `toks[j]`, read leftwards. */
function phraseLeft(text: string, toks: Tok[], j: number): NounPhrase | null {
  const last = toks[j];
  if (!last) return null;
  if (PRONOUNS.has(last.lower)) return { toks: [last], pronoun: true, descriptor: false };
  if (!isNameish(last)) return null;
  let i = j;
  while (i > 0 && j - i < 9) {
    const prev = toks[i - 1];
    if (!plainGap(gapOf(text, prev, toks[i]))) break;
    if (isNameish(prev)) i--;
    else if (
      CONNECTORS.has(prev.lower) &&
      !DETERMINERS.has(prev.lower) &&
      i - 2 >= 0 &&
      isCap(toks[i - 2]) &&
      isCap(toks[i])
    )
      i--;
    else break;
  }
  let phrase = toks.slice(i, j + 1);
  const descriptor = ROLE_NOUNS.has(last.lower) && last.text === last.lower;
  if (descriptor) {
    // Extend over the words describing the role, up to a determiner: "the UN human rights chief".
    let k = i;
    while (k > 0 && j - k < 7) {
      const prev = toks[k - 1];
      if (!plainGap(gapOf(text, prev, toks[k])) || DETERMINERS.has(prev.lower) || VERBS.has(prev.lower))
        break;
      k--;
    }
    phrase = toks.slice(k, j + 1);
  }
  while (phrase.length > 1 && (CONNECTORS.has(phrase[0].lower) || DETERMINERS.has(phrase[0].lower)))
    phrase.shift();
  return { toks: phrase, pronoun: false, descriptor };
}

/** The noun phrase starting at `toks[j]`, read rightwards. */
function phraseRight(text: string, toks: Tok[], j: number): NounPhrase | null {
  let i = j;
  while (toks[i] && DETERMINERS.has(toks[i].lower)) i++;
  const first = toks[i];
  if (!first) return null;
  if (PRONOUNS.has(first.lower)) return { toks: [first], pronoun: true, descriptor: false };
  if (!isNameish(first)) {
    // A described speaker: "the regional health agency", "a senior defence official".
    for (let h = i; h < toks.length && h - i < 4; h++) {
      if (h > i && !plainGap(gapOf(text, toks[h - 1], toks[h]))) return null;
      if (ROLE_NOUNS.has(toks[h].lower) || ORG_NOUNS.has(toks[h].lower)) {
        return { toks: toks.slice(i, h + 1), pronoun: false, descriptor: ROLE_NOUNS.has(toks[h].lower) };
      }
    }
    return null;
  }
  let k = i;
  while (k + 1 < toks.length && k - i < 9) {
    const next = toks[k + 1];
    if (!plainGap(gapOf(text, toks[k], next))) break;
    if (isNameish(next)) k++;
    else if (CONNECTORS.has(next.lower) && !DETERMINERS.has(next.lower) && toks[k + 2] && isCap(toks[k + 2]))
      k++;
    else break;
  }
  const phrase = toks.slice(i, k + 1);
  while (phrase.length > 1 && CONNECTORS.has(phrase[phrase.length - 1].lower)) phrase.pop();
  const last = phrase[phrase.length - 1];
  return { toks: phrase, pronoun: false, descriptor: ROLE_NOUNS.has(last.lower) && last.text === last.lower };
}

/** The subject of the sentence starting at `toks[0]`, for coordinated verbs ("Lee arrived and said"). */
function sentenceSubject(text: string, toks: Tok[]): NounPhrase | null {
  let i = 0;
  while (
    toks[i] &&
    (DETERMINERS.has(toks[i].lower) || (CAPITAL_STOPWORDS.has(toks[i].lower) && !PRONOUNS.has(toks[i].lower)))
  )
    i++;
  return phraseRight(text, toks, i);
}

/** The speaker phrase for a reporting verb at `toks[v]`, read from the words before it. */
function subjectBeforeVerb(text: string, toks: Tok[], v: number): NounPhrase | null {
  let j = v - 1;
  while (j >= 0 && SKIPPED_BEFORE_VERB.has(toks[j].lower) && plainGap(gapOf(text, toks[j], toks[j + 1]))) j--;
  if (j < 0) return null;
  const w = toks[j];
  const gap = gapOf(text, w, toks[j + 1]);
  if (PARTICIPLES.has(toks[v].lower)) return sentenceSubject(text, toks);
  if (w.lower === 'and' || w.lower === 'but') return sentenceSubject(text, toks);
  if (RELATIVES.has(w.lower)) {
    if (j > 0 && /,/.test(gapOf(text, toks[j - 1], w))) return phraseLeft(text, toks, j - 1);
    return j > 0 ? phraseLeft(text, toks, j - 1) : null;
  }
  if (/,/.test(gap)) {
    // An aside between the speaker and the verb: "Woo, head of the office, told reporters".
    for (let k = j - 1; k >= 0 && j - k < 16; k--) {
      if (/,/.test(gapOf(text, toks[k], toks[k + 1]))) {
        const np = phraseLeft(text, toks, k);
        if (np) return np;
        break;
      }
    }
    return phraseLeft(text, toks, j);
  }
  return phraseLeft(text, toks, j);
}

interface Found {
  np: NounPhrase;
  /** The attribution phrase as written. */
  attribution: Span;
}

/** An attribution whose speaker cannot be read ("the 45-year-old said"): it still belongs to this quote. */
function unresolved(first: Tok, verb: Tok): Found {
  return {
    np: { toks: [], pronoun: false, descriptor: false },
    attribution: { start: first.start, end: verb.end },
  };
}

/** `," Lee said`, `," said Takaichi`, `," according to the ministry` right after the closing mark. */
function attributionAfter(text: string, q: MarkedQuote, hi: number): Found | null {
  // An unclosed quote ends where its closing mark most likely belongs, before any attribution.
  const close = q.closeEnd >= 0 ? q.closeEnd : q.span.end;
  const lead = /^[\s,—–-]*/.exec(text.slice(close, hi))?.[0] ?? '';
  const from = close + lead.length;
  const end = sentenceEnd(text, from, Math.min(hi, from + 200));
  const toks = tokenize(text, from, end);
  if (toks.length === 0) return null;
  if (toks[0].lower === 'according' && toks[1]?.lower === 'to') {
    const np = phraseRight(text, toks, 2);
    return np ? { np, attribution: { start: toks[0].start, end: np.toks[np.toks.length - 1].end } } : null;
  }
  let v = 0;
  if (toks[0].lower === 'also') v = 1;
  if (toks[v] && VERBS.has(toks[v].lower) && !LISTENER_VERBS.has(toks[v].lower)) {
    const np = phraseRight(text, toks, v + 1);
    if (np) return { np, attribution: { start: toks[0].start, end: np.toks[np.toks.length - 1].end } };
    return unresolved(toks[0], toks[v]);
  }
  // `," engineer Priya Nair told the council`: plain words up to the verb, no clause break between.
  // `," Smith, 45, said`: a name may carry an aside between commas before its verb.
  // "the Commissioner for Transport, Dr Ana Ruiz, told": a determiner may open the named phrase.
  let head = 0;
  while (head < toks.length - 1 && DETERMINERS.has(toks[head].lower)) head++;
  const named = isCap(toks[head]) || PRONOUNS.has(toks[head].lower);
  let commas = 0;
  for (let i = 0; i < Math.min(toks.length, 12); i++) {
    const t = toks[i];
    if (i > 0 && !plainGap(gapOf(text, toks[i - 1], t))) {
      if (!named || !/^\s*,\s*$/.test(gapOf(text, toks[i - 1], t)) || ++commas > 2) return null;
    }
    if (VERBS.has(t.lower) && i > 0) {
      const np = subjectBeforeVerb(text, toks.slice(0, i + 1), i);
      if (!np) return commas === 0 && i <= 4 ? unresolved(toks[0], t) : null;
      if (commas > 0 && np.toks[0] !== toks[head]) return null;
      return { np, attribution: { start: np.toks[0].start, end: t.end } };
    }
  }
  return null;
}

/** `Lee said "…"`, `Woo told reporters that … "…"`, `according to X, "…"`, `X: "…"` before the opening mark. */
function attributionBefore(text: string, q: MarkedQuote, lo: number): Found | null {
  const open = q.openAt >= 0 ? q.openAt : q.contentSpan.start;
  const start = sentenceStart(text, lo, open);
  const toks = tokenize(text, start, open);
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i];
    if (t.lower === 'according' && toks[i + 1]?.lower === 'to') {
      const np = phraseRight(text, toks, i + 2);
      if (np) return { np, attribution: { start: t.start, end: np.toks[np.toks.length - 1].end } };
    }
    if (!VERBS.has(t.lower)) continue;
    const np = subjectBeforeVerb(text, toks, i);
    if (np) return { np, attribution: { start: np.toks[0].start, end: t.end } };
    if (!LISTENER_VERBS.has(t.lower)) {
      const right = phraseRight(text, toks, i + 1);
      if (right && /^\s*[:,]\s*$/.test(text.slice(right.toks[right.toks.length - 1].end, open)))
        return { np: right, attribution: { start: t.start, end: right.toks[right.toks.length - 1].end } };
    }
    return {
      np: { toks: [], pronoun: false, descriptor: false },
      attribution: { start: t.start, end: t.end },
    };
  }
  // `Lee: "…"`
  const tail = /:\s*$/.exec(text.slice(start, open));
  if (tail && toks.length > 0) {
    const np = phraseLeft(text, toks, toks.length - 1);
    if (np) return { np, attribution: { start: np.toks[0].start, end: start + tail.index + 1 } };
  }
  return null;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);

interface Named {
  speaker: Speaker;
  /** The whole attribution noun phrase, lowercased words: matched against descriptions. */
  words: string[];
}

/** The first paragraph that `pos` is inside or at an end of. */
function paragraphAt(paragraphs: readonly Span[], pos: number): Span | undefined {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].end < pos) lo = mid + 1;
    else hi = mid;
  }
  const p = paragraphs[lo];
  return p && p.start <= pos ? p : undefined;
}

/** Finds speakers for the quotes (in document order). `speech[i]` false skips quote i. */
export function attributeQuotes(
  text: string,
  paragraphs: Span[],
  quotes: readonly MarkedQuote[],
  entities: readonly EntityMention[],
): Attribution[] {
  startLookups();
  const sorted = new SortedMentions(entities.filter((e) => SPEAKER_TYPES.has(e.type)));
  const people = sorted.list;
  // The entity naming a phrase: the one on its head word, else a person inside it ("Israeli military" is not
  // the NORP "Israeli"; "UN High Commissioner … Volker Turk" is the PERSON, not the ORG "UN").
  const entityIn = (s: Span, headStart: number): EntityMention | undefined => {
    let person: EntityMention | undefined;
    for (let k = sorted.overlapFrom(s); k < people.length; k++) {
      const e = people[k];
      if (e.span.start >= s.end) break;
      if (e.span.end <= s.start) continue;
      if (e.span.start <= headStart && e.span.end >= s.end) return e;
      if (e.type === 'PERSON') person = e;
    }
    return person;
  };

  /** The person named in apposition right after a phrase ("the Energy Commissioner, Dr Ana Ruiz, said"). */
  const appositive = (s: Span): EntityMention | undefined => {
    for (let k = sorted.firstFrom(s.end); k < people.length; k++) {
      const e = people[k];
      if (e.span.start > s.end + 60) break;
      if (e.type !== 'PERSON') return undefined;
      const between = text.slice(s.end, e.span.start);
      const words = between
        .replace(/^\s*,\s*/, '')
        .split(/\s+/)
        .filter(Boolean);
      const comma = /^\s*,\s*/.test(between);
      if (comma && words.every((w) => TITLES.has(w.replace(/\.$/, '').toLowerCase()))) return e;
      return undefined;
    }
    return undefined;
  };

  /** The speaker a name phrase stands for: its entity's canonical name, else the name read from the phrase. */
  const speakerOf = (toks: Tok[]): Speaker => {
    const s = { start: toks[0].start, end: toks[toks.length - 1].end };
    const e = entityIn(s, toks[toks.length - 1].start);
    if (e?.type === 'PERSON') return { name: e.canonical, span: e.span };
    const apposed = appositive(s);
    if (apposed) return { name: apposed.canonical, span: apposed.span };
    if (e) return { name: e.canonical, span: e.span };
    // "the company", "the ministry": the organisation named last before, when the entity layer knows one.
    if (toks.every((t) => t.text === t.lower) && ORG_NOUNS.has(toks[toks.length - 1].lower)) {
      const org = sorted.lastIn(s.start - 1499, s.start, (m) => m.type === 'ORG');
      if (org) return { name: org.canonical, span: s };
    }
    return { name: nameFromPhrase(text, toks), span: s };
  };

  const found: (Found | null)[] = [];
  /** The quote has an attribution of its own, even if its speaker could not be read. */
  const attributed: boolean[] = [];
  const out: Attribution[] = quotes.map((q, i) => {
    const para = paragraphs[q.paragraph];
    const lastPara = paragraphAt(paragraphs, q.span.end) ?? para;
    const prev = quotes[i - 1];
    const next = quotes[i + 1];
    const lo = Math.max(para.start, prev && prev.paragraph === q.paragraph ? prev.span.end : para.start);
    const hi = Math.min(lastPara.end, next && next.span.start > q.span.end ? next.span.start : lastPara.end);
    let after = attributionAfter(text, q, hi);
    const before = after && after.np.toks.length > 0 ? null : attributionBefore(text, q, lo);
    // An unreadable attribution after the quote yields to a readable one before it.
    if (after && before && before.np.toks.length > 0) after = null;
    const f = after ?? before;
    found.push(f && f.np.toks.length > 0 ? f : null);
    attributed.push(f !== null);
    return { speaker: null, after: after !== null, before: !after && before !== null };
  });

  const named: (Named | null)[] = quotes.map(() => null);
  const genders = new Map<string, string>();
  // First pass: speakers named in the attribution itself.
  quotes.forEach((_, i) => {
    const f = found[i];
    if (!f || f.np.pronoun || f.np.descriptor) return;
    const attribution = text.slice(f.attribution.start, f.attribution.end);
    const words = f.np.toks.map((t) => t.lower);
    named[i] = { speaker: { ...speakerOf(f.np.toks), attribution }, words };
  });

  // Second pass: pronouns and descriptions, then quotes with no attribution of their own.
  quotes.forEach((q, i) => {
    const f = found[i];
    if (named[i] || !f) return;
    const attribution = text.slice(f.attribution.start, f.attribution.end);
    if (f.np.pronoun) {
      const pronoun = f.np.toks[0].lower;
      const at = f.np.toks[0].start;
      const r = resolvePronoun(text, genders, quotes, named, sorted, paragraphs, i, pronoun, at, speakerOf);
      // "she said" resolved to a name tells how later pronouns may refer to it.
      if (r && (pronoun === 'he' || pronoun === 'she') && !genders.has(r.name)) genders.set(r.name, pronoun);
      if (r)
        named[i] = {
          speaker: {
            ...r,
            span: f.np.toks[0] && { start: f.np.toks[0].start, end: f.np.toks[0].end },
            attribution,
          },
          words: [],
        };
    } else if (f.np.descriptor) {
      const r = resolveDescription(text, named, f.np.toks, i, quotes[i].span.start, speakerOf);
      const s = { start: f.np.toks[0].start, end: f.np.toks[f.np.toks.length - 1].end };
      named[i] = {
        speaker: { name: r?.name ?? f.np.toks.map((t) => t.text).join(' '), span: s, attribution },
        words: f.np.toks.map((t) => t.lower),
      };
    }
    void q;
  });
  quotes.forEach((q, i) => {
    if (named[i] || attributed[i]) return;
    // A quote sharing a paragraph with an attributed one ("…," Woo said. "…").
    for (const j of [i - 1, i + 1, i - 2, i + 2]) {
      const o = quotes[j];
      const n = named[j];
      if (o && o.paragraph === q.paragraph && n && found[j]) {
        named[i] = { speaker: n.speaker, words: [] };
        return;
      }
    }
    // A paragraph opening with a quote and no attribution continues the previous paragraph's speaker.
    if (q.openAt === paragraphs[q.paragraph].start) {
      for (let j = i - 1; j >= 0; j--) {
        const o = quotes[j];
        if (o.paragraph === q.paragraph) continue;
        if (o.paragraph < q.paragraph - 1) break;
        const n = named[j];
        if (n) {
          named[i] = { speaker: n.speaker, words: [] };
          return;
        }
      }
    }
    // A quote opening its sentence right after indirect speech ("Lee said ties were good. "We will …"").
    const para = paragraphs[q.paragraph];
    // Only the end of the lead matters: read back over whitespace, not from the paragraph start.
    let leadEnd = q.span.start;
    while (leadEnd > para.start && /\s/.test(text[leadEnd - 1])) leadEnd--;
    const lead = text.slice(Math.max(para.start, leadEnd - 2), leadEnd);
    if (leadEnd <= para.start || /[.?!]["”’']?$/.test(lead)) {
      const floor = Math.max(paragraphs[Math.max(0, q.paragraph - 1)].start, q.span.start - LOOKBACK);
      const latest = latestReportingSubject(text, floor, q.span.start, speakerOf);
      if (latest) named[i] = { speaker: latest, words: [] };
    }
  });
  return out.map((a, i) => ({ ...a, speaker: named[i]?.speaker ?? null }));
}

/** A display name from a phrase without an entity: titles and office words dropped. */
function nameFromPhrase(text: string, toks: Tok[]): string {
  const words = toks.filter((t) => !DETERMINERS.has(t.lower));
  // No title or role in it: the phrase is the name ("Gray Strait Fishermen's Association", "Israeli military").
  if (!words.some((t) => TITLES.has(t.lower) || ROLE_NOUNS.has(t.lower))) {
    return words.length === 1 ? expandShortName(text, words[0]) : words.map((t) => t.text).join(' ');
  }
  let k = words.length;
  while (k > 0) {
    const t = words[k - 1];
    if (!isCap(t) || TITLES.has(t.lower) || OFFICE_WORDS.has(t.lower)) break;
    k--;
  }
  const tail = words.slice(k);
  if (tail.length === 0) return words.map((t) => t.text).join(' ');
  if (tail.length === 1) return expandShortName(text, tail[0]);
  return tail.map((t) => t.text).join(' ');
}

/**
 * Lookups that scan the whole article (fuller names, pronoun evidence, titled names) are memoised for one
 * attribution run, so a long article with many quotes stays linear. Distinct names can be as many as the
 * words of a degenerate text, so only the first `MAX_WHOLE_TEXT_SCANS` of them are looked up; the rest get
 * the answer of an article that says nothing more about them.
 */
const MAX_WHOLE_TEXT_SCANS = 64;
const memo = new Map<string, string>();
const titledMemo = new Map<string, Titled[]>();
let sentenceEnds: SentenceEnds | undefined;
let scans = 0;

/** Starts the lookups of one attribution run: its results never depend on an earlier run's. */
function startLookups(): void {
  memo.clear();
  titledMemo.clear();
  sentenceEnds = undefined;
  scans = 0;
}

function memoised(key: string, compute: () => string, unknown: string): string {
  let v = memo.get(key);
  if (v === undefined) {
    if (scans >= MAX_WHOLE_TEXT_SCANS) return unknown;
    scans++;
    v = compute();
    memo.set(key, v);
  }
  return v;
}

/** A lone surname ("Laurence") as the fuller name written elsewhere in the article ("Jeremy Laurence"). */
function expandShortName(text: string, t: Tok): string {
  return memoised(`name:${t.text}`, () => fullerName(text, t), t.text);
}

function fullerName(text: string, t: Tok): string {
  const escaped = t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`((?:\\p{Lu}[\\p{L}’'-]+ ){1,2})${escaped}(?![\\p{L}])`, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const words = m[1].trim().split(' ');
    const kept: string[] = [];
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i].toLowerCase();
      if (TITLES.has(w) || CAPITAL_STOPWORDS.has(w) || OFFICE_WORDS.has(w)) break;
      kept.unshift(words[i]);
    }
    if (kept.length > 0) return `${kept.join(' ')} ${t.text}`;
  }
  // Family name first ("Lee" for "Lee Jae Myung"): the fuller name starting with it.
  const after = new RegExp(`(?<![\\p{L}])${escaped}((?: \\p{Lu}[\\p{L}’'-]+){1,2})`, 'gu');
  while ((m = after.exec(text)) !== null) {
    const kept: string[] = [];
    for (const w of m[1].trim().split(' ')) {
      const lw = w.toLowerCase();
      if (TITLES.has(lw) || CAPITAL_STOPWORDS.has(lw) || OFFICE_WORDS.has(lw) || VERBS.has(lw)) break;
      kept.push(w);
    }
    if (kept.length > 0) return `${t.text} ${kept.join(' ')}`;
  }
  return t.text;
}

/** Characters read back from a quote for the subject of a reporting verb at most: a few paragraphs. */
const LOOKBACK = 5000;
/** Characters of a sentence read back from its reporting verb at most. */
const MAX_SENTENCE = 800;
/** Reporting verbs read back from a quote at most; degenerate text ("said said said …") has thousands. */
const MAX_VERBS_BACK = 16;
/** Quotes read on either side of a description ("the mayor") for the speaker it stands for at most. */
const MAX_DESCRIBED_AROUND = 256;
/** Quotes read on either side of one for a pronoun's speaker at most. */
const MAX_QUOTES_AROUND = 64;

/** A pronoun's speaker: the latest speaker of the last few paragraphs, else the nearest fitting entity. */
function resolvePronoun(
  text: string,
  genders: Map<string, string>,
  quotes: readonly MarkedQuote[],
  named: (Named | null)[],
  people: SortedMentions,
  paragraphs: Span[],
  i: number,
  pronoun: string,
  pronounAt: number,
  speakerOf: (toks: Tok[]) => Speaker,
): Speaker | null {
  const q = quotes[i];
  const person = pronoun === 'he' || pronoun === 'she';
  // The subject of the latest reporting verb before the quote ("Sallow-Berg said …. 'We owe it,' she said").
  const floor = Math.max(paragraphs[Math.max(0, q.paragraph - 3)].start, q.span.start - LOOKBACK);
  const latest = latestReportingSubject(text, floor, q.span.start, speakerOf, (np, candidate) => {
    const organisation = np.toks.some((t) => ORG_NOUNS.has(t.lower));
    if (!fitsPronoun(text, genders, candidate, pronoun)) return false;
    // "he" and "she" are people, never "the ministry" or "Police".
    if (person && organisation) return false;
    return !(pronoun === 'it' && !organisation && people.list.length === 0);
  });
  // "Vassilopoulou was more guarded. Asked …, she said: “…”": a person named in the quote's own paragraph
  // before a pronoun that introduces the quote outranks a reporting subject of an earlier paragraph. A
  // pronoun after the quote ("…,” he said) more often carries on the earlier speaker.
  const para = paragraphs[q.paragraph];
  let here: EntityMention | undefined;
  if (person && pronounAt < q.span.start) {
    here = people.lastIn(
      para.start,
      pronounAt,
      (e) => e.type === 'PERSON' && fitsPronoun(text, genders, e.canonical, pronoun),
    );
  }
  if (latest && (!here || (latest.span?.start ?? -1) >= para.start)) return latest;
  if (here) return { name: here.canonical, span: here.span };
  for (let j = i - 1; j >= 0 && i - j <= MAX_QUOTES_AROUND; j--) {
    if (quotes[j].paragraph < q.paragraph - 3) break;
    const n = named[j];
    if (
      n &&
      fitsPronoun(text, genders, n.speaker.name, pronoun) &&
      !(person && n.words.some((w) => ORG_NOUNS.has(w)))
    )
      return { name: n.speaker.name };
  }
  for (
    let j = i + 1;
    j < quotes.length && j - i <= MAX_QUOTES_AROUND && quotes[j].paragraph === q.paragraph;
    j++
  ) {
    const n = named[j];
    if (n && fitsPronoun(text, genders, n.speaker.name, pronoun)) return { name: n.speaker.name };
  }
  const wanted =
    pronoun === 'it'
      ? ['ORG', 'GPE']
      : pronoun === 'they' || pronoun === 'we'
        ? ['ORG', 'PERSON', 'GPE', 'NORP']
        : ['PERSON'];
  const near = paragraphs[Math.max(0, q.paragraph - 2)].start;
  const best = people.lastIn(
    near,
    q.span.start,
    (e) => wanted.includes(e.type) && fitsPronoun(text, genders, e.canonical, pronoun),
  );
  return best ? { name: best.canonical } : null;
}

/** The named subject of the latest reporting verb in `[floor, before)` that `accept` takes. */
function latestReportingSubject(
  text: string,
  floor: number,
  before: number,
  speakerOf: (toks: Tok[]) => Speaker,
  accept: (np: NounPhrase, name: string) => boolean = () => true,
): Speaker | null {
  // Read backward: the latest verb usually has the subject, so most of the range is never tokenised.
  const back = new TokensBefore(text, floor, before);
  let verbs = 0;
  for (let r = 0; verbs < MAX_VERBS_BACK; r++) {
    while (r >= back.toks.length && back.more());
    if (r >= back.toks.length) break;
    const verb = back.toks[back.toks.length - 1 - r];
    if (!VERBS.has(verb.lower) || PARTICIPLES.has(verb.lower)) continue;
    verbs++;
    // A run of words without a sentence end longer than any sentence is not one: read it no further back.
    const from = Math.max(sentenceStart(text, floor, verb.start), verb.start - MAX_SENTENCE);
    while (back.covered > from && back.more());
    const toks = back.toks;
    const v = toks.length - 1 - r;
    // Tokens are in text order: the sentence is those from the first at or after `from`.
    let first = 0;
    let last = v;
    while (first < last) {
      const mid = (first + last) >> 1;
      if (toks[mid].start < from) first = mid + 1;
      else last = mid;
    }
    const sentence = toks.slice(first, v + 1);
    const np = subjectBeforeVerb(text, sentence, sentence.length - 1);
    if (!np || np.pronoun || np.descriptor || np.toks.length === 0) continue;
    const candidate = speakerOf(np.toks).name;
    if (accept(np, candidate)) return { name: candidate };
  }
  return null;
}

/**
 * Whether "he" or "she" can stand for a name, from how the article refers to it: Mr/Ms before it, or the
 * first gendered pronoun after it in the same sentence ("Brandt … said she would"). Unknown fits both.
 */
function fitsPronoun(text: string, genders: Map<string, string>, name: string, pronoun: string): boolean {
  if (pronoun !== 'he' && pronoun !== 'she') return true;
  const known = genders.get(name);
  if (known) return known === pronoun;
  const evidence = memoised(`gender:${name}`, () => genderEvidence(text, name), '');
  if (evidence === '') return true;
  return evidence === pronoun;
}

/** 'he', 'she' or '' (unknown) for a name, from Mr/Ms titles and the pronouns that follow its mentions. */
function genderEvidence(text: string, name: string): string {
  const surname = name.split(' ').pop() ?? name;
  if (surname.length < 2) return '';
  let male = 0;
  let female = 0;
  for (let at = text.indexOf(surname); at >= 0 && male + female < 6; at = text.indexOf(surname, at + 1)) {
    const title = /\b(Mr|Mrs|Ms|Miss)\.?\s+(?:\p{Lu}[\p{L}'’-]*\s+)?$/u.exec(
      text.slice(Math.max(0, at - 30), at),
    );
    if (title) {
      if (title[1] === 'Mr') male++;
      else female++;
      continue;
    }
    const window = text.slice(at + surname.length, at + surname.length + 90).split(/[.?!]\s|["“”]/)[0];
    const g = /\b(he|him|his|himself|she|her|hers|herself)\b/i.exec(window);
    if (!g) continue;
    if (/^(he|him|his|himself)$/i.test(g[1])) male++;
    else female++;
  }
  return male === female ? '' : male > female ? 'he' : 'she';
}

const DESCRIPTION_STOPWORDS = new Set([
  ...ROLE_NOUNS,
  ...DETERMINERS,
  ...CONNECTORS,
  'and',
  'top',
  'senior',
  'new',
]);

/**
 * "The UN human rights chief" → the speaker of the article whose attribution shares the most words; "the
 * mayor" → the name written after the capitalised role ("Mayor Orsolya Brandt"), nearest before the quote.
 */
function resolveDescription(
  text: string,
  named: (Named | null)[],
  toks: Tok[],
  i: number,
  before: number,
  speakerOf: (toks: Tok[]) => Speaker,
): Speaker | null {
  const words = toks.map((t) => t.lower).filter((w) => !DESCRIPTION_STOPWORDS.has(w));
  let best: Speaker | null = null;
  let bestScore = 0;
  if (words.length > 0) {
    const last = Math.min(named.length - 1, i + MAX_DESCRIBED_AROUND);
    for (let j = Math.max(0, i - MAX_DESCRIBED_AROUND); j <= last; j++) {
      const n = named[j];
      if (!n || j === i) continue;
      const score = words.filter((w) => n.words.includes(w)).length - Math.abs(j - i) * 1e-3;
      if (score > bestScore && score >= 0.5) {
        bestScore = score;
        best = n.speaker;
      }
    }
  }
  if (best) return best;
  const head = toks[toks.length - 1];
  const title = head.text.charAt(0).toUpperCase() + head.text.slice(1);
  let names = titledMemo.get(title);
  if (!names) titledMemo.set(title, (names = titledNames(text, title)));
  // The nearest at or before the quote, else the first after it.
  let k = 0;
  let hi = names.length;
  while (k < hi) {
    const mid = (k + hi) >> 1;
    if (names[mid].at <= before) k = mid + 1;
    else hi = mid;
  }
  const chosen = names[k > 0 ? k - 1 : 0];
  return chosen ? speakerOf(chosen.toks) : null;
}

/** A capitalised role with the name written after it ("Mayor Orsolya Brandt"). */
interface Titled {
  at: number;
  toks: Tok[];
}

/** Every place where `title` is followed by a name, in text order. */
function titledNames(text: string, title: string): Titled[] {
  const out: Titled[] = [];
  for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
    if (
      /[\p{L}]/u.test(text[at - 1] ?? '') ||
      !/^ \p{Lu}/u.test(text.slice(at + title.length, at + title.length + 2))
    )
      continue;
    const run = tokenize(text, at, Math.min(text.length, at + title.length + 60));
    const np = phraseRight(text, run, 0);
    if (np && np.toks.length > 1) out.push({ at, toks: np.toks });
  }
  return out;
}
