// @ts-check
// `npm start`: builds, then opens a real VS Code on the sample corpus with the extension in
// development mode — the desktop `code` when it is on PATH, otherwise code-server (provisioned
// on first use) served on 127.0.0.1; Ctrl+C stops it with its extension host and server.
import { spawnSync } from 'node:child_process';
import { provision } from './e2e/provision.mjs';
import {
  build,
  corpusDir,
  makeRunDir,
  repoRoot,
  startCodeServer,
  workbenchUrl,
} from '../test/e2e/codeServer.mjs';

await build();

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (hasCode && !process.env.ARTICLE_LENS_USE_CODE_SERVER) {
  console.log(`Opening VS Code on ${corpusDir} with the extension from ${repoRoot}`);
  const r = spawnSync('code', [`--extensionDevelopmentPath=${repoRoot}`, corpusDir], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

provision();
// A persistent run folder keeps the user's layout and open editors between starts. The sample corpus
// is opened in place, so edits made while trying things out are not saved behind the user's back.
const { dir: runDir } = makeRunDir('start', { reuse: true, settings: { 'files.autoSave': 'off' } });
const cs = await startCodeServer({ runDir, folder: corpusDir });
const url = workbenchUrl(cs, { folder: corpusDir, developmentPath: repoRoot });
console.log(`\nArticle Lens is running in code-server (VS Code in the browser).\nOpen:\n\n  ${url}\n`);
console.log(`Logs: ${runDir}/code-server.log — press Ctrl+C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping code-server…');
  await cs.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
cs.proc.once('exit', (code) => {
  if (stopping) return;
  console.error(`code-server exited (${code}); see ${runDir}/code-server.log`);
  process.exit(1);
});
