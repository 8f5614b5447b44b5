// ServerApi over the running LanguageClient: the custom requests of server/src/protocol.ts, with LSP
// diagnostics converted to the editor's (codes, related information) by the client's own converter.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CheckFilesRequest,
  CorpusFilesRequest,
  EntityArticlesRequest,
  EntityListRequest,
  RelatedArticlesRequest,
  StoryClustersRequest,
} from '../../server/src/protocol';
import { SECTION } from './config';
import type { CheckedFile, ServerApi } from './views/serverApi';

export function createServerApi(client: LanguageClient): ServerApi {
  return {
    entities: (params) => client.sendRequest(EntityListRequest.type, params),
    entityArticles: async (canonical) =>
      (await client.sendRequest(EntityArticlesRequest.type, { canonical })).articles,
    storyClusters: () => client.sendRequest(StoryClustersRequest.type, {}),
    corpusFiles: async () =>
      (await client.sendRequest(CorpusFilesRequest.type, {})).uris.map((u) => vscode.Uri.parse(u)),
    checkFiles: async (uris, token) => {
      const result = await client.sendRequest(
        CheckFilesRequest.type,
        { uris: uris.map((u) => u.toString()) },
        token,
      );
      const out: CheckedFile[] = [];
      for (const f of result.files) {
        const diagnostics = await client.protocol2CodeConverter.asDiagnostics(f.diagnostics, token);
        out.push({ uri: vscode.Uri.parse(f.uri), diagnostics });
      }
      return out;
    },
    related: (uri, token) => {
      const limit = vscode.workspace.getConfiguration(SECTION, uri).get<number>('related.limit');
      return client.sendRequest(
        RelatedArticlesRequest.type,
        { textDocument: { uri: uri.toString() }, limit },
        token,
      );
    },
  };
}
