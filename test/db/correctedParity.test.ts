// Corrections apply to the database's answers for closed files as the in-memory server applies them: with
// a sidecar holding a mention-scope "not an entity", a corpus-wide rename and a "not related" pair, the
// server on the team database (loaded before the corrections were made, so it stores the model's
// findings) gives the same references, workspace symbols and related lists as the in-memory server over
// the same folder.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { makeAnchor } from '../../server/src/analysis/curation/anchor';
import { serializeSidecar } from '../../server/src/analysis/curation/sidecar';
import type { Correction } from '../../server/src/analysis/curation/types';
import { analyzeFiles } from '../../server/src/cli/analyzeFiles';
import { uriToPath } from '../../server/src/util/uri';
import { resolveInputs } from '../../server/src/workspace/fsCorpus';
import { fileUri, Session } from '../lsp/session';
import { dbSkip } from './database';
import { loadSampleCorpus, references, related, symbols } from './sampleTeamCorpus';

const sessions: Session[] = [];
after(async () => {
  for (const s of sessions) await s.stop();
});

/** Corrections of three kinds, aimed at entities and related lists that span several files. */
function correctionsFor(corpus: string): {
  corrections: Correction[];
  renamed: string;
  pair: { file: string; other: string };
} {
  const { files, base } = resolveInputs([corpus]);
  let index: CorpusIndex | undefined;
  const run = analyzeFiles(files, base, 512, undefined, (i) => void (index = i));
  assert.ok(index);
  const rel = (uri: string): string =>
    path
      .relative(base, uriToPath(uri) ?? uri)
      .split(path.sep)
      .join('/');
  const widespread = index.entities
    .entities()
    .filter((e) => e.fileCount >= 2)
    .sort((a, b) => b.fileCount - a.fileCount || b.mentionCount - a.mentionCount);
  assert.ok(widespread.length >= 2, 'entities mentioned in several files');
  const [dropped, renamedFrom] = widespread;
  const first = index.entities.mentionsOf(dropped.canonical)[0];
  const firstText = run.results.find((r) => r.analysis.uri === first.uri)?.text ?? '';
  const withRelated = run.results.find((r) => r.analysis.related.length >= 2);
  assert.ok(withRelated, 'an article with related articles');
  const renamed = `${renamedFrom.canonical} (renamed)`;
  const corrections: Correction[] = [
    {
      id: 'not-entity',
      kind: 'notEntity',
      scope: 'mention',
      file: rel(first.uri),
      anchor: makeAnchor(firstText, first.span),
    },
    {
      id: 'rename',
      kind: 'rename',
      from: renamedFrom.canonical,
      canonical: renamed,
      scope: 'corpus',
      file: rel(index.entities.mentionsOf(renamedFrom.canonical)[0].uri),
      anchor: { text: renamedFrom.canonical, before: '', after: '', offset: 0 },
    },
    {
      id: 'not-related',
      kind: 'notRelated',
      other: rel(withRelated.analysis.related[0].uri),
      scope: 'article',
      file: withRelated.file,
      anchor: makeAnchor(withRelated.text, { start: 0, end: withRelated.text.indexOf(' ') }),
    },
  ];
  const pair = { file: withRelated.file, other: rel(withRelated.analysis.related[0].uri) };
  return { corrections, renamed, pair };
}

test('closed files: corrections apply to the database answers as in memory', { skip: dbSkip }, async () => {
  const { corpus, files, url } = await loadSampleCorpus('corrected_parity');
  const { corrections, renamed, pair } = correctionsFor(corpus);
  mkdirSync(path.join(corpus, '.article-lens'), { recursive: true });
  writeFileSync(path.join(corpus, '.article-lens', 'annotations.json'), serializeSidecar(corrections));

  const memory = await Session.start(corpus);
  sessions.push(memory);
  await memory.ready();
  const team = await Session.start(corpus, { initializationOptions: { teamCorpus: { url } } });
  sessions.push(team);
  const ready = await team.ready();
  assert.match(ready.message ?? '', /indexed 0 articles/, 'every file is left to the database');

  let unrelated = 0;
  for (const f of files) {
    const uri = fileUri(path.join(corpus, f));
    const expected = await related(memory, uri);
    assert.deepEqual(await related(team, uri), expected, `related articles of ${f}`);
    unrelated += expected.items.length;
  }
  assert.ok(unrelated > 0, 'the corpus has related articles');
  const unrelatedList = await related(team, fileUri(path.join(corpus, pair.file)));
  assert.ok(
    !unrelatedList.items.some((i) => i.uri === fileUri(path.join(corpus, pair.other))),
    `${pair.other} is no longer related to ${pair.file}`,
  );

  const listed = await symbols(memory, '');
  const renamedSymbol = listed.find((s) => s.name === renamed);
  assert.ok(renamedSymbol, `${renamed} is listed in memory`);
  assert.deepEqual(await symbols(team, ''), listed, 'symbols before anything is typed');
  for (const q of [renamed.slice(0, 4), 'renamed', ...listed.slice(0, 10).map((s) => s.name.slice(0, 3))])
    assert.deepEqual(await symbols(team, q), await symbols(memory, q), `symbols "${q}"`);
  let checked = 0;
  for (const s of listed) {
    const expected = await references(memory, s.location, true);
    assert.deepEqual(await references(team, s.location, true), expected, `references of ${s.name}`);
    checked += expected.length;
  }
  const renamedRefs = await references(team, renamedSymbol.location, true);
  assert.ok(new Set(renamedRefs.map((l) => l.uri)).size >= 2, 'the renamed entity spans several files');
  assert.ok(checked > 0);
});
