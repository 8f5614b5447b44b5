// Entity navigation: textDocument/references on a mention (every mention of its canonical entity in the
// corpus) and the entity under a position, shared with the `entityMentions` server command. Asked through
// the corpus questions, so a file that is not open is answered by the team database when there is one.
import type { Location, Position } from 'vscode-languageserver';
import type { EntityMention } from '../analysis/types';
import type { FeatureContext } from './context';
import { positionToOffset, spanContains, spanToRange } from './convert';

export async function entityAt(
  ctx: FeatureContext,
  uri: string,
  position: Position,
): Promise<EntityMention | undefined> {
  const [analysis, text] = await Promise.all([ctx.corpus.analysisOf(uri), ctx.corpus.textOf(uri)]);
  if (!analysis || text === undefined) return undefined;
  const offset = positionToOffset(text, position);
  return analysis.entities
    .filter((m) => spanContains(m.span, offset))
    .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
}

/** Every mention of an entity in the corpus, this document first, then by file and position. */
export async function mentionLocations(
  ctx: FeatureContext,
  canonical: string,
  firstUri?: string,
): Promise<Location[]> {
  const out: Location[] = [];
  const mentions = (await ctx.corpus.mentionsOf(canonical)).sort(
    (a, b) =>
      Number(b.uri === firstUri) - Number(a.uri === firstUri) ||
      (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
      a.span.start - b.span.start,
  );
  const texts = new Map<string, Promise<string | undefined>>();
  for (const m of mentions) if (!texts.has(m.uri)) texts.set(m.uri, ctx.corpus.textOf(m.uri));
  for (const m of mentions) {
    const text = await texts.get(m.uri);
    if (text === undefined) continue;
    out.push({ uri: m.uri, range: spanToRange(text, m.span) });
  }
  return out;
}

export async function provideReferences(
  ctx: FeatureContext,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): Promise<Location[]> {
  const entity = await entityAt(ctx, uri, position);
  if (!entity) return [];
  const all = await mentionLocations(ctx, entity.canonical, uri);
  if (includeDeclaration) return all;
  // Without the declaration, the mention under the cursor itself is left out.
  const text = (await ctx.corpus.textOf(uri)) ?? '';
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
