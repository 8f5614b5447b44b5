// Direct quotations of an article: pairs the marks (quoteMarks), finds speakers (speakers) and tells speech
// from scare quotes and titles. A quote split by its attribution ("We will," she said, "keep going.") is two
// Quote spans that share one speaker, as the words between are not quoted.
import { findParagraphs, pairQuoteMarks } from './quoteMarks';
import { isFurnitureLine } from './furniture';
import { attributeQuotes } from './speakers';
import type { EntityMention, Quote, UnbalancedMark } from '../types';

export interface QuoteFindings {
  quotes: Quote[];
  unbalanced: UnbalancedMark[];
}

/** Small words a title keeps in lower case ("Lord of the Rings"). */
const TITLE_SMALL_WORDS = new Set('a an the and or of in on at to for by with from as vs nor but'.split(' '));

/** Words that introduce a name or a scare quote rather than speech: the so-called "reform". */
const NAMING =
  /\b(?:so-called|dubbed|known as|termed|nicknamed|labelled|labeled|titled|entitled|branded)\s*$/i;

/**
 * A scare quote or a title rather than speech: one or two words with no reporting verb in reach, or a
 * capitalised phrase (a title, a slogan) not followed by an attribution.
 */
function isScare(
  content: string,
  after: boolean,
  before: boolean,
  lead: string,
  continues: boolean,
  furniture: boolean,
): boolean {
  if (after) return false;
  if (NAMING.test(lead)) return true;
  // A headline's or a teaser's quoted words are not speech unless a reporting verb introduces them.
  if (furniture && !before) return true;
  const words = content.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return true;
  // A short sentence carrying on the speaker before it ("They remember.") is speech.
  if (continues && /^\p{Lu}/u.test(content) && /[.?!]$/.test(content)) return false;
  const endsSentence = /[.?!,]$/.test(content);
  const title =
    words.length <= 6 &&
    !endsSentence &&
    words.every((w) => TITLE_SMALL_WORDS.has(w.toLowerCase()) || /^[^\p{L}]*[\p{Lu}\p{N}]/u.test(w)) &&
    words.some((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
  if (title) return true;
  return words.length <= 2 && !before;
}

export function findQuotes(text: string, entities: readonly EntityMention[]): QuoteFindings {
  const paragraphs = findParagraphs(text);
  const marked = pairQuoteMarks(text, paragraphs);
  const attributions = attributeQuotes(text, paragraphs, marked.quotes, entities);
  const quotes: Quote[] = marked.quotes.map((q, i) => {
    const a = attributions[i];
    const content = text.slice(q.contentSpan.start, q.contentSpan.end);
    const lead = text.slice(Math.max(0, q.span.start - 20), q.span.start);
    const furniture = isFurnitureLine(text, paragraphs[q.paragraph]);
    const scare = isScare(content, a.after, a.before, lead, a.speaker !== null, furniture);
    return {
      span: q.span,
      contentSpan: q.contentSpan,
      balanced: q.balanced,
      kind: scare ? 'scare' : 'speech',
      speaker: scare ? null : a.speaker,
    };
  });
  const unbalanced: UnbalancedMark[] = marked.lone.map((m) => ({
    span: m.span,
    missing: m.missing,
    insertAt: m.insertAt,
    insertText: m.insertText,
  }));
  return { quotes, unbalanced };
}
