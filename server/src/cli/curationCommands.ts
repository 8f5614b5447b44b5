// Dispatch of the curation subcommands (`export`, `import`) and the `--annotations FILE` option of
// `analyze`, kept out of cli.ts so its own parsing stays as it is.
import type { CorpusIndex } from '../analysis/corpus/corpusIndex';
import { readCorrections, sidecarPath, useCorrections } from './corpus';
import { EXPORT_USAGE, runExport } from './exportCommand';
import { IMPORT_USAGE, runImport } from './importCommand';
import { CurationReadError, CurationUsageError, takeOption } from './options';

export const CURATION_USAGE = `${EXPORT_USAGE}\n${IMPORT_USAGE}`;

const warn = (m: string): void => void process.stderr.write(`article-lens: ${m}\n`);

/** Runs `export` or `import`; `undefined` for other commands. */
export function runCurationCommand(argv: readonly string[]): number | undefined {
  const [command, ...rest] = argv;
  if (command !== 'export' && command !== 'import') return undefined;
  try {
    return command === 'export' ? runExport(rest, warn) : runImport(rest, warn);
  } catch (e) {
    if (e instanceof CurationUsageError) {
      process.stderr.write(
        `article-lens: ${e.message}\n${command === 'export' ? EXPORT_USAGE : IMPORT_USAGE}\n`,
      );
      return 2;
    }
    if (e instanceof CurationReadError) {
      warn(e.message);
      return 2;
    }
    throw e;
  }
}

/** Removes `--annotations FILE` from `analyze`'s arguments. */
export function takeAnnotations(argv: readonly string[]): { argv: string[]; annotations?: string } {
  const rest = [...argv];
  let annotations: string | undefined;
  try {
    annotations = takeOption(rest, '--annotations');
  } catch {
    return { argv: [...argv] }; // no value: left for analyze's parser to report
  }
  return { argv: rest, ...(annotations !== undefined ? { annotations } : {}) };
}

/**
 * The corpus's corrections (its sidecar, or `annotations`) as the hook that readies `analyze`'s index;
 * `undefined` when there are none, so the analysis cache can answer as before.
 */
export function sidecarHook(
  base: string,
  annotations: string | undefined,
): ((index: CorpusIndex) => void) | undefined {
  const corrections = readCorrections(sidecarPath(base, annotations), warn);
  if (corrections.length === 0) return undefined;
  return (index) => void useCorrections(index, base, corrections);
}
