// @ts-check
// UI check: what a user sees in the real workbench (code-server + Debian chromium). Opens a sample
// article, reads an entity hover from the DOM, lists problems in the Problems panel, runs "Article
// Lens: Show Related Articles" from the command palette and picks an entry, clicks the editor-title
// arrow and the status item, opens the Article Lens views (Entities, Stories, inline Compare), runs
// Check Corpus, shows a page's stories in the Outline and folds its furniture; applies "Not an entity" from
// the quick-fix menu and undoes it with Ctrl+Z in the article, and removes a lost correction from the Lost
// Corrections view; screenshots each step into test-results/. The workspace starts without a `.txt`
// association, as a new user's folder would, so the onboarding prompt comes first and its answer writes the
// workspace setting.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { centreOf, hidePanel, oneLine, quickOpen, runCommand, stepRunner } from './workbenchPage.mjs';

const ARTICLE = 'dailycoast-kestown-floods.txt';
const RELATED = 'harborwire-kestown-floods.txt';
const PERSON = 'Orsolya Brandt';
const BRIEFS = 'dailycoast-world-and-local-briefs.txt';
const BRIEF_TITLES = [
  'Ostrevia and Tamsen to restart fisheries talks',
  'Fire at Brenmoor University lab forces evacuation',
];

provision();
if (!process.argv.includes('--no-build')) await build();
mkdirSync(resultsDir, { recursive: true });
const shot = (/** @type {string} */ name) => path.join(resultsDir, `ui-${name}.png`);
// Screenshots of an earlier run would pass for this run's.
for (const f of readdirSync(resultsDir)) if (/^ui-.*\.png$/.test(f)) rmSync(path.join(resultsDir, f));

const { dir: runDir, workspace } = makeRunDir('ui', { copyCorpus: true });
const workspaceSettings = path.join(workspace, '.vscode/settings.json');
/** @returns {Record<string, unknown>} */
const readWorkspaceSettings = () => JSON.parse(readFileSync(workspaceSettings, 'utf8'));
{
  // A folder of .txt files that VS Code would open as plain text.
  const { ['files.associations']: _, ...rest } = readWorkspaceSettings();
  writeFileSync(workspaceSettings, `${JSON.stringify(rest, null, 2)}\n`);
}
// A sidecar holding one correction of an article that is not there: the Lost Corrections view lists it.
const LOST_FILE = 'renamed-away.txt';
mkdirSync(path.join(workspace, '.article-lens'), { recursive: true });
writeFileSync(
  path.join(workspace, '.article-lens/annotations.json'),
  `${JSON.stringify({
    version: 1,
    corrections: [
      {
        id: 'uilost1',
        kind: 'notEntity',
        scope: 'mention',
        file: LOST_FILE,
        anchor: { text: 'Kestown', before: '', after: '', offset: 0 },
      },
    ],
  })}\n`,
);
const cs = await startCodeServer({ runDir, folder: workspace });
lap(`code-server on ${cs.origin}`);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const { step, failures } = stepRunner(page, shot);

try {
  await page.goto(workbenchUrl(cs, { folder: workspace, developmentPath: repoRoot }));
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  lap('workbench ready');

  await step('onboarding: the .txt prompt writes the workspace association', async () => {
    const prompt = page.locator('.notification-toast:has-text("Treat these .txt files as articles?")');
    try {
      await prompt.first().waitFor({ state: 'visible', timeout: 45_000 });
    } catch {
      // A toast that timed out is still in the notification centre.
      await runCommand(page, 'Notifications: Show Notifications');
    }
    const row = page.locator(
      '.notifications-list-container .monaco-list-row:has-text("Treat these .txt files as articles?")',
    );
    await row.first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.screenshot({ path: shot('onboarding') });
    await row.first().locator('.monaco-button:has-text("Treat as Articles")').click();
    for (let waited = 0; ; waited += 200) {
      const associations = readWorkspaceSettings()['files.associations'];
      if (JSON.stringify(associations) === JSON.stringify({ '*.txt': 'article' }))
        return `answered; .vscode/settings.json has ${JSON.stringify(associations)}`;
      if (waited > 15_000) throw new Error(`no association written: ${JSON.stringify(associations)}`);
      await page.waitForTimeout(200);
    }
  });

  await step('open the article with Quick Open', async () => {
    await quickOpen(page, ARTICLE);
    await page.waitForSelector(`.monaco-editor .view-line:has-text("${PERSON}")`);
    await page.waitForSelector('.statusbar-item:has-text("News Article")', { timeout: 30_000 });
    return 'editor shows the article, language "News Article"';
  });

  await step('squiggles from the language server', async () => {
    // The repeated headline is a warning; entities and quotes are hints (dotted).
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: 60_000 });
    await page.waitForSelector('.monaco-editor .squiggly-hint', { timeout: 30_000 });
    await page.screenshot({ path: shot('squiggles') });
    const counts = await page.evaluate(() =>
      ['warning', 'info', 'hint'].map((k) => `${k} ${document.querySelectorAll(`.squiggly-${k}`).length}`),
    );
    return counts.join(', ');
  });

  await step('hover the mayor', async () => {
    const hover = page.locator('.monaco-hover:has-text("PERSON")');
    // Code lenses and late diagnostics can move the text after it was located: locate and hover again.
    for (let attempt = 1; ; attempt++) {
      const { x, y } = await centreOf(page, PERSON);
      await page.mouse.move(x - 60, y);
      await page.mouse.move(x, y, { steps: 5 });
      try {
        await hover.waitFor({ state: 'visible', timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        await page.mouse.move(5, 5);
      }
    }
    // The hover also carries the diagnostics under the cursor; the entity card is the part asserted.
    const text = oneLine(await hover.innerText());
    const card = text.slice(text.indexOf('Person (PERSON)'));
    if (!card.startsWith(`Person (PERSON) · ${PERSON}`))
      throw new Error(`no entity card for ${PERSON}: ${text}`);
    if (!card.includes('Colour: blue · articleLens.entity.person'))
      throw new Error(`no colour legend line: ${card.slice(0, 200)}`);
    // The swatch: a span the hover renders in the type's theme colour.
    const swatch = await hover.locator('span[style*="color"]:has-text("■■■")').first().getAttribute('style');
    if (!/color:\s*(#[0-9a-f]{6}|rgb)/i.test(swatch ?? '')) throw new Error(`no colour swatch: ${swatch}`);
    await page.screenshot({ path: shot('hover') });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    return JSON.stringify(card.slice(0, 160));
  });

  await step('Problems panel lists the repeat', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row:has-text("duplicate.repeat")');
    await row.first().waitFor({ state: 'visible', timeout: 30_000 });
    const rows = await page.locator('.markers-panel .monaco-list-row').count();
    await page.screenshot({ path: shot('problems') });
    return `${rows} rows; ${JSON.stringify(oneLine(await row.first().innerText()).slice(0, 120))}`;
  });

  await step('Show Related Articles from the command palette', async () => {
    // Focus the article again: the command works on the active editor.
    await page.locator(`.tabs-container .tab:has-text("${ARTICLE}")`).click();
    await runCommand(page, 'Article Lens: Show Related Articles');
    const entry = page.locator(`.quick-input-list .monaco-list-row:has-text("${RELATED}")`);
    await entry.first().waitFor({ state: 'visible', timeout: 30_000 });
    const entries = await page.locator('.quick-input-list .monaco-list-row').count();
    await page.screenshot({ path: shot('related-pick') });
    await entry.first().click();
    await page.waitForSelector(`.tabs-container .tab.active:has-text("${RELATED}")`, { timeout: 30_000 });
    await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
    await page.waitForTimeout(600); // let the reveal scroll settle before the screenshot
    await page.screenshot({ path: shot('related-opened') });
    return `${entries} entries; picked ${RELATED}, now the active tab`;
  });

  await step('editor-title buttons: Next Related Article', async () => {
    await page.locator(`.tabs-container .tab:has-text("${ARTICLE}")`).click();
    const next = page.locator('.editor-actions .action-label[aria-label^="Next Related Article"]');
    await next.first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: shot('title-buttons'), clip: { x: 700, y: 0, width: 700, height: 120 } });
    await next.first().click();
    // The walk resumes where the quick pick left it, so the next article is whichever follows there.
    const active = page.locator('.tabs-container .tab.active');
    await page.waitForFunction(
      (name) => !document.querySelector('.tabs-container .tab.active')?.textContent?.includes(name),
      ARTICLE,
      { timeout: 30_000 },
    );
    return `clicked the arrow; ${oneLine(await active.first().innerText())} is the active tab`;
  });

  await step('status item click opens Show Related Articles', async () => {
    await page.locator(`.tabs-container .tab:has-text("${ARTICLE}")`).click();
    const item = page.locator('.statusbar-item:has-text("related")');
    await item.first().waitFor({ state: 'visible', timeout: 30_000 });
    await item.first().click();
    const entry = page.locator(`.quick-input-list .monaco-list-row:has-text("${RELATED}")`);
    await entry.first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: shot('status-related') });
    await page.keyboard.press('Escape');
    return `${await page.locator('.quick-input-list .monaco-list-row').count()} entries`;
  });

  await step('Article Lens activity bar: Entities view', async () => {
    await page.locator('.activitybar .action-item a[aria-label^="Article Lens"]').first().click();
    const person = page.locator('.pane-body .monaco-list-row:has-text("Person (PERSON)")');
    await person.first().waitFor({ state: 'visible', timeout: 30_000 });
    await person.first().click();
    const mayor = page.locator(`.pane-body .monaco-list-row:has-text("${PERSON}")`);
    await mayor.first().waitFor({ state: 'visible', timeout: 30_000 });
    await mayor.first().click();
    await page.locator('.pane-body .monaco-list-row:has-text("mention")').nth(2).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: shot('views-entities') });
    return JSON.stringify(oneLine(await mayor.first().innerText()));
  });

  await step('Stories view: clusters, and the inline Compare', async () => {
    const header = page.locator('.pane-header:has-text("Stories and Related Clusters")');
    await header.first().waitFor({ state: 'visible' });
    // The Entities view takes the space: collapse it so the clusters are on screen.
    await page.locator('.pane-header:has-text("Entities")').first().click();
    const member = page.locator(`.pane-body .monaco-list-row:has-text("${RELATED}")`);
    await member.first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: shot('views-stories') });
    const clusters = await page.locator('.pane-body .monaco-list-row[aria-level="1"]').count();
    await member.first().hover();
    await member.first().locator('.action-label[aria-label^="Compare"]').click();
    await page.waitForSelector('.monaco-diff-editor', { timeout: 30_000 });
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot('compare') });
    return `${clusters} clusters; compare opened the diff editor`;
  });

  await step('Check Corpus fills Problems for closed files', async () => {
    await runCommand(page, 'Article Lens: Check Corpus');
    const closed = page.locator(
      '.markers-panel .monaco-list-row:has-text("eastgate-lindval-fisheries-talks.txt")',
    );
    await closed.first().waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot('check-corpus') });
    const files = await page.locator('.markers-panel .monaco-list-row[aria-level="1"]').count();
    return `${files} files in Problems`;
  });

  await step('Outline: the stories of a page of briefs', async () => {
    await quickOpen(page, BRIEFS);
    await page.waitForSelector(`.tabs-container .tab.active:has-text("${BRIEFS}")`);
    await hidePanel(page);
    await runCommand(page, 'Explorer: Focus on Outline View');
    // The folder's file list takes the side bar: collapse it so the Outline has the room.
    const folder = page.locator('.explorer-folders-view').first();
    if (await folder.isVisible()) await page.locator('.pane-header:has-text("corpus")').first().click();
    for (const title of BRIEF_TITLES)
      await page
        .locator(`.pane-body .monaco-list-row:has-text("${title}")`)
        .first()
        .waitFor({ state: 'visible', timeout: 30_000 });
    // Breadcrumbs follow the same symbols: the cursor is at the top, in the first story or before it.
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot('outline') });
    const rows = await page.locator('.pane-body .monaco-list-row:has-text("Headline")').count();
    return `${BRIEF_TITLES.length} stories in the Outline; ${rows} headline rows`;
  });

  await step('folding: Fold All Block Comments tucks away the page furniture', async () => {
    await page.locator(`.tabs-container .tab:has-text("${BRIEFS}")`).click();
    await hidePanel(page);
    await page.waitForSelector('.monaco-editor .view-line:has-text("Nadia Petrov covers")');
    await runCommand(page, 'Fold All Block Comments');
    await page.waitForSelector('.monaco-editor .view-line:has-text("Nadia Petrov covers")', {
      state: 'detached',
      timeout: 15_000,
    });
    await page.waitForSelector('.monaco-editor .view-line:has-text("ALSO READ")');
    await page.waitForSelector(`.monaco-editor .view-line:has-text("${BRIEF_TITLES[1]}")`);
    const folded = await page.locator('.monaco-editor .margin .codicon-folding-collapsed').count();
    await page.screenshot({ path: shot('folding') });
    return `${folded} folded blocks; the reading list, bio and footer hidden, the stories shown`;
  });

  await step('Not an entity from the quick fix, then Ctrl+Z in the article', async () => {
    // Only the article: the compare editor of the step before also shows it.
    await runCommand(page, 'View: Close All Editors');
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(ARTICLE);
    // Recently opened files come first: the row named exactly so.
    const file = page.locator('.quick-input-list .monaco-list-row').filter({
      has: page.locator('.label-name', { hasText: new RegExp(`^${ARTICLE.replace(/\./g, '\\.')}$`) }),
    });
    await file.first().click();
    await page.waitForSelector(`.tabs-container .tab.active:has-text("${ARTICLE}")`);
    await page.waitForSelector(`.monaco-editor .view-line:has-text("${PERSON}")`);
    const hints = () =>
      page.evaluate(() => document.querySelectorAll('.monaco-editor .squiggly-hint').length);
    const { x, y } = await centreOf(page, PERSON);
    await page.mouse.click(x, y);
    await page.waitForTimeout(600); // the squiggles of the lines on screen, settled
    const before = await hints();
    await page.keyboard.press('Control+.');
    const action = page.locator(`.action-widget .monaco-list-row:has-text("Not an entity: “${PERSON}”")`);
    await action.first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: shot('correction-quick-fix') });
    // The menu blocks the pointer until the mouse moves: chosen with the keyboard, as it opened on it.
    const focused = oneLine(
      await page.locator('.action-widget .monaco-list-row.focused').first().innerText(),
    );
    if (!focused.startsWith(`Not an entity: “${PERSON}” (this mention)`))
      throw new Error(`the menu opened on ${JSON.stringify(focused)}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.notification-toast:has-text("correction saved")', { timeout: 30_000 });
    await page.waitForFunction(
      (n) => document.querySelectorAll('.monaco-editor .squiggly-hint').length < n,
      before,
      {
        timeout: 30_000,
      },
    );
    const corrected = await hints();
    await page.screenshot({ path: shot('correction-applied') });
    // Back in the article (the toast does not take focus, but make sure), then the user's Undo.
    await page.mouse.click(x, y);
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(
      (n) => document.querySelectorAll('.monaco-editor .squiggly-hint').length === n,
      before,
      {
        timeout: 30_000,
      },
    );
    await page.screenshot({ path: shot('correction-undone') });
    const undone = await hints();
    const hintsBelow = (/** @type {number} */ n) =>
      page.waitForFunction((m) => document.querySelectorAll('.monaco-editor .squiggly-hint').length < m, n, {
        timeout: 30_000,
      });
    // Redo, then typing: from then on Ctrl+Z is the editor's own again and takes back the typing only.
    await page.keyboard.press('Control+Shift+Z');
    await hintsBelow(before);
    await page.mouse.click(x, y);
    await page.keyboard.press('Home');
    await page.keyboard.type('Zqz');
    const typed = (/** @type {boolean} */ present) =>
      page.waitForFunction(
        (want) =>
          [...document.querySelectorAll('.monaco-editor .view-line')].some((l) =>
            (l.textContent ?? '').includes('Zqz'),
          ) === want,
        present,
        { timeout: 10_000 },
      );
    await typed(true);
    await page.keyboard.press('Control+Z');
    await typed(false);
    await page.waitForTimeout(1500); // a re-analysis would bring the mention back by now
    if ((await hints()) >= before) throw new Error('Ctrl+Z after typing undid the correction too');
    await runCommand(page, 'Article Lens: Undo Correction');
    await page.waitForFunction(
      (n) => document.querySelectorAll('.monaco-editor .squiggly-hint').length === n,
      before,
      {
        timeout: 30_000,
      },
    );
    return `hint squiggles ${before} → ${corrected} → ${undone}; redo, typing undone alone, Undo Correction from the palette`;
  });

  await step('Lost Corrections view: a correction of a missing file, removed', async () => {
    await runCommand(page, 'Focus on Lost Corrections View');
    const header = page.locator('.pane-header:has-text("Lost Corrections")');
    await header.first().waitFor({ state: 'visible', timeout: 30_000 });
    const row = page.locator('.pane-body .monaco-list-row:has-text("“Kestown”")');
    await row.first().waitFor({ state: 'visible', timeout: 30_000 });
    const fileRow = page.locator(`.pane-body .monaco-list-row:has-text("${LOST_FILE}")`);
    await fileRow.first().waitFor({ state: 'visible' });
    await page.screenshot({ path: shot('lost-corrections') });
    const seen = oneLine(await row.first().innerText());
    await row.first().hover();
    await row.first().locator('.action-label[aria-label^="Remove Correction"]').click();
    await page.waitForSelector('.notification-toast:has-text("removed the lost correction")', {
      timeout: 30_000,
    });
    await row.first().waitFor({ state: 'detached', timeout: 30_000 });
    await page.screenshot({ path: shot('lost-corrections-removed') });
    return `listed ${JSON.stringify(seen)} under ${LOST_FILE}; removed`;
  });
} catch (error) {
  failures.push(`workbench: ${error instanceof Error ? error.message : String(error)}`);
  await page.screenshot({ path: shot('failed-workbench') }).catch(() => undefined);
} finally {
  await browser.close();
  await cs.stop();
}

if (failures.length === 0) {
  lap(`UI check passed; screenshots in ${path.relative(repoRoot, resultsDir)}/ui-*.png`);
  removeRunDir(runDir);
} else {
  console.error(`UI check FAILED (${failures.join('; ')}); logs in ${path.relative(repoRoot, runDir)}`);
  process.exitCode = 1;
}
