// Bundles the client, the server and the CLI (and the extension-host test suite) with esbuild.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // pg's optional native binding is not used.
  external: ['vscode', 'pg-native'],
};
const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The indexing worker thread, started by the server and the CLI from the file next to them.
  { entryPoints: ['server/src/workspace/indexWorkers/indexWorker.ts'], outfile: 'server/out/indexWorker.js' },
];
if (existsSync('test/e2e/suite/index.ts')) {
  entries.push({
    entryPoints: ['test/e2e/suite/index.ts'],
    outfile: 'test/out/e2e/index.js',
    external: ['vscode', 'mocha'],
  });
}
const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
