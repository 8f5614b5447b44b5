// workspace/symbol: the canonical entities of the corpus, so "go to symbol in workspace" finds a person or
// place across articles, one result per article that mentions it.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import { subsequence } from '../analysis/entities/entityIndex';
import type { EntityType, Span } from '../analysis/types';
import type { FeatureContext } from './context';
import { fileName } from './context';
import { spanToRange } from './convert';
import { plural, typeLabel } from './entityTypeLabels';

/** Editors cut long symbol lists anyway; a bounded answer keeps Ctrl+T responsive on large corpora. */
const MAX_SYMBOLS = 500;

const KIND: Record<EntityType, SymbolKind> = {
  PERSON: SymbolKind.Object,
  ORG: SymbolKind.Class,
  GPE: SymbolKind.Namespace,
  LOC: SymbolKind.Namespace,
  NORP: SymbolKind.Enum,
  FAC: SymbolKind.Struct,
  EVENT: SymbolKind.Event,
  DATE: SymbolKind.Constant,
  TIME: SymbolKind.Constant,
  MONEY: SymbolKind.Number,
  PERCENT: SymbolKind.Number,
  CARDINAL: SymbolKind.Number,
};

/** Case-insensitive subsequence match, as editors filter symbols. */
export function matchesQuery(name: string, query: string): boolean {
  return subsequence(name, query.toLowerCase().replace(/\s+/g, ''));
}

/** An empty query (Ctrl+T before typing) lists this many of the most mentioned entities. */
const EMPTY_QUERY_ENTITIES = 50;

/**
 * One symbol per entity and article, at the entity's first mention in that article, so picking a result
 * opens the article it names. An empty query lists the most mentioned entities of the corpus.
 */
export function provideWorkspaceSymbols(ctx: FeatureContext, query: string): SymbolInformation[] {
  const entities =
    query.trim() === ''
      ? ctx.index.entities
          .search('')
          .sort((a, b) => b.mentionCount - a.mentionCount || b.fileCount - a.fileCount)
          .slice(0, EMPTY_QUERY_ENTITIES)
      : ctx.index.entities.search(query, MAX_SYMBOLS);
  const out: SymbolInformation[] = [];
  for (const e of entities) {
    const counts = `${typeLabel(e.type)} · ${plural(e.mentionCount, 'mention')} in ${plural(e.fileCount, 'article')}`;
    const push = (uri: string, span: Span, text: string): void => {
      out.push({
        name: e.canonical,
        kind: KIND[e.type],
        location: { uri, range: spanToRange(text, span) },
        containerName: `${counts} · ${fileName(uri)}`,
      });
    };
    // The first mention in each article, in indexing order, read only as far as the answer needs.
    const wanted = MAX_SYMBOLS - out.length;
    const firsts = ctx.index.entities.overview(e.canonical, '', wanted).links;
    const texts = firsts.map((f) => ctx.textOf(f.uri));
    if (firsts.length === wanted && texts.some((t) => t === undefined)) {
      // Articles without a text are left out, so more of them than asked for may be needed.
      const seen = new Set<string>();
      for (const m of ctx.index.entities.mentionsOf(e.canonical)) {
        if (out.length >= MAX_SYMBOLS) return out;
        if (seen.has(m.uri)) continue;
        seen.add(m.uri);
        const text = ctx.textOf(m.uri);
        if (text !== undefined) push(m.uri, m.span, text);
      }
    } else
      firsts.forEach((f, i) => {
        const text = texts[i];
        if (text !== undefined) push(f.uri, f.span, text);
      });
    if (out.length >= MAX_SYMBOLS) return out;
  }
  return out;
}
