// What the views and Check Corpus ask of the language server, as the extension answers it: each call
// rejects while the server is not running, so a view shows its "not ready" message instead of stale data.
import type * as vscode from 'vscode';
import type {
  EntityArticleItem,
  EntityListParams,
  EntityListResult,
  RelatedArticlesResult,
  StoryClustersResult,
} from '../../../server/src/protocol';

export interface CheckedFile {
  uri: vscode.Uri;
  diagnostics: vscode.Diagnostic[];
}

export interface ServerApi {
  entities(params: EntityListParams): Promise<EntityListResult>;
  entityArticles(canonical: string): Promise<EntityArticleItem[]>;
  storyClusters(): Promise<StoryClustersResult>;
  corpusFiles(): Promise<vscode.Uri[]>;
  checkFiles(uris: readonly vscode.Uri[], token?: vscode.CancellationToken): Promise<CheckedFile[]>;
  related(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<RelatedArticlesResult>;
}
