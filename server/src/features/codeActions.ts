// Code actions as WorkspaceEdits (the server never writes files): insert a missing quote mark, remove one
// repeated passage, and a source action removing every repeat of the file.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { ArticleAnalysis, Repeat, Span } from '../analysis/types';
import { DiagnosticCodes } from '../protocol';
import type { FeatureContext } from './context';
import { rangeToSpan, spanToRange } from './convert';
import { unbalancedSpan } from './unbalancedRange';

/** `source.articleLens.removeRepeats`: offered in the source-action menu and runnable on save. */
export const REMOVE_ALL_REPEATS_KIND = `${CodeActionKind.Source}.articleLens.removeRepeats`;

const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;

function edit(uri: string, version: number | undefined, edits: TextEdit[]): WorkspaceEdit {
  // Versioned edits let the client refuse them if the buffer changed since the analysis.
  return version === undefined
    ? { changes: { [uri]: edits } }
    : { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

/**
 * The text to delete for a repeat: the passage plus the whitespace after it up to the next line break,
 * or, for a passage on a line of its own, the whole line, so that no blank line or double space remains.
 */
export function repeatDeletion(text: string, span: Span): Span {
  let { start, end } = span;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const lineStart = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  if (lineStart && (end === text.length || text[end] === '\n' || text[end] === '\r')) {
    if (text.startsWith('\r\n', end)) end += 2;
    else if (end < text.length) end += 1;
  } else {
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t') && end === span.end) start--;
  }
  return { start, end };
}

/** Deletions for several repeats, overlaps merged, in document order. */
export function removeRepeatsEdits(text: string, repeats: readonly Repeat[]): TextEdit[] {
  const spans = repeats.map((r) => repeatDeletion(text, r.span)).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged.map((s) => ({ range: spanToRange(text, s), newText: '' }));
}

export function provideCodeActions(
  ctx: FeatureContext,
  params: CodeActionParams,
  version: number | undefined,
): CodeAction[] {
  const uri = params.textDocument.uri;
  const analysis = ctx.analysisOf(uri);
  const text = ctx.textOf(uri);
  if (!analysis || text === undefined) return [];
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const out: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      const action = quickFix(uri, version, text, analysis, d);
      if (action) out.push(action);
    }
  }
  if (wants(REMOVE_ALL_REPEATS_KIND) && analysis.repeats.length > 0) {
    out.push({
      title: `Remove all repeated passages (${analysis.repeats.length})`,
      kind: REMOVE_ALL_REPEATS_KIND,
      edit: edit(uri, version, removeRepeatsEdits(text, analysis.repeats)),
    });
  }
  return out;
}

function quickFix(
  uri: string,
  version: number | undefined,
  text: string,
  analysis: ArticleAnalysis,
  d: Diagnostic,
): CodeAction | undefined {
  const span = rangeToSpan(text, d.range);
  if (d.code === DiagnosticCodes.quoteUnbalanced) {
    const mark = analysis.unbalanced.find((u) => sameSpan(unbalancedSpan(text, u), span));
    if (!mark) return undefined;
    const at = spanToRange(text, { start: mark.insertAt, end: mark.insertAt });
    return {
      title: `Insert the missing ${mark.missing === 'close' ? 'closing' : 'opening'} quote mark`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: edit(uri, version, [{ range: at, newText: mark.insertText }]),
    };
  }
  if (d.code === DiagnosticCodes.repeat) {
    const repeat = analysis.repeats.find((r) => sameSpan(r.span, span));
    if (!repeat) return undefined;
    return {
      title: 'Remove repeated passage',
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: edit(uri, version, removeRepeatsEdits(text, [repeat])),
    };
  }
  return undefined;
}
