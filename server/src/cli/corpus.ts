// The CLI's corpus with its corrections: the folder's sidecar (`.article-lens/annotations.json`, or the
// file given with --annotations) applied through the same curation stage as the server's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { indexCorpus, withCorpusFindings } from '../analysis/analyzeArticle';
import { CorpusIndex } from '../analysis/corpusIndex';
import { CorrectionIndex } from '../analysis/curation/correctionIndex';
import { parseSidecar } from '../analysis/curation/sidecar';
import { Curation } from '../analysis/curation/stage';
import type { Correction } from '../analysis/curation/types';
import {
  defaultAnalysisOptions,
  neverCancelled,
  type ArticleAnalysis,
  type ArticleSnapshot,
} from '../analysis/types';
import { defaultSettings } from '../protocol';
import { CorpusReadError, readArticle } from '../workspace/fsCorpus';

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
    throw new CorpusReadError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const parsed = parseSidecar(text);
  for (const p of parsed.problems) warn(`${file}:${p.line + 1}: ${p.message}`);
  return parsed.corrections;
}

/** Path of a `file:` URI relative to `base`, `/`-separated. */
export function relativeFile(base: string, uri: string): string {
  return path.relative(base, fileURLToPath(uri)).split(path.sep).join('/');
}

/** Applies corrections to everything `index` records; returns the stage (for its lost corrections). */
export function useCorrections(
  index: CorpusIndex,
  base: string,
  corrections: readonly Correction[],
): Curation {
  const set = new CorrectionIndex(corrections);
  const root = path.resolve(base);
  const stage = new Curation((uri) => ({ corrections: set, file: relativeFile(root, uri) }));
  index.setCuration(stage);
  return stage;
}

export interface CorpusResult {
  file: string;
  uri: string;
  text: string;
  analysis: ArticleAnalysis;
}

/** Indexes the files (two passes, as `analyze` does) with the corrections applied. */
export function analyzeCorpus(
  files: readonly string[],
  base: string,
  corrections: readonly Correction[],
): {
  results: CorpusResult[];
  stage: Curation;
} {
  const snapshots: ArticleSnapshot[] = files.map((file) => ({
    uri: pathToFileURL(path.resolve(file)).href,
    version: 0,
    text: readArticle(file),
  }));
  const index = new CorpusIndex();
  const stage = useCorrections(index, base, corrections);
  const options = defaultAnalysisOptions;
  indexCorpus(snapshots, index, options, neverCancelled);
  const results = snapshots.map((s) => {
    const local = index.get(s.uri)?.local ?? {
      entities: [],
      quotes: [],
      unbalanced: [],
      repeats: [],
      limits: [],
    };
    const analysis = withCorpusFindings({ uri: s.uri, version: 0, ...local }, s, index, options);
    return { file: relativeFile(path.resolve(base), s.uri), uri: s.uri, text: s.text, analysis };
  });
  return { results, stage };
}
