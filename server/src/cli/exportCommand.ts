// `article-lens export --format jsonl|brat|conll|doccano --out DIR [--annotations FILE] <corpus>`: the
// corrected analysis of a corpus in an annotation format, written under DIR.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { exportArticles } from '../export/formats';
import { EXPORT_FORMATS, type ExportFormat } from '../protocol';
import { resolveInputs } from '../workspace/fsCorpus';
import { analyzeCorpus, readCorrections, relativeFile, sidecarPath } from './corpus';
import { CurationUsageError, takeOption } from './options';

export const EXPORT_USAGE = `usage: article-lens export --format jsonl|brat|conll|doccano --out DIR [--annotations FILE] <corpus>`;

export function runExport(args: readonly string[], warn: (m: string) => void): number {
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
  const { results } = analyzeCorpus(files, base, corrections);
  const root = path.resolve(base);
  const written = exportArticles(
    format as ExportFormat,
    results.map((r) => ({ file: r.file, text: r.text, analysis: r.analysis })),
    (uri) => (uri.startsWith('file:') ? relativeFile(root, uri) : undefined),
  );
  for (const f of written) {
    const target = path.join(out, ...f.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.text);
  }
  process.stdout.write(`wrote ${written.length} files for ${results.length} articles to ${out}\n`);
  return 0;
}
