// The rule engine's candidate spans: runs of adjacent capitalised units not yet claimed, joined across a
// connector only between two capitals ("University of Tokyo"), across "of the" after a name's head
// ("Summit of the Americas") and across the particles of a person's name ("von der"). The typing stage
// reads each run; "Group of 20" needs no typing and comes out whole.
import type { ArticleView } from './articleView';
import {
  CONNECTORS,
  EVENT_OF_HEADS,
  LOC_OF_HEADS,
  NAME_PARTICLES,
  ORG_FIRST_WORDS,
  ORG_PREFIXES,
  RUN_BREAKERS,
} from './gazetteers';
import type { Unit } from './units';

/** First words of names that go on with "of the" ("Summit of the Americas", "Bank of the Philippine Islands"). */
const OF_THE_HEADS = new Set([
  ...EVENT_OF_HEADS,
  ...LOC_OF_HEADS,
  ...ORG_PREFIXES,
  ...ORG_FIRST_WORDS,
  ...['Republic', 'Kingdom', 'Church', 'Palace', 'Museum', 'Order', 'Cathedral', 'Temple'],
]);

/**
 * Units first..last (inclusive) of one run; `numberEnd`, when set, is the end offset of the number that
 * closes an organisation named by it ("Group of 20"), whose units are first..last.
 */
export interface Candidate {
  first: number;
  last: number;
  numberEnd?: number;
}

/**
 * The candidate runs of the article in order, around the units `claimed` marks. Typing a run claims only
 * its own units and the lower-case tail after it ("… coal mine"), which never starts or joins a run, so
 * every run can be found before any is typed.
 */
export function findCandidateRuns(view: ArticleView, claimed: Uint8Array): Candidate[] {
  const { units, tokens } = view;
  const out: Candidate[] = [];
  /** Units from..to are one unbroken stretch, none claimed, each a plain space from the next. */
  const joined = (from: number, to: number): boolean => {
    for (let k = from + 1; k <= to; k++)
      if (claimed[k] || !view.adjacent(view.u(k - 1), view.u(k))) return false;
    return true;
  };
  let i = 0;
  while (i < units.length) {
    if (!view.u(i).cap || claimed[i]) {
      i++;
      continue;
    }
    let j = i;
    let numberEnd = -1;
    for (;;) {
      const cur = view.u(j);
      const next = units[j + 1];
      if (!next || claimed[j + 1] || !view.adjacent(cur, next)) break;
      if (next.cap && !RUN_BREAKERS.has(next.text)) {
        j++;
        continue;
      }
      // A connector is kept only between two capitalised words ("University of Tokyo"), or two
      // connectors when the second is an article ("Summit of the Americas").
      const article = units[j + 3];
      if (
        j === i &&
        next.text === 'of' &&
        OF_THE_HEADS.has(cur.text) &&
        units[j + 2]?.text === 'the' &&
        article?.cap &&
        !claimed[j + 2] &&
        !claimed[j + 3] &&
        view.adjacent(next, units[j + 2] as Unit) &&
        view.adjacent(units[j + 2] as Unit, article) &&
        !RUN_BREAKERS.has(article.text)
      ) {
        j += 3;
        continue;
      }
      // Two or three particles of a person's name ("von der", "van den", "de la").
      let particles = 0;
      while (particles < 3 && NAME_PARTICLES.has(units[j + 1 + particles]?.text ?? '')) particles++;
      const named = units[j + 1 + particles];
      if (particles >= 2 && named?.cap && !RUN_BREAKERS.has(named.text) && joined(j, j + 1 + particles)) {
        j += 1 + particles;
        continue;
      }
      const after = units[j + 2];
      if (
        CONNECTORS.has(next.text) &&
        after &&
        !claimed[j + 2] &&
        view.adjacent(next, after) &&
        after.cap &&
        !RUN_BREAKERS.has(after.text)
      ) {
        j += 2;
        continue;
      }
      // "Group of 20"
      const num = tokens[next.lastTok + 1];
      if (
        next.text === 'of' &&
        ORG_PREFIXES.has(cur.text) &&
        num &&
        num.kind === 'number' &&
        num.start === next.end + 1
      ) {
        numberEnd = num.end;
        j++;
      }
      break;
    }
    out.push(numberEnd >= 0 ? { first: i, last: j, numberEnd } : { first: i, last: j });
    i = j + 1;
  }
  return out;
}
