// The team corpus on PostgreSQL: bulk load of the bench's load corpus (loadCorpus.ts) with `index --db
// --cache DIR`, with analysis (filling the local cache) and then from that cache into a second database
// (MB/s, and as a ratio to reading the files), a re-run on the unchanged corpus, then p95 of the
// editor's corpus queries (shared passages, related list, references, symbol search) with EXPLAIN ANALYZE
// of each. At 100k the tables of the 10k load are replicated ten times under new article ids (the 100k
// analysis itself takes the better part of an hour on the development machine): the query costs at 100k
// rows per table, not the load. Runs under scripts/postgres/withPostgres.mjs (`npm run bench -- --db`).
//
//   npm run bench -- --db                    10k load, queries at 10k and 100k; writes docs/benchmarks.md
//   npm run bench -- --db --sizes 1k         another load size; --no-write leaves the doc alone
//   npm run bench -- --db --sizes 100k --no-replicate   a real 100k load, queries against its own tables
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { CorpusQueries, QUERIES } from '../../server/src/storage/postgres/corpusQueries';
import { openPool } from '../../server/src/storage/postgres/database';
import { createBenchDatabase } from './benchDatabase';
import { percentile } from './corpusGenerator';
import { loadCorpus } from './loadCorpus';

const repoRoot = path.resolve(__dirname, '../..');
// A copy of the built CLI: a rebuild during the run would change the analyser version (it digests the
// bundle), and the re-run would analyse everything again.
const cliPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'article-lens-bench-cli-')), 'cli.js');
// The worker and the server bundle too: the analyser version digests the build's bundles together.
for (const bundle of ['cli.js', 'indexWorker.js', 'server.js'])
  copyFileSync(path.join(repoRoot, 'server/out', bundle), path.join(path.dirname(cliPath), bundle));
const docPath = path.join(repoRoot, 'docs/benchmarks.md');
const SAMPLES = 200;
const START = '<!-- team-corpus-bench:start -->';
const END = '<!-- team-corpus-bench:end -->';

const argv = process.argv.slice(2).filter((a) => a !== '--db');
const write = !argv.includes('--no-write');
const sizesArg = argv[argv.indexOf('--sizes') + 1];
const size = (s: string): number => (s.endsWith('k') ? Number(s.slice(0, -1)) * 1000 : Number(s));
const loadSize = argv.includes('--sizes') && sizesArg ? size(sizesArg) : 10_000;
const serverUrl = process.env.ARTICLE_LENS_TEST_DATABASE;
if (!serverUrl) {
  console.error(
    process.env.ARTICLE_LENS_TEST_DATABASE_SKIP ?? 'run through scripts/postgres/withPostgres.mjs',
  );
  process.exit(1);
}

const label = (n: number): string => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

const createDatabase = (name: string): Promise<string> => createBenchDatabase(serverUrl as string, name);

interface QueryFigures {
  p95: Record<string, number>;
  plans: Record<string, string>;
  rows: Record<string, number>;
}

async function measureQueries(pool: Pool): Promise<QueryFigures> {
  const q = new CorpusQueries(pool);
  const paths = (
    await pool.query<{ path: string }>('SELECT path FROM articles ORDER BY random() LIMIT $1', [SAMPLES])
  ).rows.map((r) => r.path);
  const names = (
    await pool.query<{ canonical: string }>('SELECT canonical FROM entities ORDER BY random() LIMIT $1', [
      SAMPLES,
    ])
  ).rows.map((r) => r.canonical);
  const time = async (f: (i: number) => Promise<unknown>): Promise<number> => {
    const t: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const s = performance.now();
      await f(i);
      t.push(performance.now() - s);
    }
    return percentile(t, 0.95);
  };
  const at = <T>(list: T[], i: number): T => list[i % list.length];
  const p95 = {
    'shared passages': await time((i) => q.sharedPassages(at(paths, i))),
    'related list': await time((i) => q.related(at(paths, i))),
    references: await time((i) => q.mentionsOf(at(names, i))),
    'symbol search': await time((i) => q.searchEntities(at(names, i).slice(0, 3))),
  };
  // Plans for the heaviest cases: the article with most shared passages, the most mentioned entity.
  const busy = (
    await pool.query<{ path: string }>(
      `SELECT a.path FROM shared_passages s JOIN articles a USING (article_id)
        GROUP BY a.path ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows[0]?.path;
  const top = (
    await pool.query<{ canonical: string }>(
      'SELECT canonical FROM entities ORDER BY mention_count DESC LIMIT 1',
    )
  ).rows[0]?.canonical;
  const plans: Record<string, string> = {};
  const rows: Record<string, number> = {};
  for (const [name, sql, params] of [
    ['shared passages', QUERIES.shared, [busy ?? paths[0]]],
    ['related list', QUERIES.related, [busy ?? paths[0]]],
    ['references', QUERIES.mentions, [top ?? names[0]]],
    ['symbol search', QUERIES.search, ['%s%a%n%', 500]],
  ] as const) {
    const r = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [...params]);
    plans[name] = r.rows.map((x) => x['QUERY PLAN']).join('\n');
    rows[name] = (await pool.query(sql, [...params])).rowCount ?? 0;
  }
  return { p95, plans, rows };
}

/** Ten copies of the 10k tables under new article ids and paths: 100k articles' worth of rows. */
async function replicate(pool: Pool, times: number): Promise<void> {
  const n = (await pool.query<{ n: number }>('SELECT count(*)::integer AS n FROM articles')).rows[0].n;
  for (let k = 1; k < times; k++) {
    const off = k * n;
    await pool.query(
      `INSERT INTO articles SELECT article_id + $1, 'copy' || $2::text || '/' || path, content_hash, bytes, entity_keys
         FROM articles WHERE article_id < $3`,
      [off, k, n],
    );
    await pool.query(
      `INSERT INTO entity_postings SELECT canonical, article_id + $1, ord, span_start, span_end, written
         FROM entity_postings WHERE article_id < $2`,
      [off, n],
    );
    await pool.query(
      `INSERT INTO passage_fingerprints SELECT hash, article_id + $1, word FROM passage_fingerprints WHERE article_id < $2`,
      [off, n],
    );
    await pool.query(
      `INSERT INTO shared_passages SELECT article_id + $1, ord, span_start, span_end, other_id + $1, other_start,
              other_end, similarity, boilerplate, file_count, corrected
         FROM shared_passages WHERE article_id < $2`,
      [off, n],
    );
    await pool.query(
      `INSERT INTO quotes SELECT article_id + $1, ord, span_start, span_end, content_start, content_end, kind, speaker,
              content_key FROM quotes WHERE article_id < $2`,
      [off, n],
    );
    await pool.query(
      `INSERT INTO related SELECT article_id + $1, rank, other_id + $1, score, reasons FROM related WHERE article_id < $2`,
      [off, n],
    );
  }
  await pool.query('UPDATE entities SET file_count = file_count * $1, mention_count = mention_count * $1', [
    times,
  ]);
  await pool.query('VACUUM ANALYZE');
}

/** Time to read every file of the corpus once (the floor of any load), in ms. */
function readAll(dir: string): number {
  const s = performance.now();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      if (e.isDirectory()) walk(path.join(d, e.name));
      else readFileSync(path.join(d, e.name));
  };
  walk(dir);
  return performance.now() - s;
}

async function main(): Promise<void> {
  const { manifest } = loadCorpus({ articles: loadSize });
  const url = await createDatabase(`bench_${loadSize}`);
  const fromCacheUrl = await createDatabase(`bench_${loadSize}_cached`);
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-bench-cache-'));
  const index = (into: string): { ms: number; out: string } => {
    const s = performance.now();
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=8192', cliPath, 'index', '--db', into, '--cache', cacheDir, manifest.dir],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      },
    );
    if (r.status !== 0) throw new Error(`index failed: ${r.stderr.slice(-2000)}`);
    return { ms: performance.now() - s, out: r.stdout.trim() };
  };
  console.error(`loading ${label(loadSize)} articles (${(manifest.bytes / 1024 / 1024).toFixed(1)} MB)…`);
  const cold = index(url);
  console.error(cold.out);
  const cached = index(fromCacheUrl);
  console.error(cached.out);
  const warm = index(url);
  console.error(warm.out);
  const reading = readAll(manifest.dir);
  const pool = openPool(url, { max: 2 });
  const at: { size: string; figures: QueryFigures }[] = [];
  at.push({ size: label(loadSize), figures: await measureQueries(pool) });
  const times = loadSize >= 10_000 && !argv.includes('--no-replicate') ? 10 : 0;
  if (times > 0) {
    console.error(`replicating the tables ×${times}…`);
    await replicate(pool, times);
    at.push({
      size: `${label(loadSize * times)} (10k tables ×${times})`,
      figures: await measureQueries(pool),
    });
  }
  await pool.end();
  // The cache holds the whole corpus's analyses: not left behind in the temporary folder.
  rmSync(cacheDir, { recursive: true, force: true });
  const report = render(manifest.bytes, { cold, cached, warm, reading }, at);
  console.log(report);
  if (write) {
    const doc = readFileSync(docPath, 'utf8');
    const block = `${START}\n${report}\n${END}`;
    const next = doc.includes(START)
      ? doc.slice(0, doc.indexOf(START)) + block + doc.slice(doc.indexOf(END) + END.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
    writeFileSync(docPath, next);
  }
}

interface Loads {
  cold: { ms: number; out: string };
  cached: { ms: number; out: string };
  warm: { ms: number; out: string };
  /** Reading every file once. */
  reading: number;
}

function render(bytes: number, loads: Loads, at: { size: string; figures: QueryFigures }[]): string {
  const mb = bytes / 1024 / 1024;
  const rate = (ms: number): string =>
    `${(mb / (ms / 1000)).toFixed(2)} MB/s, ${(ms / loads.reading).toFixed(0)}× reading the files`;
  const lines = [
    `## Team corpus on PostgreSQL (\`npm run bench -- --db\`, ${new Date().toISOString().slice(0, 10)})`,
    '',
    `Load of the ${at[0].size} load corpus (${mb.toFixed(1)} MB) with \`index --db --cache DIR\`, on a server with`,
    '`fsync=off` (a throw-away test server): first with an empty local cache (every file analysed, the cache',
    'filled), then into a second database from that cache (nothing analysed), then the first command again',
    `on the unchanged corpus. Reading every file once took ${(loads.reading / 1000).toFixed(2)} s. Times are wall-clock`,
    'of the whole command, process start included.',
    '',
    `- with analysis: ${(loads.cold.ms / 1000).toFixed(1)} s (${rate(loads.cold.ms)}) — ${loads.cold.out}`,
    `- from the local cache: ${(loads.cached.ms / 1000).toFixed(1)} s (${rate(loads.cached.ms)}) — ${loads.cached.out}`,
    `- re-run: ${(loads.warm.ms / 1000).toFixed(1)} s — ${loads.warm.out}`,
    '',
    `p95 of ${SAMPLES} queries each (random articles and entities; symbol search by the first three letters of a`,
    'name), round trip through `pg`:',
    '',
    `| query | ${at.map((a) => a.size).join(' | ')} |`,
    `| --- | ${at.map(() => '---:').join(' | ')} |`,
  ];
  for (const q of Object.keys(at[0].figures.p95))
    lines.push(`| ${q} | ${at.map((a) => `${a.figures.p95[q].toFixed(2)} ms`).join(' | ')} |`);
  for (const a of at) {
    lines.push('', `### EXPLAIN ANALYZE at ${a.size}`, '');
    for (const [q, plan] of Object.entries(a.figures.plans))
      lines.push(`${q} (${a.figures.rows[q]} rows):`, '', '```text', plan, '```', '');
  }
  return lines.join('\n').trimEnd();
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
