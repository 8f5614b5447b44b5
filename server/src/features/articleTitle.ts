// An article's title for lists (hovers, related quick pick, views): its detected headline, not its first
// line (which is often a menu or a ticker). Memoised per article: lists name articles from all over the
// corpus, and each entry keeps only the text it was detected on (the one the index holds) and its title.
import { analyzeStructure } from '../analysis/structure/pageStructure';

/** Longest title shown before it is shortened. */
const MAX_CHARS = 100;
const byArticle = new Map<string, { text: string; title: string | undefined }>();

function detect(text: string): string | undefined {
  const { stories } = analyzeStructure(text);
  if (stories.length === 0) return undefined;
  const first = stories[0].title;
  const title = first.length > MAX_CHARS ? `${first.slice(0, MAX_CHARS - 1)}…` : first;
  return stories.length > 1 ? `${title} (+${stories.length - 1} more)` : title;
}

/** The headline of the page's first story (and how many more it holds), or undefined. */
export function headlineTitle(text: string, key: string): string | undefined {
  const known = byArticle.get(key);
  if (known?.text === text) return known.title;
  const title = detect(text);
  byArticle.set(key, { text, title });
  return title;
}
