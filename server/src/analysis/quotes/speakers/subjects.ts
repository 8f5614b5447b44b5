// Sentence subjects of the narration (not of quoted words, bylines or photo credits): the people an
// article is talking about, which feed the salience of who speaks next.
import type { MarkedQuote } from '../quoteMarks';
import type { EntityMention, Span } from '../../types';
import { CAPITAL_STOPWORDS, POSSESSIVES } from './lexicon';
import { apposedAfterPossessive, phraseRight, sentenceSubject, type NounPhrase } from './phrases';
import { gapOf, sentences, tokenize, type Tok } from './tokens';

export interface Subject {
  at: number;
  paragraph: number;
  np: NounPhrase;
  /** The word after the subject phrase, lowercase ("said", "was"). */
  verb: string;
}

/** Credit and byline lines name photographers and writers, never the people being quoted. */
const CREDIT =
  /^(?:by|photo|photos|image|credit|source|picture|video|edited|reporting|written)\b|\bphoto:|\(photo|©|photo by/i;
/** Openers of a clause before the subject ("Asked about it,", "On Monday,"). */
const INTRO =
  /^(?:asked|speaking|pressed|questioned|interviewed|responding|reacting|on|in|at|after|before|during|since|for|with|earlier|later|last|meanwhile|however|still|instead|separately|elsewhere|outside|inside)$/;

/** The tokens after an opening clause that ends in a comma, or all of them. */
function afterIntro(text: string, toks: Tok[]): Tok[] {
  if (toks.length === 0 || !INTRO.test(toks[0].lower)) return toks;
  for (let i = 1; i < toks.length && i < 12; i++) {
    if (/,/.test(gapOf(text, toks[i - 1], toks[i]))) return toks.slice(i);
  }
  return toks;
}

/** A mention followed by a finite verb inside a sentence ("…, and the minister, Ann Lee, walked out"). */
const VERB_AFTER =
  /^,?\s+(?:also\s+|later\s+|then\s+|\p{Ll}+ly\s+)?(?:\p{Ll}+ed|\p{Ll}{2,}s|said|told|wrote|read|spoke|took|went|left|made|gave|held|met|led|began|stood|sent)\b/u;

/** A comma, then only title words before the name (no preposition that would make it an object). */
const APPOSED = /,\s*(?:(?!(?:at|in|on|to|from|with|by|for|near|of|and)\s)[\p{L}\p{N}.'’-]+\s+){0,4}$/u;

/** Clause subjects inside sentences: people and organisations named right before their verb. */
function clauseSubjects(text: string, paragraphs: Span[], mentions: readonly EntityMention[]): Subject[] {
  const out: Subject[] = [];
  let p = 0;
  for (const e of mentions) {
    if (e.type !== 'PERSON' && e.type !== 'ORG') continue;
    while (p + 1 < paragraphs.length && paragraphs[p].end < e.span.start) p++;
    const after = text.slice(e.span.end, e.span.end + 40);
    if (!VERB_AFTER.test(after) || /^,?\s+(?:was|has|is)\b/.test(after)) continue;
    // Before a comma only an apposition is a subject ("the minister, Ann Lee, walked", "her co-founder,
    // chief technology officer Dario Pangilinan, said"), not the object of an aside ("… at La Moneda, said").
    if (after.startsWith(',') && !APPOSED.test(text.slice(Math.max(0, e.span.start - 60), e.span.start)))
      continue;
    const tok: Tok = { text: e.text, lower: e.text.toLowerCase(), start: e.span.start, end: e.span.end };
    out.push({
      at: e.span.start,
      paragraph: p,
      np: { toks: [tok], pronoun: false, descriptor: false, weak: true },
      verb: '',
    });
  }
  return out;
}

/** "Her son, Erik, drove …", "the charity's chair, Colin Stroud, read …": the name apposed to a role. */
function apposedAfterRelative(text: string, toks: Tok[]): NounPhrase | null {
  if (!POSSESSIVES.has(toks[0]?.lower ?? '') && toks[0]?.lower !== 'the') return null;
  for (let i = 2; i < toks.length && i <= 4; i++) {
    if (/^\s*,\s*$/.test(gapOf(text, toks[i - 1], toks[i])) && /^\p{Lu}/u.test(toks[i].text)) {
      const np = phraseRight(text, toks, i);
      return np && !np.pronoun ? np : null;
    }
  }
  return null;
}

export function findSubjects(
  text: string,
  paragraphs: Span[],
  quotes: readonly MarkedQuote[],
  mentions: readonly EntityMention[],
): Subject[] {
  const out: Subject[] = clauseSubjects(text, paragraphs, mentions).filter((s) => !insideQuote(s.at, quotes));
  let q = 0;
  paragraphs.forEach((para, p) => {
    if (CREDIT.test(text.slice(para.start, Math.min(para.end, para.start + 200)))) return;
    for (const s of sentences(text, para.start, para.end)) {
      // A sentence inside quoted words is the speaker's, not the narration's.
      while (q < quotes.length && quotes[q].span.end <= s.start) q++;
      if (q < quotes.length && quotes[q].span.start <= s.start) continue;
      const toks = afterIntro(text, tokenize(text, s.start, Math.min(s.end, s.start + 160)));
      const np =
        apposedAfterPossessive(text, toks, sentenceSubject(text, toks)) ?? apposedAfterRelative(text, toks);
      if (!np || np.toks.length === 0) continue;
      // A capitalised stopword alone ("There", "One") is no subject.
      if (np.toks.length === 1 && CAPITAL_STOPWORDS.has(np.toks[0].lower) && !np.pronoun) continue;
      const last = np.toks[np.toks.length - 1];
      const next = toks.find((t) => t.start >= last.end);
      // "Lee and Takaichi are expected to": two people, neither salient alone.
      if (next?.lower === 'and' || next?.lower === 'or') continue;
      out.push({ at: np.toks[0].start, paragraph: p, np, verb: next?.lower ?? '' });
    }
  });
  return out.sort((a, b) => a.at - b.at);
}

/** Whether an offset lies inside a quotation (binary search over the ordered quotes). */
function insideQuote(at: number, quotes: readonly MarkedQuote[]): boolean {
  let lo = 0;
  let hi = quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = quotes[mid];
    if (at < q.span.start) hi = mid - 1;
    else if (at >= q.span.end) lo = mid + 1;
    else return true;
  }
  return false;
}
