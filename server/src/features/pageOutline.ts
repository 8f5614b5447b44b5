// The page structure of an open article, when the document is one (other documents get no outline).
import { structureOf } from '../analysis/structure/pageStructure';
import type { PageStructure } from '../analysis/structure/types';
import type { FeatureContext } from './context';

export function pageStructureOf(
  ctx: FeatureContext,
  uri: string,
): { text: string; structure: PageStructure } | undefined {
  const analysis = ctx.analysisOf(uri);
  const text = ctx.textOf(uri);
  if (!analysis || text === undefined) return undefined;
  return { text, structure: structureOf(analysis, text) };
}
