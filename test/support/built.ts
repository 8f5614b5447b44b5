// Test support: makes sure the esbuild bundles exist before a test spawns them, and runs the CLI bundle.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');
export const cliPath = path.join(repoRoot, 'server/out/cli.js');
export const serverPath = path.join(repoRoot, 'server/out/server.js');
/** The indexing worker thread's bundle, started by both. */
export const indexWorkerPath = path.join(repoRoot, 'server/out/indexWorker.js');

/** Builds the bundles once if they are missing (a plain `npm test` builds them first anyway). */
export function ensureBuilt(): void {
  if ([cliPath, serverPath, indexWorkerPath].every((f) => existsSync(f))) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

/** Runs the built CLI with `args` and waits for it, its output as text. */
export const runCli = (...args: string[]) =>
  spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8' });
