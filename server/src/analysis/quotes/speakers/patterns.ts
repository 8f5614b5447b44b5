// Stage 1, attribution patterns: the words around one quote that say who spoke, as a noun phrase (a name, a
// pronoun, a role, an organisation) with the attribution as written. Who the phrase stands for is decided
// later, over the whole article (cast, salience, resolve).
import type { MarkedQuote } from '../quoteMarks';
import type { Span } from '../../types';
import {
  DETERMINERS,
  DOCUMENT_VERBS,
  LISTENER_VERBS,
  POSSESSIVES,
  PRONOUNS,
  SPEECH_NOUNS,
  VERB_PARTICLES,
  VERBS,
} from './lexicon';
import {
  apposedAfterPossessive,
  isCap,
  phraseLeft,
  phraseRight,
  sentenceSubject,
  subjectBeforeVerb,
  type NounPhrase,
} from './phrases';
import { gapOf, plainGap, sentenceEnd, sentenceStart, tokenize, type Tok } from './tokens';

export interface Found {
  /** The speaker phrase; no tokens when the attribution's speaker cannot be read ("the 45-year-old said"). */
  np: NounPhrase;
  /** The attribution phrase as written. */
  attribution: Span;
}

export interface Pattern {
  found: Found | null;
  /** An attribution directly follows the closing mark (`," she said`). */
  after: boolean;
  /** A reporting verb precedes the quote in its sentence (`she said it was "horrible"`). */
  before: boolean;
}

const EMPTY: NounPhrase = { toks: [], pronoun: false, descriptor: false };

/** An attribution whose speaker cannot be read: it still belongs to this quote. */
function unresolved(first: Tok, verb: Tok): Found {
  return { np: EMPTY, attribution: { start: first.start, end: verb.end } };
}

const isVerb = (t: Tok | undefined): boolean => t !== undefined && VERBS.has(t.lower);
/** Words a noun follows, so that "of claims" or "the notes" is no verb. */
const NOUN_BEFORE = new Set([
  'of',
  'the',
  'a',
  'its',
  'their',
  'his',
  'her',
  'our',
  'for',
  'with',
  'by',
  'these',
  'those',
]);
/** A reporting verb in its sentence: not a noun after a determiner, not an opening "Asked about …,". */
function verbAt(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!isVerb(t)) return false;
  if (i > 0 && NOUN_BEFORE.has(toks[i - 1].lower) && t.lower.endsWith('s')) return false;
  return !(i === 0 && t.lower === 'asked' && t.text !== t.lower);
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
  // "…that way.” She told reporters": a finished sentence, then a new one about what came next.
  const finished = /[.?!]\s*$/.test(text.slice(q.contentSpan.start, q.contentSpan.end));
  if (finished && PRONOUNS.has(toks[0].lower) && /^\p{Lu}/u.test(toks[0].text)) return null;
  if (toks[0].lower === 'according' && toks[1]?.lower === 'to') {
    const np = phraseRight(text, toks, 2);
    return np ? { np, attribution: { start: toks[0].start, end: np.toks[np.toks.length - 1].end } } : null;
  }
  let v = 0;
  if (toks[0].lower === 'also') v = 1;
  if (isVerb(toks[v]) && !LISTENER_VERBS.has(toks[v].lower)) {
    // "," blurted out the coach': a particle belongs to the verb.
    const at = VERB_PARTICLES.has(toks[v + 1]?.lower ?? '') ? v + 2 : v + 1;
    const np = apposedAfterPossessive(text, toks, phraseRight(text, toks, at));
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
    const documentVerb = DOCUMENT_VERBS.has(t.lower) && i > 0 && toks[i - 1].text === toks[i - 1].lower;
    if ((isVerb(t) || documentVerb) && i > 0) {
      const np = subjectBeforeVerb(text, toks.slice(0, i + 1), i);
      if (!np) return commas === 0 && i <= 4 ? unresolved(toks[0], t) : null;
      if (commas > 0 && np.toks[0] !== toks[head]) return null;
      return { np, attribution: { start: np.toks[0].start, end: t.end } };
    }
  }
  return null;
}

/** "Her late-night remark – “…”", "Lee's reply: “…”": a possessive before a noun for what was said. */
function possessiveSpeech(text: string, toks: Tok[]): Found | null {
  for (let i = toks.length - 1; i >= 0 && toks.length - i <= 8; i--) {
    if (!SPEECH_NOUNS.has(toks[i].lower)) continue;
    for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
      const t = toks[k];
      const pronoun = POSSESSIVES.get(t.lower);
      if (pronoun) {
        const np: NounPhrase = { toks: [{ ...t, lower: pronoun }], pronoun: true, descriptor: false };
        return { np, attribution: { start: t.start, end: toks[i].end } };
      }
      if (/['’]s$/.test(t.text) && isCap(t)) {
        const bare = t.text.slice(0, -2);
        const name = { ...t, text: bare, lower: bare.toLowerCase(), end: t.end - 2 };
        const np = phraseLeft(text, [...toks.slice(0, k), name], k);
        if (np) return { np, attribution: { start: np.toks[0].start, end: toks[i].end } };
      }
    }
  }
  return null;
}

/** The subject of a sentence whose colon introduces the quote ("Asked about it, the minister smiled: “…”"). */
function colonSubject(text: string, toks: Tok[]): NounPhrase | null {
  // An opening participle clause ("Asked about the protest,") is not the subject.
  let from = 0;
  if (
    /^(?:asked|speaking|pressed|questioned|interviewed|writing|responding|reacting)$/.test(
      toks[0]?.lower ?? '',
    )
  ) {
    const comma = toks.findIndex((t, i) => i > 0 && /,/.test(gapOf(text, toks[i - 1], t)));
    if (comma < 0) return null;
    from = comma;
  }
  const np = sentenceSubject(text, toks.slice(from));
  return np && { ...np, weak: true };
}

/** `Lee said "…"`, `Woo told reporters that … "…"`, `according to X, "…"`, `X: "…"` before the opening mark. */
function attributionBefore(text: string, q: MarkedQuote, lo: number, paraStart: number): Found | null {
  const open = q.openAt >= 0 ? q.openAt : q.contentSpan.start;
  const start = sentenceStart(text, lo, open);
  const toks = tokenize(text, start, open);
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i];
    if (t.lower === 'according' && toks[i + 1]?.lower === 'to') {
      const np = phraseRight(text, toks, i + 2);
      if (np) return { np, attribution: { start: t.start, end: np.toks[np.toks.length - 1].end } };
    }
    const documentVerb = DOCUMENT_VERBS.has(t.lower) && i > 0 && toks[i - 1].text === toks[i - 1].lower;
    if (!verbAt(toks, i) && !documentVerb) continue;
    let np = subjectBeforeVerb(text, toks, i);
    // "He called it “…” and said voters had been “…”": the subject is before the earlier quote.
    if (!np && i > 0 && (toks[i - 1].lower === 'and' || toks[i - 1].lower === 'but') && lo > paraStart)
      np = sentenceSubject(text, tokenize(text, sentenceStart(text, paraStart, open), open));
    if (np) return { np, attribution: { start: np.toks[0].start, end: t.end } };
    if (!LISTENER_VERBS.has(t.lower)) {
      const right = phraseRight(text, toks, i + 1);
      if (right && /^\s*[:,]\s*$/.test(text.slice(right.toks[right.toks.length - 1].end, open)))
        return { np: right, attribution: { start: t.start, end: right.toks[right.toks.length - 1].end } };
    }
    return { np: EMPTY, attribution: { start: t.start, end: t.end } };
  }
  const possessive = possessiveSpeech(text, toks);
  if (possessive) return possessive;
  // `Lee: "…"`, or any sentence whose colon opens the quote: its subject speaks.
  const tail = /:\s*$/.exec(text.slice(start, open));
  if (tail && toks.length > 0) {
    const np = phraseLeft(text, toks, toks.length - 1) ?? colonSubject(text, toks);
    if (np && np.toks.length > 0)
      return { np, attribution: { start: np.toks[0].start, end: start + tail.index + 1 } };
  }
  return null;
}

/** The attribution pattern of each quote, within the bounds its neighbours leave. */
export function findPatterns(text: string, paragraphs: Span[], quotes: readonly MarkedQuote[]): Pattern[] {
  let lastPara = 0;
  return quotes.map((q, i) => {
    const para = paragraphs[q.paragraph];
    // The paragraph where the quote ends: quotes are in order, so the search moves forward only.
    while (lastPara + 1 < paragraphs.length && paragraphs[lastPara].end < q.span.end) lastPara++;
    const endPara = paragraphs[lastPara].start <= q.span.end ? paragraphs[lastPara] : para;
    const prev = quotes[i - 1];
    const next = quotes[i + 1];
    const lo = Math.max(para.start, prev && prev.paragraph === q.paragraph ? prev.span.end : para.start);
    const hi = Math.min(endPara.end, next && next.span.start > q.span.end ? next.span.start : endPara.end);
    let after = attributionAfter(text, q, hi);
    const before = after && after.np.toks.length > 0 ? null : attributionBefore(text, q, lo, para.start);
    // An unreadable attribution after the quote yields to a readable one before it.
    if (after && before && before.np.toks.length > 0) after = null;
    return { found: after ?? before, after: after !== null, before: !after && before !== null };
  });
}
