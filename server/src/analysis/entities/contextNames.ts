// The rule engine's context stage, before any run of capitals is typed: shapes that say what a name is
// whatever its words (datelines, bylines, photo and agency credits, demonyms and place shapes). What it
// claims, later stages leave alone.
import type { ArticleView } from './articleView';
import { PHOTO_WORDS, readByline, readParenCredits, readPhotoCredit } from './credits';
import { readDateline } from './datelines';
import type { DraftWriter } from './draftWriter';
import { readPlaceShape } from './placeShapes';

export function nameByContext(view: ArticleView, out: DraftWriter): void {
  for (let i = 0; i < view.units.length; i++) {
    if (out.claimed[i]) continue;
    const u = view.u(i);
    if (u.allCaps && view.lineStart(u)) readDateline(view, out, i);
    else if (u.text === 'By' || u.text === 'by') readByline(view, out, i);
    else if (PHOTO_WORDS.has(u.text)) readPhotoCredit(view, out, i);
    else if (u.cap && !u.allCaps) readPlaceShape(view, out, i);
  }
  readParenCredits(view, out);
}
