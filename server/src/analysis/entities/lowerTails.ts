// Names that go on in lower case: "Chosei coal mine" (FAC), "Fukushima Daiichi nuclear disaster" (EVENT),
// "Korean peninsula", "Dokdo islets" (LOC). The tail joins the draft and is claimed with it.
import type { ArticleView } from './articleView';
import type { DraftWriter } from './draftWriter';
import { EVENT_TAILS, FAC_TAILS, LOC_SUFFIXES, NOT_NAMES } from './gazetteers';
import { gazetteer } from './lexicon';

/** The first words of the tails: most runs are followed by none of them. */
const TAIL_FIRST_WORDS = new Set([...EVENT_TAILS, ...FAC_TAILS].map((t) => t[0]));

/** Types units a..b by the lower-case words after them; false when none follows. */
export function typeByLowerTail(view: ArticleView, out: DraftWriter, a: number, b: number): boolean {
  const last = view.u(b);
  const g = gazetteer(view.phrase(a, b), false);
  /** The last unit of `words` read right after the run, or -1. */
  const read = (words: string[]): number => {
    let prev = last;
    for (let k = 0; k < words.length; k++) {
      const u = view.units[b + 1 + k];
      if (!u || u.text !== words[k] || !view.adjacent(prev, u)) return -1;
      prev = u;
    }
    return b + words.length;
  };
  if (g && (g.type === 'NORP' || g.type === 'GPE')) {
    const next = view.units[b + 1];
    if (next && !next.cap && LOC_SUFFIXES.has(next.text) && view.adjacent(last, next)) {
      out.emit(a, b + 1, 'LOC', 'pattern');
      return true;
    }
    return false;
  }
  if (g || NOT_NAMES.has(view.u(a).text)) return false;
  const next = view.units[b + 1];
  // A tail is read from the unit right after the run: without one of their first words there, none is.
  if (next && TAIL_FIRST_WORDS.has(next.text) && view.adjacent(last, next)) {
    if (readTails(out, a, b, read)) return true;
  }
  if (a === b && next && !next.cap && LOC_SUFFIXES.has(next.text) && view.adjacent(last, next)) {
    out.emit(a, b, 'LOC', 'pattern');
    return true;
  }
  return false;
}

/** Emits units a..b with the first event or facility tail `read` finds after them; whether one was. */
function readTails(out: DraftWriter, a: number, b: number, read: (words: string[]) => number): boolean {
  for (const tail of EVENT_TAILS) {
    const e = read(tail);
    if (e > 0 && b - a >= 1) {
      out.emit(a, e, 'EVENT', 'pattern');
      return true;
    }
  }
  for (const tail of FAC_TAILS) {
    const e = read(tail);
    if (e > 0) {
      out.emit(a, e, 'FAC', 'pattern');
      return true;
    }
  }
  return false;
}
