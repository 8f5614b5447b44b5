// workspace/symbol: the canonical entities of the corpus, so "go to symbol in workspace" finds a person or
// place across articles. Each symbol points at the entity's first mention.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { EntityType, Span } from '../analysis/types';
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
  const q = query.toLowerCase().replace(/\s+/g, '');
  const n = name.toLowerCase();
  let i = 0;
  for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
  return i === q.length;
}

export function provideWorkspaceSymbols(ctx: FeatureContext, query: string): SymbolInformation[] {
  const entities = ctx.index.entities
    .entities()
    .filter((e) => matchesQuery(e.canonical, query) || e.aliases.some((a) => matchesQuery(a, query)))
    .sort((a, b) => b.fileCount - a.fileCount || b.mentionCount - a.mentionCount)
    .slice(0, MAX_SYMBOLS);
  // One pass over the corpus finds every first mention; a lookup per entity would rescan it each time.
  const wanted = new Set(entities.map((e) => e.canonical));
  const firsts = new Map<string, { uri: string; span: Span }>();
  for (const uri of ctx.index.uris()) {
    for (const m of ctx.index.get(uri)?.local.entities ?? []) {
      if (wanted.has(m.canonical) && !firsts.has(m.canonical)) firsts.set(m.canonical, { uri, span: m.span });
    }
    if (firsts.size === wanted.size) break;
  }
  const out: SymbolInformation[] = [];
  for (const e of entities) {
    const first = firsts.get(e.canonical);
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
