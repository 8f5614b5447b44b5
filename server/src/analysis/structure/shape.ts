// Line shape: length, capitalisation and end punctuation, the cues that tell a headline from a sentence
// of body text without knowing any words of the page.

export interface LineShape {
  words: number;
  /** Letters present and none of them lower case. */
  allCaps: boolean;
  /** Share of words that start with an upper-case letter or a digit. */
  capitalised: number;
  /** Ends like a sentence: . ! ? … possibly followed by closing quotes or brackets. */
  sentenceEnd: boolean;
  /** Ends with a mark a headline never ends with: . , ; : */
  openEnd: boolean;
}

const SENTENCE_END = /[.!?…]["'”’)\]]*$|["”’]$/u;
const OPEN_END = /[.,;:]["'”’)\]]*$/u;

/**
 * Shapes of the lines seen last. A page's structure asks several cues of each line, and an edited page
 * comes back with all but one or two of its lines unchanged, as do a site's template lines page after page.
 */
const recentShapes = new Map<string, Readonly<LineShape>>();
const RECENT_SHAPES = 4096;

/** Longer lines are running text, rarely repeated, and not worth a copy. */
const LONGEST_KEPT = 500;

export function shapeOf(text: string): Readonly<LineShape> {
  if (text.length > LONGEST_KEPT) return computeShape(text);
  const known = recentShapes.get(text);
  if (known) return known;
  const shape = Object.freeze(computeShape(text));
  if (recentShapes.size >= RECENT_SHAPES) recentShapes.clear();
  // Kept under a copy: a line is a slice that would keep its page's whole text alive. Slicing the
  // concatenation flattens it into a string of its own (about twenty times cheaper than a spread).
  recentShapes.set(text.length >= 13 ? ` ${text}`.slice(1) : text, shape);
  return shape;
}

function computeShape(text: string): LineShape {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const letters = text.replace(/[^\p{L}]/gu, '');
  const capitalised = words.filter((w) => /^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(w)).length;
  return {
    words: words.length,
    allCaps: letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    capitalised: words.length ? capitalised / words.length : 0,
    sentenceEnd: SENTENCE_END.test(text),
    openEnd: OPEN_END.test(text),
  };
}

/** Could head a story: a short line, not shouted, not ending like a sentence or a list item. */
export function isHeadlineShaped(text: string): boolean {
  const s = shapeOf(text);
  if (s.words < 3 || s.words > 25 || s.allCaps || s.openEnd) return false;
  // Credit lines ("— Reported by ...") and list items ("» ...", "- ...") open with a dash or a bullet.
  return /^["'“‘([]?[\p{Lu}\p{N}]/u.test(text);
}

/** Reads as running text: a sentence of some length, or a long line whatever its end. */
export function isBodyShaped(text: string): boolean {
  const s = shapeOf(text);
  return s.words >= 25 || (s.words >= 5 && s.sentenceEnd && !s.allCaps);
}

/** A short line naming a section ("SPORTS", "Sport"): one shouted phrase or a single word, no sentence. */
export function isLabelShaped(text: string): boolean {
  const s = shapeOf(text);
  if (s.words < 1 || s.words > 4 || s.sentenceEnd || /[|]/.test(text)) return false;
  return s.allCaps || (s.words === 1 && s.capitalised === 1);
}
