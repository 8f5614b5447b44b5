// Command-line front end: the same analysis as the language server, printed as JSON or eslint-style text.
// Exit code: 0 every input analysed, 1 some inputs skipped (reported on stderr), 2 bad usage or nothing read.
import { analyzeFiles } from './cli/analyzeFiles';
import { parseArgs, USAGE, UsageError, type CliArgs } from './cli/args';
import { toJson, toText } from './cli/format';
import { exitQuietlyOnEpipe, warn } from './cli/output';
import { resolveInputs } from './workspace/fsCorpus';

const KB = 1024;

function main(argv: readonly string[]): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(e.message ? `article-lens: ${e.message}\n${USAGE}\n` : `${USAGE}\n`);
    return 2;
  }
  const { files, base, skipped } = resolveInputs(args.inputs);
  const run = analyzeFiles(files, base, args.maxFileSizeKB);
  skipped.push(...run.skipped);
  for (const s of skipped) warn(`skipped ${s.path}: ${s.reason}`);
  for (const t of run.truncated)
    warn(
      `${t.path}: ${Math.ceil(t.bytes / KB)} KB, over the ${args.maxFileSizeKB} KB limit: only the first ` +
        `${args.maxFileSizeKB} KB analysed (--max-file-size-kb)`,
    );
  if (skipped.length > 0 && run.results.length === 0) {
    warn('nothing could be analysed');
    return 2;
  }
  const out = args.format === 'json' ? JSON.stringify(toJson(run.results, base)) : toText(run.results, base);
  process.stdout.write(`${out}\n`);
  return skipped.length > 0 ? 1 : 0;
}

exitQuietlyOnEpipe();
process.exitCode = main(process.argv.slice(2));
