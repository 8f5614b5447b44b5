// doccano sequence-labelling JSONL (`label: [[start, end, type]]`) with Prodigy's `spans` on the same
// line, so either tool imports it. Entities only: quotes contain entities, and spans there cannot overlap.
import type { ExportArticle } from './formats';

export function toDoccano(articles: readonly ExportArticle[]): string {
  return articles
    .map(({ file, text, analysis }) => {
      const ents = analysis.entities;
      const row = {
        text,
        label: ents.map((e) => [e.span.start, e.span.end, e.type]),
        spans: ents.map((e) => ({ start: e.span.start, end: e.span.end, label: e.type, text: e.text })),
        meta: { file },
      };
      return `${JSON.stringify(row)}\n`;
    })
    .join('');
}
