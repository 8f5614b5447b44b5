// Corrections as training examples of the entity tagger. A correction that changes what is a name or its
// type (Not an entity, Change type, Mark as entity) makes the sentences it touches examples: their gold
// labels are the corrected analysis' (the corrected mentions, and the rest of the sentence as the
// analysis labels it), their features those the tagger reads at analysis time (the rule engine's
// mentions included). Merges and renames change no label and teach the tagger nothing.
import { ruleLabelsOf } from '../entities/combine';
import { COARSE_OF, labelId } from '../entities/tagger/labels';
import type { TrainingSentence } from '../entities/tagger/perceptron';
import type { TaggerModel } from '../entities/tagger/model';
import { tagDoc, tagTokens } from '../entities/tagger/tagger';
import { trainingSentences, type TokenRun } from '../entities/tagger/trainingSentences';
import { analyzeText, type NlpDoc } from '../text/nlp';
import type { EntityMention, Span } from '../types';
import { locate, meets, wordOccurrences } from './anchor';
import type { Correction } from './types';

/** Whether a correction changes the labels the tagger learns (spans and types of names). */
export function teachesTagger(c: Correction): boolean {
  return c.kind === 'notEntity' || c.kind === 'changeType' || c.kind === 'addEntity';
}

/**
 * Where label corrections apply in `text`: a mention-scope one at its anchor, wider ones at every whole-word
 * occurrence of their text that meets their condition. Read from the corrections, not from a difference
 * of analyses, so a correction the current model already follows still makes its example.
 */
export function correctedSpans(text: string, corrections: readonly Correction[]): Span[] {
  const out: Span[] = [];
  for (const c of corrections) {
    if (!teachesTagger(c)) continue;
    if (c.scope === 'mention') {
      const span = locate(text, c.anchor);
      if (span) out.push(span);
      continue;
    }
    for (const s of wordOccurrences(text, c.anchor.text)) if (meets(text, s, c.when)) out.push(s);
  }
  return out;
}

/** One article as retraining reads it. */
export interface CorrectedArticle {
  text: string;
  /** The rule engine's mentions (the tagger's rule features). */
  rules: readonly EntityMention[];
  /** The analysis' mentions with the corrections applied: the gold labels. */
  corrected: readonly EntityMention[];
  /** Where label corrections apply (see `correctedSpans`). */
  spans: readonly Span[];
}

export interface ArticleExamples {
  sentences: TrainingSentence[];
  /**
   * The article's other runs, labelled as `model` reads them: examples that hold the model where nothing
   * was corrected, so what it learns from the corrections does not spill over the rest of the text.
   */
  anchors: TrainingSentence[];
  /** Corrected spans in no run of tokens the tagger reads (lower-case words): nothing to learn there. */
  unread: number;
  /** The corrected words (see `wordFeatureIds`): the shipped features retraining may change. */
  words: string[];
}

/** Mentions as coarse BIO label ids (PER/ORG/LOC/MISC) over the tagger's tokens; value types are O. */
function coarseIds(
  tokens: Parameters<typeof ruleLabelsOf>[0],
  mentions: readonly EntityMention[],
): Int32Array {
  const out = new Int32Array(tokens.length);
  ruleLabelsOf(tokens, mentions).forEach((label, i) => {
    const coarse = COARSE_OF[label.slice(2)];
    if (label !== 'O' && coarse) out[i] = labelId(`${label.slice(0, 2)}${coarse}`);
  });
  return out;
}

/**
 * The training sentences of one article under `model`: its runs of tokens that a corrected span meets,
 * and the others as anchors.
 */
export function articleExamples(
  a: CorrectedArticle,
  model: TaggerModel,
  nlp: NlpDoc = analyzeText(a.text),
): ArticleExamples {
  if (a.spans.length === 0) return { sentences: [], anchors: [], unread: 0, words: [] };
  const tokens = tagTokens(a.text, nlp.tokens);
  const rules = model.ruleFeatures ? { rules: ruleLabelsOf(tokens, a.rules) } : {};
  const doc = { text: a.text, tokens, ...rules };
  const gold = coarseIds(tokens, a.corrected);
  // Token ranges of the corrected spans, to find the runs they meet.
  const ranges = a.spans.map((s) => {
    let start = 0;
    while (start < tokens.length && (tokens[start]?.end ?? 0) <= s.start) start++;
    let end = start;
    while (end < tokens.length && (tokens[end]?.start ?? 0) < s.end) end++;
    return { start, end, read: false };
  });
  const corrected = (run: TokenRun): boolean => {
    let hit = false;
    for (const r of ranges)
      if (r.start < run.end && run.start < r.end) {
        r.read = true;
        hit = true;
      }
    return hit;
  };
  const sentences = trainingSentences(doc, gold, corrected);
  const words = new Set<string>();
  for (const r of ranges) if (r.read) for (let i = r.start; i < r.end; i++) words.add(tokens[i]?.value ?? '');
  // A run holding a corrected text elsewhere (the same name left as it was) would teach the old reading.
  const texts = [...new Set(a.spans.map((s) => a.text.slice(s.start, s.end)))];
  const holdsCorrectedText = (run: TokenRun): boolean => {
    const from = tokens[run.start]?.start ?? 0;
    const passage = a.text.slice(from, tokens[run.end - 1]?.end ?? from);
    return texts.some((t) => passage.includes(t));
  };
  const anchors = trainingSentences(
    doc,
    tagDoc(model, doc).labels,
    (run) => !corrected(run) && !holdsCorrectedText(run),
  );
  return { sentences, anchors, unread: ranges.filter((r) => !r.read).length, words: [...words] };
}
