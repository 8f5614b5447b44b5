// Article titles in lists: the headline the index keeps for each page it records gives the title that
// detecting the page's structure gives, and a text the index does not hold (an unsaved buffer) is detected.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeLocal } from '../../server/src/analysis/analyzeArticle';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { analyzeStructure } from '../../server/src/analysis/structure/pageStructure';
import { defaultAnalysisOptions, neverCancelled } from '../../server/src/analysis/types';
import { articleTitle, fileName, indexedHeadline } from '../../server/src/features/context';

const SAMPLES = path.join(__dirname, '..', '..', 'samples', 'corpus');

/** The title as detected from the text alone, as lists showed it before the index kept headlines. */
function detected(text: string, uri: string): string {
  const { stories } = analyzeStructure(text);
  if (stories.length === 0) return fileName(uri);
  const first = stories[0].title;
  const title = first.length > 100 ? `${first.slice(0, 99)}…` : first;
  return stories.length > 1 ? `${title} (+${stories.length - 1} more)` : title;
}

describe('article titles', () => {
  const index = new CorpusIndex();
  const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));
  for (const f of files) {
    const text = readFileSync(path.join(SAMPLES, f), 'utf8');
    index.update(
      { uri: `file:///corpus/${f}`, version: 0, text },
      analyzeLocal(text, defaultAnalysisOptions, index.entities.hints(), neverCancelled),
    );
  }

  it('come from the headline the index kept, equal to the detected one', () => {
    let several = 0;
    for (const uri of index.uris()) {
      const text = index.get(uri)?.snapshot.text ?? '';
      assert.ok(indexedHeadline(index, uri, text), uri);
      assert.equal(articleTitle({ index }, uri, text), detected(text, uri));
      if ((index.get(uri)?.headline?.stories ?? 0) > 1) several++;
    }
    assert.ok(several > 0, 'a sample page holds several stories');
  });

  it('are detected for a text the index does not hold', () => {
    const uri = index.uris()[0];
    const edited = `Brenmoor council approves a new harbour wall\n\n${index.get(uri)?.snapshot.text ?? ''}`;
    assert.equal(indexedHeadline(index, uri, edited), undefined);
    assert.equal(articleTitle({ index }, uri, edited), detected(edited, uri));
    assert.equal(articleTitle({ index }, 'file:///corpus/unknown.txt', undefined), 'unknown.txt');
  });
});
