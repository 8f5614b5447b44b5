// The sample corpus copied into a folder of its own and loaded into a fresh team database with
// `index --db`, as a curator's workspace on a database someone loaded; the corpus requests the tests send.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { RelatedArticlesRequest, type RelatedArticlesResult } from '../../server/src/protocol';
import type { Session } from '../lsp/session';
import { cliPath, ensureBuilt, repoRoot } from '../support/built';
import { freshDatabase } from './database';

export interface LoadedSample {
  corpus: string;
  /** The file names, in the folder's order. */
  files: string[];
  url: string;
}

/** Copies `samples/corpus` into a new folder and loads it into a new database. */
export async function loadSampleCorpus(label: string): Promise<LoadedSample> {
  ensureBuilt();
  const corpus = mkdtempSync(path.join(os.tmpdir(), `article-lens-${label}-`));
  const from = path.join(repoRoot, 'samples/corpus');
  const files = readdirSync(from).filter((n) => n.endsWith('.txt'));
  for (const f of files) copyFileSync(path.join(from, f), path.join(corpus, f));
  const url = await freshDatabase(label);
  const loaded = spawnSync(process.execPath, [cliPath, 'index', '--db', url, corpus], { encoding: 'utf8' });
  assert.equal(loaded.status, 0, loaded.stderr);
  return { corpus, files, url };
}

/** workspace/symbol. */
export const symbols = (s: Session, query: string): Promise<SymbolInformation[]> =>
  s.connection.sendRequest(WorkspaceSymbolRequest.type, { query }) as Promise<SymbolInformation[]>;

/** textDocument/references at a location's start. */
export const references = (s: Session, at: Location, includeDeclaration: boolean): Promise<Location[]> =>
  s.connection.sendRequest(ReferencesRequest.type, {
    textDocument: { uri: at.uri },
    position: at.range.start,
    context: { includeDeclaration },
  }) as Promise<Location[]>;

/** The related articles (and shared passage count) of a file. */
export const related = (s: Session, uri: string): Promise<RelatedArticlesResult> =>
  s.connection.sendRequest(RelatedArticlesRequest.method, {
    textDocument: { uri },
  }) as Promise<RelatedArticlesResult>;
