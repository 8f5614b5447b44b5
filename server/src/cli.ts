// Command-line front end: the same analysis as the language server, printed as JSON or eslint-style text.
// Exit code: 0 every input analysed, 1 some inputs skipped (reported on stderr), 2 bad usage or nothing read.
import { AnalysisCache } from './analysis/corpus/analysisStore';
import { analysisOptionsFor, analyzeSnapshotsInWorkers, readFiles } from './cli/analyzeFiles';
import { HelpRequest, parseArgs, USAGE, UsageError, type CliArgs } from './cli/args';
import { INDEX_USAGE, runDatabaseCommand } from './cli/databaseCommands';
import { CURATION_USAGE, runCurationCommand, sidecarHook, takeAnnotations } from './cli/curationCommands';
import { cliEntityModel } from './cli/entityModel';
import { toJson, toText } from './cli/format';
import { ignoreClosedPipes, warn } from './cli/output';
import { FileAnalysisStore } from './workspace/fileAnalysisStore';
import { resolveInputs } from './workspace/fsCorpus';

const KB = 1024;

async function main(argv0: readonly string[]): Promise<number> {
  const database = runDatabaseCommand(argv0);
  if (database !== undefined) return database;
  const curated = runCurationCommand(argv0);
  if (curated !== undefined) return curated;
  const { argv, annotations } = takeAnnotations(argv0);
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof HelpRequest) {
      process.stdout.write(`${USAGE}\n${CURATION_USAGE}\n${INDEX_USAGE}\n`);
      return 0;
    }
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(e.message ? `article-lens: ${e.message}\n${USAGE}\n` : `${USAGE}\n`);
    return 2;
  }
  const { files, base, skipped } = resolveInputs(args.inputs);
  let entityModel: string | undefined;
  try {
    entityModel = args.entityTagger === 'off' ? undefined : cliEntityModel(base, args.entityModel, warn);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`article-lens: ${e.message}\n`);
    return 2;
  }
  const curate = sidecarHook(base, annotations);
  // The cache's whole-corpus answer predates the corrections: with corrections the index is always built.
  const store =
    curate || args.cacheDir === undefined ? undefined : new FileAnalysisStore(args.cacheDir, { log: warn });
  await store?.load();
  const input = readFiles(files, args.maxFileSizeKB);
  const run = {
    ...input,
    ...(await analyzeSnapshotsInWorkers(
      input.read,
      base,
      analysisOptionsFor(args.entityTagger, args.relatedWholePages, entityModel),
      { jobs: args.jobs, log: warn },
      store ? new AnalysisCache(store) : undefined,
      curate,
    )),
  };
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
  await store?.flush();
  return skipped.length > 0 ? 1 : 0;
}

ignoreClosedPipes();
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
