// @ts-check
// Packaging check: builds article-lens.vsix with @vscode/vsce, installs it into a fresh code-server
// with --install-extension (as a user would), opens a sample article and checks in the UI that the
// installed extension activated: its code lens and status bar item come from the running server.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { codeServerEntry, provision } from '../../scripts/e2e/provision.mjs';
import {
  lap,
  launchChromium,
  makeRunDir,
  removeRunDir,
  repoRoot,
  resultsDir,
  startCodeServer,
  workbenchUrl,
} from './codeServer.mjs';

const ARTICLE = 'dailycoast-kestown-floods.txt';
const vsix = path.join(repoRoot, 'article-lens.vsix');
const { name, publisher, version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

provision();
mkdirSync(resultsDir, { recursive: true });

// `npm run package` builds first; under `npm test` the build has just run, so package directly.
const vsce = path.join(repoRoot, 'node_modules/.bin/vsce');
const packaged = spawnSync(vsce, ['package', '--no-dependencies', '-o', vsix], {
  cwd: repoRoot,
  encoding: 'utf8',
});
if (packaged.status !== 0 || !existsSync(vsix)) {
  console.error(packaged.stdout, packaged.stderr);
  throw new Error('vsce package failed');
}
lap(`packaged ${path.basename(vsix)}: ${(statSync(vsix).size / 1024).toFixed(0)} KB`);

const { dir: runDir, workspace } = makeRunDir('vsix', { copyCorpus: true });
const install = spawnSync(
  process.execPath,
  [
    codeServerEntry,
    '--extensions-dir',
    path.join(runDir, 'exts'),
    '--user-data-dir',
    path.join(runDir, 'ud'),
    '--install-extension',
    vsix,
  ],
  {
    encoding: 'utf8',
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(runDir, 'xdg'),
      XDG_DATA_HOME: path.join(runDir, 'xdg'),
    },
  },
);
const installed = readdirSync(path.join(runDir, 'exts')).filter((d) => d.startsWith(`${publisher}.${name}-`));
if (install.status !== 0 || installed.length !== 1) {
  console.error(install.stdout, install.stderr);
  throw new Error(`--install-extension did not install ${publisher}.${name}`);
}
lap(`installed ${installed[0]} (expected version ${version})`);

const cs = await startCodeServer({ runDir, folder: workspace });
const browser = await launchChromium();
let ok = false;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // No payload: the extension under test is only the installed one.
  await page.goto(workbenchUrl(cs, { folder: workspace }));
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(ARTICLE);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${ARTICLE}")`, {
    state: 'visible',
  });
  await page.keyboard.press('Enter');
  // Contributed language from the manifest, then the code lens and the status bar item, which
  // exist only when the installed client started its bundled server and got an answer.
  await page.waitForSelector('.statusbar-item:has-text("News Article")', { timeout: 30_000 });
  const lens = page.locator(
    '.contentWidgets .codelens-decoration:has-text("related"), .codelens-decoration:has-text("related")',
  );
  await lens.first().waitFor({ state: 'visible', timeout: 60_000 });
  const status = page.locator('.statusbar-item:has-text("related")');
  await status.first().waitFor({ state: 'visible', timeout: 30_000 });
  lap(
    `installed extension active: code lens ${JSON.stringify(await lens.first().innerText())}, status bar ${JSON.stringify(await status.first().innerText())}`,
  );
  await page.screenshot({ path: path.join(resultsDir, 'vsix-installed.png') });
  ok = true;
} catch (error) {
  console.error('installed .vsix did not activate:', error);
  const pages = browser.contexts()[0]?.pages() ?? [];
  await pages[0]?.screenshot({ path: path.join(resultsDir, 'vsix-failed.png') }).catch(() => undefined);
} finally {
  await browser.close();
  await cs.stop();
}
if (ok) removeRunDir(runDir);
else console.error(`logs in ${path.relative(repoRoot, runDir)}`);
process.exitCode = ok ? 0 : 1;
