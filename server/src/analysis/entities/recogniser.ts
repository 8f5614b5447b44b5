// Named-entity recognition over one article text by rules, as a pipeline of stages: wink tokens to name
// units (units.ts), names their context settles (contextNames.ts: datelines, credits, place shapes),
// candidate runs of capitals (candidateRuns.ts), typing of each run (typing.ts and the rule files it
// runs), then document and corpus evidence (documentEvidence.ts) and overlaps (drafts.ts).
import type { TableStep } from './aliases';
import { ArticleView } from './articleView';
import { findCandidateRuns } from './candidateRuns';
import { nameByContext } from './contextNames';
import { applyDocumentEvidence } from './documentEvidence';
import { DraftWriter } from './draftWriter';
import { resolveOverlaps } from './drafts';
import { typeCandidates } from './typing';
import { buildUnits, splitHyphens } from './units';
import { analyzeText, type NlpDoc } from '../text/nlp';
import type { EntityHints, EntityMention } from '../types';

/**
 * The entities of one text. `journal`, when given, receives every question asked of the hints and its
 * answer, so `replaysWith` can later tell whether other hints would give the same result. `nlp`, when
 * given, must be `analyzeText(text)`: a caller that already has it saves running wink again.
 */
export function findEntities(
  text: string,
  hints: EntityHints,
  journal?: TableStep[],
  nlp?: NlpDoc,
): EntityMention[] {
  if (text.length === 0) return [];
  const doc = nlp ?? analyzeText(text);
  const tokens = splitHyphens(doc.tokens);
  const { units, unitOfTok } = buildUnits(text, tokens);
  const view = new ArticleView(text, tokens, units, unitOfTok);
  const out = new DraftWriter(view);
  nameByContext(view, out);
  typeCandidates(view, out, findCandidateRuns(view, out.claimed));
  applyDocumentEvidence(out, { text, tokens, units, hints, journal });
  // wink's values (dates, money, quantities); a name over the same words wins (see resolveOverlaps).
  for (const v of doc.values) {
    if (v.type === 'CARDINAL') continue;
    out.emitSpan(v.span.start, v.span.end, v.type, 'wink', text.slice(v.span.start, v.span.end));
  }
  return resolveOverlaps(out.drafts).map((d) => ({
    span: { start: d.start, end: d.end },
    type: d.type,
    text: text.slice(d.start, d.end),
    canonical: d.canonical,
    source: d.source,
  }));
}
