// Command-line arguments of the CLI: the usage text, parsing and validation. Bad usage is a UsageError
// (exit code 2, with the usage printed).
import { ENTITY_TAGGER_MODES, type EntityTaggerMode } from '../analysis/types';
import { defaultSettings } from '../protocol';
import { HARD_MAX_FILE_SIZE_KB } from '../workspace/articleText';
import { MAX_JOBS, MIN_FILES_FOR_AUTO_JOBS } from '../workspace/indexWorkers/jobs';

export const USAGE = `usage: article-lens analyze [--format json|text] [--max-file-size-kb N] [--cache DIR] [--db URL]
                            [--entity-tagger off|candidates|primary] [--entity-model FILE]
                            [--related-by story|page] [--jobs N] <dir|file...>

Analyses the article files (.txt, .article) and prints entities, quotes, repeated and shared passages
and related articles. Offsets in JSON are UTF-16 code units; paths are relative to the given directory.

  --format json|text     one JSON object (default), or file:line:col rows for people
  --max-file-size-kb N   analyse only the first N KB of larger files (default 512, at most ${HARD_MAX_FILE_SIZE_KB})
  --cache DIR            keep per-file analyses in DIR, so a run on unchanged files is quick
  --db URL               read the analyses from a team database loaded with "index"
  --entity-tagger MODE   candidates (default: the rules, plus the tagger's names where it is clearly surer),
                         off (rules alone) or primary (tagger spans first, typed by the rules where both agree)
  --entity-model FILE    the tagger's weights (default: the corpus folder's .article-lens/entity-model.json,
                         written by "Retrain Entity Model from Corrections", when present; else the shipped ones)
  --related-by story|page  rank pages of several stories story by story (default), or whole
  --jobs N               worker threads that analyse files: 0 one per core (default; corpora under
                         ${MIN_FILES_FOR_AUTO_JOBS} files stay in one thread), 1 none; findings are the same for any N

Files that cannot be analysed (missing, dangling symlink, unreadable, binary) are reported on stderr and
skipped. Exit code: 0 all inputs analysed, 1 some inputs skipped, 2 usage error or nothing could be read.`;

export type Format = 'json' | 'text';

export interface CliArgs {
  command: 'analyze';
  format: Format;
  maxFileSizeKB: number;
  cacheDir: string | undefined;
  entityTagger: EntityTaggerMode;
  /** Related ranking compares pages of several stories whole (`--related-by page`). */
  relatedWholePages: boolean;
  /** The tagger's weights (`--entity-model`); the corpus folder's model, else the shipped weights, when absent. */
  entityModel?: string;
  /** Worker threads of the first indexing pass (`--jobs`): 0 one per core, 1 none. */
  jobs: number;
  inputs: string[];
}

export class UsageError extends Error {}

/** `--help`: the usage goes to stdout and the exit code is 0. */
export class HelpRequest extends Error {}

export const DEFAULT_MAX_FILE_SIZE_KB = 512;

const OPTIONS = new Set([
  '--format',
  '--max-file-size-kb',
  '--cache',
  '--entity-tagger',
  '--entity-model',
  '--related-by',
  '--jobs',
]);

export function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') throw new HelpRequest();
  if (!command) throw new UsageError('');
  if (command !== 'analyze') throw new UsageError(`unknown command: ${command}`);
  const args: CliArgs = {
    command,
    format: 'json',
    maxFileSizeKB: DEFAULT_MAX_FILE_SIZE_KB,
    cacheDir: undefined,
    // The editor's default, so the CLI and the editor find the same entities.
    entityTagger: defaultSettings.entities.tagger,
    relatedWholePages: false,
    jobs: 0,
    inputs: [],
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') throw new HelpRequest();
    if (arg === '--') {
      args.inputs.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-')) {
      args.inputs.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!OPTIONS.has(name)) throw new UsageError(`unknown option: ${arg}`);
    const value = eq < 0 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    setOption(args, name, value);
  }
  if (args.inputs.length === 0) throw new UsageError('no input: give a directory or files');
  return args;
}

function setOption(args: CliArgs, name: string, value: string): void {
  switch (name) {
    case '--format':
      if (value !== 'json' && value !== 'text')
        throw new UsageError(`--format must be json or text, not ${value}`);
      args.format = value;
      return;
    case '--max-file-size-kb': {
      const kb = Number(value);
      if (!/^\d+$/.test(value) || kb < 1 || kb > HARD_MAX_FILE_SIZE_KB)
        throw new UsageError(`--max-file-size-kb must be a whole number from 1 to ${HARD_MAX_FILE_SIZE_KB}`);
      args.maxFileSizeKB = kb;
      return;
    }
    case '--entity-tagger':
      if (!(ENTITY_TAGGER_MODES as readonly string[]).includes(value))
        throw new UsageError(`--entity-tagger must be one of ${ENTITY_TAGGER_MODES.join(', ')}`);
      args.entityTagger = value as EntityTaggerMode;
      return;
    case '--related-by':
      if (value !== 'story' && value !== 'page')
        throw new UsageError(`--related-by must be story or page, not ${value}`);
      args.relatedWholePages = value === 'page';
      return;
    case '--entity-model':
      if (value === '') throw new UsageError('--entity-model needs a file');
      args.entityModel = value;
      return;
    case '--jobs':
      if (!/^\d+$/.test(value) || Number(value) > MAX_JOBS)
        throw new UsageError(`--jobs must be a whole number from 0 to ${MAX_JOBS}`);
      args.jobs = Number(value);
      return;
    case '--cache':
      if (value === '') throw new UsageError('--cache needs a directory');
      args.cacheDir = value;
      return;
  }
}
