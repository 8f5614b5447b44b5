// Provisions what the real-editor tests and `npm start` need: Debian packages (chromium,
// libkrb5-dev, ripgrep, neovim) and code-server, installed once into the git-ignored
// .vscode-test/ cache. Exits non-zero with a clear message when something cannot be had.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const codeServerDir = path.join(repo, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = path.join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
// Written only after a complete install, so an interrupted install is redone rather than trusted.
const marker = path.join(codeServerDir, '.installed');

// @vscode/ripgrep version pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json).
const RIPGREP_PKG_VERSION = '1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

class ProvisionError extends Error {}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) {
    throw new ProvisionError(`\`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
  }
}

const systemNeeds = [
  { pkg: 'chromium', present: () => existsSync('/usr/bin/chromium'), why: 'browser for the UI tests' },
  {
    pkg: 'libkrb5-dev',
    present: () => existsSync('/usr/include/gssapi/gssapi.h'),
    why: "headers for code-server's kerberos module",
  },
  {
    pkg: 'ripgrep',
    present: () => which('rg') !== undefined,
    why: "stands in for @vscode/ripgrep's download",
  },
  { pkg: 'neovim', present: () => which('nvim') !== undefined, why: 'second LSP client test' },
];

export function provisionSystem() {
  const missing = systemNeeds.filter((n) => !n.present());
  if (missing.length === 0) return;
  const list = missing.map((n) => n.pkg);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || which('apt-get') === undefined) {
    throw new ProvisionError(
      `missing system packages: ${missing.map((n) => `${n.pkg} (${n.why})`).join(', ')}.\n` +
        `Install them (e.g. \`sudo apt-get install ${list.join(' ')}\`) and re-run.`,
    );
  }
  console.log(`[provision] apt-get install ${list.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...list], { env });
  const still = missing.filter((n) => !n.present());
  if (still.length > 0)
    throw new ProvisionError(`apt-get did not provide: ${still.map((n) => n.pkg).join(', ')}`);
}

// @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here; it first
// looks for the release tarball in $TMPDIR/vscode-ripgrep-cache-<version>/, so Debian's rg is
// packed there under the expected name.
function seedRipgrepCache() {
  const tmp = process.env.TMPDIR || os.tmpdir();
  const cacheDir = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PKG_VERSION}`);
  const tarball = path.join(cacheDir, RIPGREP_TARBALL);
  if (existsSync(tarball)) return;
  const rg = which('rg');
  if (rg === undefined) throw new ProvisionError('ripgrep (rg) is required to install code-server offline');
  mkdirSync(cacheDir, { recursive: true });
  const stage = mkdtempSync(path.join(tmp, 'rg-stage-'));
  copyFileSync(rg, path.join(stage, 'rg'));
  run('tar', ['czf', tarball, '-C', stage, 'rg']);
  rmSync(stage, { recursive: true, force: true });
}

export function provisionCodeServer() {
  if (existsSync(marker) && existsSync(codeServerEntry)) return;
  const t0 = Date.now();
  console.log(
    `[provision] installing code-server ${CODE_SERVER_VERSION} into ${path.relative(repo, codeServerDir)}`,
  );
  seedRipgrepCache();
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(
    path.join(codeServerDir, 'package.json'),
    '{ "name": "code-server-host", "private": true }\n',
  );
  const env = {
    ...process.env,
    // code-server's postinstall refuses to run as root unless this reaches it.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`, which would otherwise wait for a prompt.
    npm_config_yes: 'true',
  };
  // Build native modules against the installed Node headers instead of downloading them.
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node_version.h'))
    env.npm_config_nodedir = '/usr';
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir,
    env,
  });
  if (!existsSync(codeServerEntry))
    throw new ProvisionError(`code-server install left no ${codeServerEntry}`);
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  console.log(`[provision] code-server installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

export function provision() {
  try {
    provisionSystem();
    provisionCodeServer();
  } catch (e) {
    if (e instanceof ProvisionError) {
      console.error(`[provision] cannot provision the real-editor tests: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) provision();
