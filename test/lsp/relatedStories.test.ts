// Stories as corpus units over stdio, on a folder no editor has opened: a page of four briefs and the
// reports of two of its events list each other as related, the Entities view lists the page story by
// story, and `articleLens.related.byStory: false` compares pages whole again.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  EntityArticlesRequest,
  RelatedArticlesRequest,
  type EntityArticleItem,
  type RelatedArticlesResult,
} from '../../server/src/protocol';
import {
  BRIEFS_CORPUS,
  BRIEFS_FILE,
  RECALL_FILE,
  SLUICE_FILE,
  UNRELATED_FILE,
} from '../support/briefsCorpus';
import { fileUri, Session } from './session';

function corpusFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-stories-'));
  for (const [name, text] of Object.entries(BRIEFS_CORPUS)) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function relatedOf(session: Session, uri: string): Promise<RelatedArticlesResult> {
  return session.connection.sendRequest(RelatedArticlesRequest.method, { textDocument: { uri } });
}

async function entityArticles(session: Session, canonical: string): Promise<EntityArticleItem[]> {
  const result: { articles: EntityArticleItem[] } = await session.connection.sendRequest(
    EntityArticlesRequest.method,
    { canonical },
  );
  return result.articles;
}

for (const byStory of [true, false]) {
  describe(`stories as corpus units over LSP (related.byStory ${byStory})`, () => {
    let dir: string;
    let session: Session;
    const uri = (name: string): string => fileUri(path.join(dir, name));

    before(async () => {
      dir = corpusFolder();
      session = await Session.start(dir, { configuration: { related: { byStory } } });
      await session.ready();
    });

    after(async () => {
      await session.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    test('the page of briefs and the report that reprints one brief', async () => {
      const page = await relatedOf(session, uri(BRIEFS_FILE));
      const report = await relatedOf(session, uri(SLUICE_FILE));
      const listed = (r: RelatedArticlesResult, name: string) => r.items.some((i) => i.uri === uri(name));
      assert.equal(listed(page, SLUICE_FILE), byStory, JSON.stringify(page.items));
      assert.equal(listed(report, BRIEFS_FILE), byStory, JSON.stringify(report.items));
      assert.ok(page.sharedPassages >= 2, `${page.sharedPassages} shared passages`);
      if (!byStory) return;
      const [fromPage] = page.items.filter((i) => i.uri === uri(SLUICE_FILE));
      const [fromReport] = report.items.filter((i) => i.uri === uri(BRIEFS_FILE));
      assert.equal(fromPage.score, fromReport.score, 'one score, seen from either side');
      assert.ok(
        fromPage.reasons.some((r) => /passage/.test(r)),
        fromPage.reasons.join('; '),
      );
    });

    test('the brief told in other words relates both ways; the fifth subject to nothing', async () => {
      const page = await relatedOf(session, uri(BRIEFS_FILE));
      const recall = await relatedOf(session, uri(RECALL_FILE));
      assert.ok(page.items.some((i) => i.uri === uri(RECALL_FILE)));
      assert.deepEqual(
        recall.items.map((i) => i.uri),
        [uri(BRIEFS_FILE)],
      );
      assert.deepEqual((await relatedOf(session, uri(UNRELATED_FILE))).items, []);
    });

    test('the Entities view lists a name’s stories on the page, or the page whole', async () => {
      const kelder = (await entityArticles(session, 'Kelder Motors')).filter(
        (a) => a.uri === uri(BRIEFS_FILE),
      );
      assert.equal(kelder.length, 1, JSON.stringify(kelder));
      if (byStory) {
        assert.equal(kelder[0].story, 2);
        assert.equal(kelder[0].title, 'Kelder Motors recalls Corvane vans over brake hoses');
      } else {
        assert.equal(kelder[0].story, undefined);
        assert.equal(kelder[0].title, 'Orvel canal sluice fails, flooding farms near Tarne (+3 more)');
      }
      // Harling is named in two briefs (the library's and the club's): two stories, or one page.
      const harling = (await entityArticles(session, 'Harling')).filter((a) => a.uri === uri(BRIEFS_FILE));
      assert.deepEqual(
        harling.map((a) => a.story),
        byStory ? [1, 3] : [undefined],
        JSON.stringify(harling.map((a) => [a.title, a.mentions.map((m) => m.text)])),
      );
    });
  });
}
