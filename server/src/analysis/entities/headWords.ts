// Names typed by a first or last word: "Operation …" (EVENT), "… Ministry" (ORG), "… Temple" (FAC),
// "University of …", "Gulf of …" (LOC), a place before a team's plural ("San Diego Padres"). Two
// organisations joined by "and" are typed each on its own.
import type { ArticleView } from './articleView';
import {
  EVENT_HEADS,
  EVENT_OF_HEADS,
  EVENT_PREFIXES,
  FAC_FIRST_WORDS,
  FAC_HEADS,
  GPE_PREFIXES,
  GPE_SUFFIXES,
  LOC_OF_HEADS,
  LOC_PREFIXES,
  LOC_SUFFIXES,
  ORG_FIRST_WORDS,
  ORG_HEADS,
  ORG_PREFIXES,
  OUTLET_PREFIXES,
  TITLES,
} from './gazetteers';
import { TEAM_PLURAL_RE, gazetteer, teamPlace } from './lexicon';
import type { Typing } from './typingSteps';
import type { EntityType } from '../types';

/** Units a..b make a name of their own: a known place, or ending in an organisation or facility word. */
function wholeName(view: ArticleView, a: number, b: number): boolean {
  const last = view.u(b).text;
  if (ORG_HEADS.has(last) || FAC_HEADS.has(last) || EVENT_HEADS.has(last)) return true;
  return !!gazetteer(view.phrase(a, b), view.u(a).allCaps);
}

/** An office and its portfolio ("Commissioner for Energy", "Secretary of Energy"), not an organisation. */
function officePhrase(view: ArticleView, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const next = view.u(k + 1).text;
    if (TITLES.has(view.u(k).text) && (next === 'for' || next === 'of')) return true;
  }
  return false;
}

/** Every connector of units a..b is a name particle ("von der"), none a joining word ("of", "and"). */
function onlyParticles(view: ArticleView, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (view.isConnector(k) && !view.isParticle(k)) return false;
  return true;
}

/** After an "and", only one word may follow in an organisation name ("Ministry of Trade and Industry"). */
function andTailIsShort(view: ArticleView, a: number, b: number): boolean {
  for (let k = b; k >= a; k--) {
    const w = view.u(k).text;
    if (w === 'and' || w === '&') return b - k <= 1;
  }
  return true;
}

/**
 * A place followed by a plural name is a sports team ("San Diego Padres", "Montreal Alouettes"); a
 * plural that is itself a place, people or feature word ("Koreans", "Islands") is not.
 */
function teamName(view: ArticleView, a: number, b: number): boolean {
  const last = view.u(b);
  if (!TEAM_PLURAL_RE.test(last.text) || b - a > 3 || last.titleLine) return false;
  // "Iran Protests", "Israel Says": a common plural or a verb after a place.
  if (view.tokens[last.tok]?.pos !== 'PROPN' || view.lowerWords.has(last.text.toLowerCase())) return false;
  if (LOC_SUFFIXES.has(last.text) || FAC_HEADS.has(last.text) || gazetteer(last.text, last.allCaps))
    return false;
  // "Minas Gerais" is a state, not a team of Minas.
  if (gazetteer(view.phrase(a, b), view.u(a).allCaps)) return false;
  return teamPlace(view.phrase(a, b - 1), b - a, view.u(a).allCaps);
}

/** Types units a..b (two at least) by a head word, emitting the draft; false when none applies. */
export function typeByHead(t: Typing, a: number, b: number): boolean {
  if (b <= a) return false;
  const { view } = t;
  const first = view.u(a);
  const last = view.u(b);
  let connector = false;
  for (let k = a; k <= b; k++) if (view.isConnector(k)) connector = true;
  let type: EntityType | undefined;
  const short = !connector && b - a <= 2;
  // "Eko Re Group Plc and Abahani Limited": two organisations, each side typed on its own.
  const and = view.lastAnd(a, b);
  const tail = and > 0 && and < b ? view.phrase(and + 1, b) : '';
  if (
    and > a + 1 &&
    (b - and >= 2 || (tail && gazetteer(tail, view.u(b).allCaps))) &&
    wholeName(view, a, and - 1)
  ) {
    t.run(a, and - 1);
    t.run(and + 1, b);
    return true;
  }
  const ofName = a + 1 < b && view.u(a + 1).text === 'of';
  if (EVENT_PREFIXES.has(first.text) && !view.isConnector(a + 1)) type = 'EVENT';
  else if (ofName && EVENT_OF_HEADS.has(first.text)) type = 'EVENT';
  else if (ofName && LOC_OF_HEADS.has(first.text)) type = 'LOC';
  else if (ORG_HEADS.has(last.text) && !officePhrase(view, a, b)) type = 'ORG';
  else if (ORG_FIRST_WORDS.has(first.text)) type = 'ORG';
  else if (FAC_FIRST_WORDS.has(first.text)) type = 'FAC';
  else if (teamName(view, a, b)) type = 'ORG';
  else if (OUTLET_PREFIXES.has(first.text) && short) type = 'ORG';
  else if (EVENT_HEADS.has(last.text)) type = 'EVENT';
  else if (FAC_HEADS.has(last.text)) type = 'FAC';
  else if (LOC_PREFIXES.has(first.text) && short) type = 'LOC';
  else if (
    GPE_PREFIXES.has(first.text) &&
    short &&
    (first.text !== 'New' || (b === a + 1 && !first.titleLine))
  )
    type = 'GPE';
  else if (LOC_SUFFIXES.has(last.text)) type = 'LOC';
  else if (GPE_SUFFIXES.has(last.text) && !connector) type = 'GPE';
  else if (connector && !onlyParticles(view, a, b) && andTailIsShort(view, a, b)) {
    // "University of Tokyo", "Foreign Correspondents’ Club of Japan", "Institute of … Studies".
    for (let k = a; k <= b && !view.isConnector(k); k++) {
      const w = view.u(k).text;
      if (ORG_HEADS.has(w) || ORG_PREFIXES.has(w)) type = 'ORG';
    }
    // "Palace of Westminster", "Quay of Saint Aurel".
    if (!type && a + 1 <= b && view.isConnector(a + 1) && FAC_HEADS.has(first.text)) type = 'FAC';
  }
  if (!type) return false;
  t.out.emit(a, b, type, 'pattern');
  return true;
}
