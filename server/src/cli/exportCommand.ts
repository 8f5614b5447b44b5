// `article-lens export --format jsonl|brat|conll|doccano --out DIR [--annotations FILE] <corpus>`: the
// corrected analysis of a corpus in an annotation format, written under DIR.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Correction } from '../analysis/curation/types';
import { exportArticles } from '../export/formats';
import { EXPORT_FORMATS, type ExportFormat } from '../protocol';
import { resolveInputs } from '../workspace/fsCorpus';
import { analyzeCorpus, readCorrections, relativeFile, sidecarPath, type CorpusResult } from './corpus';
import { CurationUsageError, takeOption } from './options';

export const EXPORT_USAGE = `usage: article-lens export --format jsonl|brat|conll|doccano --out DIR [--annotations FILE] [--db URL] <corpus>`;

export interface ExportRequest {
  format: ExportFormat;
  out: string;
  files: string[];
  base: string;
  corrections: Correction[];
}

export function parseExport(args: readonly string[], warn: (m: string) => void): ExportRequest {
  const rest = [...args];
  const format = takeOption(rest, '--format');
  const out = takeOption(rest, '--out');
  const annotations = takeOption(rest, '--annotations');
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new CurationUsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!out) throw new CurationUsageError('--out DIR is required');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown) throw new CurationUsageError(`unknown option: ${unknown}`);
  if (rest.length === 0) throw new CurationUsageError('no input: give the corpus directory');
  const { files, base } = resolveInputs(rest);
  const corrections = readCorrections(sidecarPath(base, annotations), warn);
  return { format: format as ExportFormat, out, files, base, corrections };
}

export function writeExport(request: ExportRequest, results: readonly CorpusResult[]): number {
  const root = path.resolve(request.base);
  const written = exportArticles(
    request.format,
    results.map((r) => ({ file: r.file, text: r.text, analysis: r.analysis })),
    (uri) => (uri.startsWith('file:') ? relativeFile(root, uri) : undefined),
  );
  for (const f of written) {
    const target = path.join(request.out, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.text);
  }
  process.stdout.write(`wrote ${written.length} files for ${results.length} articles to ${request.out}\n`);
  return 0;
}

export function runExport(args: readonly string[], warn: (m: string) => void): number {
  const request = parseExport(args, warn);
  const { results } = analyzeCorpus(request.files, request.base, request.corrections);
  return writeExport(request, results);
}
