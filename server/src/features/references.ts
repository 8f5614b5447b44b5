// Entity navigation: textDocument/references on a mention (every mention of its canonical entity in the
// corpus) and the entity under a position, shared with the `entityMentions` server command.
import type { Location, Position } from 'vscode-languageserver';
import type { EntityMention } from '../analysis/types';
import type { FeatureContext } from './context';
import { positionToOffset, spanContains, spanToRange } from './convert';

export function entityAt(ctx: FeatureContext, uri: string, position: Position): EntityMention | undefined {
  const analysis = ctx.analysisOf(uri);
  const text = ctx.textOf(uri);
  if (!analysis || text === undefined) return undefined;
  const offset = positionToOffset(text, position);
  return analysis.entities
    .filter((m) => spanContains(m.span, offset))
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
}

/** Every mention of an entity in the corpus, this document first, then by file and position. */
export function mentionLocations(ctx: FeatureContext, canonical: string, firstUri?: string): Location[] {
  const out: Location[] = [];
  const mentions = ctx.index.entities
    .mentionsOf(canonical)
    .sort(
      (a, b) =>
        Number(b.uri === firstUri) - Number(a.uri === firstUri) ||
        (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
        a.span.start - b.span.start,
    );
  for (const m of mentions) {
    const text = ctx.textOf(m.uri);
    if (text === undefined) continue;
    out.push({ uri: m.uri, range: spanToRange(text, m.span) });
  }
  return out;
}

export function provideReferences(
  ctx: FeatureContext,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const entity = entityAt(ctx, uri, position);
  if (!entity) return [];
  const all = mentionLocations(ctx, entity.canonical, uri);
  if (includeDeclaration) return all;
  // Without the declaration, the mention under the cursor itself is left out.
  const text = ctx.textOf(uri) ?? '';
  const here = spanToRange(text, entity.span);
  return all.filter(
    (l) =>
      !(
        l.uri === uri &&
        l.range.start.line === here.start.line &&
        l.range.start.character === here.start.character
      ),
  );
}
