// Diagnostics that say why part of a file was not analysed (binary content, the size limit), so the
// reason is on the file itself rather than in a log line written once during indexing.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ArticleAnalysis } from '../analysis/types';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import { spanToRange } from './convert';

export const LIMIT_CODE = 'limit';

/** One Information diagnostic per limit of the analysis, on the file's first character. */
export function limitDiagnostics(analysis: ArticleAnalysis, analysedText: string): Diagnostic[] {
  const end = Math.min(1, analysedText.length);
  return analysis.limits
    .filter((limit) => limit !== 'cancelled')
    .map((limit) => ({
      range: spanToRange(analysedText, { start: 0, end }),
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: LIMIT_CODE,
      message: `Article Lens: ${limit}.`,
    }));
}
