// Open documents keyed by the one normalised URI of their file, whatever spelling the client used, so a
// buffer and its file on disk are one article (see util/uri.ts).
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizeUri } from './uri';

/** What `TextDocuments.listen` needs of a connection. */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

type WithDocument = { textDocument: { uri: string } };

function normalized<P extends WithDocument>(params: P): P {
  const uri = normalizeUri(params.textDocument.uri);
  return uri === params.textDocument.uri
    ? params
    : { ...params, textDocument: { ...params.textDocument, uri } };
}

/** A view of `connection` for `TextDocuments.listen` that hands it normalised document URIs. */
export function normalizingConnection(connection: TextDocumentConnection): TextDocumentConnection {
  return {
    onDidOpenTextDocument: (h) => connection.onDidOpenTextDocument((p) => h(normalized(p))),
    onDidChangeTextDocument: (h) => connection.onDidChangeTextDocument((p) => h(normalized(p))),
    onDidCloseTextDocument: (h) => connection.onDidCloseTextDocument((p) => h(normalized(p))),
    onWillSaveTextDocument: (h) => connection.onWillSaveTextDocument((p) => h(normalized(p))),
    onWillSaveTextDocumentWaitUntil: (h) =>
      connection.onWillSaveTextDocumentWaitUntil((p, token) => h(normalized(p), token)),
    onDidSaveTextDocument: (h) => connection.onDidSaveTextDocument((p) => h(normalized(p))),
  };
}
