// Passages repeated inside one file (a headline, caption or paragraph printed again): one Repeat per later
// copy, covering the whole maximal copy and pointing at the first one.
import { shingleHashes } from './shingles';
import { growTolerant, matchForward, type WordPair } from './wordAlign';
import { widenOverPunctuation, wordTokens, type WordTokens } from '../text/wordTokens';
import type { Repeat } from '../types';

/** Earlier positions remembered per shingle; bounds the work on degenerate text ("ha ha ha …"). */
const MAX_CANDIDATES = 16;

/**
 * Whether a copy stands as a text unit of its own: it starts after a line break or a sentence end (or at
 * the start of the text) and ends before one. Recurring names and stock phrases ("the University of
 * Tokyo's Institute of …") sit inside sentences; repeated headlines, captions and paragraphs do not.
 */
function isUnit(text: string, tokens: WordTokens, w0: number, w1: number): boolean {
  const opens = w0 === 0 || /[\n\r.!?]/.test(text.slice(tokens.ends[w0 - 1], tokens.starts[w0]));
  const closes = w1 === tokens.count || /[\n\r.!?]/.test(text.slice(tokens.ends[w1 - 1], tokens.starts[w1]));
  return opens && closes;
}

/**
 * Repeated passages of at least `minWords` words. Words compare after normalisation (case, quotes,
 * dashes, line breaks), a copy may differ from the first by one-word edits, and a copy is reported when
 * either copy is a whole line or sentence, or when it is long (three times the minimum) wherever it sits.
 */
export function findRepeats(text: string, minWords: number): Repeat[] {
  const m = Math.max(2, Math.floor(minWords));
  const tokens = wordTokens(text);
  const W = tokens.hashes;
  const n = tokens.count;
  const shingles = shingleHashes(W, m);
  const seen = new Map<number, number[]>();
  const repeats: Repeat[] = [];
  let skipUntil = 0;
  for (let i = 0; i < shingles.length; i++) {
    const earlier = seen.get(shingles[i]);
    if (earlier && i >= skipUntil) {
      let best: WordPair | undefined;
      for (const j of earlier) {
        if (j + m > i) continue;
        // The first copy must end before the later one starts.
        const len = matchForward(W, W, j, i, { aMin: 0, aMax: i, bMin: i, bMax: n });
        if (len >= m && (!best || len > best.matched))
          best = { a0: j, a1: j + len, b0: i, b1: i + len, matched: len };
      }
      if (best) {
        const first = best;
        growTolerant(W, W, first, { aMin: 0, aMax: first.b0, bMin: first.b0, bMax: n });
        const back = { aMin: 0, aMax: first.a1, bMin: Math.max(skipUntil, first.a1), bMax: first.b1 };
        growTolerant(W, W, first, back);
        const long = first.matched >= 3 * m;
        if (long || isUnit(text, tokens, first.a0, first.a1) || isUnit(text, tokens, first.b0, first.b1)) {
          const a = { start: tokens.starts[first.a0], end: tokens.ends[first.a1 - 1] };
          const b = { start: tokens.starts[first.b0], end: tokens.ends[first.b1 - 1] };
          widenOverPunctuation(text, a, text, b);
          if (a.end > b.start) a.end = b.start;
          repeats.push({ span: b, first: a });
        }
        skipUntil = first.b1;
      }
    }
    if (earlier) {
      if (earlier.length < MAX_CANDIDATES) earlier.push(i);
    } else seen.set(shingles[i], [i]);
  }
  return repeats;
}
