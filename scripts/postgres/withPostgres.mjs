// Runs a command against a throw-away PostgreSQL: finds the server binaries (installing Debian's package
// when they are missing and we are root), initdb's a cluster in a temporary folder, starts it on a free
// loopback port, runs the command with ARTICLE_LENS_TEST_DATABASE set, then stops the server and removes
// the folder, whether the command passed or not.
//
// When PostgreSQL cannot be had at all (no binaries and no way to install them), the command still runs,
// with ARTICLE_LENS_TEST_DATABASE_SKIP giving the reason, so the database tests report as skipped, never
// as passed. On CI (CI set) that is a failure instead: CI must test the backend.
//
// usage: node scripts/postgres/withPostgres.mjs <command> [args...]
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SUPERUSER = 'articlelens';
const DATABASE = 'article_lens_test';
const isRoot = process.getuid?.() === 0;
const log = (m) => process.stderr.write(`[postgres] ${m}\n`);

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', ...opts });
}

function hasInitdb(dir) {
  return existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));
}

/** The folder of initdb/pg_ctl/postgres: $PG_BIN, pg_config's, Debian's versioned folders, then PATH. */
function findBinaries() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const cfg = run('pg_config', ['--bindir']);
  if (cfg.status === 0) candidates.push(cfg.stdout.trim());
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian))
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      candidates.push(path.join(debian, v, 'bin'));
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
  return candidates.find(hasInitdb);
}

function installDebianPackage() {
  if (!isRoot) return 'PostgreSQL is not installed and this is not root, so it cannot be installed';
  if (run('which', ['apt-get']).status !== 0) return 'PostgreSQL is not installed and there is no apt-get';
  log('PostgreSQL not found: installing the Debian package');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = run('apt-get', ['update'], { stdio: 'inherit', env });
  if (update.status !== 0) return 'apt-get update failed';
  const install = run(
    'apt-get',
    ['install', '-y', '--no-install-recommends', 'postgresql', 'postgresql-contrib'],
    {
      stdio: 'inherit',
      env,
    },
  );
  return install.status === 0 ? undefined : 'apt-get install postgresql failed';
}

/** initdb refuses root: as root, the cluster belongs to the `postgres` user (created when missing). */
function clusterUser() {
  if (!isRoot) return undefined;
  const name = 'postgres';
  if (run('id', ['-u', name]).status !== 0) {
    const made = run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name]);
    if (made.status !== 0) throw new Error(`cannot create user ${name}: ${made.stderr}`);
  }
  const uid = Number(run('id', ['-u', name]).stdout.trim());
  const gid = Number(run('id', ['-g', name]).stdout.trim());
  return { name, uid, gid };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function runCommand(env) {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) {
    log('usage: node scripts/postgres/withPostgres.mjs <command> [args...]');
    return 2;
  }
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

async function main() {
  let bin = findBinaries();
  if (!bin) {
    const problem = installDebianPackage();
    bin = problem === undefined ? findBinaries() : undefined;
    if (!bin) {
      const reason = problem ?? 'PostgreSQL binaries not found after installing';
      if (process.env.CI) {
        log(`${reason}; CI must run the database tests`);
        return 1;
      }
      log(`${reason}: the database tests are skipped`);
      return runCommand({ ARTICLE_LENS_TEST_DATABASE_SKIP: reason });
    }
  }
  const user = clusterUser();
  const dir = mkdtempSync(path.join(tmpdir(), 'article-lens-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (user) chownSync(dir, user.uid, user.gid);
  // As root every server command runs as the cluster's user.
  const as = (tool, args) =>
    user
      ? run('runuser', ['-u', user.name, '--', path.join(bin, tool), ...args], { cwd: dir })
      : run(path.join(bin, tool), args, { cwd: dir });
  let started = false;
  const stop = () => {
    if (started) as('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  try {
    const init = as('initdb', ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-locale']);
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
    const port = await freePort();
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=60',
    ].join(' ');
    const start = as('pg_ctl', ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', options]);
    if (start.status !== 0) {
      const serverLog = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
      throw new Error(`pg_ctl start failed: ${start.stderr || start.stdout}\n${serverLog}`);
    }
    started = true;
    const create = as('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, DATABASE]);
    if (create.status !== 0) throw new Error(`createdb failed: ${create.stderr}`);
    log(`PostgreSQL from ${bin} on 127.0.0.1:${port}`);
    return runCommand({
      ARTICLE_LENS_TEST_DATABASE: `postgres://${SUPERUSER}@127.0.0.1:${port}/${DATABASE}`,
    });
  } finally {
    stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(e.message);
    process.exit(1);
  },
);
