// Check Corpus: the diagnostics of any indexed article, open or not, exactly as the server would publish
// them for it, so Problems can list the whole corpus (the client asks in batches, with progress).
import type { Diagnostic } from 'vscode-languageserver';
import type { ArticleLensSettings, CheckFilesResult } from '../protocol';
import type { FeatureContext } from './context';
import { publishedDiagnostics } from './diagnostics';
import { limitDiagnostics } from './limitNotices';

export function corpusFiles(ctx: FeatureContext): { uris: string[] } {
  return { uris: ctx.index.uris().sort() };
}

export async function checkFiles(
  ctx: FeatureContext,
  uris: readonly string[],
  settingsOf: (uri: string) => Promise<ArticleLensSettings>,
): Promise<CheckFilesResult> {
  const files: CheckFilesResult['files'] = [];
  for (const uri of uris) {
    const diagnostics = await diagnosticsOf(ctx, uri, settingsOf);
    if (diagnostics) files.push({ uri, diagnostics });
  }
  return { files };
}

async function diagnosticsOf(
  ctx: FeatureContext,
  uri: string,
  settingsOf: (uri: string) => Promise<ArticleLensSettings>,
): Promise<Diagnostic[] | undefined> {
  const settings = await settingsOf(uri);
  const analysis = ctx.analysisOf(uri);
  // The text the analysis ran on: the indexed snapshot is the analysed prefix of an oversized file.
  const text = ctx.index.get(uri)?.snapshot.text ?? ctx.textOf(uri);
  if (!analysis || text === undefined) return undefined;
  const findings = publishedDiagnostics({ analysis, text, uri, settings, textOf: (u) => ctx.textOf(u) });
  return [...limitDiagnostics(analysis, text), ...findings];
}
