// Second LSP client: headless Neovim (Debian's 0.7) drives the stdio server through its built-in
// client (lsp_client.lua) on a sample article; diagnostics and a hover must match what VS Code gets.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ensureBuilt, repoRoot, serverPath } from '../support/built';

const corpus = path.join(repoRoot, 'samples/corpus');
const ARTICLE = 'dailycoast-kestown-floods.txt';
const HEADLINE = 'Storm floods Kestown harbor, strands hundreds of ferry passengers';
/** vim.diagnostic.severity */
const WARN = 2;
const HINT = 4;
const INFO = 3;

interface NvimDiagnostic {
  code: string;
  severity: number;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  source: string;
  message: string;
}
interface NvimResult {
  diagnostics: NvimDiagnostic[];
  /** Absent when nil: Lua tables drop nil fields. */
  hover?: string;
  error?: string;
}

let tmp: string;
let result: NvimResult;
let lines: string[];

/** The text a single-line diagnostic covers; vim.diagnostic columns are byte offsets into the UTF-8 line. */
const covered = (d: NvimDiagnostic): string =>
  d.lnum === d.end_lnum ? Buffer.from(lines[d.lnum], 'utf8').subarray(d.col, d.end_col).toString('utf8') : '';

before(async () => {
  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(
    nvim.status,
    0,
    'Neovim is required (Debian: apt-get install neovim; npm run test:e2e provisions it)',
  );
  ensureBuilt();
  const text = readFileSync(path.join(corpus, ARTICLE), 'utf8');
  lines = text.split('\n');
  const hoverLine = 14;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'article-lens-nvim-'));
  const resultFile = path.join(tmp, 'result.json');
  const child = spawn(
    'nvim',
    ['--headless', '--clean', '-n', '-c', `luafile ${path.join(__dirname, 'lsp_client.lua')}`],
    {
      cwd: corpus,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ARTICLE_LENS_ROOT: corpus,
        ARTICLE_LENS_FILE: path.join(corpus, ARTICLE),
        ARTICLE_LENS_SERVER: serverPath,
        ARTICLE_LENS_HOVER_LINE: String(hoverLine),
        ARTICLE_LENS_HOVER_COL: String(lines[hoverLine].indexOf('Orsolya Brandt') + 3),
        ARTICLE_LENS_WAIT_FOR_CODE: 'duplicate.shared',
        ARTICLE_LENS_RESULT: resultFile,
        XDG_STATE_HOME: tmp,
        XDG_CACHE_HOME: tmp,
        XDG_DATA_HOME: tmp,
      },
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  assert.equal(code, 0, `nvim exited with ${code}: ${output}`);
  result = JSON.parse(readFileSync(resultFile, 'utf8')) as NvimResult;
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('Neovim gets Article Lens diagnostics with codes, severities and ranges', () => {
  assert.equal(result.error, undefined);
  const describe = result.diagnostics.map((d) => `${d.code}@${d.lnum}:${d.col}`).join(', ');
  assert.ok(result.diagnostics.length > 0);
  for (const d of result.diagnostics) assert.equal(d.source, 'Article Lens');
  const headline = result.diagnostics.find((d) => d.code === 'duplicate.repeat' && covered(d) === HEADLINE);
  assert.ok(headline, `repeats: ${describe}`);
  assert.equal(headline.severity, WARN);
  assert.equal(headline.lnum, 3);
  const mayor = result.diagnostics.find((d) => covered(d) === 'Orsolya Brandt');
  assert.ok(mayor, `no diagnostic on the mayor: ${describe}`);
  assert.equal(mayor.code, 'entity.PERSON');
  assert.equal(mayor.severity, HINT);
  const shared = result.diagnostics.filter((d) => d.code === 'duplicate.shared');
  assert.ok(shared.length > 0 && shared.every((d) => d.severity === INFO), describe);
});

test('Neovim gets the entity hover for the mayor', () => {
  assert.ok(result.hover, 'a hover answer');
  assert.match(result.hover, /PERSON/);
  assert.match(result.hover, /Orsolya Brandt/);
});
