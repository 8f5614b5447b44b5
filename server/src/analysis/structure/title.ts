// A headline line as a title: a date stamp glued in front removed, whitespace collapsed.
import { leadingDateStamp } from './cues';

export function cleanTitle(headline: string): string {
  const rest = headline.slice(leadingDateStamp(headline));
  return (rest.trim() || headline.trim()).replace(/\s+/g, ' ');
}

const norm = (s: string): string =>
  cleanTitle(s)
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Titles compared as a reader would: case, spacing and outer punctuation ignored. */
export function sameTitle(a: string, b: string): boolean {
  return norm(a) === norm(b);
}

/**
 * The line is the title, or quotes it ("You have read: <title>", "the details of <title>"): a line
 * about the story, not the headline of another.
 */
export function mentionsTitle(line: string, title: string): boolean {
  const t = norm(title);
  return t.length > 0 && norm(line).includes(t);
}
