// A run's edges before it is typed: leading words that are no name ("The", "In", month names), a
// sentence's first word when it is a common word wink capitalised, and trailing connectors.
import type { ArticleView } from './articleView';
import { NOT_NAMES, TITLES } from './gazetteers';
import { gazetteer } from './lexicon';

/**
 * A sentence's first word that is an ordinary word, not a name wink mistook ("Woo" of "Woo Sung-lak"):
 * written in lower case elsewhere, of a closed or modifier class, or inflected like one.
 */
function commonWord(view: ArticleView, word: string, pos: string | undefined): boolean {
  if (view.lowerWords.has(word.toLowerCase())) return true;
  if (pos !== 'NOUN' && pos !== 'VERB' && pos !== 'X' && pos !== 'INTJ') return true;
  return /(ed|ing|ly|s)$/.test(word);
}

/** Units a..b of a run without its edges, or undefined when nothing is left. */
export function trimRun(view: ArticleView, a: number, b: number): [number, number] | undefined {
  while (a <= b) {
    const u = view.u(a);
    if (view.isConnector(a) || NOT_NAMES.has(u.text) || NOT_NAMES.has(u.text.replace(/\.$/, ''))) {
      a++;
      continue;
    }
    const pos = view.tokens[u.tok]?.pos;
    if (
      u.sentenceStart &&
      a < b &&
      pos !== 'PROPN' &&
      // A paragraph often opens with a name ("Woo Sung-lak, head of …"), so there the word must look common.
      (!view.lineStart(u) || commonWord(view, u.text, pos)) &&
      !gazetteer(u.text, u.allCaps) &&
      !TITLES.has(u.text)
    ) {
      a++;
      continue;
    }
    break;
  }
  while (b >= a && view.isConnector(b)) b--;
  return a > b ? undefined : [a, b];
}
