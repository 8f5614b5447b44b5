// Site furniture and headlines by their shape: a short line with no sentence end ("READ MORE", "Story
// continues below advertisement", a teaser or a headline). Quotes there are not speech unless a reporting
// verb says so, and a follow-on quote looks past them to the speaker before.
import type { Span } from '../types';

const MAX_WORDS = 15;

/** A line of at most fifteen words that does not end a sentence (a final quote mark may follow the stop). */
export function isFurnitureLine(text: string, line: Span): boolean {
  const s = text.slice(line.start, line.end).trim();
  if (s.length === 0) return true;
  if (/[.?!…]["”’'»)]*$/.test(s)) return false;
  let words = 0;
  for (const w of s.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w) && ++words > MAX_WORDS) return false;
  return true;
}
