// Hover and diagnostic text for shared passages: every copy when a few articles carry the passage, the
// count and the closest copies (with the edits of the closest) when many do, the file count for boilerplate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import type { ArticleAnalysis, SharedPassage } from '../../server/src/analysis/types';
import { memoryQuestions } from '../../server/src/corpusQueries/corpusQuestions';
import type { FeatureContext } from '../../server/src/features/context';
import { offsetToPosition } from '../../server/src/features/convert';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { provideHover } from '../../server/src/features/hover';
import { defaultSettings } from '../../server/src/protocol';
import { nullLogger } from '../../server/src/util/logger';

const PARAGRAPH = 'The strike halted container traffic at the three deep-water berths of Port Calder.';
const TEXT = `Dockers walk out\n\n${PARAGRAPH}\n`;
const START = TEXT.indexOf(PARAGRAPH);

function copy(n: number, similarity: number, fileCount: number, boilerplate = false): SharedPassage {
  return {
    span: { start: START, end: START + PARAGRAPH.length },
    otherUri: `file:///outlet${n}.txt`,
    otherSpan: { start: 0, end: PARAGRAPH.length },
    similarity,
    boilerplate,
    fileCount,
  };
}

function otherTexts(shared: readonly SharedPassage[]): Map<string, string> {
  const others = new Map<string, string>();
  for (const s of shared)
    others.set(s.otherUri, similarityText(s.similarity) + '\n\nOutlet page ' + s.otherUri.slice(-6));
  return others;
}

function analysisWith(shared: SharedPassage[]): ArticleAnalysis {
  return {
    uri: 'file:///a.txt',
    version: 1,
    entities: [],
    quotes: [],
    unbalanced: [],
    repeats: [],
    limits: [],
    shared,
    related: [],
  };
}

function hoverOver(shared: SharedPassage[]): string {
  const others = otherTexts(shared);
  const analysis = analysisWith(shared);
  const sources = {
    index: new CorpusIndex(),
    textOf: (uri: string) => (uri === analysis.uri ? TEXT : others.get(uri)),
    analysisOf: (uri: string) => (uri === analysis.uri ? analysis : undefined),
  };
  const ctx: FeatureContext = {
    ...sources,
    corpus: memoryQuestions(sources),
    logger: nullLogger,
    settingsOf: () => defaultSettings,
  };
  const hover = provideHover(ctx, {
    textDocument: { uri: analysis.uri },
    position: offsetToPosition(TEXT, START + 4),
  });
  const contents = hover?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

/** The other copy: the paragraph itself, or with "halted" changed for a less similar one. */
function similarityText(similarity: number): string {
  return similarity === 1 ? PARAGRAPH : PARAGRAPH.replace('halted', 'stopped');
}

test('a passage a few articles share lists every copy with its edits', () => {
  const md = hoverOver([copy(1, 1, 3), copy(2, 0.93, 3)]);
  assert.match(md, /\*\*Shared passage\*\* · also in 2 other articles/);
  assert.match(md, /outlet1\.txt#L1\) — 100% similar/);
  assert.match(md, /outlet2\.txt#L1\) — 93% similar\n {2}> .*~~halted~~ \*\*stopped\*\*/);
});

test('a passage reprinted in many articles gives the count, the closest copies and the edits of the closest', () => {
  const md = hoverOver([copy(1, 0.93, 313), copy(2, 0.9, 313), copy(3, 0.95, 313)]);
  assert.match(md, /\*\*Shared passage\*\* · reprinted in 312 other articles/);
  const listed = [...md.matchAll(/outlet(\d)\.txt#L1\) — (\d+)% similar/g)].map((m) => [m[1], m[2]]);
  assert.deepEqual(listed, [
    ['3', '95'],
    ['1', '93'],
    ['2', '90'],
  ]);
  assert.equal(md.match(/~~halted~~/g)?.length, 1, 'one diff, against the closest copy');
});

test('boilerplate gives the number of files carrying it', () => {
  const md = hoverOver([copy(1, 1, 3001, true)]);
  assert.match(md, /\*\*Boilerplate\*\* · this passage appears in 3001 files of the corpus/);
});

test('the diagnostic of a widely reprinted passage counts every article and links the closest', () => {
  const shared = [copy(1, 0.93, 313), copy(2, 0.9, 313)];
  const others = otherTexts(shared);
  const [d] = toDiagnostics({
    analysis: analysisWith(shared),
    text: TEXT,
    uri: 'file:///a.txt',
    settings: defaultSettings,
    textOf: (u) => others.get(u),
  });
  assert.equal(d.message, 'Passage reprinted in 312 other articles (closest 2: 90%–93% similar)');
  assert.equal(d.relatedInformation?.length, 2);
});
