// Where the unbalanced-quote warning goes: a one-character squiggle under a quote mark is easy to miss,
// so it covers the quote's first line (from an opening mark to the line's end, or from the line's start
// to a closing mark), trailing spaces excluded.
import type { Span, UnbalancedMark } from '../analysis/types';

export function unbalancedSpan(text: string, mark: UnbalancedMark): Span {
  if (mark.missing === 'close') {
    const nl = text.indexOf('\n', mark.span.end);
    let end = nl < 0 ? text.length : nl;
    while (end > mark.span.end && /\s/.test(text[end - 1])) end--;
    return { start: mark.span.start, end };
  }
  let start = text.lastIndexOf('\n', mark.span.start - 1) + 1;
  while (start < mark.span.start && /\s/.test(text[start])) start++;
  return { start, end: mark.span.end };
}
