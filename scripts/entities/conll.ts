// CoNLL-2003 reading for training and evaluation: documents of sentences, re-joined as text (tokens
// separated by spaces, one sentence a line), with wink POS tags and the rule engine's labels aligned to
// the corpus tokens. The corpus text stays in memory; nothing of it is written out.
import { readFileSync } from 'node:fs';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import type { TagToken, TaggerDoc } from '../../server/src/analysis/entities/tagger/features';
import { COARSE_OF, labelId } from '../../server/src/analysis/entities/tagger/labels';
import { analyzeText } from '../../server/src/analysis/text/nlp';
import { noEntityHints, type EntityMention } from '../../server/src/analysis/types';

export interface ConllDoc extends TaggerDoc {
  /** Gold label ids (BIO) of every token. */
  gold: Int32Array;
  /** [start, end) token ranges of the sentences. */
  sentences: [number, number][];
}

/** Our types to CoNLL's. */
export const TO_CONLL: Readonly<Record<string, string>> = COARSE_OF;

/** Reads a CoNLL file into documents; IOB1 tags become BIO. */
export function readConll(path: string, withRules: boolean): ConllDoc[] {
  const raw = readFileSync(path, 'utf8').split('\n');
  const docs: { words: string[]; tags: string[]; sentences: [number, number][] }[] = [];
  let cur = { words: [] as string[], tags: [] as string[], sentences: [] as [number, number][] };
  let sentFrom = 0;
  const endSentence = (): void => {
    if (cur.words.length > sentFrom) cur.sentences.push([sentFrom, cur.words.length]);
    sentFrom = cur.words.length;
  };
  for (const line of raw) {
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      if (cur.words.length) docs.push(cur);
      cur = { words: [], tags: [], sentences: [] };
      sentFrom = 0;
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    const parts = line.split(' ');
    cur.words.push(parts[0] as string);
    cur.tags.push(parts[parts.length - 1] as string);
  }
  endSentence();
  if (cur.words.length) docs.push(cur);
  return docs.map((d) => buildDoc(d.words, d.tags, d.sentences, withRules));
}

function buildDoc(
  words: string[],
  tags: string[],
  sentences: [number, number][],
  withRules: boolean,
): ConllDoc {
  const tokens: TagToken[] = [];
  let text = '';
  for (const [a, b] of sentences) {
    if (text) text += '\n';
    for (let i = a; i < b; i++) {
      if (i > a) text += ' ';
      const w = words[i] as string;
      tokens.push({ start: text.length, end: text.length + w.length, value: w, pos: 'X' });
      text += w;
    }
  }
  const nlp = analyzeText(text);
  // POS of each corpus token: that of the wink token covering its first character.
  let k = 0;
  for (const t of tokens) {
    while (k < nlp.tokens.length && (nlp.tokens[k]?.end ?? 0) <= t.start) k++;
    const w = nlp.tokens[k];
    t.pos = w && w.start <= t.start ? w.pos : 'X';
  }
  const gold = new Int32Array(tokens.length);
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] as string;
    if (tag === 'O') continue;
    const type = tag.slice(2);
    const prev = tags[i - 1] ?? 'O';
    const sentenceStart = sentences.some(([a]) => a === i);
    const begins = tag.startsWith('B-') || sentenceStart || prev === 'O' || prev.slice(2) !== type;
    gold[i] = labelId(`${begins ? 'B' : 'I'}-${type}`);
  }
  const doc: ConllDoc = { text, tokens, gold, sentences };
  if (withRules) doc.rules = ruleLabels(text, tokens, nlp);
  return doc;
}

/** The rule engine's mentions as BIO labels over `tokens`, in our type set. */
export function ruleLabels(
  text: string,
  tokens: TagToken[],
  nlp?: ReturnType<typeof analyzeText>,
  given?: EntityMention[],
): string[] {
  const out = new Array<string>(tokens.length).fill('O');
  const mentions = (given ?? findEntities(text, noEntityHints, undefined, nlp)).filter(
    (m) => m.type in TO_CONLL,
  );
  let k = 0;
  for (const m of mentions.sort((a, b) => a.span.start - b.span.start)) {
    while (k < tokens.length && (tokens[k] as TagToken).end <= m.span.start) k++;
    for (let i = k; i < tokens.length && (tokens[i] as TagToken).start < m.span.end; i++) {
      out[i] = `${i === k ? 'B' : 'I'}-${m.type}`;
    }
  }
  return out;
}

/** Strict span + type scores per coarse type and overall. */
export interface Score {
  tp: number;
  pred: number;
  gold: number;
}

export function f1(s: Score): { p: number; r: number; f: number } {
  const p = s.pred ? s.tp / s.pred : 0;
  const r = s.gold ? s.tp / s.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
