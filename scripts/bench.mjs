// `npm run bench`: the language server load bench, or with --db the team corpus bench against a
// throw-away PostgreSQL (scripts/postgres/withPostgres.mjs); --db --lsp measures the team corpus over LSP.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const command = args.includes('--db')
  ? [
      'scripts/postgres/withPostgres.mjs',
      process.execPath,
      '--import',
      'tsx',
      args.includes('--lsp') ? 'test/bench/teamCorpusLsp.bench.ts' : 'test/bench/teamCorpus.bench.ts',
      ...args,
    ]
  : ['--import', 'tsx', 'test/bench/lspLoad.bench.ts', ...args];
const r = spawnSync(process.execPath, command, { stdio: 'inherit' });
process.exit(r.status ?? 1);
