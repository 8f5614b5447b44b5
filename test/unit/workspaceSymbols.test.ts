// workspace/symbol over a corpus index: one symbol per article at the entity's first mention there, in
// indexing order, at most 500, and articles whose text is unknown left out without shortening the answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import type { EntityMention, LocalAnalysis } from '../../server/src/analysis/types';
import type { FeatureContext } from '../../server/src/features/context';
import { spanToRange } from '../../server/src/features/convert';
import { provideWorkspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { memoryQuestions } from '../../server/src/corpusQueries/corpusQuestions';
import { nullLogger } from '../../server/src/util/logger';
import { defaultSettings } from '../../server/src/protocol';

const NAME = 'Marta Ilves';

/** Article `i`: some filler, then the name twice (the second time later in the text). */
function textOf(i: number): string {
  return `${'Filler line.\n'.repeat(i % 7)}Report ${i}: ${NAME} spoke first.\n\nLater ${NAME} left.\n`;
}

function mentionsIn(text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (let at = text.indexOf(NAME); at >= 0; at = text.indexOf(NAME, at + 1))
    out.push({
      span: { start: at, end: at + NAME.length },
      type: 'PERSON',
      text: NAME,
      canonical: NAME,
      source: 'wink',
    });
  return out;
}

function corpus(files: number): { index: CorpusIndex; uris: string[] } {
  const index = new CorpusIndex();
  // Indexed in an order unlike the URIs' sort order.
  const uris = Array.from(
    { length: files },
    (_, i) => `file:///c/${String((i * 37) % files).padStart(4, '0')}.txt`,
  );
  uris.forEach((uri, i) => {
    const text = textOf(i);
    const local: LocalAnalysis = {
      entities: mentionsIn(text),
      quotes: [],
      unbalanced: [],
      repeats: [],
      limits: [],
    };
    index.update({ uri, version: 1, text }, local);
  });
  return { index, uris };
}

function context(index: CorpusIndex, missing: ReadonlySet<string> = new Set()): FeatureContext {
  const textOf = (uri: string): string | undefined =>
    missing.has(uri) ? undefined : index.get(uri)?.snapshot.text;
  return {
    index,
    corpus: memoryQuestions({ index, textOf, analysisOf: () => undefined }),
    logger: nullLogger,
    textOf,
    analysisOf: () => undefined,
    settingsOf: () => defaultSettings,
  };
}

test('one symbol per article, at its first mention, in indexing order, at most 500', async () => {
  const { index, uris } = corpus(620);
  const symbols = await provideWorkspaceSymbols(context(index), 'ilves');
  assert.equal(symbols.length, 500);
  symbols.forEach((s, i) => {
    assert.equal(s.name, NAME);
    assert.equal(s.location.uri, uris[i]);
    const text = textOf(i);
    const at = text.indexOf(NAME);
    assert.deepEqual(s.location.range, spanToRange(text, { start: at, end: at + NAME.length }));
    assert.match(s.containerName ?? '', /1,?240 mentions in 620 articles/);
  });
});

test('articles without a known text are left out and later ones fill the answer', async () => {
  const { index, uris } = corpus(700);
  const missing = new Set(uris.filter((_, i) => i % 5 === 0));
  const symbols = await provideWorkspaceSymbols(context(index, missing), 'ilves');
  assert.equal(symbols.length, 500);
  assert.deepEqual(
    symbols.map((s) => s.location.uri),
    uris.filter((u) => !missing.has(u)).slice(0, 500),
  );
});

test('a small corpus lists every article', async () => {
  const { index, uris } = corpus(12);
  const symbols = await provideWorkspaceSymbols(context(index), 'mi');
  assert.deepEqual(
    symbols.map((s) => s.location.uri),
    uris,
  );
});
