// The analyser version names one build: the editor's server and the CLI of the same build read each
// other's analysis caches, and a rebuilt bundle is another version.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runningAnalyserVersion } from '../../server/src/workspace/fileAnalysisStore';

test('the bundles of one build share a version; a rebuilt bundle changes it', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-build-'));
  for (const b of ['cli.js', 'server.js', 'indexWorker.js']) writeFileSync(path.join(dir, b), `// ${b}\n`);
  const cli = runningAnalyserVersion(path.join(dir, 'cli.js'));
  assert.match(cli, /^\d+\+[\w-]{16}$/);
  assert.equal(runningAnalyserVersion(path.join(dir, 'server.js')), cli);
  writeFileSync(path.join(dir, 'indexWorker.js'), '// rebuilt\n');
  assert.notEqual(runningAnalyserVersion(path.join(dir, 'cli.js')), cli);
  // A program that is not one of the bundles is its own build.
  const other = path.join(dir, 'tool.js');
  writeFileSync(other, '// tool\n');
  assert.notEqual(runningAnalyserVersion(other), runningAnalyserVersion(path.join(dir, 'cli.js')));
});
