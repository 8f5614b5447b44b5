// Applies corrections to one article's own findings (entities and quotes), in precedence order, and says
// which mention- or article-scope corrections lost their anchor. Returns new arrays; the input is kept
// as the model produced it, so corrections can be re-applied when the sidecar changes.
import type { EntityMention, LocalAnalysis, Quote, Span } from '../types';
import { locate, meets, wordOccurrences } from './anchor';
import { byPrecedence, type CorrectionIndex } from './correctionIndex';
import type { Correction, LostCorrection } from './types';

interface State {
  text: string;
  entities: EntityMention[];
  quotes: Quote[];
}

const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const QUOTE_MARKS = /^["“”„«»‘’'‹›「」『』]$/u;

export interface AppliedLocal {
  local: LocalAnalysis;
  lost: LostCorrection[];
}

/** The corrections of `file` (and the corpus rules) applied to its local analysis. */
export function applyToLocal(
  index: CorrectionIndex,
  file: string,
  text: string,
  local: LocalAnalysis,
): AppliedLocal {
  const own = index.forFile(file);
  const rules = index.corpusRules(text, local.entities, local.quotes);
  if (own.length === 0 && rules.length === 0) return { local, lost: [] };
  const state: State = { text, entities: [...local.entities], quotes: [...local.quotes] };
  const lost: LostCorrection[] = [];
  for (const c of [...own, ...rules].sort(byPrecedence)) {
    const reason = applyOne(state, c);
    if (reason) lost.push({ correction: c, reason });
  }
  state.entities.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  state.quotes.sort((a, b) => a.span.start - b.span.start);
  return { local: { ...local, entities: state.entities, quotes: state.quotes }, lost };
}

/** The spans a correction targets in this text; `undefined` when its anchor is lost. */
function targets(state: State, c: Correction): Span[] | undefined {
  if (c.scope === 'mention') {
    const span = locate(state.text, c.anchor);
    return span ? [span] : undefined;
  }
  const spans = wordOccurrences(state.text, c.anchor.text).filter((s) => meets(state.text, s, c.when));
  // An article-scope correction whose text left the article is reported; a corpus rule simply does not apply.
  return spans.length === 0 && c.scope === 'article' ? undefined : spans;
}

/** Entity mentions a correction acts on. Wider scopes match by text (rename: by canonical name). */
function entityMatches(state: State, c: Correction, spans: Span[]): number[] {
  const out: number[] = [];
  state.entities.forEach((m, i) => {
    if (c.kind === 'rename' && c.scope !== 'mention') {
      if (m.canonical === c.from && meets(state.text, m.span, c.when)) out.push(i);
    } else if (c.scope === 'mention') {
      if (spans.some((s) => same(s, m.span))) out.push(i);
    } else if (m.text === c.anchor.text && meets(state.text, m.span, c.when)) out.push(i);
  });
  if (c.kind === 'split') return out.filter((i) => state.entities[i].canonical === c.from);
  return out;
}

function quoteMatches(state: State, c: Correction, spans: Span[]): number[] {
  const out: number[] = [];
  state.quotes.forEach((q, i) => {
    const content = state.text.slice(q.contentSpan.start, q.contentSpan.end);
    if (c.kind === 'changeSpeaker' && c.scope !== 'mention' && c.from !== undefined) {
      if (q.speaker?.name === c.from) out.push(i);
    } else if (c.scope === 'mention') {
      if (spans.some((s) => same(s, q.contentSpan) || same(s, q.span))) out.push(i);
    } else if (content === c.anchor.text) out.push(i);
  });
  return out;
}

function addEntity(state: State, span: Span, type: EntityMention['type'], canonical: string): void {
  state.entities = state.entities.filter((m) => !overlaps(m.span, span));
  const text = state.text.slice(span.start, span.end);
  state.entities.push({ span, type, text, canonical, source: 'curation', corrected: true });
}

function quoteAt(text: string, span: Span, speaker: string | undefined): Quote {
  let { start, end } = span;
  while (start < end && QUOTE_MARKS.test(text[start])) start++;
  while (end > start && QUOTE_MARKS.test(text[end - 1])) end--;
  return {
    span,
    contentSpan: { start, end },
    balanced: true,
    kind: 'speech',
    speaker: speaker ? { name: speaker } : null,
    corrected: true,
  };
}

/** Applies one correction; returns why it could not be anchored, if it could not. */
function applyOne(state: State, c: Correction): string | undefined {
  if (c.kind === 'notRelated' || c.kind === 'notBoilerplate') return undefined; // corpus findings
  const spans = targets(state, c);
  if (c.kind === 'rename' && c.scope !== 'mention') {
    // A rename is keyed by canonical name, not text: nothing to anchor.
    for (const i of entityMatches(state, c, [])) {
      state.entities[i] = { ...state.entities[i], canonical: c.canonical, corrected: true };
    }
    return undefined;
  }
  if (!spans) return `“${c.anchor.text}” is no longer in ${c.file}`;
  switch (c.kind) {
    case 'notEntity': {
      const drop = new Set(entityMatches(state, c, spans));
      state.entities = state.entities.filter((_, i) => !drop.has(i));
      return undefined;
    }
    case 'changeType': {
      const hits = entityMatches(state, c, spans);
      for (const i of hits) state.entities[i] = { ...state.entities[i], type: c.type, corrected: true };
      // A corrected mention stays one when the model stops finding it.
      if (hits.length === 0 && c.scope === 'mention') addEntity(state, spans[0], c.type, c.anchor.text);
      return undefined;
    }
    case 'merge':
    case 'split':
    case 'rename': {
      const canonical = c.kind === 'split' ? (c.canonical ?? c.anchor.text) : c.canonical;
      for (const i of entityMatches(state, c, spans))
        state.entities[i] = { ...state.entities[i], canonical, corrected: true };
      return undefined;
    }
    case 'addEntity':
      for (const s of spans) addEntity(state, s, c.type, c.canonical ?? c.anchor.text);
      return undefined;
    case 'addQuote':
      for (const s of spans) {
        state.quotes = state.quotes.filter((q) => !overlaps(q.span, s));
        state.quotes.push(quoteAt(state.text, s, c.speaker));
      }
      return undefined;
    case 'changeSpeaker':
      for (const i of quoteMatches(state, c, spans)) {
        const q = state.quotes[i];
        state.quotes[i] = { ...q, kind: 'speech', speaker: { name: c.speaker }, corrected: true };
      }
      return undefined;
    case 'notQuote': {
      const drop = new Set(quoteMatches(state, c, spans));
      state.quotes = state.quotes.filter((_, i) => !drop.has(i));
      return undefined;
    }
  }
}
