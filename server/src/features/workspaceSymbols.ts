// workspace/symbol: the canonical entities of the corpus, so "go to symbol in workspace" finds a person or
// place across articles, one result per article that mentions it.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import { subsequence, type EntityOccurrence, type EntitySummary } from '../analysis/entities/entityIndex';
import type { EntityType } from '../analysis/types';
import type { FeatureContext } from './context';
import { fileName } from './context';
import { spanToRangeOnce } from './convert';
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

/** Entities whose first mentions are asked together. */
const MENTION_BATCH = 50;

/** An empty query (Ctrl+T before typing) lists this many of the most mentioned entities. */
const EMPTY_QUERY_ENTITIES = 50;

/**
 * One symbol per entity and article, at the entity's first mention in that article, so picking a result
 * opens the article it names. An empty query lists the most mentioned entities of the corpus.
 */
export async function provideWorkspaceSymbols(
  ctx: FeatureContext,
  query: string,
): Promise<SymbolInformation[]> {
  const entities =
    query.trim() === ''
      ? await ctx.corpus.mostMentioned(EMPTY_QUERY_ENTITIES)
      : await ctx.corpus.searchEntities(query, MAX_SYMBOLS);
  const out: SymbolInformation[] = [];
  // The first mentions are asked a batch of entities at a time, until the list is full.
  for (let b = 0; b < entities.length && out.length < MAX_SYMBOLS; b += MENTION_BATCH) {
    const batch = entities.slice(b, b + MENTION_BATCH);
    const firsts = await ctx.corpus.firstMentions(
      batch.map((e) => e.canonical),
      MAX_SYMBOLS - out.length,
    );
    for (const e of batch) await addSymbols(ctx, e, firsts.get(e.canonical) ?? [], out);
  }
  return out;
}

/** One symbol per file the entity is mentioned in, at its first mention there, until the list is full. */
async function addSymbols(
  ctx: FeatureContext,
  e: EntitySummary,
  firsts: readonly EntityOccurrence[],
  out: SymbolInformation[],
): Promise<void> {
  const counts = `${typeLabel(e.type)} · ${plural(e.mentionCount, 'mention')} in ${plural(e.fileCount, 'article')}`;
  for (const m of firsts) {
    if (out.length >= MAX_SYMBOLS) return;
    const text = await ctx.corpus.textOf(m.uri);
    if (text === undefined) continue;
    out.push({
      name: e.canonical,
      kind: KIND[e.type],
      location: { uri: m.uri, range: spanToRangeOnce(text, m.span) },
      containerName: `${counts} · ${fileName(m.uri)}`,
    });
  }
}
