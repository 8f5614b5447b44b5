// Boilerplate or reprint: a passage that many files carry is site furniture when those files are pages
// about different stories (a footer, an author's bio, an "also read" list), and copied reporting when they
// carry it together with the rest of one story (a wire paragraph reprinted by several outlets).
//
// File counts cannot tell the two apart, and neither can the passage's own neighbours: a site's template
// blocks recur together just as a story's paragraphs do. What differs is what the carriers have in common
// besides what they share: reprints of one story agree beyond their copied text (their own intros name the
// same people and places), or are mostly copy; pages of one site on different stories agree on little but
// a byline. So the passage is judged by its family, this file and a few of its other carriers: it is a
// reprint when enough pairs of them tell the same story. Judging the family rather than this file alone
// gives every carrier the same answer, also one that uses the paragraph inside a story of its own.

/** Carriers of a passage examined with this file: a few pairs are enough, and their number stays fixed. */
export const FAMILY_HOLDERS = 3;
/**
 * Pairs in the family that must tell one story for the passage to be a reprint. A third: the file asking
 * may use the paragraph in a story of its own, and then only pairs of the other carriers agree.
 */
const REPRINT_SHARE = 1 / 3;
/**
 * Two files that, beyond the passage judged, each have at least this share of their words in common, and
 * at least COPY_WORDS words, are copies of one story. The floor keeps out short pages that are mostly a
 * site's template (a few lines of navigation, bio and footer), which no story reprinted in full is.
 */
export const COPY_COVER = 0.5;
export const COPY_WORDS = 100;
/**
 * Content-word cosine beyond everything two files share, from which they tell the same story. Pages of one
 * site on different stories stay below about 0.15 (a byline, a photo credit, the site's name); other
 * outlets' versions of a story agree from about 0.22 on.
 */
export const SAME_STORY_TEXT = 0.18;

/** What decides whether two files tell one story. */
export interface PairEvidence {
  /** Shares of each file's words in the other passages the two share, beyond the one judged. */
  cover: readonly [number, number];
  /** Words of the smaller side of those other passages. */
  words: number;
  /** Content-word similarity of what each file has beyond those passages (computed only if needed). */
  rest: () => number;
}

export function sameStory(e: PairEvidence): boolean {
  return (
    (Math.min(e.cover[0], e.cover[1]) >= COPY_COVER && e.words >= COPY_WORDS) || e.rest() >= SAME_STORY_TEXT
  );
}

/**
 * Whether a passage carried by `family` (this file first, then a few other carriers) is a reprint: enough
 * of the pairs among them tell one story. Pairs are asked lazily and the answer stops once settled.
 */
export function isReprint<T>(family: readonly T[], together: (x: T, y: T) => boolean): boolean {
  // Pairs of the other carriers first: their answers are kept while this file is edited, and often settle it.
  const pairs: [T, T][] = [];
  for (let i = 1; i < family.length; i++)
    for (let j = i + 1; j < family.length; j++) pairs.push([family[i], family[j]]);
  for (let j = 1; j < family.length; j++) pairs.push([family[0], family[j]]);
  if (pairs.length === 0) return false;
  const needed = Math.ceil(pairs.length * REPRINT_SHARE);
  let yes = 0;
  let left = pairs.length;
  for (const [x, y] of pairs) {
    if (together(x, y)) yes++;
    left--;
    if (yes >= needed) return true;
    if (yes + left < needed) return false;
  }
  return false;
}
