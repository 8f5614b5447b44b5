// "Article Lens: Restart Server": run on a running server, the client stops (its diagnostics are cleared)
// and a new server publishes the same diagnostics again; run after the client has given up on a server
// that crashed five times, it brings the server and the diagnostics back. Registered last: it restarts
// the server the other suites use.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { REPRINT } from './diagnostics.test';
import { activateExtension, codeOf, EXTENSION_ID, openArticle, settledDiagnostics, until } from './helpers';

const RESTART = 'articleLens.restartServer';

const summary = (ds: readonly vscode.Diagnostic[]): string[] =>
  ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).sort();
const hasShared = (ds: readonly vscode.Diagnostic[]): boolean =>
  ds.some((d) => codeOf(d) === 'duplicate.shared');

/** This extension host's Article Lens server processes, from /proc (the client forks them from here). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('server/out/server.js'))
        pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

export function registerRestartTests(): void {
  suite('restart server', () => {
    test('Restart Server is contributed with no palette condition, and registered', async () => {
      await activateExtension();
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
        contributes: {
          commands: { command: string; title: string }[];
          menus: { commandPalette: { command: string }[] };
        };
      };
      assert.ok(
        manifest.contributes.commands.some((c) => c.command === RESTART && c.title === 'Restart Server'),
      );
      assert.ok(!manifest.contributes.menus.commandPalette.some((e) => e.command === RESTART));
      assert.ok((await vscode.commands.getCommands(true)).includes(RESTART));
    });

    test('on a running server: the diagnostics are cleared, then published again by the new server', async () => {
      await activateExtension();
      const document = (await openArticle(REPRINT)).document;
      const before = await settledDiagnostics(document.uri, hasShared, 'diagnostics before the restart');
      // The old client's diagnostics go away when it stops: watch for that rather than poll for it.
      let cleared = false;
      const watch = vscode.languages.onDidChangeDiagnostics((e) => {
        const ours = e.uris.some((u) => u.toString() === document.uri.toString());
        if (ours && vscode.languages.getDiagnostics(document.uri).length === 0) cleared = true;
      });
      try {
        await vscode.commands.executeCommand(RESTART);
      } finally {
        watch.dispose();
      }
      assert.ok(cleared, 'the stopped client cleared its diagnostics');
      const after = await settledDiagnostics(document.uri, hasShared, 'diagnostics after the restart');
      assert.deepEqual(summary(after), summary(before));
    });

    test('after five crashes the client gives up; Restart Server brings the server and diagnostics back', async function () {
      if (!existsSync('/proc/self/stat')) this.skip();
      this.timeout(150_000);
      await activateExtension();
      const uri = (await openArticle(REPRINT)).document.uri;
      const before = await settledDiagnostics(uri, hasShared, 'diagnostics before the crashes');
      const count = () => vscode.languages.getDiagnostics(uri).length;
      for (let crash = 1; crash <= 5; crash++) {
        const pid = await until('one server process', () =>
          serverPids().length === 1 ? serverPids()[0] : undefined,
        );
        process.kill(pid, 'SIGKILL');
        await until(`diagnostics cleared after crash ${crash}`, () => count() === 0);
        // The first four crashes are restarted automatically: wait for that server to publish.
        if (crash < 5) await until(`diagnostics back after crash ${crash}`, () => count() > 0);
      }
      // The fifth crash within three minutes: no new server comes.
      await new Promise((r) => setTimeout(r, 2000));
      assert.deepEqual(serverPids(), [], 'the client stopped restarting the server');
      assert.equal(count(), 0);

      await vscode.commands.executeCommand(RESTART);
      const after = await settledDiagnostics(uri, hasShared, 'diagnostics after Restart Server');
      assert.deepEqual(summary(after), summary(before));
      assert.equal(serverPids().length, 1);
    });
  });
}
