import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeArticle, ownFindings, withCorpusFindings } from '../../server/src/analysis/analyzeArticle';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { defaultAnalysisOptions, neverCancelled } from '../../server/src/analysis/types';

const STORY =
  'Harbour Bridge Reopens\n\nEngineers from the Northern Transit Authority replaced every cable on the span ' +
  'during the two-year project, the city said on Monday, and traffic will resume next week.\n';

/** A corpus index that counts how often the related ranking runs. */
class CountingIndex extends CorpusIndex {
  rankings = 0;
  override related(...args: Parameters<CorpusIndex['related']>): ReturnType<CorpusIndex['related']> {
    this.rankings++;
    return super.related(...args);
  }
}

test('the related ranking runs on first read of `related`, once, and not for diagnostics', () => {
  const index = new CountingIndex();
  index.update(
    { uri: 'b', version: 1, text: STORY },
    { entities: [], quotes: [], unbalanced: [], repeats: [], limits: [] },
  );
  const analysis = analyzeArticle(
    { uri: 'a', version: 1, text: STORY },
    index,
    defaultAnalysisOptions,
    neverCancelled,
  );
  assert.equal(index.rankings, 0, 'analysing does not rank');
  assert.ok(analysis.shared.length > 0, 'shared passages are there at once');
  const first = analysis.related;
  assert.equal(index.rankings, 1);
  assert.equal(analysis.related, first, 'the ranking is kept');
  assert.equal(index.rankings, 1);
  assert.deepEqual(
    first.map((r) => r.uri),
    ['b'],
  );
});

test('ownFindings copies an analysis without running its ranking', () => {
  const index = new CountingIndex();
  const snapshot = { uri: 'a', version: 3, text: STORY };
  const analysis = analyzeArticle(snapshot, index, defaultAnalysisOptions, neverCancelled);
  const again = withCorpusFindings(ownFindings(analysis), snapshot, index, defaultAnalysisOptions);
  assert.equal(index.rankings, 0);
  assert.equal(again.version, 3);
  assert.deepEqual(again.entities, analysis.entities);
});
