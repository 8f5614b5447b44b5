// Registers the requests behind the client's side-bar views and Check Corpus (entities, story clusters,
// corpus files and their diagnostics). Wiring only: the answers live in features/.
import type { Connection } from 'vscode-languageserver/node';
import type { AnalysisOptions } from './analysis/types';
import type { SettingsStore } from './config';
import type { FeatureContext } from './features/context';
import { checkFiles, corpusFiles } from './features/corpusCheck';
import { provideEntityArticles, provideEntityList } from './features/entityViews';
import { provideStoryClusters } from './features/storyClusters';
import {
  CheckFilesRequest,
  CorpusFilesRequest,
  EntityArticlesRequest,
  EntityListRequest,
  StoryClustersRequest,
  type CheckFilesResult,
  type EntityArticleItem,
  type EntityListParams,
  type EntityListResult,
  type StoryClustersResult,
} from './protocol';
import type { HandlerGuard } from './util/handler';
import { normalizeUri } from './util/uri';

export function registerViewRequests(
  connection: Connection,
  ctx: FeatureContext,
  guard: HandlerGuard,
  settings: () => SettingsStore,
  optionsOf: (uri: string) => AnalysisOptions,
): void {
  connection.onRequest(
    EntityListRequest.method,
    guard.request<[EntityListParams], EntityListResult>('entities', { entities: [], matched: 0 }, (params) =>
      provideEntityList(ctx, params),
    ),
  );
  connection.onRequest(
    EntityArticlesRequest.method,
    guard.request<[{ canonical: string }], { articles: EntityArticleItem[] }>(
      'entityArticles',
      { articles: [] },
      (params) => provideEntityArticles(ctx, params.canonical, (uri) => optionsOf(uri)),
    ),
  );
  connection.onRequest(
    StoryClustersRequest.method,
    guard.request<[], StoryClustersResult>('storyClusters', { clusters: [], unclustered: 0 }, () =>
      provideStoryClusters(ctx, (uri) => optionsOf(uri)),
    ),
  );
  connection.onRequest(
    CorpusFilesRequest.method,
    guard.request<[], { uris: string[] }>('corpusFiles', { uris: [] }, () => corpusFiles(ctx)),
  );
  connection.onRequest(
    CheckFilesRequest.method,
    guard.request<[{ uris: string[] }], CheckFilesResult>('checkFiles', { files: [] }, (params) =>
      checkFiles(ctx, params.uris.map(normalizeUri), (uri) => settings().get(uri)),
    ),
  );
}
