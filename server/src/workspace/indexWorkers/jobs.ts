// How many indexing workers a run gets: the setting or `--jobs` (0 = one per core), where 1 means the
// first pass runs in the thread that builds the index, with no worker at all.
import * as os from 'node:os';
import type { AnalysisOptions } from '../../analysis/types';
import { IndexWorkerPool } from './workerPool';

/**
 * Below this many files, one per core means no workers: starting one (loading the analyser into a fresh
 * thread) takes about as long as analysing this many files.
 */
export const MIN_FILES_FOR_AUTO_JOBS = 200;

/** The largest `jobs` accepted. */
export const MAX_JOBS = 64;

/** Workers for indexing `files` files with `jobs` asked for (0: one per core, for corpora worth it). */
export function workerCount(jobs: number, files: number): number {
  if (jobs > 0) return jobs === 1 ? 0 : Math.min(jobs, files);
  const cores = os.availableParallelism();
  return files < MIN_FILES_FOR_AUTO_JOBS || cores < 2 ? 0 : cores;
}

/**
 * A pool of the workers `workerCount` gives, or `undefined` for the in-thread path. A workspace's
 * retrained tagger weights are loaded in this thread only, so a run whose `options` use them has no workers.
 */
export function startPool(
  jobs: number,
  files: number,
  options: readonly AnalysisOptions[],
  log: (message: string) => void,
): IndexWorkerPool | undefined {
  const count = options.some((o) => o.entityModel !== undefined) ? 0 : workerCount(jobs, files);
  return count > 0 ? new IndexWorkerPool(count, log) : undefined;
}
