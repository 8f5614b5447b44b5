// @ts-check
// Starts code-server (the real VS Code workbench served to a browser) for `npm start` and the
// end-to-end checks, builds workbench URLs that load the extension in development mode, and
// launches Debian's chromium through playwright-core.
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerEntry } from '../../scripts/e2e/provision.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusDir = path.join(repoRoot, 'samples/corpus');
export const resultsDir = path.join(repoRoot, 'test-results');
export const CHROMIUM = '/usr/bin/chromium';

/** A port the OS reports free right now (code-server binds it a moment later). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh run folder under the git-ignored .vscode-test/runs: user data, extensions, logs and
 * (optionally) a copy of the sample corpus, so a test never edits the files that ship.
 * `reuse` keeps one folder per name (npm start keeps the user's layout between starts); `settings`
 * are added to the user settings.
 * @param {string} name
 * @param {{ copyCorpus?: boolean, reuse?: boolean, settings?: Record<string, unknown> }} [options]
 */
export function makeRunDir(name, options = {}) {
  const base = path.join(repoRoot, '.vscode-test/runs');
  mkdirSync(base, { recursive: true });
  const dir = options.reuse ? path.join(base, name) : mkdtempSync(path.join(base, `${name}-`));
  mkdirSync(path.join(dir, 'ud/User'), { recursive: true });
  mkdirSync(path.join(dir, 'exts'), { recursive: true });
  // Without these a welcome page, tips or a trust prompt take focus from the editor under test.
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'update.mode': 'none',
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...options.settings,
  };
  writeFileSync(path.join(dir, 'ud/User/settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  let workspace = corpusDir;
  if (options.copyCorpus) {
    workspace = path.join(dir, 'corpus');
    cpSync(corpusDir, workspace, { recursive: true });
  }
  return { dir, workspace };
}

/**
 * @typedef {object} CodeServer
 * @property {number} port
 * @property {string} origin   http://127.0.0.1:PORT
 * @property {string} runDir
 * @property {import('node:child_process').ChildProcess} proc
 * @property {() => string} logs   code-server's stdout and stderr so far
 * @property {() => Promise<void>} stop
 */

/**
 * Starts code-server on 127.0.0.1 with no auth and resolves once /healthz answers.
 * @param {{ runDir: string, folder: string, env?: Record<string, string>, args?: string[], timeoutMs?: number }} options
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(options) {
  if (!existsSync(codeServerEntry)) {
    throw new Error(`code-server is not installed (${codeServerEntry}); run node scripts/e2e/provision.mjs`);
  }
  const { runDir, folder } = options;
  const port = await freePort();
  const logFile = path.join(runDir, 'code-server.log');
  const out = openSync(logFile, 'a');
  const xdg = path.join(runDir, 'xdg');
  const proc = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-workspace-trust',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--user-data-dir',
      path.join(runDir, 'ud'),
      '--extensions-dir',
      path.join(runDir, 'exts'),
      '--config',
      path.join(runDir, 'config.yaml'),
      ...(options.args ?? []),
      folder,
    ],
    {
      // Own process group: stopping kills code-server with its extension host and language server.
      detached: true,
      stdio: ['ignore', out, out],
      // Keeps code-server from writing to the user's home folder.
      env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, ...options.env },
    },
  );
  const logs = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  let exited = false;
  proc.once('exit', () => (exited = true));
  const stop = async () => {
    if (exited || proc.pid === undefined) return;
    const gone = new Promise((resolve) => proc.once('exit', resolve));
    try {
      process.kill(-proc.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        if (proc.pid !== undefined) process.kill(-proc.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await gone;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up:\n${logs()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on port ${port} in time:\n${logs()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, origin: `http://127.0.0.1:${port}`, runDir, proc, logs, stop };
}

/**
 * The workbench URL for a folder; with `developmentPath` the extension loads in development mode
 * and with `testsPath` the extension host runs that module's `run()`.
 * @param {CodeServer} cs
 * @param {{ folder: string, developmentPath?: string, testsPath?: string }} options
 */
export function workbenchUrl(cs, options) {
  let url = `${cs.origin}/?folder=${encodeURIComponent(options.folder)}`;
  const remote = (/** @type {string} */ p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  /** @type {[string, string][]} */
  const payload = [['skipWelcome', 'true']];
  if (options.developmentPath) payload.push(['extensionDevelopmentPath', remote(options.developmentPath)]);
  if (options.testsPath) payload.push(['extensionTestsPath', remote(options.testsPath)]);
  if (options.developmentPath || options.testsPath) {
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}

/** Headless Debian chromium, with the flags that keep it quiet and working as root in a container. */
export async function launchChromium() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; run node scripts/e2e/provision.mjs`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Removes a run folder after a successful run; failed runs keep theirs for the logs. */
export function removeRunDir(/** @type {string} */ dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Builds the bundles (client, server, extension-host suite) once per command. */
export async function build() {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build.mjs')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('build failed');
}

export const lap = (() => {
  const t0 = Date.now();
  return (/** @type {string} */ message) =>
    console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}`);
})();
