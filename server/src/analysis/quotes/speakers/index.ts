// Who said each quotation, in four stages: attribution patterns around the marks (patterns), the article's
// people and organisations with their roles (cast), who is salient at each point (subjects, salience), and
// the resolution of names, pronouns, roles and organisations to one of them (resolve). Quotes with no
// attribution of their own then follow the speaker they continue (follow).
import type { MarkedQuote } from '../quoteMarks';
import type { EntityMention, Span, Speaker } from '../../types';
import { Cast } from './cast';
import { followOn } from './follow';
import { TITLES } from './lexicon';
import { findPatterns } from './patterns';
import { Resolver, type Resolved } from './resolve';
import { Salience } from './salience';
import { findSubjects } from './subjects';

/** How a quote was attributed, which also tells a scare quote from a short citation. */
export interface Attribution {
  speaker: Speaker | null;
  /** An attribution directly follows the closing mark (`," she said`). */
  after: boolean;
  /** A reporting verb precedes the quote in its sentence (`she said it was "horrible"`). */
  before: boolean;
}

/** Reporting verbs that make a subject phrase worth registering as a speaker without an entity. */
const SUBJECT_VERBS =
  /^(?:said|says|told|tells|added|adds|wrote|writes|warned|insisted|argued|noted|stated)$/;

export function toSpeaker(r: Resolved, attribution?: string): Speaker {
  const s: Speaker = { name: r.name };
  if (r.span) s.span = r.span;
  if (attribution !== undefined) s.attribution = attribution;
  if (r.chain.length > 1) s.chain = r.chain;
  return s;
}

/** Finds speakers for the quotes (in document order). */
export function attributeQuotes(
  text: string,
  paragraphs: Span[],
  quotes: readonly MarkedQuote[],
  entities: readonly EntityMention[],
): Attribution[] {
  const patterns = findPatterns(text, paragraphs, quotes);
  const cast = new Cast(text, entities);
  const salience = new Salience();
  const resolver = new Resolver(text, paragraphs, cast, salience);
  const subjects = findSubjects(text, paragraphs, quotes, cast.mentions);
  const speakers: (Speaker | null)[] = quotes.map(() => null);

  // One walk in text order: each sentence subject and each attributed quote's speaker becomes salient for
  // what follows.
  let s = 0;
  const subjectsBefore = (at: number): void => {
    for (; s < subjects.length && subjects[s].at < at; s++) {
      const subj = subjects[s];
      // A name the entity layer missed counts when it reports speech or carries a title ("Rector Sallow-Berg").
      const register =
        SUBJECT_VERBS.test(subj.verb) ||
        subj.np.toks.some((t) => TITLES.has(t.lower) && /^\p{Lu}/u.test(t.text));
      const r = resolver.resolve(subj.np, subj.at, subj.paragraph, register);
      // Places and nationalities open sentences ("South Korean activists …") without being sources.
      if (r?.ref && r.ref.type !== 'GPE' && r.ref.type !== 'NORP')
        salience.add({ at: subj.at, paragraph: subj.paragraph, ref: r.ref, chain: r.chain, speaker: false });
    }
  };
  quotes.forEach((q, i) => {
    const f = patterns[i].found;
    subjectsBefore(q.span.start);
    if (!f || f.np.toks.length === 0) return;
    const r = resolver.resolve(f.np, q.span.start, q.paragraph, true);
    if (!r) return;
    speakers[i] = toSpeaker(r, text.slice(f.attribution.start, f.attribution.end));
    if (r.ref)
      salience.add({ at: q.span.start, paragraph: q.paragraph, ref: r.ref, chain: r.chain, speaker: true });
  });
  subjectsBefore(Infinity);

  followOn(text, paragraphs, quotes, patterns, speakers, salience);
  return patterns.map((p, i) => ({ speaker: speakers[i], after: p.after, before: p.before }));
}
