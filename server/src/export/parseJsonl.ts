// Reads the JSONL export (one article per line) back as imported annotations; other tools' lines in
// the same shape (file, text, entities with start/end/type, quotes with content offsets) work too.
import type { ImportedArticle } from './imported';

type Row = Record<string, unknown>;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function parseJsonl(text: string, problems: string[] = []): ImportedArticle[] {
  const out: ImportedArticle[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let row: Row;
    try {
      row = JSON.parse(line) as Row;
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    if (typeof row.file !== 'string') {
      problems.push(`line ${i + 1}: no "file"`);
      return;
    }
    const entities = (Array.isArray(row.entities) ? (row.entities as Row[]) : [])
      .filter((e) => num(e.start) && num(e.end) && typeof e.type === 'string')
      .map((e) => ({
        start: e.start as number,
        end: e.end as number,
        type: e.type as string,
        ...(typeof e.canonical === 'string' ? { canonical: e.canonical } : {}),
      }));
    const quotes = (Array.isArray(row.quotes) ? (row.quotes as Row[]) : [])
      .filter((q) => q.kind === undefined || q.kind === 'speech')
      .filter((q) => num(q.contentStart) && num(q.contentEnd))
      .map((q) => ({
        contentStart: q.contentStart as number,
        contentEnd: q.contentEnd as number,
        ...(num(q.start) && num(q.end) ? { start: q.start, end: q.end } : {}),
        speaker: typeof q.speaker === 'string' ? q.speaker : null,
      }));
    out.push({
      file: row.file,
      ...(typeof row.text === 'string' ? { text: row.text } : {}),
      entities,
      quotes,
    });
  });
  return out;
}
