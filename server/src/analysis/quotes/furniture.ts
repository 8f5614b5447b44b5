// Site furniture and headlines by their shape: a short line with no sentence end ("READ MORE", "Story
// continues below advertisement", a teaser or a headline). Quotes there are not speech unless a reporting
// verb says so, and a follow-on quote looks past them to the speaker before.
import type { Span } from '../types';

const MAX_WORDS = 15;
/** Longer than this, a line holds more than fifteen words of any real language. */
const MAX_CHARS = 600;

// Quotes ask about their line one by one; one long line with many quotes must not be read once per quote.
let memo: { text: string; answers: Map<number, boolean> } | undefined;

/** A line of at most fifteen words that does not end a sentence (a final quote mark may follow the stop). */
export function isFurnitureLine(text: string, line: Span): boolean {
  if (memo?.text !== text) memo = { text, answers: new Map() };
  let answer = memo.answers.get(line.start);
  if (answer === undefined) {
    answer = furnitureShape(text, line);
    memo.answers.set(line.start, answer);
  }
  return answer;
}

function furnitureShape(text: string, line: Span): boolean {
  let start = line.start;
  let end = line.end;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end - start > MAX_CHARS) return false;
  const s = text.slice(start, end);
  if (s.length === 0) return true;
  if (/[.?!…]["”’'»)]*$/.test(s)) return false;
  let words = 0;
  for (const w of s.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w) && ++words > MAX_WORDS) return false;
  return true;
}
