// The team corpus as the editor meets it: a language server on the database (after `index --db`) and one
// on its own in-memory index, on the same generated load corpus (loadCorpus.ts), over LSP stdio. Measures
// each server's start (initialize to ready) and resident memory, and the p95 of the corpus questions for
// files that are not open: references, workspace symbols and related articles (with shared passages).
// Runs under scripts/postgres/withPostgres.mjs: `npm run bench -- --db --lsp [--sizes 1k]`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { RelatedArticlesRequest } from '../../server/src/protocol';
import { fileUri, Session } from '../lsp/session';
import { cliPath, ensureBuilt } from '../support/built';
import { createBenchDatabase } from './benchDatabase';
import { percentile } from './corpusGenerator';
import { loadCorpus } from './loadCorpus';

const argv = process.argv.slice(2);
const sizeArg = argv[argv.indexOf('--sizes') + 1];
const articles = argv.includes('--sizes') && sizeArg ? Number(sizeArg.replace(/k$/, '000')) : 1000;
const SAMPLES = 100;
const serverUrl = process.env.ARTICLE_LENS_TEST_DATABASE;
if (!serverUrl) {
  console.error(
    process.env.ARTICLE_LENS_TEST_DATABASE_SKIP ?? 'run through scripts/postgres/withPostgres.mjs',
  );
  process.exit(1);
}

const createDatabase = (name: string): Promise<string> => createBenchDatabase(serverUrl as string, name);

/** Resident memory of the server process, from /proc (MB), or NaN where there is none. */
function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function p95(run: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await run(i);
    times.push(performance.now() - t);
  }
  return percentile(times, 0.95);
}

async function measure(label: string, dir: string, files: string[], queries: string[], teamUrl?: string) {
  const started = performance.now();
  const s = await Session.start(
    dir,
    teamUrl ? { initializationOptions: { teamCorpus: { url: teamUrl } } } : {},
  );
  s.deadlineMs = 3_600_000;
  await s.ready();
  const startMs = performance.now() - started;
  const rss = rssMb(s.proc.pid);
  const symbols = (query: string) =>
    s.connection.sendRequest(WorkspaceSymbolRequest.type, { query }) as Promise<SymbolInformation[]>;
  const listed = await symbols('');
  const figures = {
    label,
    startMs,
    rss,
    references: await p95((i) => {
      const at = listed[i % listed.length].location;
      return s.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: at.uri },
        position: at.range.start,
        context: { includeDeclaration: true },
      });
    }),
    symbols: await p95((i) => symbols(queries[i % queries.length])),
    related: await p95((i) =>
      s.connection.sendRequest(RelatedArticlesRequest.method, {
        textDocument: { uri: fileUri(files[(i * 7919) % files.length]) },
      }),
    ),
  };
  await s.stop();
  return figures;
}

async function main(): Promise<void> {
  ensureBuilt();
  const { manifest } = loadCorpus({ articles });
  const url = await createDatabase(`bench_lsp_${articles}`);
  const t = performance.now();
  const loaded = spawnSync(process.execPath, [cliPath, 'index', '--db', url, manifest.dir], {
    encoding: 'utf8',
  });
  if (loaded.status !== 0) throw new Error(loaded.stderr);
  const loadS = (performance.now() - t) / 1000;
  const list = spawnSync('find', [manifest.dir, '-name', '*.txt', '-o', '-name', '*.article'], {
    encoding: 'utf8',
  });
  const files = list.stdout.split('\n').filter((f) => f !== '');
  const queries = manifest.symbolQueries.length > 0 ? manifest.symbolQueries : ['a', 'e'];
  const rows = [
    await measure('in-memory index', manifest.dir, files, queries),
    await measure('team database', manifest.dir, files, queries, url),
  ];
  const ms = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(1)} ms`);
  console.log(
    `\n${files.length} articles (${(manifest.bytes / 1024 / 1024).toFixed(1)} MB); index --db ${loadS.toFixed(0)} s\n`,
  );
  console.log('| server | start to ready | resident memory | references p95 | symbols p95 | related p95 |');
  console.log('| ------ | -------------: | --------------: | -------------: | ----------: | ----------: |');
  for (const r of rows)
    console.log(
      `| ${r.label} | ${(r.startMs / 1000).toFixed(1)} s | ${r.rss.toFixed(0)} MB | ${ms(r.references)} | ${ms(r.symbols)} | ${ms(r.related)} |`,
    );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
