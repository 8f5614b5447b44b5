// Tagging a document with a model: features, Viterbi per sentence, labels back to text spans.
import { AFTER_O, AFTER_START, greedy, viterbi } from './decode';
import {
  type DocLayout,
  type TagToken,
  type TaggerDoc,
  activeTokens,
  extractFeatures,
  layout,
  segments,
} from './features';
import { type CoarseType, spansOf } from './labels';
import type { TaggerModel } from './model';

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
}

export function tagDoc(
  model: TaggerModel,
  doc: TaggerDoc,
  decoder: 'viterbi' | 'greedy' = 'viterbi',
): TagResult {
  const n = doc.tokens.length;
  const labels = new Int32Array(n);
  const lay = layout(doc);
  if (n === 0) return { labels, entities: [], layout: lay };
  const plain = model.ruleFeatures ? doc : { ...doc, rules: undefined };
  const active = activeTokens(plain, lay);
  const features = extractFeatures(plain, lay, active);
  const decode = decoder === 'viterbi' ? viterbi : greedy;
  // Tokens outside the active runs stay O; each run is decoded after a sentence start or an O.
  for (const s of segments(lay, active)) {
    const e = model.emissions(features, s.start, s.end);
    labels.set(decode(e, s.end - s.start, model.transitions, s.opens ? AFTER_START : AFTER_O), s.start);
  }
  const entities = spansOf(labels).map((s) => ({
    start: (doc.tokens[s.start] as TagToken).start,
    end: (doc.tokens[s.end - 1] as TagToken).end,
    startTok: s.start,
    endTok: s.end,
    type: s.type,
  }));
  return { labels, entities, layout: lay };
}

/** wink tokens to tagger tokens: no whitespace tokens, and words joined by hyphens kept whole. */
export function tagTokens(text: string, tokens: readonly TagToken[]): TagToken[] {
  const out: TagToken[] = [];
  for (const t of tokens) {
    if (t.value.trim() === '') continue;
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
    out.push({ start: t.start, end: t.end, value: t.value, pos: t.pos });
  }
  return out;
}
