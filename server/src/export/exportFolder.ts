// The export request: the corrected analysis of one workspace folder's articles in an annotation format.
import type { FeatureContext } from '../features/context';
import type { ExportAnnotationsParams, ExportAnnotationsResult } from '../protocol';
import { uriToPath } from '../util/uri';
import type { CurationStore } from '../workspace/curationStore';
import { exportArticles, type ExportArticle } from './formats';

export function exportFolder(
  ctx: FeatureContext,
  store: CurationStore,
  params: ExportAnnotationsParams,
): ExportAnnotationsResult {
  const sidecar = params.folderUri
    ? store.sidecarOf(`${params.folderUri.replace(/\/$/, '')}/x`)
    : store.all[store.all.length - 1];
  const articles: ExportArticle[] = [];
  const fileOf = (uri: string): string | undefined => {
    const p = store.place(uri);
    return p && store.sidecarOf(uri) === sidecar ? p.file : undefined;
  };
  for (const uri of ctx.index.uris().sort()) {
    const file = fileOf(uri);
    const text = ctx.textOf(uri);
    const analysis = ctx.analysisOf(uri);
    if (file === undefined || text === undefined || !analysis || uriToPath(uri) === undefined) continue;
    articles.push({ file, text, analysis });
  }
  articles.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files: exportArticles(params.format, articles, fileOf) };
}
