// Hover: what Article Lens knows at a position — the entity (type, canonical name, aliases, mentions here
// and in the corpus, other articles), the quote (speaker, the same quote elsewhere) and shared passages.
import type { Hover, HoverParams } from 'vscode-languageserver';
import type { EntityMention, Quote, SharedPassage, Span } from '../analysis/types';
import { entityColor } from '../protocol';
import { articleTitle, type FeatureContext } from './context';
import { offsetToPosition, positionToOffset, spanContains, spanToRange } from './convert';
import { typeLabel } from './entityTypeLabels';
import { articleLink, diffMarkdown, escapeMarkdown } from './markdown';

/** How many other articles a hover lists before "and N more". */
const MAX_LINKS = 8;

export function provideHover(ctx: FeatureContext, params: HoverParams): Hover | null {
  const uri = params.textDocument.uri;
  const analysis = ctx.analysisOf(uri);
  const text = ctx.textOf(uri);
  if (!analysis || text === undefined) return null;
  const offset = positionToOffset(text, params.position);
  const sections: string[] = [];
  const spans: Span[] = [];

  const entity = smallest(analysis.entities.filter((m) => spanContains(m.span, offset)));
  if (entity) {
    sections.push(entitySection(ctx, uri, entity));
    spans.push(entity.span);
  }
  const quote = smallest(analysis.quotes.filter((q) => spanContains(q.span, offset)));
  if (quote) {
    sections.push(quoteSection(ctx, uri, text, quote));
    spans.push(quote.contentSpan);
  }
  const shared = analysis.shared.filter((s) => spanContains(s.span, offset));
  if (shared.length > 0) {
    sections.push(sharedSection(ctx, text, shared));
    spans.push(shared[0].span);
  }
  if (sections.length === 0) return null;
  // The smallest span under the cursor is what the hover is about.
  const range = spanToRange(text, smallestSpan(spans));
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range };
}

function smallest<T extends { span: Span }>(items: T[]): T | undefined {
  return items.sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
}

function smallestSpan(spans: Span[]): Span {
  return spans.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function entitySection(ctx: FeatureContext, uri: string, m: EntityMention): string {
  const seen = ctx.index.entities.overview(m.canonical, uri, MAX_LINKS);
  const lines = [
    `**${typeLabel(m.type)}** · ${escapeMarkdown(m.canonical)}${m.corrected ? ' · _corrected_' : ''}`,
    '',
    colourLine(m.type),
    '',
    `Aliases seen: ${seen.aliases.map(escapeMarkdown).join(', ')}`,
    '',
    `Mentions: ${Math.max(seen.here, 1)} in this article · ${seen.mentions} in the corpus (${plural(
      seen.files,
      'article',
    )})`,
  ];
  if (seen.others > 0) lines.push('', 'Also in:', ...linkList(ctx, seen.links, seen.others));
  return lines.join('\n');
}

/**
 * The legend of the type's colour: its plain name and theme colour id (VS Code's client puts a swatch of
 * the colour the theme gives it in front; see client/src/hoverSwatch.ts).
 */
export function colourLine(type: string): string {
  const { id, name } = entityColor(type);
  return `Colour: ${name} · \`${id}\``;
}

function quoteSection(ctx: FeatureContext, uri: string, text: string, q: Quote): string {
  const lines: string[] = [];
  if (q.kind === 'scare') lines.push('**Scare quote** (not reported as speech)');
  else if (q.speaker) {
    const how = q.speaker.attribution ? ` — “${escapeMarkdown(q.speaker.attribution)}”` : '';
    // Resolved through a pronoun or a role: how ("he → the coach → Jane Example").
    const via = q.speaker.chain ? ` (${q.speaker.chain.map(escapeMarkdown).join(' → ')})` : '';
    lines.push(`**Quote** · ${escapeMarkdown(q.speaker.name)}${how}${via}`);
  } else lines.push('**Quote** · speaker not found');
  if (q.corrected) lines[0] += ' · _corrected_';
  if (!q.balanced) lines.push('', 'One of its quote marks is missing.');
  const same = ctx.index.quotes.sameQuotes(uri, q).filter((s) => s.uri !== uri);
  if (same.length > 0) {
    lines.push('', `Same quote in ${plural(same.length, 'other article')}:`);
    for (const s of same.slice(0, MAX_LINKS)) {
      const other = ctx.textOf(s.uri);
      const line = other === undefined ? 0 : offsetToPosition(other, s.contentSpan.start).line;
      const sim = s.similarity < 1 ? ` — ${Math.round(s.similarity * 100)}% same words` : '';
      lines.push(`- ${articleLink(s.uri, line, articleTitle(ctx, s.uri, other))}${sim}`);
      if (s.similarity < 1) {
        lines.push(`  > ${diffMarkdown(text.slice(q.contentSpan.start, q.contentSpan.end), s.text)}`);
      }
    }
    if (same.length > MAX_LINKS) lines.push(`- and ${same.length - MAX_LINKS} more`);
  }
  return lines.join('\n');
}

function sharedSection(ctx: FeatureContext, text: string, shared: SharedPassage[]): string {
  const head = shared[0];
  if (head.boilerplate) {
    return `**Boilerplate** · this passage appears in ${plural(head.fileCount, 'file')} of the corpus`;
  }
  // A passage many files carry comes with its closest copies only; its file count says how many there are.
  const listed = new Set(shared.map((s) => s.otherUri)).size;
  const others = Math.max(listed, head.fileCount - 1);
  if (others > listed) return reprintSection(ctx, text, shared, others);
  const lines = [`**Shared passage** · also in ${plural(shared.length, 'other article')}`];
  for (const s of shared.slice(0, MAX_LINKS)) {
    lines.push(`- ${copyLink(ctx, s)}`);
    const other = ctx.textOf(s.otherUri);
    if (other !== undefined && s.similarity < 1) lines.push(`  > ${copyDiff(text, s, other)}`);
  }
  if (shared.length > MAX_LINKS) lines.push(`- and ${shared.length - MAX_LINKS} more`);
  return lines.join('\n');
}

/** A passage reprinted in more articles than listed: the closest copies, and the edits of the closest. */
function reprintSection(ctx: FeatureContext, text: string, shared: SharedPassage[], others: number): string {
  const closest = [...shared].sort((a, b) => b.similarity - a.similarity);
  const lines = [
    `**Shared passage** · reprinted in ${plural(others, 'other article')}`,
    '',
    'Closest copies:',
  ];
  for (const s of closest.slice(0, MAX_LINKS)) lines.push(`- ${copyLink(ctx, s)}`);
  const best = closest[0];
  const other = ctx.textOf(best.otherUri);
  if (other !== undefined && best.similarity < 1)
    lines.push('', 'Against the closest:', '', `> ${copyDiff(text, best, other)}`);
  return lines.join('\n');
}

function copyLink(ctx: FeatureContext, s: SharedPassage): string {
  const other = ctx.textOf(s.otherUri);
  const line = other === undefined ? 0 : offsetToPosition(other, s.otherSpan.start).line;
  return `${articleLink(s.otherUri, line, articleTitle(ctx, s.otherUri, other))} — ${Math.round(s.similarity * 100)}% similar`;
}

/** Word-level diff of this file's copy of the passage against another's. */
function copyDiff(text: string, s: SharedPassage, other: string): string {
  return diffMarkdown(text.slice(s.span.start, s.span.end), other.slice(s.otherSpan.start, s.otherSpan.end));
}

/** Links to the first items; `total` counts the items there are, listed or not. */
function linkList(ctx: FeatureContext, items: { uri: string; span: Span }[], total = items.length): string[] {
  const out = items.slice(0, MAX_LINKS).map(({ uri, span }) => {
    const other = ctx.textOf(uri);
    const line = other === undefined ? 0 : offsetToPosition(other, span.start).line;
    return `- ${articleLink(uri, line, articleTitle(ctx, uri, other))}`;
  });
  if (total > MAX_LINKS) out.push(`- and ${total - MAX_LINKS} more`);
  return out;
}
