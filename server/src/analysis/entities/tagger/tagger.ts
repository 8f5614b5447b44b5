// Tagging a document with a model: features, Viterbi per run of tokens, labels back to text spans.
import { AFTER_O, AFTER_START, bestScore, greedy, viterbiInto } from './decode';
import {
  type DocLayout,
  type TagToken,
  type TaggerDoc,
  activeTokens,
  extractFeatures,
  layout,
  segments,
} from './features';
import { type CoarseType, LABEL_COUNT, labelId, spansOf } from './labels';
import type { TaggerModel } from './model';
import { isBlank } from '../../text/blank';

/** An entity the tagger found: its character span, its tokens [startTok, endTok) and coarse type. */
export interface TaggedEntity {
  start: number;
  end: number;
  startTok: number;
  endTok: number;
  type: CoarseType;
}

export interface TagResult {
  /** Label id of every token. */
  labels: Int32Array;
  entities: TaggedEntity[];
  /** Sentences and line forms of the document, as the features saw them. */
  layout: DocLayout;
  /**
   * How much the model prefers its own labels of tokens [from, to) to `reading` (BIO labels such as
   * "B-PER", undefined for O): the score of its best sequence less that of the best one holding the
   * reading. Infinity where the tokens are not decoded together.
   */
  preference(from: number, to: number, reading: readonly (string | undefined)[]): number;
}

export function tagDoc(
  model: TaggerModel,
  doc: TaggerDoc,
  decoder: 'viterbi' | 'greedy' = 'viterbi',
): TagResult {
  const n = doc.tokens.length;
  const labels = new Int32Array(n);
  const lay = layout(doc);
  if (n === 0) return { labels, entities: [], layout: lay, preference: () => Infinity };
  const plain = model.ruleFeatures ? doc : { ...doc, rules: undefined };
  const active = activeTokens(plain, lay);
  const features = extractFeatures(plain, lay, active, true);
  // Tokens outside the active runs stay O; each run is decoded after a sentence start or an O. The runs'
  // emission scores lie one after the other in one table.
  const spans = segments(lay, active);
  let rows = 0;
  for (const s of spans) rows += s.end - s.start;
  const table = new Float32Array(rows * LABEL_COUNT);
  const runs: Run[] = [];
  const runOf = new Int32Array(n).fill(-1);
  let row = 0;
  for (const s of spans) {
    const m = s.end - s.start;
    model.emissionsInto(features, s.start, s.end, table, row);
    const first = s.opens ? AFTER_START : AFTER_O;
    if (decoder === 'viterbi') viterbiInto(table, row, m, model.transitions, first, labels, s.start);
    else
      labels.set(
        greedy(table.subarray(row * LABEL_COUNT, (row + m) * LABEL_COUNT), m, model.transitions, first),
        s.start,
      );
    runOf.fill(runs.length, s.start, s.end);
    runs.push({ start: s.start, end: s.end, first, row });
    row += m;
  }
  const entities = spansOf(labels).map((s) => ({
    start: (doc.tokens[s.start] as TagToken).start,
    end: (doc.tokens[s.end - 1] as TagToken).end,
    startTok: s.start,
    endTok: s.end,
    type: s.type,
  }));
  const transitions = model.transitions;
  const preference = (from: number, to: number, reading: readonly (string | undefined)[]): number => {
    const run = runs[runOf[from] ?? -1];
    if (!run || runOf[to - 1] !== runOf[from]) return Infinity;
    const m = run.end - run.start;
    const forced = new Int32Array(m).fill(-1);
    for (let t = from; t < to; t++) {
      const r = reading[t - from];
      forced[t - run.start] = r ? labelId(r) : 0;
    }
    run.emissions ??= table.subarray(run.row * LABEL_COUNT, (run.row + m) * LABEL_COUNT);
    run.free ??= bestScore(run.emissions, m, transitions, run.first);
    return run.free - bestScore(run.emissions, m, transitions, run.first, forced);
  };
  return { labels, entities, layout: lay, preference };
}

/** A run of tokens decoded together, and its emission scores. */
interface Run {
  start: number;
  end: number;
  first: number;
  /** Its first row in the document's emission table. */
  row: number;
  /** Its rows of that table, once asked for. */
  emissions?: Float32Array;
  /** The score of its best sequence, once asked for. */
  free?: number;
}

/** wink tokens to tagger tokens: no whitespace tokens, and words joined by hyphens kept whole. */
export function tagTokens(text: string, tokens: readonly TagToken[]): TagToken[] {
  const out: TagToken[] = [];
  for (const t of tokens) {
    if (isBlank(t.value)) continue;
    const last = out[out.length - 1];
    const before = out[out.length - 2];
    // "Jae" "-" "myung" written without spaces: one token, as in hand-tokenised news corpora.
    if (
      last &&
      before &&
      last.value === '-' &&
      before.end === last.start &&
      last.end === t.start &&
      /\p{L}$/u.test(before.value) &&
      /^\p{L}/u.test(t.value)
    ) {
      out.length -= 2;
      const pos = before.pos === 'PROPN' || t.pos === 'PROPN' ? 'PROPN' : t.pos;
      out.push({ start: before.start, end: t.end, value: text.slice(before.start, t.end), pos });
      continue;
    }
    // wink's token itself: it has the fields of a tagger token, and none of them is ever changed.
    out.push(t);
  }
  return out;
}
