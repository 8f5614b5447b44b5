// @ts-check
// Team corpus check in the real workbench (code-server + Debian chromium) against a real PostgreSQL
// (run through scripts/postgres/withPostgres.mjs): the sample corpus is loaded with `index --db`; the
// user runs "Article Lens: Connect to Team Corpus…", types the URL and the password; the status item
// says the team corpus is connected and the password is in no settings file; "Not an entity" from the
// quick fix is stored in the database's corrections table (not the sidecar) and the squiggle goes; a
// correction another curator stores in the database reaches this editor's squiggles by itself.
// Screenshots go to test-results/team-*.png.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
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
import { centreOf, oneLine, quickOpen, runCommand, squigglesUnder, stepRunner } from './workbenchPage.mjs';

const ARTICLE = 'dailycoast-kestown-floods.txt';
const PERSON = 'Orsolya Brandt';
const PLACE = 'Kestown';
const PASSWORD = `pw-${randomBytes(6).toString('hex')}`;

const serverUrl = process.env.ARTICLE_LENS_TEST_DATABASE;
if (!serverUrl) {
  const reason =
    process.env.ARTICLE_LENS_TEST_DATABASE_SKIP ??
    'ARTICLE_LENS_TEST_DATABASE is not set (run it through scripts/postgres/withPostgres.mjs)';
  console.log(`team corpus UI check SKIPPED, not run: ${reason}`);
  process.exit(process.env.CI ? 1 : 0);
}

/** @param {string} sql @param {unknown[]} [params] @param {string} [url] */
async function query(sql, params = [], url = serverUrl) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

provision();
if (!process.argv.includes('--no-build')) await build();
mkdirSync(resultsDir, { recursive: true });
const shot = (/** @type {string} */ name) => path.join(resultsDir, `team-${name}.png`);
for (const f of readdirSync(resultsDir)) if (/^team-.*\.png$/.test(f)) rmSync(path.join(resultsDir, f));

// A database of its own, loaded by the owner as a team would, and a curator's login.
const suffix = randomBytes(4).toString('hex');
const dbName = `team_ui_${suffix}`;
const curator = `ui_curator_${suffix}`;
// Identifiers cannot be parameters; both names are made here of [a-z0-9_] only.
await query(`CREATE DATABASE ${dbName}`);
const ownerUrl = new URL(serverUrl);
ownerUrl.pathname = `/${dbName}`;
const { dir: runDir, workspace } = makeRunDir('team-ui', { copyCorpus: true });
const load = spawnSync(
  process.execPath,
  [path.join(repoRoot, 'server/out/cli.js'), 'index', '--db', ownerUrl.toString(), workspace],
  { encoding: 'utf8' },
);
if (load.status !== 0) throw new Error(`index --db failed: ${load.stderr}`);
lap(`corpus loaded: ${load.stdout.trim()}`);
await query(`CREATE ROLE ${curator} LOGIN PASSWORD '${PASSWORD}' IN ROLE article_lens_curator`);
const curatorUrl = new URL(ownerUrl);
curatorUrl.username = curator;

const cs = await startCodeServer({ runDir, folder: workspace });
lap(`code-server on ${cs.origin}`);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const { step, failures } = stepRunner(page, shot);
const hints = () => page.evaluate(() => document.querySelectorAll('.monaco-editor .squiggly-hint').length);
const settingsFiles = () =>
  [path.join(workspace, '.vscode/settings.json'), path.join(runDir, 'ud/User/settings.json')].filter((f) =>
    existsSync(f),
  );

try {
  await page.goto(workbenchUrl(cs, { folder: workspace, developmentPath: repoRoot }));
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  lap('workbench ready');

  await step('open the article', async () => {
    await quickOpen(page, ARTICLE);
    await page.waitForSelector(`.monaco-editor .view-line:has-text("${PERSON}")`);
    await page.waitForSelector('.monaco-editor .squiggly-hint', { timeout: 60_000 });
    return `${await hints()} hint squiggles`;
  });

  await step('Connect to Team Corpus: URL, then password', async () => {
    await runCommand(page, 'Article Lens: Connect to Team Corpus');
    const input = page.locator('.quick-input-widget input');
    await page.waitForSelector('.quick-input-widget:has-text("PostgreSQL connection string")');
    await input.fill(curatorUrl.toString());
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.quick-input-widget:has-text("Password for ${curator}")`);
    await page.screenshot({ path: shot('password') });
    if ((await input.getAttribute('type')) !== 'password')
      throw new Error('the password box shows what is typed');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    const item = page.locator('.statusbar-item:has-text("Team corpus")');
    await item.first().waitFor({ state: 'visible', timeout: 60_000 });
    const text = oneLine(await item.first().innerText());
    if (text !== 'Team corpus') throw new Error(`the status item says ${JSON.stringify(text)}`);
    // Connecting restarts the server itself: no prompt to restart it for the setting it just wrote.
    await page.waitForTimeout(3000);
    const prompts = await page.locator('.notification-toast:has-text("Restart the language server")').count();
    if (prompts > 0) throw new Error('a notification asks to restart the server again');
    await page.screenshot({ path: shot('connected') });
    const leaked = settingsFiles().filter((f) => readFileSync(f, 'utf8').includes(PASSWORD));
    if (leaked.length > 0) throw new Error(`the password is in ${leaked.join(', ')}`);
    const stored = JSON.parse(readFileSync(path.join(workspace, '.vscode/settings.json'), 'utf8'))[
      'articleLens.corpus.database'
    ];
    if (stored !== curatorUrl.toString()) throw new Error(`the setting holds ${JSON.stringify(stored)}`);
    return `status item "${text}"; the setting holds the URL without the password`;
  });

  /** Waits until `text` has no hint squiggle under it. */
  const squiggleGone = async (/** @type {string} */ text) => {
    for (let waited = 0; (await squigglesUnder(page, text, 'hint')) > 0; waited += 200) {
      if (waited > 30_000) throw new Error(`"${text}" is still marked after 30 s`);
      await page.waitForTimeout(200);
    }
  };

  await step('Not an entity goes to the database, and the squiggle goes', async () => {
    await page.waitForSelector('.monaco-editor .squiggly-hint', { timeout: 60_000 });
    await page.waitForTimeout(600); // the squiggles of the lines on screen, settled
    if ((await squigglesUnder(page, PERSON, 'hint')) === 0) throw new Error(`"${PERSON}" is not marked`);
    const { x, y } = await centreOf(page, PERSON);
    await page.mouse.click(x, y);
    await page.keyboard.press('Control+.');
    const action = page.locator(`.action-widget .monaco-list-row:has-text("Not an entity: “${PERSON}”")`);
    await action.first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Enter');
    await squiggleGone(PERSON);
    await page.screenshot({ path: shot('correction') });
    const rows = await query('SELECT author, body FROM corrections', [], ownerUrl.toString());
    const mine = rows.find((r) => r.body.kind === 'notEntity' && r.body.anchor.text === PERSON);
    if (!mine) throw new Error(`no correction of ${PERSON} in the database: ${JSON.stringify(rows)}`);
    if (existsSync(path.join(workspace, '.article-lens/annotations.json')))
      throw new Error('the correction was written to the sidecar as well');
    return `"${PERSON}" no longer marked; stored in the database by ${mine.author}, no sidecar`;
  });

  await step("another curator's correction reaches this editor", async () => {
    if ((await squigglesUnder(page, PLACE, 'hint')) === 0) throw new Error(`"${PLACE}" is not marked`);
    const correction = {
      id: `other${suffix}`,
      kind: 'notEntity',
      scope: 'corpus',
      file: ARTICLE,
      anchor: { text: PLACE, before: '', after: '', offset: 0 },
      author: 'another curator',
    };
    await query(
      'INSERT INTO corrections (id, file, body, author) VALUES ($1, $2, $3, $4)',
      [correction.id, correction.file, JSON.stringify(correction), correction.author],
      ownerUrl.toString(),
    );
    const started = Date.now();
    await squiggleGone(PLACE);
    const took = Date.now() - started;
    await page.screenshot({ path: shot('shared-correction') });
    return `"${PLACE}" no longer marked ${took} ms after another curator's insert`;
  });
} catch (error) {
  failures.push(`workbench: ${error instanceof Error ? error.message : String(error)}`);
  await page.screenshot({ path: shot('failed-workbench') }).catch(() => undefined);
} finally {
  await browser.close();
  await cs.stop();
  await query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
  await query(`DROP ROLE IF EXISTS ${curator}`).catch(() => undefined);
}

if (failures.length === 0) {
  lap(`team corpus UI check passed; screenshots in ${path.relative(repoRoot, resultsDir)}/team-*.png`);
  removeRunDir(runDir);
} else {
  console.error(
    `team corpus UI check FAILED (${failures.join('; ')}); logs in ${path.relative(repoRoot, runDir)}`,
  );
  process.exitCode = 1;
}
