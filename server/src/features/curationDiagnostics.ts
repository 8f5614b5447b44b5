// Diagnostics on each sidecar: corrections whose anchor is lost (their article is gone, or their text is
// no longer in it) and entries that cannot be read, each on its own line, so they are listed in Problems.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { lineOfId } from '../analysis/curation/sidecar';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes } from '../protocol';
import type { ArticleIndex } from '../analysis/corpusIndex';
import type { CurationStore, Sidecar } from '../workspace/curationStore';

function lineRange(text: string, line: number): Diagnostic['range'] {
  const length = text.split('\n')[line]?.replace(/\r$/, '').length ?? 0;
  return { start: { line, character: 0 }, end: { line, character: length } };
}

export function sidecarDiagnostics(store: CurationStore, index: ArticleIndex, s: Sidecar): Diagnostic[] {
  const out: Diagnostic[] = s.problems.map((p) => ({
    range: lineRange(s.text, p.line),
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: DiagnosticCodes.correctionInvalid,
    message: p.message,
  }));
  const lost = (id: string, message: string): void => {
    const line = lineOfId(s.text, id);
    out.push({
      range: lineRange(s.text, line),
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: DiagnosticCodes.correctionLost,
      message: `Correction not applied: ${message}`,
    });
  };
  for (const c of s.corrections) {
    if (c.scope === 'corpus') continue;
    const uri = store.uriOf(s, c.file);
    if (!index.get(uri)) lost(c.id, `${c.file} is not in the corpus (renamed or deleted?)`);
    else if (c.kind === 'notRelated' && !index.get(store.uriOf(s, c.other)))
      lost(c.id, `${c.other} is not in the corpus (renamed or deleted?)`);
    else {
      const l = store.stage.lost(uri).find((x) => x.correction.id === c.id);
      if (l) lost(c.id, l.reason);
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}
