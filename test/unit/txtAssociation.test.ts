// Onboarding asks about .txt files only when files.associations says nothing about them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { associatesTxt } from '../../client/src/txtAssociation';

test('a .txt association in any form counts; others, blanks and no setting do not', () => {
  assert.equal(associatesTxt(undefined), false);
  assert.equal(associatesTxt({}), false);
  assert.equal(associatesTxt({ '*.md': 'markdown' }), false);
  assert.equal(associatesTxt({ '*.txt': '' }), false);
  assert.equal(associatesTxt({ '*.txt': 'article' }), true);
  assert.equal(
    associatesTxt({ 'corpus/**/*.TXT': 'plaintext' }),
    true,
    'an explicit plaintext choice is an answer too',
  );
});
