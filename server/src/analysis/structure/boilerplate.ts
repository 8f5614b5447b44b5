// Stage 2: page furniture. A line is boilerplate by its own cue (navigation, copyright, newsletter, author
// note, continued-below marker, footer) or by the header above it (a reading list under "ALSO READ", advert
// copy under "Advertisement", a note under "About the author"); the masthead is the top block holding a
// menu. Lines that recur later on the page are kept: a headline printed twice is not furniture.
import {
  isAdvertLine,
  isAdvertMarker,
  isBioHeader,
  isBioLine,
  isContinuedMarker,
  isCopyright,
  isFooter,
  isListHeader,
  isNavigation,
  isNewsletter,
} from './cues';
import type { Line } from './lines';
import { isBodyShaped, isHeadlineShaped, shapeOf } from './shape';
import { cleanTitle } from './title';
import type { BoilerplateKind } from './types';

/** Longest line (in words) still read as an item of a reading list. */
const MAX_LIST_ITEM_WORDS = 30;

function ownKind(text: string): BoilerplateKind | undefined {
  if (isNavigation(text)) return 'navigation';
  if (isCopyright(text)) return 'copyright';
  if (isNewsletter(text)) return 'newsletter';
  if (isContinuedMarker(text)) return 'continued';
  if (isAdvertLine(text)) return 'advert';
  if (isBioLine(text)) return 'bio';
  if (isFooter(text)) return 'footer';
  return undefined;
}

const isListItem = (text: string): boolean => shapeOf(text).words <= MAX_LIST_ITEM_WORDS;

/** Advert copy sells something: an offer, a price, a call to act, a link. */
const isPromotion = (text: string): boolean =>
  /\b(?:free|offers?|promo|discount|sale|book|call|buy|shop|order|apply|T&Cs?|terms apply|save|deals?|sign up|register)\b|%|https?:|www\./i.test(
    text,
  );

/** Lines of the block starting at `from` (a block is a run of non-blank lines). */
function blockFrom(lines: readonly Line[], from: number): Line[] {
  const out: Line[] = [];
  for (let i = from; i < lines.length && lines[i].text; i++) out.push(lines[i]);
  return out;
}

function firstFilledFrom(lines: readonly Line[], from: number): number {
  let i = from;
  while (i < lines.length && !lines[i].text) i++;
  return i;
}

/** Per line, the kind of furniture it is, or undefined. */
export function boilerplateKinds(lines: readonly Line[]): (BoilerplateKind | undefined)[] {
  const kinds = lines.map((l) => (l.text ? ownKind(l.text) : undefined));
  const counts = new Map<string, number>();
  for (const l of lines) if (l.text) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  const recurs = (l: Line): boolean => (counts.get(l.text) ?? 0) > 1;
  const mark = (group: readonly Line[], kind: BoilerplateKind): void => {
    for (const l of group) kinds[l.index] = kind;
  };

  for (let i = 0; i < lines.length; i++) {
    const { text } = lines[i];
    if (!text) continue;
    if (isListHeader(text)) {
      kinds[i] = 'related';
      const rest = blockFrom(lines, i + 1);
      const items = [];
      for (const l of rest) {
        if (!isListItem(l.text)) break;
        items.push(l);
      }
      mark(items, 'related');
      if (rest.length === 0) {
        // The list sits in the next block when it reads as a list: several short lines, or one at the end.
        const next = blockFrom(lines, firstFilledFrom(lines, i + 1));
        const after = next.length ? firstFilledFrom(lines, next[next.length - 1].index + 1) : lines.length;
        const listLike = next.every((l) => isListItem(l.text) && !isBodyShaped(l.text) && !recurs(l));
        if (listLike && (next.length >= 2 || after >= lines.length)) mark(next, 'related');
      }
    } else if (isAdvertMarker(text)) {
      kinds[i] = 'advert';
      const rest = blockFrom(lines, i + 1);
      if (rest.length) mark(rest.slice(0, 2), 'advert');
      else {
        const next = blockFrom(lines, firstFilledFrom(lines, i + 1));
        if (next.length <= 2 && next.every((l) => isPromotion(l.text))) mark(next, 'advert');
      }
    } else if (isBioHeader(text)) {
      kinds[i] = 'bio';
      const rest = blockFrom(lines, i + 1);
      mark(rest.length ? rest : blockFrom(lines, firstFilledFrom(lines, i + 1)), 'bio');
    }
  }
  markMasthead(lines, kinds, recurs);
  return kinds;
}

/** The top blocks that hold a menu, before any running text, are masthead: site name, tagline, date. */
function markMasthead(
  lines: readonly Line[],
  kinds: (BoilerplateKind | undefined)[],
  recurs: (l: Line) => boolean,
): void {
  const firstBody = lines.findIndex((l) => l.text && !kinds[l.index] && isBodyShaped(l.text));
  const top = lines.slice(0, firstBody < 0 ? lines.length : firstBody);
  const menuBlocks = new Set(top.filter((l) => kinds[l.index] === 'navigation').map((l) => l.block));
  const lastMenu = Math.max(-1, ...menuBlocks);
  // With no headline below the menu, the headline is in the menu's block ("Title" above "Site | Section").
  const headlineBelow = top.some(
    (l) => l.block > lastMenu && !kinds[l.index] && isHeadlineShaped(cleanTitle(l.text)),
  );
  if (!headlineBelow) return;
  for (const l of top) {
    if (menuBlocks.has(l.block) && !kinds[l.index] && !recurs(l)) kinds[l.index] = 'navigation';
  }
}
