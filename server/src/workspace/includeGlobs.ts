// Include globs: validated before use and compiled once per settings value. picomatch turns a glob into a
// backtracking regular expression, so a segment with many `*` (`*a*a*a*a*b`) costs exponential time on
// long names; such patterns, like ones that do not compile, are refused with a reason.
import picomatch from 'picomatch';

/** Most `*` wildcards one path segment may hold (a `**` segment is not counted). */
export const MAX_STARS_PER_SEGMENT = 2;
const MAX_GLOB_LENGTH = 256;

/** Why a glob cannot be used, or `undefined` when it can. */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'empty pattern';
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`;
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const stars = segment.replace(/\*\*+/g, '*').split('*').length - 1;
    if (stars > MAX_STARS_PER_SEGMENT)
      return `more than ${MAX_STARS_PER_SEGMENT} '*' in the segment '${segment}' (matching would be too slow)`;
  }
  try {
    picomatch.makeRe(glob, { dot: true, windows: false });
  } catch (e) {
    return `not a valid glob (${e instanceof Error ? e.message : String(e)})`;
  }
  return undefined;
}

export type PathMatcher = (relativePath: string) => boolean;

const compiled = new WeakMap<readonly string[], PathMatcher>();

/** One matcher for a list of (validated) globs, cached per list so a folder walk compiles it once. */
export function includeMatcher(include: readonly string[]): PathMatcher {
  let match = compiled.get(include);
  if (!match) {
    match = include.length === 0 ? () => false : picomatch([...include], { dot: true, windows: false });
    compiled.set(include, match);
  }
  return match;
}
