// Which tokens the tagger reads, and the runs they make: the others are outside any name and cost nothing.
import type { TagToken, TaggerDoc } from './taggerDoc';
import type { DocLayout } from './tokenLayout';

const AFTER_NAME_RE = /^(?:\d|['’]s$|\)$)/;
/** Tokens between two capitalised ones that are read with them ("Bank of England", "van der Sar"). */
const MAX_GAP = 2;

/**
 * Which tokens the tagger reads: those with a capital letter, a rule engine name, up to two tokens
 * between such tokens in a sentence, and a number, "'s" or ")" just after them ("Euro 96"). On the
 * development data this keeps under a third of the tokens and all but 0.3 % of the names; the others
 * are outside any name, so they cost nothing.
 */
export function activeTokens(doc: TaggerDoc, lay: DocLayout): Uint8Array {
  const { tokens, rules } = doc;
  const n = tokens.length;
  const active = new Uint8Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (!lay.upper[i] && (rules?.[i] ?? 'O') === 'O') continue;
    active[i] = 1;
    if (last >= 0 && i - last - 1 <= MAX_GAP && lay.sentence[last] === lay.sentence[i])
      active.fill(1, last + 1, i);
    last = i;
  }
  for (let i = 0; i + 1 < n; i++) {
    if (active[i] && !active[i + 1] && lay.sentence[i] === lay.sentence[i + 1]) {
      if (AFTER_NAME_RE.test((tokens[i + 1] as TagToken).value)) active[++i] = 1;
    }
  }
  return active;
}

/** The runs of active tokens within a sentence, [start, end) each, with whether each opens its sentence. */
export function segments(
  lay: DocLayout,
  active: Uint8Array,
): { start: number; end: number; opens: boolean }[] {
  const out: { start: number; end: number; opens: boolean }[] = [];
  const n = active.length;
  let i = 0;
  while (i < n) {
    if (!active[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && active[j] && lay.sentence[j] === lay.sentence[i]) j++;
    out.push({ start: i, end: j, opens: lay.sentenceStart[i] === 1 });
    i = j;
  }
  return out;
}
