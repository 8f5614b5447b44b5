// Places and peoples a lone capitalised word's shape and neighbours name before any run is typed: a
// demonym beside its country ("Ostrevian" … "Ostrevia"), a place before a country ("Mongla, Bangladesh"),
// a country before a state title ("Tamsen's Premier").
import type { ArticleView } from './articleView';
import type { DraftWriter } from './draftWriter';
import { NOT_NAMES, ORG_HEADS, STATE_TITLES, TITLES } from './gazetteers';
import { gazetteer } from './lexicon';

/** A capitalised adjective of nationality by its ending ("Ostrevian", "Valdorean"). */
const DEMONYM_RE = /^\p{Lu}\p{Ll}{3,}(ian|ean)$/u;

/** "Mongla, Bangladesh": a word set off by a comma before a country's name is a place in it. */
function beforeCountry(view: ArticleView, i: number): boolean {
  const { tokens } = view;
  const u = view.u(i);
  const comma = tokens[u.lastTok + 1];
  const country = view.units[i + 1];
  if (!comma || comma.value !== ',' || comma.start !== u.end || !country) return false;
  if (country.tok !== u.lastTok + 2 || NOT_NAMES.has(u.text) || TITLES.has(u.text)) return false;
  if (view.lowerWords.has(u.text.toLowerCase()) || tokens[u.tok]?.pos !== 'PROPN') return false;
  const entry = gazetteer(country.text, country.allCaps);
  if (!entry || entry.weak || entry.type !== 'GPE') return false;
  // "Lula, Brazil's president": a possessive makes the country a description of a person.
  const after = tokens[country.lastTok + 1];
  return !after || (after.value !== '’s' && after.value !== "'s");
}

/** A country by its people's adjective ("Ostrevian" beside "Ostrevia") or by a state title ("Tamsen's Premier"), at the title-case unit `i`. */
export function readPlaceShape(view: ArticleView, out: DraftWriter, i: number): void {
  const u = view.u(i);
  const prev = view.units[i - 1];
  if (prev && prev.cap && view.adjacent(prev, u)) return;
  if (gazetteer(u.text, false)) return;
  const next = view.units[i + 1];
  const nameFollows = !!next && next.cap && view.adjacent(u, next) && !TITLES.has(next.text);
  if (!nameFollows && u.text.endsWith('an') && DEMONYM_RE.test(u.text)) {
    const t = u.text;
    const stem = [t.slice(0, -1), t.slice(0, -2), `${t.slice(0, -3)}y`].find((w) => view.capWords.has(w));
    const titled = !!next && view.adjacent(u, next) && STATE_TITLES.has(next.text);
    if (stem || titled) {
      out.emit(i, i, 'NORP', 'pattern');
      if (stem) out.places.set(stem, true);
    }
    return;
  }
  if (beforeCountry(view, i)) return out.emitPlace(i, i, true);
  const poss = view.tokens[u.lastTok + 1];
  if (!poss || (poss.value !== '’s' && poss.value !== "'s") || poss.start !== u.end) return;
  const title = view.unitAt(u.lastTok + 2);
  if (title < 0 || !STATE_TITLES.has(view.u(title).text) || ORG_HEADS.has(u.text)) return;
  out.emitPlace(i, i, false);
}
