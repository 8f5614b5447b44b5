// An article's title for lists (hovers, related quick pick, views): its detected headline, not its first
// line (which is often a menu or a ticker). The index keeps each indexed page's headline; texts it does not
// hold are detected here and memoised per article, each entry keeping only the text it was detected on and
// its title.
import type { Headline } from '../analysis/corpus/corpusIndex';
import { analyzeStructure } from '../analysis/structure/pageStructure';

/** Longest title shown before it is shortened. */
const MAX_CHARS = 100;
const byArticle = new Map<string, { text: string; title: string | undefined }>();

/** The title shown for a headline: the first story's title (shortened) and how many more the page holds. */
function shown({ title, stories }: Headline): string | undefined {
  if (stories === 0) return undefined;
  const short = title.length > MAX_CHARS ? `${title.slice(0, MAX_CHARS - 1)}…` : title;
  return stories > 1 ? `${short} (+${stories - 1} more)` : short;
}

function detect(text: string): string | undefined {
  const { stories } = analyzeStructure(text);
  return shown({ title: stories[0]?.title ?? '', stories: stories.length });
}

/**
 * The headline of the page's first story (and how many more it holds), or undefined. `known` is the
 * headline the index keeps for this very text, when it holds one.
 */
export function headlineTitle(text: string, key: string, known?: Headline): string | undefined {
  if (known) return shown(known);
  const memo = byArticle.get(key);
  if (memo?.text === text) return memo.title;
  const title = detect(text);
  byArticle.set(key, { text, title });
  return title;
}
