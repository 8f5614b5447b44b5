// Client-side view of the `articleLens.*` settings: reads them for initializationOptions, builds the document
// selector from `articleLens.include`, and names the settings that only take effect on a server restart.
import * as vscode from 'vscode';
import type { DocumentSelector as LspDocumentSelector } from 'vscode-languageclient/node';
import { defaultSettings, type ArticleLensSettings } from '../../server/src/protocol';

export const SECTION = 'articleLens';
export const LANGUAGE_ID = 'article';
export const SIDECAR_GLOB = '**/.article-lens/annotations.json';

/**
 * Settings read at start and given to the server, which cannot pull per-resource settings before the first
 * request. The server sanitises them (a wrong type falls back to its default), so no validation here.
 */
export function readSettings(scope?: vscode.Uri): ArticleLensSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const read = <T extends object>(prefix: string, defaults: T): T => {
    const out: Record<string, unknown> = {};
    for (const [key, def] of Object.entries(defaults) as [string, unknown][]) {
      const path = prefix ? `${prefix}.${key}` : key;
      out[key] =
        typeof def === 'object' && def !== null && !Array.isArray(def)
          ? read(path, def)
          : config.get<unknown>(path, def);
    }
    return out as T;
  };
  return read('', defaultSettings);
}

/** The include globs, without blanks; the defaults when the setting is not a list. */
export function includeGlobs(): string[] {
  const value = vscode.workspace.getConfiguration(SECTION).get<unknown>('include', defaultSettings.include);
  if (!Array.isArray(value)) return defaultSettings.include;
  return value.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
}

/** A glob that names no folder (`**\/*.txt`) matches anywhere; others are relative to each workspace folder. */
function isAnywhereGlob(glob: string): boolean {
  return glob.startsWith('**/') || glob.startsWith('/');
}

/** Language `article`, plus plaintext files matching the include globs: the LSP form for the client. */
export function lspDocumentSelector(globs: string[]): LspDocumentSelector {
  // The corrections sidecar is synced too, so unsaved edits and Undo reach the server at once.
  const selector: LspDocumentSelector = [{ language: LANGUAGE_ID }, { pattern: SIDECAR_GLOB }];
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const glob of globs) {
    if (isAnywhereGlob(glob) || folders.length === 0) {
      selector.push({ language: 'plaintext', pattern: glob });
      continue;
    }
    for (const folder of folders) {
      selector.push({ language: 'plaintext', pattern: { baseUri: folder.uri.toString(), pattern: glob } });
    }
  }
  return selector;
}

/** The same selector in the editor's form, to decide whether a document is an article for the commands. */
export function codeDocumentSelector(globs: string[]): vscode.DocumentFilter[] {
  const selector: vscode.DocumentFilter[] = [{ language: LANGUAGE_ID }];
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const glob of globs) {
    if (isAnywhereGlob(glob) || folders.length === 0) {
      selector.push({ language: 'plaintext', pattern: glob });
      continue;
    }
    for (const folder of folders) {
      selector.push({ language: 'plaintext', pattern: new vscode.RelativePattern(folder, glob) });
    }
  }
  return selector;
}

/** What the running server was started with, of the settings it cannot pick up while it runs. */
export interface StartSettings {
  include: string[];
  database: string;
}

export function readStartSettings(): StartSettings {
  const database = vscode.workspace.getConfiguration(SECTION).get<string>('corpus.database', '').trim();
  return { include: includeGlobs(), database };
}

/**
 * The settings that changed since the server started and take effect only on a restart (the document
 * selector is fixed when the client starts; the team corpus is given to the server at its start), as
 * the user reads them.
 */
export function changedStartSettings(
  event: vscode.ConfigurationChangeEvent,
  started: StartSettings,
): string[] {
  const now = readStartSettings();
  const changed: string[] = [];
  if (
    event.affectsConfiguration(`${SECTION}.include`) &&
    JSON.stringify(now.include) !== JSON.stringify(started.include)
  )
    changed.push('the include globs');
  if (event.affectsConfiguration(`${SECTION}.corpus.database`) && now.database !== started.database)
    changed.push('the team corpus database');
  return changed;
}
