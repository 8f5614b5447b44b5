// Stage 5: the parts of one story, from its headline line to the line before the next story. Below the
// headline comes a header (the headline again, a dek, captions, byline and date stamps) until running text
// starts; the body runs to the story's last line of text; furniture and section labels at the end are
// left out of the story.
import { datelineLength } from './cues';
import type { Line } from './lines';
import { repeatedNearby, type LineRole } from './roles';
import { shapeOf } from './shape';
import { cleanTitle, mentionsTitle } from './title';
import type { Story } from './types';
import type { Span } from '../types';

const spanOf = (l: Line): Span => ({ start: l.start, end: l.end });
const join = (a: Span | undefined, b: Span): Span => (a ? { start: a.start, end: b.end } : b);

/** A bare name under the headline ("Kelsey Arnott", "Phoenix Ledger"): a few capitalised words. */
const isNameLine = (text: string): boolean => {
  const s = shapeOf(text);
  return s.words >= 1 && s.words <= 4 && s.capitalised === 1 && !s.sentenceEnd;
};

/** The story whose headline is line `head`, ending before line `next`. */
export function storyParts(
  lines: readonly Line[],
  roles: readonly LineRole[],
  head: number,
  next: number,
): Story {
  const headline = lines[head];
  const story: Story = {
    span: spanOf(headline),
    title: cleanTitle(headline.text),
    headline: spanOf(headline),
    captions: [],
  };
  let i = head + 1;
  let last = headline;
  // Header: everything before the first line of running text.
  for (; i < next; i++) {
    const l = lines[i];
    const r = roles[i];
    if (!l.text) continue;
    if (r === 'body' || r === 'dateline') {
      if (!story.dek && !story.byline && story.captions.length === 0 && hasMetaBelow(lines, roles, i, next)) {
        story.dek = spanOf(l);
        last = l;
        continue;
      }
      break;
    }
    if (r === 'boilerplate' || r === 'label') continue;
    if (l.text === headline.text) {
      last = l;
      continue;
    }
    if (mentionsTitle(l.text, headline.text)) continue;
    last = l;
    if (r === 'caption' || repeatedNearby(lines, i)) story.captions.push(spanOf(l));
    else if (r === 'byline' || r === 'date' || (story.byline && isNameLine(l.text)))
      story.byline = join(story.byline, spanOf(l));
    else if (r === 'other' && isNameLine(l.text) && hasRunningTextBelow(lines, roles, i, next))
      story.byline = join(story.byline, spanOf(l));
    else if (!story.dek && story.captions.length === 0 && !story.byline && shapeOf(l.text).words >= 6)
      story.dek = spanOf(l);
    else if (shapeOf(l.text).words >= 6) story.captions.push(spanOf(l));
  }
  // Body: running text up to the last line that is neither furniture nor a label.
  for (; i < next; i++) {
    const l = lines[i];
    const r = roles[i];
    if (!l.text || r === 'boilerplate' || r === 'label') continue;
    if (r === 'caption') story.captions.push(spanOf(l));
    else {
      if (!story.body) {
        const d = datelineLength(l.text);
        if (d > 0) story.dateline = { start: l.start, end: l.start + d };
        story.body = spanOf(l);
      } else story.body = join(story.body, spanOf(l));
    }
    last = l;
  }
  story.span = { start: headline.start, end: last.end };
  return story;
}

/** A byline, date stamp or dateline follows within two lines: the line above them is a dek. */
function hasMetaBelow(lines: readonly Line[], roles: readonly LineRole[], i: number, next: number): boolean {
  let seen = 0;
  for (let j = i + 1; j < next && seen < 2; j++) {
    if (!lines[j].text || roles[j] === 'caption') continue;
    seen++;
    if (roles[j] === 'byline' || roles[j] === 'date' || roles[j] === 'dateline') return true;
  }
  return false;
}

function hasRunningTextBelow(
  lines: readonly Line[],
  roles: readonly LineRole[],
  i: number,
  next: number,
): boolean {
  for (let j = i + 1; j < next; j++) {
    if (!lines[j].text) continue;
    if (roles[j] === 'body' || roles[j] === 'dateline') return true;
    if (roles[j] !== 'other' && roles[j] !== 'byline' && roles[j] !== 'date') return false;
  }
  return false;
}
