// workspace/symbol: the canonical entities of the corpus, so "go to symbol in workspace" finds a person or
// place across articles. Each symbol points at the entity's first mention.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import { subsequence } from '../analysis/entityIndex';
import type { EntityType } from '../analysis/types';
import type { FeatureContext } from './context';
import { fileName } from './context';
import { spanToRange } from './convert';

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

export function provideWorkspaceSymbols(ctx: FeatureContext, query: string): SymbolInformation[] {
  const entities = ctx.index.entities.search(query, MAX_SYMBOLS);
  const out: SymbolInformation[] = [];
  for (const e of entities) {
    const first = ctx.index.entities.firstMention(e.canonical);
    const text = first && ctx.textOf(first.uri);
    if (!first || text === undefined) continue;
    out.push({
      name: e.canonical,
      kind: KIND[e.type],
      location: { uri: first.uri, range: spanToRange(text, first.span) },
      containerName: `${e.type} · ${e.mentionCount} mentions in ${e.fileCount} ${e.fileCount === 1 ? 'article' : 'articles'} · ${fileName(first.uri)}`,
    });
  }
  return out;
}
