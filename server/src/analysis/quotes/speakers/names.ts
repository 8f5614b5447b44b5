// Names read from a phrase when the entity layer has none: titles and office words dropped, a lone surname
// written out as the fuller name the article gives elsewhere.
import { CAPITAL_STOPWORDS, DETERMINERS, OFFICE_WORDS, ROLE_NOUNS, TITLES, VERBS } from './lexicon';
import { isCap } from './phrases';
import type { Tok } from './tokens';

/** A display name from a phrase without an entity: titles and office words dropped. */
export function nameFromPhrase(text: string, toks: Tok[]): string {
  const words = toks.filter((t) => !DETERMINERS.has(t.lower));
  // No title or role in it: the phrase is the name ("Gray Strait Fishermen's Association", "Israeli military").
  if (!words.some((t) => TITLES.has(t.lower) || ROLE_NOUNS.has(t.lower))) {
    return words.length === 1 ? expandShortName(text, words[0]) : words.map((t) => t.text).join(' ');
  }
  let k = words.length;
  while (k > 0) {
    const t = words[k - 1];
    if (!isCap(t) || TITLES.has(t.lower) || OFFICE_WORDS.has(t.lower)) break;
    k--;
  }
  const tail = words.slice(k);
  if (tail.length === 0) return words.map((t) => t.text).join(' ');
  if (tail.length === 1) return expandShortName(text, tail[0]);
  return tail.map((t) => t.text).join(' ');
}

/**
 * Lookups that scan the whole article (fuller names) are memoised for the text being analysed, so a long
 * article with many quotes stays linear.
 */
let memoText: string | undefined;
const memo = new Map<string, Candidate[]>();

interface Candidate {
  at: number;
  name: string;
}

/**
 * A lone surname ("Laurence") as the fuller name written elsewhere in the article ("Jeremy Laurence"): the
 * nearest one before it, else the first after; never one inside another kind of entity (`blocked`).
 */
export function expandShortName(
  text: string,
  t: Tok,
  blocked: (at: number) => boolean = () => false,
): string {
  if (memoText !== text) {
    memoText = text;
    memo.clear();
  }
  let found = memo.get(t.text);
  if (found === undefined) {
    found = fullerNames(text, t);
    memo.set(t.text, found);
  }
  let best: Candidate | undefined;
  for (const c of found) {
    if (blocked(c.at)) continue;
    if (c.at < t.start || !best) best = c;
    if (c.at >= t.start) break;
  }
  return best?.name ?? t.text;
}

/** Every fuller form of a name in the text, in order. */
function fullerNames(text: string, t: Tok): Candidate[] {
  const out: Candidate[] = [];
  const escaped = t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The name must end there: "Energy Park" in "Energy Park Ji-hoon" is not a name.
  const re = new RegExp(`((?:\\p{Lu}[\\p{L}’'-]+ ){1,2})${escaped}(?![\\p{L}])(?! \\p{Lu})`, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const words = m[1].trim().split(' ');
    const kept: string[] = [];
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i].toLowerCase();
      if (TITLES.has(w) || CAPITAL_STOPWORDS.has(w) || OFFICE_WORDS.has(w)) break;
      kept.unshift(words[i]);
    }
    if (kept.length > 0)
      out.push({
        at: m.index + m[1].length - kept.join(' ').length - 1,
        name: `${kept.join(' ')} ${t.text}`,
      });
  }
  // Family name first ("Lee" for "Lee Jae Myung"): the fuller name starting with it.
  const after = new RegExp(`(?<![\\p{L}])${escaped}((?: \\p{Lu}[\\p{L}’'-]+){1,2})`, 'gu');
  while ((m = after.exec(text)) !== null) {
    const kept: string[] = [];
    for (const w of m[1].trim().split(' ')) {
      const lw = w.toLowerCase();
      if (TITLES.has(lw) || CAPITAL_STOPWORDS.has(lw) || OFFICE_WORDS.has(lw) || VERBS.has(lw)) break;
      kept.push(w);
    }
    if (kept.length > 0) out.push({ at: m.index, name: `${t.text} ${kept.join(' ')}` });
  }
  return out.sort((a, b) => a.at - b.at);
}
