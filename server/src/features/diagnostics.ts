// Analysis → Diagnostic[]: one stable code per finding (entity.<TYPE>, quote, quote.scare, quote.unbalanced,
// duplicate.repeat/shared/boilerplate), severities from settings, links to first copies and other files,
// and the maxNumberOfProblems cap (dropping the least severe first), which the published list says it
// applied (diagnostics.truncated). Publishing is the server's job.
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver';
import type { ArticleAnalysis, SharedPassage } from '../analysis/types';
import { DIAGNOSTIC_SOURCE, DiagnosticCodes, type ArticleLensSettings, type SeverityName } from '../protocol';
import { fileName } from './context';
import { spanToRange } from './convert';
import { unbalancedSpan } from './unbalancedRange';

export function toSeverity(name: SeverityName): DiagnosticSeverity | undefined {
  switch (name) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
    case 'off':
      return undefined;
  }
}

export interface DiagnosticInputs {
  analysis: ArticleAnalysis;
  /** The text the analysis was computed on. */
  text: string;
  uri: string;
  settings: ArticleLensSettings;
  /** Texts of other files, to turn their spans into ranges. */
  textOf(uri: string): string | undefined;
}

const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** The findings' diagnostics, capped at maxNumberOfProblems. */
export function toDiagnostics(inputs: DiagnosticInputs): Diagnostic[] {
  return capped(findingDiagnostics(inputs), inputs.settings.diagnostics.maxNumberOfProblems);
}

/**
 * What the server publishes: the capped diagnostics, led by one Information note when the cap left findings
 * out, so a capped list never passes for a complete one.
 */
export function publishedDiagnostics(inputs: DiagnosticInputs): Diagnostic[] {
  const all = findingDiagnostics(inputs);
  const total = all.length;
  const max = inputs.settings.diagnostics.maxNumberOfProblems;
  const kept = capped(all, max);
  const dropped = total - kept.length;
  return dropped > 0 ? [truncationNote(dropped, max), ...kept] : kept;
}

export function truncationNote(dropped: number, max: number): Diagnostic {
  const count = dropped.toLocaleString('en-US');
  const findings = dropped === 1 ? 'finding' : 'findings';
  const start = { line: 0, character: 0 };
  return {
    range: { start, end: start },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: DiagnosticCodes.truncated,
    message: `Article Lens: ${count} more ${findings} not shown (articleLens.diagnostics.maxNumberOfProblems = ${max})`,
  };
}

/** Every finding's diagnostic, uncapped, in no particular order. */
function findingDiagnostics({ analysis, text, uri, settings, textOf }: DiagnosticInputs): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (d: Omit<Diagnostic, 'source'>, severity: SeverityName): void => {
    const s = toSeverity(severity);
    if (s !== undefined) out.push({ ...d, severity: s, source: DIAGNOSTIC_SOURCE });
  };
  const sev = settings.severity;

  for (const m of analysis.entities) {
    const alias = m.text !== m.canonical ? ` (“${m.text}”)` : '';
    push(
      {
        range: spanToRange(text, m.span),
        code: `${DiagnosticCodes.entityPrefix}${m.type}`,
        message: `${m.type}: ${m.canonical}${alias}`,
      },
      sev.entity,
    );
  }

  for (const q of analysis.quotes) {
    if (q.kind === 'scare') {
      push(
        { range: spanToRange(text, q.contentSpan), code: DiagnosticCodes.quoteScare, message: 'Scare quote' },
        sev.quote,
      );
      continue;
    }
    const who = q.speaker
      ? `Quote: ${q.speaker.name}${q.speaker.attribution ? ` (${q.speaker.attribution})` : ''}`
      : 'Quote: speaker not found';
    push({ range: spanToRange(text, q.contentSpan), code: DiagnosticCodes.quote, message: who }, sev.quote);
  }

  for (const u of analysis.unbalanced) {
    push(
      {
        range: spanToRange(text, unbalancedSpan(text, u)),
        code: DiagnosticCodes.quoteUnbalanced,
        message:
          u.missing === 'close'
            ? 'Quote mark opens a quotation that does not close in its paragraph'
            : 'Quote mark closes a quotation that was never opened in its paragraph',
      },
      sev.quoteUnbalanced,
    );
  }

  for (const r of analysis.repeats) {
    const first = spanToRange(text, r.first);
    push(
      {
        range: spanToRange(text, r.span),
        code: DiagnosticCodes.repeat,
        message: `Repeated passage: first copy at line ${first.start.line + 1}`,
        relatedInformation: [{ location: { uri, range: first }, message: 'First copy of the passage' }],
      },
      sev.repeat,
    );
  }

  for (const group of groupShared(analysis.shared)) {
    const head = group[0];
    const range = spanToRange(text, head.span);
    if (head.boilerplate) {
      push(
        {
          range,
          code: DiagnosticCodes.boilerplate,
          message: `Boilerplate: this passage appears in ${Math.max(head.fileCount, group.length + 1)} files`,
        },
        sev.boilerplate,
      );
      continue;
    }
    const related: DiagnosticRelatedInformation[] = [];
    for (const s of group) {
      const other = textOf(s.otherUri);
      if (other === undefined) continue;
      related.push({
        location: { uri: s.otherUri, range: spanToRange(other, s.otherSpan) },
        message: `${percent(s.similarity)} similar in ${fileName(s.otherUri)}`,
      });
    }
    const sims = group.map((s) => s.similarity);
    const lo = Math.min(...sims);
    const hi = Math.max(...sims);
    const similarity = lo === hi ? percent(hi) : `${percent(lo)}–${percent(hi)}`;
    // A passage reprinted widely links its closest copies only; its file count tells how many there are.
    const others = Math.max(group.length, head.fileCount - 1);
    const where = group.length === 1 ? fileName(head.otherUri) : `${group.length} other articles`;
    push(
      {
        range,
        code: DiagnosticCodes.shared,
        message:
          others > group.length
            ? `Passage reprinted in ${others} other articles (closest ${group.length}: ${similarity} similar)`
            : `Passage shared with ${where} (${similarity} similar)`,
        relatedInformation: related,
      },
      sev.shared,
    );
  }

  return out;
}

/** Shared passages of the same span (one per other file) become one diagnostic. */
function groupShared(shared: readonly SharedPassage[]): SharedPassage[][] {
  const groups = new Map<string, SharedPassage[]>();
  for (const s of shared) {
    const key = `${s.span.start}:${s.span.end}:${s.boilerplate}`;
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()];
}

/** Keeps the `max` most severe diagnostics (earlier first within a severity), in document order. */
export function capped(diagnostics: Diagnostic[], max: number): Diagnostic[] {
  const byPosition = (a: Diagnostic, b: Diagnostic): number =>
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character;
  if (diagnostics.length > max) {
    diagnostics.sort((a, b) => (a.severity ?? 4) - (b.severity ?? 4) || byPosition(a, b));
    diagnostics = diagnostics.slice(0, Math.max(0, max));
  }
  return diagnostics.sort(byPosition);
}
