// CoNLL-2003-style BIO tokens: one token per line with two tags, the CoNLL-2003 class (PERSON → PER;
// ORG → ORG; GPE, LOC, FAC → LOC; NORP, EVENT → MISC; dates, times, amounts, percentages and numbers → O)
// and the full type (B-PERSON, B-DATE, …). A blank line ends a sentence; `-DOCSTART-` starts an article.
import { COARSE_OF } from '../analysis/entities/tagger/labels';
import type { EntityType, Span } from '../analysis/types';
import type { ExportArticle } from './formats';

/** The CoNLL-2003 class of a type, or undefined for value types (they are O). */
export const CONLL_CLASS: Readonly<Partial<Record<EntityType, string>>> = COARSE_OF;

/** Word tokens (letters and digits, inner apostrophes, dots and hyphens) and single punctuation marks. */
const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokens(text: string): Span[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function toConll(articles: readonly ExportArticle[]): string {
  const out: string[] = [];
  for (const { file, text, analysis } of articles) {
    out.push('-DOCSTART- O O', `# file = ${file}`, '');
    const ents = [...analysis.entities].sort((a, b) => a.span.start - b.span.start);
    let e = 0;
    let previous: Span | undefined;
    let lastEntity = -1;
    for (const t of tokens(text)) {
      // A line break between tokens, or a sentence end before, closes the sentence.
      if (
        previous &&
        (/\n/.test(text.slice(previous.end, t.start)) ||
          /^[.!?]$/.test(text.slice(previous.start, previous.end)))
      )
        if (out[out.length - 1] !== '') out.push('');
      previous = t;
      while (e < ents.length && ents[e].span.end <= t.start) e++;
      const m = ents[e];
      const inside = m !== undefined && m.span.start < t.end && t.start < m.span.end;
      let conll = 'O';
      let full = 'O';
      if (inside) {
        const bio = lastEntity === e ? 'I' : 'B';
        const cls = CONLL_CLASS[m.type];
        conll = cls ? `${bio}-${cls}` : 'O';
        full = `${bio}-${m.type}`;
        lastEntity = e;
      } else lastEntity = -1;
      out.push(`${text.slice(t.start, t.end)} ${conll} ${full}`);
    }
    if (out[out.length - 1] !== '') out.push('');
  }
  return `${out.join('\n')}\n`;
}
