// An article's title for lists (hovers, related quick pick): its detected headline, not its first line
// (which is often a menu or a ticker). Memoised per text: a hover lists several articles at once.
import { analyzeStructure } from '../analysis/structure/pageStructure';

/** Longest title shown before it is shortened. */
const MAX_CHARS = 100;
const CACHE_SIZE = 64;
const cache = new Map<string, string | undefined>();

function detect(text: string): string | undefined {
  const { stories } = analyzeStructure(text);
  if (stories.length === 0) return undefined;
  const first = stories[0].title;
  const title = first.length > MAX_CHARS ? `${first.slice(0, MAX_CHARS - 1)}…` : first;
  return stories.length > 1 ? `${title} (+${stories.length - 1} more)` : title;
}

/** The headline of the page's first story (and how many more it holds), or undefined. */
export function headlineTitle(text: string): string | undefined {
  if (cache.has(text)) return cache.get(text);
  const title = detect(text);
  cache.set(text, title);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return title;
}
