// Where the names the tagger added occur again in the article: one pass over the tokens, keyed by the word
// a name begins with, instead of a search of the whole text per name, so a long page with thousands of
// names stays linear.
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** The run of word characters of `s` from `from` (empty when `s[from]` is none). */
function leadingWord(s: string, from: number): string {
  let end = from;
  while (end < s.length && WORD_CHAR_RE.test(s[end] ?? '')) end++;
  return s.slice(from, end);
}

/**
 * For each of `names`, the indices of the tokens where it occurs whole (no word character either side),
 * in text order; an occurrence overlapping the name's previous one is not counted again.
 */
export function occurrencesAtTokens(
  text: string,
  names: readonly string[],
  tokens: readonly { start: number }[],
): number[][] {
  const byWord = new Map<string, number[]>();
  names.forEach((name, i) => {
    const word = leadingWord(name, 0);
    const list = byWord.get(word);
    if (list) list.push(i);
    else byWord.set(word, [i]);
  });
  const found: number[][] = names.map(() => []);
  const lastEnd = new Array<number>(names.length).fill(-1);
  tokens.forEach(({ start }, k) => {
    const candidates = byWord.get(leadingWord(text, start));
    if (!candidates || WORD_CHAR_RE.test(text[start - 1] ?? '')) return;
    for (const i of candidates) {
      const name = names[i] as string;
      const end = start + name.length;
      if (start < (lastEnd[i] as number) || !text.startsWith(name, start)) continue;
      lastEnd[i] = end;
      if (!WORD_CHAR_RE.test(text[end] ?? '')) (found[i] as number[]).push(k);
    }
  });
  return found;
}
