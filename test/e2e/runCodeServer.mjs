// @ts-check
// Runs the extension-host suite (test/out/e2e/index.js) inside code-server's real extension host:
// the workbench is opened in chromium with the extension in development mode and the suite as
// `extensionTestsPath`; the workbench reports the suite's outcome through `codeAutomationExit`.
import { existsSync, mkdirSync, readFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { provision } from '../../scripts/e2e/provision.mjs';
import {
  build,
  lap,
  launchChromium,
  makeRunDir,
  removeRunDir,
  repoRoot,
  resultsDir,
  startCodeServer,
  workbenchUrl,
} from './codeServer.mjs';

const SUITE_TIMEOUT_MS = 180_000;
const suitePath = path.join(repoRoot, 'test/out/e2e/index.js');

provision();
if (!process.argv.includes('--no-build')) await build();
if (!existsSync(suitePath)) throw new Error(`${suitePath} was not built`);
mkdirSync(resultsDir, { recursive: true });

const { dir: runDir, workspace } = makeRunDir('host-suite', { copyCorpus: true });
const resultFile = path.join(runDir, 'results.json');
const consoleLog = path.join(runDir, 'browser-console.log');
const cs = await startCodeServer({
  runDir,
  folder: workspace,
  // Read by the suite inside the extension host, which inherits code-server's environment.
  env: { ARTICLE_LENS_E2E_RESULTS: resultFile },
});
lap(`code-server on ${cs.origin}`);
const browser = await launchChromium();
let exitCode = 1;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('console', (m) => appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
  /** @type {(code: number) => void} */
  let finish = () => {};
  const finished = new Promise((resolve) => (finish = resolve));
  await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => finish(code));
  await page.goto(workbenchUrl(cs, { folder: workspace, developmentPath: repoRoot, testsPath: suitePath }));
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  lap('workbench ready; suite running in the extension host');
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS)));
  const outcome = await Promise.race([finished, timeout]);
  clearTimeout(timer);
  await page.screenshot({ path: path.join(resultsDir, 'host-suite.png') });
  if (outcome === 'timeout') {
    console.error(`extension-host suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`);
  } else {
    exitCode = Number(outcome);
  }
} finally {
  await browser.close();
  await cs.stop();
}

if (existsSync(resultFile)) {
  /** @type {{ passed: {title: string, ms: number}[], failed: {title: string, error: string}[] }} */
  const results = JSON.parse(readFileSync(resultFile, 'utf8'));
  for (const t of results.passed) console.log(`  ✔ ${t.title} (${t.ms} ms)`);
  for (const t of results.failed) console.log(`  ✘ ${t.title}\n      ${t.error.replace(/\n/g, '\n      ')}`);
  console.log(`extension-host suite: ${results.passed.length} passing, ${results.failed.length} failing`);
  if (results.failed.length > 0 || results.passed.length === 0) exitCode = 1;
} else {
  console.error('extension-host suite wrote no results (did the extension host start?)');
  exitCode = 1;
}
lap(`extension-host suite ${exitCode === 0 ? 'passed' : 'FAILED'}`);
if (exitCode === 0) removeRunDir(runDir);
else console.error(`logs kept in ${path.relative(repoRoot, runDir)} (code-server.log, browser-console.log)`);
process.exitCode = exitCode;
