// Document symbols (Outline, breadcrumbs, Go to Symbol in Editor): one symbol per story, named by its
// headline, with its headline, dek, byline, dateline, body and captions below it.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Story } from '../analysis/structure/types';
import type { Span } from '../analysis/types';
import type { FeatureContext } from './context';
import { spanToRange } from './convert';
import { pageStructureOf } from './pageOutline';

/** Characters of a part's text shown beside its name. */
const DETAIL_CHARS = 60;

function snippet(text: string, span: Span): string {
  const s = text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  return s.length > DETAIL_CHARS ? `${s.slice(0, DETAIL_CHARS - 1)}…` : s;
}

function part(text: string, name: string, kind: SymbolKind, span: Span): DocumentSymbol {
  const range = spanToRange(text, span);
  return { name, detail: snippet(text, span), kind, range, selectionRange: range };
}

function storySymbol(text: string, story: Story): DocumentSymbol {
  const children = [part(text, 'Headline', SymbolKind.String, story.headline)];
  if (story.dek) children.push(part(text, 'Dek', SymbolKind.String, story.dek));
  if (story.byline) children.push(part(text, 'Byline', SymbolKind.Property, story.byline));
  if (story.dateline) children.push(part(text, 'Dateline', SymbolKind.Key, story.dateline));
  if (story.body) children.push(part(text, 'Body', SymbolKind.Field, story.body));
  for (const c of story.captions) children.push(part(text, 'Caption', SymbolKind.Event, c));
  children.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return {
    name: story.title || 'Story',
    kind: SymbolKind.Module,
    range: spanToRange(text, story.span),
    selectionRange: spanToRange(text, story.headline),
    children,
  };
}

export function provideDocumentSymbols(ctx: FeatureContext, uri: string): DocumentSymbol[] {
  const page = pageStructureOf(ctx, uri);
  return page ? page.structure.stories.map((s) => storySymbol(page.text, s)) : [];
}
