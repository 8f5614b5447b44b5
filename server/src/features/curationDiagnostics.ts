// Diagnostics on each sidecar: corrections whose anchor is lost (their article is gone, or their text is
// no longer in it) and entries that cannot be read, each on its own line, so they are listed in Problems.
// The same lost list feeds the Lost Corrections view.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { lineOfId } from '../analysis/curation/sidecar';
import type { Correction } from '../analysis/curation/types';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes, type LostCorrectionItem } from '../protocol';
import type { CurationStore, Sidecar } from '../workspace/curationStore';

function lineRange(text: string, line: number): Diagnostic['range'] {
  const length = text.split('\n')[line]?.replace(/\r$/, '').length ?? 0;
  return { start: { line, character: 0 }, end: { line, character: length } };
}

/** Whether an article is in the corpus (the local index, or the team database for the files it holds). */
export interface CorpusMembership {
  has(uri: string): boolean;
}

export interface LostEntry {
  correction: Correction;
  reason: string;
}

/** The corrections of a sidecar that are not applied, and why (corpus rules are never lost). */
export function lostIn(store: CurationStore, corpus: CorpusMembership, s: Sidecar): LostEntry[] {
  const out: LostEntry[] = [];
  for (const c of s.corrections) {
    if (c.scope === 'corpus') continue;
    const uri = store.uriOf(s, c.file);
    if (!corpus.has(uri))
      out.push({ correction: c, reason: `${c.file} is not in the corpus (renamed or deleted?)` });
    else if (c.kind === 'notRelated' && !corpus.has(store.uriOf(s, c.other)))
      out.push({ correction: c, reason: `${c.other} is not in the corpus (renamed or deleted?)` });
    else {
      const l = store.stage.lost(uri).find((x) => x.correction.id === c.id);
      if (l) out.push({ correction: c, reason: l.reason });
    }
  }
  return out;
}

export function sidecarDiagnostics(store: CurationStore, corpus: CorpusMembership, s: Sidecar): Diagnostic[] {
  const out: Diagnostic[] = s.problems.map((p) => ({
    range: lineRange(s.text, p.line),
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: DiagnosticCodes.correctionInvalid,
    message: p.message,
  }));
  for (const { correction, reason } of lostIn(store, corpus, s)) {
    out.push({
      range: lineRange(s.text, lineOfId(s.text, correction.id)),
      severity: DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: DiagnosticCodes.correctionLost,
      message: `Correction not applied: ${reason}`,
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** The Lost Corrections view's rows: every sidecar's lost corrections, by file and line. */
export function lostItems(store: CurationStore, corpus: CorpusMembership): LostCorrectionItem[] {
  const items: LostCorrectionItem[] = [];
  for (const s of store.all) {
    for (const { correction: c, reason } of lostIn(store, corpus, s)) {
      items.push({
        sidecarUri: s.uri,
        line: lineOfId(s.text, c.id),
        id: c.id,
        kind: c.kind,
        scope: c.scope,
        file: c.file,
        articleUri: store.uriOf(s, c.file),
        text: c.anchor.text,
        reason,
      });
    }
  }
  return items.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
