// Stories and related clusters for the side-bar view: the related graph's connected components, each
// titled by its best-connected member's headline.
import { relatedClusters } from '../analysis/clusters';
import type { AnalysisOptions } from '../analysis/types';
import type { StoryClustersResult } from '../protocol';
import type { FeatureContext } from './context';
import { fileName, titleOf } from './context';

export function provideStoryClusters(
  ctx: FeatureContext,
  optionsOf: (uri: string) => AnalysisOptions,
): StoryClustersResult {
  const uris = ctx.index.uris().sort();
  const clusters = relatedClusters(uris, (uri) => ctx.index.related(uri, optionsOf(uri)).map((r) => r.uri));
  const title = (uri: string): string => titleOf(ctx.textOf(uri), fileName(uri));
  const clustered = clusters.reduce((n, c) => n + c.length, 0);
  return {
    clusters: clusters.map((members) => ({
      title: title(members[0].uri),
      members: members.map((m) => ({ uri: m.uri, title: title(m.uri), links: m.links })),
    })),
    unclustered: uris.length - clustered,
  };
}
