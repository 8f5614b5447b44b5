// Extension-host entry (`extensionTestsPath`) shared by the code-server and @vscode/test-electron
// runners: runs the mocha suites in the real extension host and, when ARTICLE_LENS_E2E_RESULTS names
// a file, writes a JSON summary there so the runner outside the browser can print it.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { registerCorpusCheckTests } from './corpusCheck.test';
import { registerCurationTests } from './curation.test';
import { registerDiagnosticTests } from './diagnostics.test';
import { registerNavigationTests } from './navigation.test';
import { registerQuickFixTests } from './quickFix.test';
import { registerRestartTests } from './restart.test';
import { registerRetrainTests } from './retrain.test';
import { registerStructureTests } from './structure.test';
import { registerTitleButtonTests } from './titleButtons.test';
import { registerViewTests } from './views.test';

interface Summary {
  passed: { title: string; ms: number }[];
  failed: { title: string; error: string }[];
}

export function run(): Promise<void> {
  // ARTICLE_LENS_E2E_GREP runs a subset while debugging (the runners pass the environment through).
  const grep = process.env.ARTICLE_LENS_E2E_GREP;
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: 60_000,
    reporter: 'spec',
    ...(grep ? { grep } : {}),
  });
  // The suites are bundled with this file rather than loaded by path, so mocha's TDD globals are
  // installed by hand before they register.
  mocha.suite.emit('pre-require', globalThis, 'article-lens-e2e', mocha);
  registerDiagnosticTests();
  registerNavigationTests();
  registerQuickFixTests();
  registerCurationTests();
  registerViewTests();
  registerCorpusCheckTests();
  registerTitleButtonTests();
  registerStructureTests();
  registerRetrainTests();
  // Last: it restarts the server the others use.
  registerRestartTests();

  const summary: Summary = { passed: [], failed: [] };
  const resultFile = process.env.ARTICLE_LENS_E2E_RESULTS;
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (resultFile) writeFileSync(resultFile, `${JSON.stringify(summary, null, 2)}\n`);
      if (failures > 0) reject(new Error(`${failures} extension-host tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => summary.passed.push({ title: t.fullTitle(), ms: t.duration ?? 0 }));
    runner.on('fail', (t, err: unknown) =>
      summary.failed.push({
        title: t.fullTitle(),
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      }),
    );
  });
}
