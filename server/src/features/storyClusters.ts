// Stories and related clusters for the side-bar view: the related graph's connected components, each
// titled by its best-connected member's headline; pages of several stories join each of their events.
import { relatedClusters } from '../analysis/related/clusters';
import type { AnalysisOptions } from '../analysis/types';
import { analyzeStructure } from '../analysis/structure/pageStructure';
import type { StoryClustersResult } from '../protocol';
import type { FeatureContext } from './context';
import { articleTitle } from './context';

export function provideStoryClusters(
  ctx: FeatureContext,
  optionsOf: (uri: string) => AnalysisOptions,
): StoryClustersResult {
  const uris = ctx.index.uris().sort();
  const clusters = relatedClusters(
    uris,
    (uri) => ctx.index.related(uri, optionsOf(uri)).map((r) => r.uri),
    (uri) => storyCount(ctx, uri) > 1,
  );
  const title = (uri: string): string => articleTitle(ctx, uri, ctx.textOf(uri));
  const clustered = new Set(clusters.flatMap((c) => c.map((m) => m.uri))).size;
  return {
    clusters: clusters.map((members) => ({
      title: title(members[0].uri),
      members: members.map((m) => ({ uri: m.uri, title: title(m.uri), links: m.links })),
    })),
    unclustered: uris.length - clustered,
  };
}

/** Stories on the page, from the indexed analysis when it has the page structure. */
function storyCount(ctx: FeatureContext, uri: string): number {
  const indexed = ctx.index.get(uri);
  if (!indexed) return 0;
  return (indexed.local.structure ?? analyzeStructure(indexed.snapshot.text)).stories.length;
}
