// The language server under a large corpus: generates N articles (~5 KB each, default 10,000) in a temp
// folder, starts the bundled server over stdio and prints the time to `ready`, the latency of requests sent
// while indexing runs, and the edit → publishDiagnostics latency of a 10 KB article. Prints figures only.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { fileUri, Session } from '../lsp/session';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const EDITS = 60;

/** mulberry32: the same corpus on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(7);
const WORDS =
  'the council harbour bridge minister said on monday city transit report water budget school court police weather festival market election officials residents plan new week year project'.split(
    ' ',
  );
const NAMES = ['Clara Voss', 'Tomas Reyes', 'Amina Diallo', 'Kenji Mori', 'Lena Park', 'Omar Haddad'];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const sentence = (): string => {
  const n = 8 + Math.floor(rand() * 14);
  const words = Array.from({ length: n }, () => pick(WORDS));
  return `${pick(NAMES)} ${words.join(' ')}.`;
};
const article = (bytes: number): string => {
  const parts = [`${pick(NAMES)} and the ${pick(WORDS)} ${pick(WORDS)}`, ''];
  let size = 0;
  while (size < bytes) {
    const p = `${sentence()} ${sentence()} "${sentence()}" ${pick(NAMES).split(' ')[1]} said.`;
    parts.push(p, '');
    size += p.length + 1;
  }
  return parts.join('\n');
};

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-bench-'));
  const shared = sentence() + ' ' + sentence();
  for (let i = 0; i < ARTICLES; i++) {
    const text = article(5000);
    writeFileSync(path.join(dir, `a${i}.article`), i % 50 === 0 ? `${text}\n${shared}\n` : text);
  }
  const started = performance.now();
  const session = await Session.start(dir);
  session.deadlineMs = 30 * 60_000;
  // Requests while indexing: each is sent as soon as the previous answer arrives.
  const latencies: number[] = [];
  let indexing = true;
  const probe = (async () => {
    while (indexing) {
      const t = performance.now();
      await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'voss' });
      latencies.push(performance.now() - t);
    }
  })();
  await session.ready();
  const readyMs = performance.now() - started;
  indexing = false;
  await probe;

  const uri = fileUri(path.join(dir, 'edited.article'));
  let text = `${article(10_000)}\n${shared}\n`;
  await session.open(uri, text, 1);
  const edits: number[] = [];
  for (let v = 2; v < EDITS + 2; v++) {
    const at = text.indexOf(' ', Math.floor(rand() * (text.length - 1)));
    text = `${text.slice(0, at)} ${pick(WORDS)}${text.slice(at)}`;
    const t = performance.now();
    await session.change(uri, v, text);
    await session.diagnostics(uri, v);
    edits.push(performance.now() - t);
  }
  await session.stop();
  rmSync(dir, { recursive: true, force: true });

  console.log(`articles: ${ARTICLES}`);
  console.log(`start → ready (indexed): ${ms(readyMs)}`);
  console.log(
    `requests during indexing: ${latencies.length}, p50 ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))}, max ${ms(Math.max(...latencies))}`,
  );
  console.log(
    `edit → publishDiagnostics (10 KB article): p50 ${ms(pct(edits, 50))}, p95 ${ms(pct(edits, 95))}`,
  );
}

void main();
