// The CLI's corpus with its corrections: the folder's sidecar (`.article-lens/annotations.json`, or the
// file given with --annotations) applied through the same curation stage as the server's, on the same
// analysis run as `analyze`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CorpusIndex } from '../analysis/corpus/corpusIndex';
import { CorrectionIndex } from '../analysis/curation/correctionIndex';
import { parseSidecar } from '../analysis/curation/sidecar';
import { Curation } from '../analysis/curation/stage';
import type { Correction } from '../analysis/curation/types';
import { defaultSettings } from '../protocol';
import { uriToPath } from '../util/uri';
import { analyzeFiles } from './analyzeFiles';
import { DEFAULT_MAX_FILE_SIZE_KB } from './args';
import type { FileResult } from './format';
import { CurationReadError } from './options';

export const DEFAULT_SIDECAR = defaultSettings.curation.annotationsPath;

export function sidecarPath(base: string, annotations: string | undefined): string {
  return annotations ?? path.join(base, ...DEFAULT_SIDECAR.split('/'));
}

/** The corrections of a sidecar file; none when it does not exist; unreadable entries are reported. */
export function readCorrections(file: string, warn: (m: string) => void = () => undefined): Correction[] {
  if (!fs.existsSync(file)) return [];
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CurationReadError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const parsed = parseSidecar(text);
  for (const p of parsed.problems) warn(`${file}:${p.line + 1}: ${p.message}`);
  return parsed.corrections;
}

/** Path of a `file:` URI relative to `base`, `/`-separated. */
export function relativeFile(base: string, uri: string): string | undefined {
  const file = uriToPath(uri);
  return file === undefined ? undefined : path.relative(base, file).split(path.sep).join('/');
}

/** Applies corrections to everything `index` records; returns the stage (for its lost corrections). */
export function useCorrections(
  index: CorpusIndex,
  base: string,
  corrections: readonly Correction[],
): Curation {
  const set = new CorrectionIndex(corrections);
  const root = path.resolve(base);
  const stage = new Curation((uri) => {
    const file = relativeFile(root, uri);
    return file === undefined ? undefined : { corrections: set, file };
  });
  index.setCuration(stage);
  return stage;
}

export type CorpusResult = FileResult & { uri: string };

/** Analyses the files as `analyze` does (two passes), with the corrections applied. */
export function analyzeCorpus(
  files: readonly string[],
  base: string,
  corrections: readonly Correction[],
): { results: CorpusResult[] } {
  const run = analyzeFiles(files, base, DEFAULT_MAX_FILE_SIZE_KB, undefined, (index) =>
    useCorrections(index, base, corrections),
  );
  return { results: run.results.map((r) => ({ ...r, uri: r.analysis.uri })) };
}
