// @ts-check
// Runs the same extension-host suite in desktop VS Code through @vscode/test-electron, for machines
// that can download VS Code (this one cannot; the code-server runner covers it here).
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build, makeRunDir, repoRoot } from './codeServer.mjs';

await build();
const { dir, workspace } = makeRunDir('electron', { copyCorpus: true });
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'test/out/e2e/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${dir}/ud`],
  });
} catch (error) {
  console.error('extension-host suite failed in VS Code:', error);
  process.exitCode = 1;
}
