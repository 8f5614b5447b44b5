// Imported annotations → corrections: the difference between another tool's entities and quotes and the
// article's current (corrected) analysis, as mention-scope corrections anchored in the article's text.
import { makeAnchor } from '../analysis/curation/anchor';
import { ENTITY_TYPE_SET } from '../analysis/curation/entityTypes';
import { contentId } from '../analysis/curation/sidecar';
import type { Correction, CorrectionBody } from '../analysis/curation/types';
import type { ArticleAnalysis, EntityType, Span } from '../analysis/types';
import type { ImportedArticle } from './imported';

const key = (s: Span): string => `${s.start}:${s.end}`;

export interface ImportContext {
  file: string;
  text: string;
  analysis: ArticleAnalysis;
  author: string;
  time: string;
}

export function importedToCorrections(gold: ImportedArticle, ctx: ImportContext): Correction[] {
  const out: Correction[] = [];
  const { text, analysis } = ctx;
  const add = (body: CorrectionBody, span: Span): void => {
    const anchor = makeAnchor(text, span);
    const id = contentId([ctx.file, body, span.start, span.end, ctx.time]);
    out.push({
      id,
      scope: 'mention',
      file: ctx.file,
      anchor,
      author: ctx.author,
      time: ctx.time,
      ...body,
    } as Correction);
  };
  const model = new Map(analysis.entities.map((m) => [key(m.span), m]));
  const goldKeys = new Set<string>();
  for (const e of gold.entities) {
    if (!ENTITY_TYPE_SET.has(e.type) || e.end <= e.start || e.end > text.length) continue;
    const span = { start: e.start, end: e.end };
    goldKeys.add(key(span));
    const type = e.type as EntityType;
    const canonical = e.canonical ?? text.slice(e.start, e.end);
    const m = model.get(key(span));
    if (!m) add({ kind: 'addEntity', type, canonical }, span);
    else {
      if (m.type !== type) add({ kind: 'changeType', type }, span);
      if (m.canonical !== canonical) add({ kind: 'merge', canonical }, span);
    }
  }
  for (const m of analysis.entities) if (!goldKeys.has(key(m.span))) add({ kind: 'notEntity' }, m.span);

  const speech = analysis.quotes.filter((q) => q.kind === 'speech');
  const quotes = new Map(speech.map((q) => [key(q.contentSpan), q]));
  const goldQuotes = new Set<string>();
  for (const g of gold.quotes) {
    const content = { start: g.contentStart, end: g.contentEnd };
    goldQuotes.add(key(content));
    const q = quotes.get(key(content));
    const speaker = g.speaker ?? undefined;
    if (!q) {
      const whole = g.start !== undefined && g.end !== undefined ? { start: g.start, end: g.end } : content;
      add({ kind: 'addQuote', ...(speaker ? { speaker } : {}) }, whole);
    } else if (speaker && q.speaker?.name !== speaker) add({ kind: 'changeSpeaker', speaker }, content);
  }
  for (const q of speech) if (!goldQuotes.has(key(q.contentSpan))) add({ kind: 'notQuote' }, q.contentSpan);
  return out;
}
