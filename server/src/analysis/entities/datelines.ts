// A dateline opens a story with the place it was filed from, and often the agency that filed it
// ("KESTOWN, Valdoria (Harbor Wire) — …"). Read before any run is typed, as it says for certain that the
// word is a place, wherever else it stands alone.
import type { ArticleView } from './articleView';
import type { DraftWriter } from './draftWriter';
import { NOT_NAMES } from './gazetteers';
import type { NlpToken } from '../text/nlp';
import { isCap, isWord } from './units';

const DASHES = new Set(['—', '–', '-', '--']);

/** Running text after a dateline: several words, some in lower case. */
function prose(view: ArticleView, fromTok: number, lineEnd: number): boolean {
  const { tokens } = view;
  let words = 0;
  let lower = 0;
  for (let k = fromTok; k < tokens.length && words < 8; k++) {
    const t = tokens[k] as NlpToken;
    if (t.start >= lineEnd) break;
    if (!isWord(t)) continue;
    words++;
    if (!isCap(t.value)) lower++;
  }
  return words >= 5 && lower >= 2;
}

/**
 * "KESTOWN, Valdoria (Harbor Wire) — …", "LINDVAL, March 4 (Eastgate) - …", "BRENMOOR — …", at the
 * all-capitals unit `i` that starts a line: the place, its region and the agency, when prose follows the dash.
 */
export function readDateline(view: ArticleView, out: DraftWriter, i: number): void {
  const u = view.u(i);
  if (NOT_NAMES.has(u.text)) return;
  let j = i;
  while (j - i < 2 && view.units[j + 1]?.allCaps && view.adjacent(view.u(j), view.u(j + 1))) j++;
  const lineEnd = view.lineEnd(u.start);
  const tokens = view.tokens;
  const within = (k: number): boolean => k < tokens.length && (tokens[k] as NlpToken).start < lineEnd;
  let k = view.u(j).lastTok + 1;
  let region: [number, number] | undefined;
  let agency: [number, number] | undefined;
  if (within(k) && tokens[k]?.value === ',') {
    const r0 = ++k;
    while (within(k) && k < r0 + 6 && !DASHES.has(tokens[k]?.value ?? '') && tokens[k]?.value !== '(') k++;
    region = out.runOfTokens(r0, k - 1);
  }
  if (within(k) && tokens[k]?.value === '(') {
    const a0 = k + 1;
    let e = a0;
    while (within(e) && e < a0 + 6 && tokens[e]?.value !== ')') e++;
    if (!within(e) || tokens[e]?.value !== ')') return;
    agency = out.runOfTokens(a0, e - 1);
    k = e + 1;
  }
  if (!within(k) || !DASHES.has(tokens[k]?.value ?? '') || !prose(view, k + 1, lineEnd)) return;
  out.emitPlace(i, j, true);
  if (region) out.emitPlace(region[0], region[1], true);
  if (agency) out.emitOutlet(agency[0], agency[1]);
}
