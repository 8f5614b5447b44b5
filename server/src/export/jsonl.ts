// JSONL, one article per line: text, entities (offsets, type, canonical, corrected), quotes (speaker),
// repeats, shared passages and related articles. Offsets are UTF-16 code units, end exclusive.
import type { ExportArticle } from './formats';

export interface JsonlEntity {
  start: number;
  end: number;
  type: string;
  text: string;
  canonical: string;
  corrected: boolean;
}

export interface JsonlQuote {
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  kind: 'speech' | 'scare';
  speaker: string | null;
  corrected: boolean;
}

export interface JsonlArticle {
  file: string;
  text: string;
  entities: JsonlEntity[];
  quotes: JsonlQuote[];
  repeats: { start: number; end: number; firstStart: number; firstEnd: number }[];
  shared: {
    start: number;
    end: number;
    other: string;
    otherStart: number;
    otherEnd: number;
    similarity: number;
    boilerplate: boolean;
  }[];
  related: { file: string; score: number }[];
}

export function toJsonlArticle(a: ExportArticle, fileOf: (uri: string) => string | undefined): JsonlArticle {
  const { analysis: x } = a;
  return {
    file: a.file,
    text: a.text,
    entities: x.entities.map((e) => ({
      start: e.span.start,
      end: e.span.end,
      type: e.type,
      text: e.text,
      canonical: e.canonical,
      corrected: e.corrected === true,
    })),
    quotes: x.quotes.map((q) => ({
      start: q.span.start,
      end: q.span.end,
      contentStart: q.contentSpan.start,
      contentEnd: q.contentSpan.end,
      kind: q.kind,
      speaker: q.speaker?.name ?? null,
      corrected: q.corrected === true,
    })),
    repeats: x.repeats.map((r) => ({
      start: r.span.start,
      end: r.span.end,
      firstStart: r.first.start,
      firstEnd: r.first.end,
    })),
    shared: x.shared.map((s) => ({
      start: s.span.start,
      end: s.span.end,
      other: fileOf(s.otherUri) ?? s.otherUri,
      otherStart: s.otherSpan.start,
      otherEnd: s.otherSpan.end,
      similarity: Number(s.similarity.toFixed(4)),
      boilerplate: s.boilerplate,
    })),
    related: x.related.map((r) => ({ file: fileOf(r.uri) ?? r.uri, score: Number(r.score.toFixed(4)) })),
  };
}

export function toJsonl(
  articles: readonly ExportArticle[],
  fileOf: (uri: string) => string | undefined,
): string {
  return articles.map((a) => `${JSON.stringify(toJsonlArticle(a, fileOf))}\n`).join('');
}
