// Bulk writes with COPY … FROM STDIN in text format: rows are escaped here, streamed in chunks, and the
// server parses them with no per-row statement. Values are data only, never SQL.
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null | readonly string[];

/** Text-format escaping: backslash, tab, newline and carriage return; NULL is \N. */
function escapeText(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** An array literal `{"a","b"}`, each element quoted, then escaped for the text format. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

function field(v: CopyValue): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return escapeText(v);
  return escapeText(arrayLiteral(v));
}

const CHUNK_ROWS = 2000;

function* lines(rows: Iterable<readonly CopyValue[]>): Generator<string> {
  let chunk: string[] = [];
  for (const row of rows) {
    chunk.push(row.map(field).join('\t'), '\n');
    if (chunk.length >= CHUNK_ROWS * 2) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}

/**
 * COPYs `rows` into `table (columns)`; table and column names are the program's, never user input.
 * Returns the bytes of row data sent.
 */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  let bytes = 0;
  const counted = function* (): Generator<string> {
    for (const chunk of lines(rows)) {
      bytes += Buffer.byteLength(chunk);
      yield chunk;
    }
  };
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(counted()), stream);
  return bytes;
}
