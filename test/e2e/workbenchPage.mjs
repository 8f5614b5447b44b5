// @ts-check
// What the UI checks do in the workbench page as a user would: steps that record failures and go on,
// finding text on screen, Quick Open, the command palette and the bottom panel.
import { lap } from './codeServer.mjs';

/** @typedef {import('playwright-core').Page} Page */

export const oneLine = (/** @type {string} */ s) => s.replace(/\s+/g, ' ').trim();

/**
 * Runs user-visible steps; a failed step is screenshotted and recorded, and the next step starts from
 * a clean state, so one run reports every broken step.
 * @param {Page} page
 * @param {(name: string) => string} shot  the screenshot path for a name
 */
export function stepRunner(page, shot) {
  /** @type {string[]} */
  const failures = [];
  /**
   * @param {string} name
   * @param {() => Promise<string>} action  returns what was read from the page
   */
  async function step(name, action) {
    try {
      const seen = await action();
      lap(`✔ ${name}: ${seen}`);
    } catch (error) {
      failures.push(name);
      lap(`✘ ${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      await page.screenshot({ path: shot(`failed-${name.replace(/\W+/g, '-')}`) }).catch(() => undefined);
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
  return { step, failures };
}

/**
 * Screen box of the first word of the first occurrence of `text` in the editor, found with a DOM
 * Range. Monaco renders spaces as no-break spaces and splits a line into one span per token, so the
 * line's text nodes are joined and normalised before searching.
 * @param {Page} page
 * @param {string} text
 */
async function firstWordBox(page, text) {
  const box = await page.evaluate((needle) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      /** @type {{ node: Node, start: number }[]} */
      const nodes = [];
      let joined = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: joined.length });
        joined += (node.textContent ?? '').replace(/\u00a0/g, ' ');
      }
      const i = joined.indexOf(needle);
      if (i < 0) continue;
      const locate = (/** @type {number} */ offset) => {
        const hit = [...nodes].reverse().find((n) => n.start <= offset) ?? nodes[0];
        return { node: hit.node, offset: offset - hit.start };
      };
      const from = locate(i);
      // The centre of the first word: the middle of a multi-word name is a space, where no hover starts.
      const to = locate(i + needle.split(' ')[0].length - 1);
      const range = document.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset + 1);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not on screen`);
  return box;
}

/**
 * Screen centre of the first word of the first occurrence of `text` in the editor.
 * @param {Page} page
 * @param {string} text
 */
export async function centreOf(page, text) {
  const box = await firstWordBox(page, text);
  return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
}

/**
 * Opens a workspace file with Quick Open (Ctrl+P), as a user does.
 * @param {Page} page
 * @param {string} name
 */
export async function quickOpen(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${name}")`, { state: 'visible' });
  await page.keyboard.press('Enter');
}

/**
 * Runs a command from the command palette (F1) by its label.
 * @param {Page} page
 * @param {string} label
 */
export async function runCommand(page, label) {
  const short = label.slice(label.indexOf(':') + 1).trim();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${label}`);
    // Enter acts on the focused row, which the palette sets only once its filtering is done.
    await page
      .locator(`.quick-input-list .monaco-list-row.focused:has-text("${short}")`)
      .first()
      .waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    // The command ran once the palette no longer shows its text: it closed, or the command
    // opened a quick pick of its own.
    const ran = await page
      .waitForFunction(
        (text) => {
          const widget = document.querySelector('.quick-input-widget');
          const box = widget?.querySelector('input');
          const shown = widget instanceof HTMLElement && widget.style.display !== 'none';
          return !shown || !(box instanceof HTMLInputElement) || box.value !== text;
        },
        `>${label}`,
        { timeout: 5_000 },
      )
      .then(() => true)
      .catch(() => false);
    if (ran) return;
    if (attempt === 3) throw new Error(`the command palette did not run "${label}"`);
    await page.keyboard.press('Escape');
  }
}

/**
 * Hides the bottom panel (Problems) when it is open, so the editor and side bar get the screen.
 * @param {Page} page
 */
export async function hidePanel(page) {
  if (await page.locator('.part.panel').isVisible()) {
    await page.keyboard.press('Control+J');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 10_000 });
  }
}

/**
 * How many squiggles of a kind (hint, info, warning, error) lie under the first word of `text`:
 * decorations are drawn in their own layer, so they are matched by position.
 * @param {Page} page
 * @param {string} text
 * @param {string} kind
 */
export async function squigglesUnder(page, text, kind) {
  const word = await firstWordBox(page, text);
  return page.evaluate(
    ({ word, kind }) =>
      [...document.querySelectorAll(`.monaco-editor .squiggly-${kind}`)].filter((el) => {
        const r = el.getBoundingClientRect();
        // Hints are drawn as dots under the first letters only: a squiggle counts when it overlaps
        // the word across and shares its line.
        const middle = (word.top + word.bottom) / 2;
        return r.left < word.right && r.right > word.left && r.top <= middle && middle <= r.bottom;
      }).length,
    { word, kind },
  );
}
