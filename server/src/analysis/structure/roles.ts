// Stage 3: what each line looks like on its own (and beside its neighbours), before any story is cut:
// a candidate headline, a caption, a byline or date stamp, the first line of a dispatch (dateline), body
// text, a section label. Position inside a story is the next stage's business.
import { datelineLength, isBylineCue, isCaptionCue, isDateStamp } from './cues';
import type { Line } from './lines';
import { isBodyShaped, isHeadlineShaped, isLabelShaped, shapeOf } from './shape';
import { cleanTitle } from './title';
import type { BoilerplateKind } from './types';

export type LineRole =
  | 'blank'
  | 'boilerplate'
  | 'label'
  | 'caption'
  | 'byline'
  | 'date'
  | 'dateline'
  | 'headline'
  | 'body'
  | 'other';

/** A line printed again within this many lines (alt text above a caption, a headline twice). */
const REPEAT_WINDOW = 3;

export function repeatedNearby(lines: readonly Line[], i: number): boolean {
  const { text } = lines[i];
  for (let j = Math.max(0, i - REPEAT_WINDOW); j <= Math.min(lines.length - 1, i + REPEAT_WINDOW); j++) {
    if (j !== i && lines[j].text === text) return true;
  }
  return false;
}

/** A caption repeated next to itself reads as a sentence or a credit; a repeated headline does not. */
function isRepeatedCaption(lines: readonly Line[], i: number): boolean {
  const { text } = lines[i];
  if (!repeatedNearby(lines, i)) return false;
  const s = shapeOf(text);
  return s.words > 25 || (s.words >= 6 && (s.sentenceEnd || isCaptionCue(text)));
}

function roleOf(lines: readonly Line[], i: number, kind: BoilerplateKind | undefined): LineRole {
  const { text } = lines[i];
  if (!text) return 'blank';
  if (kind) return 'boilerplate';
  if (isRepeatedCaption(lines, i)) return 'caption';
  if (datelineLength(text) > 0) return 'dateline';
  if (isBylineCue(text)) return 'byline';
  if (isDateStamp(text)) return 'date';
  if (/^(?:caption|photo|image)\s*:/i.test(text) || /^\d+ of \d+\s*[|:–—-]/.test(text)) return 'caption';
  if (isLabelShaped(text)) return 'label';
  if (isHeadlineShaped(cleanTitle(text)) && !isCaptionCue(text)) return 'headline';
  if (isCaptionCue(text) && shapeOf(text).words >= 6) return 'caption';
  if (isBodyShaped(text)) return 'body';
  return 'other';
}

export function lineRoles(
  lines: readonly Line[],
  kinds: readonly (BoilerplateKind | undefined)[],
): LineRole[] {
  return lines.map((_, i) => roleOf(lines, i, kinds[i]));
}
