// Title-case words with no gazetteer match, typed by shape and context: after an introducer ("firm
// Halvard") an organisation, after a place preposition ("flooding in Kestown") a place, after a role
// noun or beside a speech verb a person, and two to four capitalised words a guessed person. What
// reads as a common word ("Analysts said", "Stock Market") is left unnamed; the document stage may
// still find it.
import type { ArticleView } from './articleView';
import { typeCapitals } from './capitals';
import type { DraftWriter } from './draftWriter';
import { NOT_NAMES, ORG_INTRODUCERS, PLACE_PREPOSITIONS, TRAVEL_WORDS } from './gazetteers';
import { DOMAIN_RE, GENERIC_WORDS } from './lexicon';
import type { Mode, Typing } from './typingSteps';
import { type Unit, isCap } from './units';

/** "flooding in Kestown", "a village near Soragai", "flew to Lindval": a lone name after a place preposition. */
function placeContext(view: ArticleView, u: Unit): boolean {
  const { tokens } = view;
  if (u.sentenceStart || u.allCaps || tokens[u.tok]?.pos !== 'PROPN') return false;
  if (NOT_NAMES.has(u.text) || view.lowerWords.has(u.text.toLowerCase())) return false;
  const p1 = tokens[u.tok - 1];
  if (!p1) return false;
  if (PLACE_PREPOSITIONS.has(p1.value)) return true;
  const p2 = tokens[u.tok - 2];
  return p1.value === 'to' && !!p2 && TRAVEL_WORDS.has(p2.value);
}

/** A sentence's first word that reads as a common noun: tagged so, written in lower case elsewhere, or plural. */
function commonNounLike(view: ArticleView, u: Unit): boolean {
  if (view.tokens[u.tok]?.pos !== 'PROPN') return true;
  if (view.lowerWords.has(u.text.toLowerCase())) return true;
  return /[^s]s$/.test(u.text) && !view.capWords.has(u.text.slice(0, -1));
}

/** "Ostrevia and Tamsen agreed": the word joined by "and"/"or" to a capitalised word no person's draft ends at. */
function joinedToNonPerson(view: ArticleView, out: DraftWriter, u: Unit): boolean {
  const conj = view.tokens[u.tok - 1];
  const other = view.tokens[u.tok - 2];
  if (!conj || !other || (conj.value !== 'and' && conj.value !== 'or') || !isCap(other.value)) return false;
  const prev = out.last();
  return !prev || prev.end !== other.end || prev.type !== 'PERSON';
}

/** Types units a..b, none a gazetteer match, by shape and context; a run with a connector stays unnamed. */
export function typeByShape(t: Typing, a: number, b: number, mode: Mode): void {
  const { view, out } = t;
  for (let k = a; k <= b; k++) if (view.isConnector(k)) return;
  const first = view.u(a);
  const last = view.u(b);
  const n = b - a + 1;
  if (first.allCaps) return typeCapitals(t, a, b, mode);
  if (DOMAIN_RE.test(last.text) && n === 1) return out.emit(a, b, 'ORG', 'pattern');
  if (mode === 'heading') return;
  if (mode === 'full' && t.byHead(a, b)) return;
  const before = view.prevWord(first);
  if (before && ORG_INTRODUCERS.has(before.value)) return out.emit(a, b, 'ORG', 'pattern', undefined, true);
  // A lone head or title word ("Association", "Council", "Minister") is no one's name.
  if (n === 1 && GENERIC_WORDS.some((set) => set.has(first.text))) return;
  if (n === 1 && placeContext(view, first)) return out.emitPlace(a, a, false);
  const roleBefore = view.roleBefore(first);
  // "Analysts said", "Residents said": a sentence's first word before a verb is more often a plural noun
  // than an unseen surname, and a surname seen in full is found again by the document stage.
  if (n === 1 && first.sentenceStart && !roleBefore && commonNounLike(view, first)) return;
  if (roleBefore) return out.emitPerson(a, b, true);
  if (view.speechContext(first, last)) {
    // "Ostrevia and Tamsen agreed": a bare word joined to a name that is no person is no person either.
    if (n === 1 && joinedToNonPerson(view, out, first)) return;
    return out.emitPerson(a, b, true);
  }
  if (n >= 2 && n <= 4 && mode === 'full') {
    if (before && (before.value === 'the' || before.value === 'The')) return;
    // Words the article also writes in lower case are common nouns, not a name ("Stock Market").
    for (let k = a; k <= b; k++) if (view.lowerWords.has(view.u(k).text.toLowerCase())) return;
    out.emitPerson(a, b, false);
  }
}
