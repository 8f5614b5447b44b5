// Credits name the people and outlets behind a story: bylines ("By Nadia Petrov, Harbor Wire"), photo
// credits ("(Photo by Luka Ferrante/Valdoria Today)") and the agency closing a paragraph ("(Eastgate)").
// Read before any run is typed, as the credit's shape says what each name is.
import type { ArticleView } from './articleView';
import type { DraftWriter } from './draftWriter';
import { NOT_NAMES, ORG_HEADS, TITLES } from './gazetteers';
import { gazetteer } from './lexicon';
import type { NlpToken } from '../text/nlp';
import { hasNewline } from './units';

/** Words that credit a photograph ("Photo: …", "(… Photo/…)", "Photograph by …"). */
export const PHOTO_WORDS = new Set(['Photo', 'Photos', 'Photograph', 'Photographs', 'Picture', 'Pictures']);
/** Words before "by" that credit the people behind a story ("Reporting by …; Editing by …"). */
const CREDIT_WORDS = new Set([
  'Reporting',
  'reporting',
  'Editing',
  'editing',
  'Writing',
  'writing',
  'By',
  'by',
]);

/** "By Nadia Petrov", "By MIRELA COSTIN, Harbor Wire", "(Reporting by Anders Vik; Editing by Clara Moreau)", at the "By" unit `i`. */
export function readByline(view: ArticleView, out: DraftWriter, i: number): void {
  const u = view.u(i);
  const prev = view.units[i - 1];
  const credit =
    u.text === 'By'
      ? view.lineStart(u) || (!!prev && CREDIT_WORDS.has(prev.text))
      : !!prev && CREDIT_WORDS.has(prev.text) && view.adjacent(prev, u);
  if (!credit) return;
  const a = i + 1;
  const b = out.capRun(a, 3);
  if (b <= a || TITLES.has(view.u(a).text) || gazetteer(view.phrase(a, b), false)) return;
  // The name must end the credit: a line end, a comma before the outlet, or the close of the credit.
  const after = view.tokens[view.u(b).lastTok + 1];
  const lineEnd = view.lineEnd(view.u(b).end);
  if (after && after.start < lineEnd && ![',', ';', ')', '|', '/', 'and'].includes(after.value)) return;
  out.emitPerson(a, b, true);
  if (after?.value === 'and' && after.start < lineEnd) {
    // "By Nafisa Tasnim and Rohan Deshpande": a second author, ending the credit the same way.
    const c = view.unitAt(view.u(b).lastTok + 2);
    const d = c >= 0 ? out.capRun(c, 3) : -1;
    const end = d > c ? view.tokens[view.u(d).lastTok + 1] : undefined;
    if (
      d > c &&
      !TITLES.has(view.u(c).text) &&
      (!end || end.start >= lineEnd || [',', ';', ')'].includes(end.value))
    )
      out.emitPerson(c, d, true);
    return;
  }
  if (after?.value !== ',' || after.start >= lineEnd) return;
  const o = view.unitAt(view.u(b).lastTok + 2);
  const ob = out.capRun(o, 4);
  if (ob < 0) return;
  const close = view.tokens[view.u(ob).lastTok + 1];
  if (!close || close.start >= lineEnd || close.value === ')' || close.value === ';') out.emitOutlet(o, ob);
}

/**
 * "(Tamsen Herald Photo/Hana Kurosaki)", "Photo: Mara Lund/Eastgate", "(Photo by Luka Ferrante/Valdoria Today)",
 * at the photo word `i`, which is claimed whatever follows.
 */
export function readPhotoCredit(view: ArticleView, out: DraftWriter, i: number): void {
  const u = view.u(i);
  // The outlet named before the word, inside the credit's parenthesis.
  let a = i;
  while (a - 1 >= 0 && i - a < 4) {
    const p = view.u(a - 1);
    if (!p.cap || out.claimed[a - 1] || NOT_NAMES.has(p.text) || !view.adjacent(p, view.u(a))) break;
    a--;
  }
  if (a < i && view.tokens[view.u(a).tok - 1]?.value === '(') out.emitOutlet(a, i - 1);
  out.claim(i, i);
  const next = view.tokens[u.lastTok + 1];
  if (!next || next.start !== u.end + (next.value === 'by' ? 1 : 0)) return;
  let s = -1;
  if (next.value === ':' || next.value === '/') s = view.unitAt(u.lastTok + 2);
  else if (next.value === 'by') s = view.unitAt(u.lastTok + 2);
  const e = out.capRun(s, 3);
  if (e < 0) return;
  const after = view.tokens[view.u(e).lastTok + 1];
  const last = view.u(e).text;
  if (e > s && !ORG_HEADS.has(last) && !PHOTO_WORDS.has(last) && last !== 'Images')
    out.emitPerson(s, e, true);
  else if (e === s && (after?.value === '/' || after?.value === ')')) out.emitOutlet(s, e);
  else return;
  if (after?.value !== '/' || after.start !== view.u(e).end) return;
  let o = view.unitAt(view.u(e).lastTok + 2);
  if (o >= 0 && view.u(o).text === 'The') o++;
  const ob = out.capRun(o, 4);
  if (ob >= 0) out.emitOutlet(o, ob);
}

/** "(Eastgate)" closing a paragraph: the agency that filed it. */
export function readParenCredits(view: ArticleView, out: DraftWriter): void {
  const { tokens, text } = view;
  for (let k = 1; k < tokens.length; k++) {
    if ((tokens[k] as NlpToken).value !== '(') continue;
    const before = (tokens[k - 1] as NlpToken).value;
    if (before !== '.' && before !== '”' && before !== '"' && before !== '!' && before !== '?') continue;
    const a = view.unitAt(k + 1);
    const b = out.capRun(a, 3);
    if (b < 0) continue;
    const close = tokens[view.u(b).lastTok + 1];
    if (!close || close.value !== ')') continue;
    const next = tokens[view.u(b).lastTok + 2];
    if (next && !hasNewline(text, close.end, next.start)) continue;
    out.emitOutlet(a, b);
  }
}
