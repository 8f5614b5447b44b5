// A run split by gazetteer matches, longest first from each word ("Norway Ode Marrin" → Norway + the
// rest); the pieces between matches are typed by shape and context.
import { GAZETTEER_MAX_WORDS, type GazetteerEntry } from './gazetteers';
import { gazetteer } from './lexicon';
import { typeByShape } from './shapeAndContext';
import type { Mode, Typing } from './typingSteps';

export function typePieces(t: Typing, a: number, b: number, mode: Mode): void {
  const { view, out } = t;
  let k = a;
  let pieceStart = a;
  while (k <= b) {
    let matched = -1;
    let entry: GazetteerEntry | undefined;
    let phrase = '';
    for (let e = k; e <= b && e < k + GAZETTEER_MAX_WORDS; e++) {
      const u = view.u(e);
      phrase = phrase ? `${phrase} ${u.text}` : u.text;
      const hit = gazetteer(phrase, u.allCaps);
      // "Mary Jones": a weak one-word place followed by a capitalised word of the same run is a given name.
      const givenName = hit?.weak && e === k && k < b && !view.u(k + 1).allCaps && mode !== 'heading';
      if (hit && !givenName && (!hit.weak || e > k || view.properNoun(view.u(k)))) {
        matched = e;
        entry = hit;
      }
    }
    if (matched >= 0 && entry) {
      if (pieceStart < k) typeByShape(t, pieceStart, k - 1, mode);
      out.emit(k, matched, entry.type, 'gazetteer', entry.canonical);
      k = matched + 1;
      pieceStart = k;
    } else k++;
  }
  if (pieceStart <= b) typeByShape(t, pieceStart, b, mode);
}
