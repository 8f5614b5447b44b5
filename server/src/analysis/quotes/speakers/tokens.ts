// Word tokens and sentence bounds over a slice of the article: the units every pattern reads.
import { SentenceEnds } from '../../text/sentenceEnds';
import { TITLES } from './lexicon';

export interface Tok {
  text: string;
  /** Lowercase, with curly apostrophes made straight. */
  lower: string;
  start: number;
  end: number;
}

/** Initials and dotted abbreviations ("J.", "U.S."); titles ("Gen.") are in TITLES. */
export const ABBREVIATION = /^(?:[A-Z]\.|(?:[A-Za-z]\.){2,}|(?:Jr|Sr|St|No|Mt|Ft)\.)$/;

const WORD = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*\.?/gu;

/** Word tokens of `[lo, hi)`; a trailing period stays only on abbreviations ("Gen.", "U.S."). */
export function tokenize(text: string, lo: number, hi: number): Tok[] {
  const out: Tok[] = [];
  // Matched on the slice, so that no match runs past `hi` and the regex never scans the rest of the text.
  const region = text.slice(lo, hi);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(region)) !== null) {
    let word = m[0];
    if (word.endsWith('.') && !ABBREVIATION.test(word) && !TITLES.has(word.toLowerCase()))
      word = word.slice(0, -1);
    if (word.length === 0) continue;
    const lower = word.toLowerCase();
    const start = lo + m.index;
    out.push({
      text: word,
      lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower,
      start,
      end: start + word.length,
    });
  }
  return out;
}

export const gapOf = (text: string, a: Tok, b: Tok): string => text.slice(a.end, b.start);
/** Nothing but spaces or a hyphen between two words: they can belong to one phrase. */
export const plainGap = (g: string): boolean => /^[\s]*$/.test(g) || /^\s*[-–]\s*$/.test(g);

/** A period after an abbreviation or title ("Gen.", "U.S.") does not end a sentence. */
function abbreviationBefore(text: string, at: number): boolean {
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, at - 12), at + 1))?.[0] ?? '';
  return isAbbreviation(word);
}

function isAbbreviation(word: string): boolean {
  return ABBREVIATION.test(word) || TITLES.has(word.toLowerCase());
}

/** Start of the sentence containing `at`, not before `lo`: after the last `. ` that ends a sentence. */
export function sentenceStart(text: string, lo: number, at: number): number {
  // The text's sentence ends are found once: reading back from every quote to the paragraph start would be
  // quadratic in a long paragraph.
  if (sentenceEnds?.text !== text) sentenceEnds = new SentenceEnds(text, (word) => isAbbreviation(word));
  return sentenceEnds.startOf(lo, at);
}

let sentenceEnds: SentenceEnds | undefined;

/** End of the sentence containing `at`, not after `hi`. */
export function sentenceEnd(text: string, at: number, hi: number): number {
  const region = text.slice(at, hi);
  const re = /[.?!]["”’']?(?=\s+["“‘'(]?[\p{Lu}\d]|\s*$)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(region)) !== null) {
    if (abbreviationBefore(text, at + m.index)) continue;
    return at + m.index + m[0].length;
  }
  return hi;
}

/** Sentence spans of `[lo, hi)`, in order. */
export function sentences(text: string, lo: number, hi: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = lo;
  while (at < hi) {
    while (at < hi && /\s/.test(text[at])) at++;
    if (at >= hi) break;
    const end = sentenceEnd(text, at, hi);
    out.push({ start: at, end });
    at = end > at ? end : hi;
  }
  return out;
}
