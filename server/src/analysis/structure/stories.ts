// Stage 4: where stories start. The first is the first headline-shaped line of the page that is not
// masthead; another starts at a later headline once the current story has body text, when enough evidence
// agrees: its own byline, date stamp or dateline below it, a caption or the headline printed twice, page
// furniture or a section label above it, a wide gap, and a shift of topic from the story before.
import type { Line } from './lines';
import { nextFilled, previousFilled } from './lines';
import { repeatedNearby, type LineRole } from './roles';
import { shapeOf } from './shape';
import { mentionsTitle } from './title';
import { contentWords, topicShift } from './topic';

/** Evidence points a later headline needs to open a story. */
const MIN_EVIDENCE = 2;
/** Share of new words above which the text under a headline is about something else. */
const SHIFT = 0.75;
/** Lines below a headline searched for its byline, date stamp or dateline. */
const LOOKAHEAD = 6;
/** Lines of running text a headline without byline or dateline needs below it. */
const MIN_TEXT_LINES = 2;
/** Body lines on each side compared for the topic shift. */
const TOPIC_LINES = 4;

const isRunningText = (r: LineRole): boolean => r === 'body' || r === 'dateline';

/** The line of the page's first headline, or -1 when no line reads as one. */
function firstHeadline(lines: readonly Line[], roles: readonly LineRole[]): number {
  const candidates: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const r = roles[i];
    if (isRunningText(r) || r === 'byline') break;
    if (r === 'headline') candidates.push(i);
  }
  // A short line of capitalised words (a site or section name) yields to a fuller headline below it.
  const nameLike = (i: number): boolean => {
    const s = shapeOf(lines[i].text);
    return s.words <= 3 && s.capitalised === 1;
  };
  const best = candidates.find((i) => !nameLike(i)) ?? candidates[0];
  if (best !== undefined) return best;
  return roles.findIndex((r) => r === 'headline' || isRunningText(r));
}

function bodyWords(
  lines: readonly Line[],
  roles: readonly LineRole[],
  indices: readonly number[],
): Set<string> {
  const words = new Set<string>();
  for (const i of indices)
    if (isRunningText(roles[i])) for (const w of contentWords(lines[i].text)) words.add(w);
  return words;
}

/** Lines of running text below `h` before the next headline or piece of furniture. */
function textBelow(lines: readonly Line[], roles: readonly LineRole[], h: number): number {
  let n = 0;
  for (let j = h + 1; j < lines.length; j++) {
    const r = roles[j];
    if (r === 'boilerplate' || (r === 'headline' && lines[j].text !== lines[h].text)) break;
    if (isRunningText(r)) n++;
  }
  return n;
}

function evidence(
  lines: readonly Line[],
  roles: readonly LineRole[],
  h: number,
  before: readonly number[],
): number {
  let score = 0;
  let meta = false;
  let pictured = false;
  let seen = 0;
  for (let j = h + 1; j < lines.length && seen < LOOKAHEAD; j++) {
    if (!lines[j].text) continue;
    seen++;
    const r = roles[j];
    if (r === 'caption' || lines[j].text === lines[h].text || repeatedNearby(lines, j)) pictured = true;
    else if (r === 'byline' || r === 'date' || r === 'dateline') {
      meta = true;
      break;
    } else if (r !== 'other' && r !== 'label') break;
  }
  // Without its own byline or dateline, a story shows at least two lines of text before the next break.
  if (!meta && textBelow(lines, roles, h) < MIN_TEXT_LINES) return 0;
  if (meta) score += 2;
  if (pictured) score += 1;
  const above = previousFilled(lines, h);
  if (!above || roles[above.index] === 'boilerplate' || roles[above.index] === 'label') score += 1;
  if (lines[h].blankBefore >= 2) score += 1;
  const after: number[] = [];
  for (let j = h + 1; j < lines.length && after.length < TOPIC_LINES; j++)
    if (isRunningText(roles[j])) after.push(j);
  if (
    topicShift(bodyWords(lines, roles, before.slice(-TOPIC_LINES * 2)), bodyWords(lines, roles, after)) >=
    SHIFT
  )
    score += 1;
  return score;
}

/** Lines where stories start (headline lines), in order. */
export function storyStarts(lines: readonly Line[], roles: readonly LineRole[]): number[] {
  const first = firstHeadline(lines, roles);
  if (first < 0) return [];
  const starts = [first];
  let body: number[] = [];
  for (let i = first + 1; i < lines.length; i++) {
    if (isRunningText(roles[i])) body.push(i);
    if (roles[i] !== 'headline' || body.length === 0) continue;
    if (mentionsTitle(lines[i].text, lines[starts[starts.length - 1]].text)) continue;
    if (nextFilled(lines, i) === undefined) continue;
    if (evidence(lines, roles, i, body) >= MIN_EVIDENCE) {
      starts.push(i);
      body = [];
    }
  }
  return starts;
}
