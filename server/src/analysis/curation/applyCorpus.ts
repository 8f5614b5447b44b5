// Corrections of corpus findings: "not boilerplate" on shared passages and "not related" on the ranking.
import type { RelatedArticle, SharedPassage, Span } from '../types';
import { locate, occurrences } from './anchor';
import type { CorrectionIndex } from './correctionIndex';
import type { Correction } from './types';

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function boilerplateSpans(text: string, c: Correction): Span[] {
  if (c.scope === 'mention') {
    const s = locate(text, c.anchor);
    return s ? [s] : [];
  }
  return occurrences(text, c.anchor.text).map((start) => ({ start, end: start + c.anchor.text.length }));
}

/** Shared passages with "not boilerplate" corrections applied: they count as shared copy again. */
export function applyToShared(
  index: CorrectionIndex,
  file: string,
  text: string,
  shared: SharedPassage[],
): SharedPassage[] {
  const rules = [
    ...index.forFile(file).filter((c) => c.kind === 'notBoilerplate'),
    ...index.boilerplateRules(text),
  ];
  if (rules.length === 0 || shared.length === 0) return shared;
  const spans = rules.flatMap((c) => boilerplateSpans(text, c));
  return shared.map((s) =>
    s.boilerplate && spans.some((x) => overlaps(x, s.span))
      ? { ...s, boilerplate: false, corrected: true }
      : s,
  );
}

/** The ranking without the articles a curator said are not related. */
export function applyToRelated(
  index: CorrectionIndex,
  file: string,
  related: RelatedArticle[],
  fileOf: (uri: string) => string | undefined,
): RelatedArticle[] {
  if (!index.hasUnrelated) return related;
  return related.filter((r) => {
    const other = fileOf(r.uri);
    return other === undefined || !index.isUnrelated(file, other);
  });
}
