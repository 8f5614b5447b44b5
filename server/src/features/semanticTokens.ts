// Semantic tokens: entity mentions coloured by type and the words of quotations, with the legend taken from
// protocol SEMANTIC_TOKEN_TYPES. Tokens are single-line and never overlap (LSP clients require both), so
// quotes are cut at line ends and around the entities inside them.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { ArticleAnalysis, EntityType, Span } from '../analysis/types';
import { SEMANTIC_TOKEN_TYPES } from '../protocol';
import { linesOf } from './convert';

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [],
};

type TokenTypeName = (typeof SEMANTIC_TOKEN_TYPES)[number];

const TYPE_OF_ENTITY: Record<EntityType, TokenTypeName> = {
  PERSON: 'articlePerson',
  ORG: 'articleOrganization',
  GPE: 'articlePlace',
  LOC: 'articleLocation',
  NORP: 'articleGroup',
  FAC: 'articleFacility',
  EVENT: 'articleEvent',
  DATE: 'articleValue',
  TIME: 'articleValue',
  MONEY: 'articleValue',
  PERCENT: 'articleValue',
  CARDINAL: 'articleValue',
};

const indexOf = (name: TokenTypeName): number => SEMANTIC_TOKEN_TYPES.indexOf(name);

interface RawToken {
  span: Span;
  type: number;
}

/** Non-overlapping tokens in document order: entities first, quote words in the gaps between them. */
export function tokenSpans(analysis: ArticleAnalysis): RawToken[] {
  const entities = [...analysis.entities]
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)
    .filter((m) => m.span.end > m.span.start);
  const out: RawToken[] = [];
  let lastEnd = -1;
  for (const m of entities) {
    if (m.span.start < lastEnd) continue; // overlapping mentions: the first (longest) wins
    out.push({ span: m.span, type: indexOf(TYPE_OF_ENTITY[m.type]) });
    lastEnd = m.span.end;
  }
  const quoteType = indexOf('articleQuote');
  const quoteTokens: RawToken[] = [];
  for (const q of analysis.quotes) {
    if (q.kind !== 'speech') continue;
    let cursor = q.contentSpan.start;
    for (const t of out) {
      if (t.span.end <= cursor || t.span.start >= q.contentSpan.end) continue;
      if (t.span.start > cursor)
        quoteTokens.push({ span: { start: cursor, end: t.span.start }, type: quoteType });
      cursor = Math.max(cursor, t.span.end);
    }
    if (cursor < q.contentSpan.end)
      quoteTokens.push({ span: { start: cursor, end: q.contentSpan.end }, type: quoteType });
  }
  return [...out, ...quoteTokens].sort((a, b) => a.span.start - b.span.start);
}

export function provideSemanticTokens(
  analysis: ArticleAnalysis | undefined,
  text: string | undefined,
): SemanticTokens {
  if (!analysis || text === undefined) return { data: [] };
  const lines = linesOf(text);
  const builder = new SemanticTokensBuilder();
  let lastEnd = 0;
  for (const { span, type } of tokenSpans(analysis)) {
    const start = Math.max(span.start, lastEnd);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    lastEnd = end;
    const from = lines.positionAt(start);
    const to = lines.positionAt(end);
    for (let line = from.line; line <= to.line; line++) {
      const lineStart = line === from.line ? start : lines.offsetAt({ line, character: 0 });
      const lineEnd =
        line === to.line
          ? end
          : lines.offsetAt({ line: line + 1, character: 0 }) - lineBreakLength(text, line, lines);
      if (lineEnd > lineStart)
        builder.push(line, lineStart - lines.offsetAt({ line, character: 0 }), lineEnd - lineStart, type, 0);
    }
  }
  return builder.build();
}

/** Length of the line break ending `line` (`\r\n` counts two). */
function lineBreakLength(text: string, line: number, lines: ReturnType<typeof linesOf>): number {
  const next = lines.offsetAt({ line: line + 1, character: 0 });
  if (text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13) return 2;
  return 1;
}
