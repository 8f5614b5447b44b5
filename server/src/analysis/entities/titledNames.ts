// A title inside a run splits it: what follows is a person ("Prime Minister Sanae Takaichi"), what
// precedes is typed on its own ("UN High Commissioner …", "Japanese Foreign Minister …"), and a
// portfolio between title and name is no part of the name ("Commissioner for Energy …").
import type { ArticleView } from './articleView';
import { TITLES } from './gazetteers';
import { GENERIC_WORDS } from './lexicon';
import type { Typing } from './typingSteps';

/** Capitalised words of ministerial portfolios, which stand between a title and a name. */
const PORTFOLIO_WORDS = new Set(
  (
    'Energy Affairs Climate Environment Agriculture Economy Economic Finance Trade Industry Labour Labor ' +
    'Transport Infrastructure Tourism Culture Sport Sports Youth Women Family Justice Interior Defence Defense ' +
    'Security Health Education Science Technology Digital Development Housing Water Fisheries Mines ' +
    'Petroleum Commerce Investment Planning Information Communications Immigration Migration Refugees ' +
    'Welfare Treasury Budget Relations Cooperation Integration Neighbourhood Enlargement Competition'
  ).split(' '),
);

function isTitle(w: string): boolean {
  return TITLES.has(w) || TITLES.has(w.replace(/\.$/, ''));
}

function hasTitle(view: ArticleView, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (isTitle(view.u(k).text)) return true;
  return false;
}

function allTitles(view: ArticleView, a: number, b: number): boolean {
  for (let k = a; k <= b; k++) if (!isTitle(view.u(k).text)) return false;
  return true;
}

/** First unit of the block of titles (and connectors) that ends at the title `t`, not before `a`. */
function titleBlockStart(view: ArticleView, t: number, a: number): number {
  let s = t;
  while (s - 1 >= a) {
    if (isTitle(view.u(s - 1).text) || view.isConnector(s - 1)) s--;
    else break;
  }
  // Keep a leading acronym or place out of the title ("UN High Commissioner", "Kharkiv Mayor").
  return s;
}

/** A word of an office's portfolio rather than of a name ("Energy", "Foreign Affairs"). */
function portfolioWord(view: ArticleView, k: number): boolean {
  const u = view.u(k);
  if (view.isConnector(k)) return !view.isParticle(k);
  return (
    GENERIC_WORDS.some((set) => set.has(u.text)) ||
    view.lowerWords.has(u.text.toLowerCase()) ||
    PORTFOLIO_WORDS.has(u.text)
  );
}

/** Types units a..b around the last title before `b`; false when there is none or nothing to split. */
export function typeTitledName(t: Typing, a: number, b: number): boolean {
  const { view } = t;
  let ti = -1;
  for (let k = b - 1; k >= a; k--) {
    if (isTitle(view.u(k).text)) {
      ti = k;
      break;
    }
  }
  if (ti < 0) return false;
  let p = ti + 1;
  let end = b;
  // "Prime Minister Seo Ha-rim of Ostrevia": the name ends at a connector that follows it.
  let c = -1;
  for (let k = p + 1; k <= b; k++) if (c < 0 && view.isConnector(k) && !view.isParticle(k)) c = k;
  if (c > p && c - p <= 3 && !view.isConnector(p)) end = c - 1;
  else for (let k = p; k <= b; k++) if (view.isConnector(k) && !view.isParticle(k)) p = k + 1;
  // "Commissioner for Energy Katharina von der Heyden": after "for" or "of" the portfolio comes first.
  if (p > ti + 1) while (p <= end && portfolioWord(view, p)) p++;
  // A name with particles is whole as it stands ("Katharina von der Heyden").
  if (!view.particleName(p, end)) {
    for (let k = p; k <= end; k++) if (view.isParticle(k)) p = k + 1;
    // Up to four words: Spanish and Portuguese names carry two surnames ("José Luis Peña Ortiz").
    if (end - p + 1 > 4) p = end - 1;
  }
  if (p <= end && !allTitles(view, p, end)) {
    const prefixEnd = titleBlockStart(view, ti, a) - 1;
    // "Japanese Foreign Minister Tsuda Haruki and Philippine Foreign Secretary Ramon Dizon": two titled names.
    const and = view.lastAnd(a, prefixEnd);
    if (and > a && hasTitle(view, a, and - 1)) {
      t.run(a, and - 1);
      if (and < prefixEnd) t.pieces(and + 1, prefixEnd, 'full');
    } else if (prefixEnd >= a) t.pieces(a, prefixEnd, 'full');
    t.out.emitPerson(p, end, true);
    if (end < b) t.pieces(end + 2, b, 'noGuess');
    return true;
  }
  if (p > b || allTitles(view, p, b)) {
    const prefixEnd = titleBlockStart(view, ti, a) - 1;
    if (prefixEnd >= a) t.pieces(a, prefixEnd, 'full');
    return true;
  }
  return false;
}
