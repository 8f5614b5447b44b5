// The CLI's two output formats: one JSON object for tools, file:line:col rows for people. Every file is
// named by its path relative to the base, including the other side of a shared passage or related article.
import * as path from 'node:path';
import { storyRows } from '../analysis/structure/storyRows';
import { lineIndex } from '../analysis/text/lines';
import type { ArticleAnalysis } from '../analysis/types';
import { uriToPath } from '../util/uri';

export interface FileResult {
  /** Path relative to the base, with `/` separators. */
  file: string;
  text: string;
  analysis: ArticleAnalysis;
  /** Only a prefix of the file was analysed (size limit). */
  truncated: boolean;
}

/** Names URIs of the results by their relative paths; an unknown URI by its path relative to `base`. */
function namer(results: readonly FileResult[], base: string): (uri: string) => string {
  const fileOf = new Map(results.map((r) => [r.analysis.uri, r.file]));
  return (uri) => {
    const known = fileOf.get(uri);
    if (known !== undefined) return known;
    const file = uriToPath(uri);
    return file === undefined ? uri : path.relative(base, file).split(path.sep).join('/');
  };
}

export function toJson(results: readonly FileResult[], base: string): unknown {
  const rel = namer(results, base);
  return {
    files: results.map(({ file, text, analysis: a, truncated }) => ({
      file,
      ...(truncated ? { truncated: true } : {}),
      entities: a.entities.map((e) => ({
        start: e.span.start,
        end: e.span.end,
        type: e.type,
        text: e.text,
        canonical: e.canonical,
      })),
      quotes: a.quotes
        .filter((q) => q.kind === 'speech')
        .map((q) => ({
          start: q.contentSpan.start,
          end: q.contentSpan.end,
          speaker: q.speaker?.name ?? null,
          ...(q.speaker?.chain ? { chain: q.speaker.chain } : {}),
        })),
      duplicates: a.repeats.map((r) => ({
        start: r.span.start,
        end: r.span.end,
        firstStart: r.first.start,
        firstEnd: r.first.end,
      })),
      shared: a.shared
        .filter((s) => !s.boilerplate)
        .map((s) => ({
          start: s.span.start,
          end: s.span.end,
          other: rel(s.otherUri),
          otherStart: s.otherSpan.start,
          otherEnd: s.otherSpan.end,
        })),
      related: a.related.map((r) => ({ file: rel(r.uri), score: Number(r.score.toFixed(4)) })),
      stories: storyRows(a, text),
    })),
  };
}

const oneLine = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}...` : s).replace(/\s+/g, ' ');

export function toText(results: readonly FileResult[], base: string): string {
  const rel = namer(results, base);
  const linesOf = new Map(results.map((r) => [r.analysis.uri, lineIndex(r.text)]));
  /** `file:line:col` of an offset in an analysed file; just the path for another. */
  const where = (uri: string, offset: number): string => {
    const p = linesOf.get(uri)?.positionAt(offset);
    return p ? `${rel(uri)}:${p.line + 1}:${p.character + 1}` : rel(uri);
  };
  const lines: string[] = [];
  for (const { file, text, analysis: a } of results) {
    const at = (offset: number): string => where(a.uri, offset);
    const rows: { offset: number; row: string }[] = [];
    for (const e of a.entities)
      rows.push({ offset: e.span.start, row: `${e.type}  ${e.text}  (${e.canonical})` });
    for (const q of a.quotes) {
      const who = q.speaker ? `  — ${q.speaker.name}` : '';
      rows.push({
        offset: q.contentSpan.start,
        row: `quote  ${oneLine(text.slice(q.contentSpan.start, q.contentSpan.end))}${who}`,
      });
    }
    for (const u of a.unbalanced)
      rows.push({ offset: u.span.start, row: `quote.unbalanced  missing ${u.missing} mark` });
    for (const r of a.repeats)
      rows.push({ offset: r.span.start, row: `duplicate.repeat  of ${at(r.first.start)}` });
    for (const s of a.shared) {
      const kind = s.boilerplate ? 'duplicate.boilerplate' : 'duplicate.shared';
      rows.push({
        offset: s.span.start,
        row: `${kind}  ${Math.round(s.similarity * 100)}% like ${where(s.otherUri, s.otherSpan.start)}`,
      });
    }
    rows.sort((x, y) => x.offset - y.offset);
    for (const { offset, row } of rows) lines.push(`${at(offset)}  ${row}`);
    for (const r of a.related) lines.push(`${file}  related  ${rel(r.uri)}  ${r.score.toFixed(2)}`);
  }
  return lines.join('\n');
}
