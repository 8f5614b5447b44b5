// Related ranking story by story, and one score per pair: a page of briefs relates to the reports of its
// events (and they to it), whole pages keep their old comparison when the setting says so, and the score of
// a pair is the same from either side over whole corpora.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CorpusIndexer } from '../../server/src/analysis/analyzeArticle';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { structureOf } from '../../server/src/analysis/structure/pageStructure';
import {
  outsideUnit,
  pairCover,
  passagesBetween,
  storyUnits,
} from '../../server/src/analysis/related/relatedUnits';
import {
  defaultAnalysisOptions,
  neverCancelled,
  type AnalysisOptions,
  type SharedPassage,
} from '../../server/src/analysis/types';
import { repoRoot } from '../support/built';
import {
  BRIEFS_CORPUS,
  BRIEFS_FILE,
  RECALL_FILE,
  SLUICE_FILE,
  UNRELATED_FILE,
} from '../support/briefsCorpus';

const byStory: AnalysisOptions = defaultAnalysisOptions;
const wholePages: AnalysisOptions = { ...defaultAnalysisOptions, relatedWholePages: true };
/** Every pair with any evidence, so that scores below the threshold are compared too. */
const everyPair = (o: AnalysisOptions): AnalysisOptions => ({
  ...o,
  relatedThreshold: 0,
  relatedLimit: 1000,
});

/** The whole analysis (both indexing passes, as the CLI and the server run them) of name → text. */
function indexed(texts: Record<string, string>, options: AnalysisOptions): CorpusIndex {
  const index = new CorpusIndex();
  const indexer = new CorpusIndexer(index, neverCancelled);
  for (const [uri, text] of Object.entries(texts)) indexer.first({ uri, version: 1, text }, options);
  for (const _ of indexer.second());
  return index;
}

const related = (index: CorpusIndex, uri: string, o: AnalysisOptions) =>
  index.related(uri, o).map((r) => r.uri);
const scoreOf = (index: CorpusIndex, a: string, b: string, o: AnalysisOptions): number =>
  index.related(a, everyPair(o)).find((r) => r.uri === b)?.score ?? 0;

/** The `.txt` files of a folder of the repository, name → text. */
function folderCorpus(relative: string): Record<string, string> {
  const dir = path.join(repoRoot, relative);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]),
  );
}

describe('related ranking by story', () => {
  const index = indexed(BRIEFS_CORPUS, byStory);

  it('the fixture page has four stories and shares passages with the report that reprints its brief', () => {
    const page = index.get(BRIEFS_FILE);
    assert.ok(page);
    // The index leaves the page structure to its readers: read it as they do.
    assert.equal(structureOf(page.local, page.snapshot.text).stories.length, 4);
    const shared = index.sharedPassages(BRIEFS_FILE, byStory).filter((p) => p.otherUri === SLUICE_FILE);
    assert.ok(shared.length >= 2, `${shared.length} passages shared with the sluice report`);
    assert.ok(shared.every((p) => !p.boilerplate));
    assert.equal(
      index.sharedPassages(BRIEFS_FILE, byStory).filter((p) => p.otherUri === RECALL_FILE).length,
      0,
    );
  });

  it('a page of briefs relates to the report of each event it briefs, and each report to the page', () => {
    assert.deepEqual(related(index, BRIEFS_FILE, byStory).sort(), [RECALL_FILE, SLUICE_FILE].sort());
    assert.deepEqual(related(index, SLUICE_FILE, byStory), [BRIEFS_FILE]);
    assert.deepEqual(related(index, RECALL_FILE, byStory), [BRIEFS_FILE]);
    assert.deepEqual(related(index, UNRELATED_FILE, byStory), []);
  });

  it('compared whole, the page and the report sharing its passages do not relate; by story they do', () => {
    const whole = indexed(BRIEFS_CORPUS, wholePages);
    const wholeScore = scoreOf(whole, BRIEFS_FILE, SLUICE_FILE, wholePages);
    assert.ok(wholeScore < wholePages.relatedThreshold, `whole pages: ${wholeScore}`);
    assert.ok(!related(whole, SLUICE_FILE, wholePages).includes(BRIEFS_FILE));
    const storyScore = scoreOf(index, BRIEFS_FILE, SLUICE_FILE, byStory);
    assert.ok(storyScore >= byStory.relatedThreshold, `by story: ${storyScore}`);
    // The brief told in other words gains too: the other three briefs no longer dilute it.
    assert.ok(
      scoreOf(index, BRIEFS_FILE, RECALL_FILE, byStory) >
        scoreOf(whole, BRIEFS_FILE, RECALL_FILE, wholePages),
    );
  });

  it('the reasons come from the story that matches: its shared passages and its names', () => {
    const sluice = index.related(BRIEFS_FILE, byStory).find((r) => r.uri === SLUICE_FILE);
    assert.ok(sluice?.reasons.some((r) => r.kind === 'passages' && r.count >= 2));
    const recall = index.related(BRIEFS_FILE, byStory).find((r) => r.uri === RECALL_FILE);
    const names = recall?.reasons.find((r) => r.kind === 'entities');
    assert.ok(
      names && names.kind === 'entities' && names.names.includes('Kelder Motors'),
      JSON.stringify(recall),
    );
    assert.ok(names.kind === 'entities' && !names.names.includes('Orvel Valley Water Board'));
  });

  it('a story is never worse than its whole page: by story only adds relations', () => {
    const whole = indexed(BRIEFS_CORPUS, wholePages);
    const files = Object.keys(BRIEFS_CORPUS);
    for (const a of files)
      for (const b of files)
        if (a !== b)
          assert.ok(scoreOf(index, a, b, byStory) >= scoreOf(whole, a, b, wholePages), `${a} ~ ${b}`);
  });
});

describe('a page of briefs among its own site’s pages', () => {
  // The paper's template: a reading list, a newsletter line and a copyright line on every page. Four more
  // pages of the site carry it, about other subjects, so it is boilerplate.
  const template =
    '\nMORE FROM THE POST\n- Harling council sets date for the quay market\n- Ten walks along the Orvel ' +
    'towpath this spring\n- Ferry fares rise for the second time this year\n\nGet the Harling Evening ' +
    'Post in your inbox every evening. Sign up for our free newsletter and follow us for live updates.\n';
  /** The page with the template inside a story (between the recall brief's paragraphs) and at its foot. */
  const withTemplate = (text: string): string =>
    text
      .replace(/\n© 2026/, `${template}© 2026`)
      .replace('\n\nOwners will be told', `\n${template}\nOwners will be told`);
  const sitePage = (headline: string, body: string): string =>
    `HARLING EVENING POST\nHome | News | Business | Sport | Weather | Letters | Subscribe\n\n${headline}\n\n` +
    `${body}\n${template}© 2026 Harling Evening Post. All rights reserved.\n`;
  const site: Record<string, string> = {
    'harling-post-choir.txt': sitePage(
      'Male voice choir wins regional title with sea shanties',
      'The Male Voice Choir won the regional championship on Saturday with a programme of sea shanties ' +
        'and hymns, conductor Arne Solberg said. The forty singers rehearsed twice a week since January ' +
        'and will represent the county at the national finals in Ostby in the autumn.',
    ),
    'harling-post-bakery.txt': sitePage(
      'Quay Street bakery marks a century of rye loaves',
      'The Lindqvist family bakery celebrated its hundredth year with free rye loaves for the first ' +
        'hundred customers. Greta Lindqvist, who runs the ovens with her two sons, said the sourdough ' +
        'starter had been fed every morning since her grandfather opened the shop.',
    ),
    'harling-post-roadworks.txt': sitePage(
      'Roadworks close Mill Lane for a fortnight',
      'Mill Lane will be closed to traffic for two weeks from Monday while crews replace a collapsed ' +
        'drain, the highways office said. Buses will divert along Tanner Road, and residents will get ' +
        'parking permits for the leisure centre car park until the work is finished.',
    ),
    'harling-post-school.txt': sitePage(
      'Academy pupils move into new science wing',
      'Pupils at the Academy moved into a new science wing with four laboratories and a rooftop weather ' +
        'station. Head teacher Sunniva Dahl said the building had taken three years to fund and that ' +
        'evening classes for adults would use the laboratories from September.',
    ),
  };
  const texts = { ...BRIEFS_CORPUS, [BRIEFS_FILE]: withTemplate(BRIEFS_CORPUS[BRIEFS_FILE]), ...site };

  it('relates to its events’ reports and not to the site’s other pages, from either side', () => {
    const index = indexed(texts, byStory);
    assert.ok(
      index.sharedPassages(BRIEFS_FILE, byStory).some((p) => p.boilerplate),
      'the template is boilerplate',
    );
    assert.deepEqual(related(index, BRIEFS_FILE, byStory).sort(), [RECALL_FILE, SLUICE_FILE].sort());
    for (const page of Object.keys(site)) {
      assert.ok(!related(index, page, byStory).includes(BRIEFS_FILE), `${page} → the briefs`);
      assert.equal(scoreOf(index, page, BRIEFS_FILE, byStory), scoreOf(index, BRIEFS_FILE, page, byStory));
    }
  });
});

describe('one relatedness score per pair', () => {
  /** Every scored pair of the corpus, after checking that each is scored the same from both sides. */
  function symmetricPairs(texts: Record<string, string>, options: AnalysisOptions): number {
    const index = indexed(texts, options);
    const all = everyPair(options);
    const scores = new Map<string, number>();
    for (const a of index.uris())
      for (const r of index.related(a, all)) scores.set(`${a}\u0000${r.uri}`, r.score);
    for (const [key, score] of scores) {
      const [a, b] = key.split('\u0000');
      assert.equal(scores.get(`${b}\u0000${a}`), score, `${a} → ${b} is ${score}`);
    }
    return scores.size;
  }

  for (const options of [byStory, wholePages]) {
    const mode = options.relatedWholePages ? 'whole pages' : 'by story';
    it(`score(a, b) equals score(b, a) over the briefs and sample corpora (${mode})`, () => {
      assert.ok(symmetricPairs(BRIEFS_CORPUS, options) >= 2);
      const mixed = { ...folderCorpus('samples/corpus'), ...BRIEFS_CORPUS };
      assert.ok(symmetricPairs(mixed, options) >= 20);
    });

    it(`score(a, b) equals score(b, a) over every held-out set (${mode})`, () => {
      let pairs = 0;
      for (const d of readdirSync(path.join(repoRoot, 'test/heldout')))
        pairs += symmetricPairs(folderCorpus(`test/heldout/${d}/articles`), options);
      assert.ok(pairs >= 60, `${pairs} scored pairs`);
    });
  }
});

describe('story units', () => {
  const passage = (span: [number, number], otherSpan: [number, number], similarity = 1): SharedPassage => ({
    span: { start: span[0], end: span[1] },
    otherUri: 'other',
    otherSpan: { start: otherSpan[0], end: otherSpan[1] },
    similarity,
    boilerplate: false,
    fileCount: 2,
  });

  it('a page of one story, or the setting off, is ranked whole', () => {
    const two = [
      { start: 0, end: 10 },
      { start: 12, end: 30 },
    ];
    assert.equal(storyUnits([{ start: 0, end: 30 }], byStory), undefined);
    assert.equal(storyUnits(two, wholePages), undefined);
    assert.deepEqual(storyUnits(two, byStory), two);
  });

  it('a story leaves out the rest of its page and its own boilerplate, each word once', () => {
    const unit = { start: 20, end: 80 };
    const boilerplate = [
      { start: 0, end: 10 },
      { start: 40, end: 50 },
      { start: 45, end: 60 },
      { start: 75, end: 95 },
    ];
    assert.deepEqual(outsideUnit(unit, 100, boilerplate), [
      { start: 0, end: 20 },
      { start: 40, end: 60 },
      { start: 75, end: 80 },
      { start: 80, end: 100 },
    ]);
    assert.deepEqual(outsideUnit({ start: 0, end: 100 }, 100, []), []);
  });

  it('passages between two units are cut to both, and the cover is the larger share', () => {
    const list = [passage([10, 30], [100, 120]), passage([50, 70], [300, 320])];
    const between = passagesBetween(list, { start: 20, end: 60 }, { start: 90, end: 200 });
    assert.deepEqual(
      between.map((p) => [p.span.start, p.span.end, p.otherSpan.start, p.otherSpan.end]),
      [[20, 30, 100, 120]],
    );
    assert.deepEqual(passagesBetween(list, undefined, undefined), list);
    // 20 of 100 on one side, 40 of 400 on the other (half similar): the pair's cover is 0.2 either way.
    const cover = pairCover([passage([0, 20], [0, 40], 0.5), passage([20, 40], [40, 80], 0.5)], 100, 400);
    assert.equal(cover, 0.2);
    const flipped = [passage([0, 40], [0, 20], 0.5), passage([40, 80], [20, 40], 0.5)];
    assert.equal(pairCover(flipped, 400, 100), cover);
  });
});
