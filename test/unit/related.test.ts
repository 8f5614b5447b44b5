// Related-article ranking on a small corpus written for the purpose: two stories told by three outlets
// each, plus one article that shares nothing with them but a very common entity ("United States").
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { RelatedIndex } from '../../server/src/analysis/related/related';
import {
  defaultAnalysisOptions,
  type AnalysisOptions,
  type EntityMention,
  type EntityType,
  type LocalAnalysis,
  type SharedPassage,
} from '../../server/src/analysis/types';

/** Surface form → [type, canonical], as a recogniser with alias resolution would report them. */
const NAMES: Record<string, [EntityType, string]> = {
  'United States': ['GPE', 'United States'],
  'U.S.': ['GPE', 'United States'],
  Washington: ['GPE', 'Washington'],
  'Port Calder': ['GPE', 'Port Calder'],
  'Marta Ilves': ['PERSON', 'Marta Ilves'],
  Ilves: ['PERSON', 'Marta Ilves'],
  'Dockworkers Union of Calder': ['ORG', 'Dockworkers Union of Calder'],
  'Brennor Shipping': ['ORG', 'Brennor Shipping'],
  'Lake Verin': ['LOC', 'Lake Verin'],
  'Verin Dam': ['FAC', 'Verin Dam'],
  'Tomas Reyl': ['PERSON', 'Tomas Reyl'],
  Reyl: ['PERSON', 'Tomas Reyl'],
  'National Water Authority': ['ORG', 'National Water Authority'],
  'Sofia Marr': ['PERSON', 'Sofia Marr'],
};

/** Every whole-word occurrence of the known names, longest first, without overlaps. */
function mentions(text: string): EntityMention[] {
  const out: EntityMention[] = [];
  const taken: boolean[] = [];
  for (const surface of Object.keys(NAMES).sort((a, b) => b.length - a.length)) {
    const [type, canonical] = NAMES[surface];
    for (let i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
      const end = i + surface.length;
      if (/\w/.test(text[i - 1] ?? '') || /\w/.test(text[end] ?? '')) continue;
      if (taken.slice(i, end).some(Boolean)) continue;
      for (let k = i; k < end; k++) taken[k] = true;
      out.push({ span: { start: i, end }, type, text: surface, canonical, source: 'gazetteer' });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

const WIRE_PARAGRAPH =
  'The strike halted container traffic at the three deep-water berths, leaving more than forty vessels ' +
  'anchored offshore and grain exporters warning of spoiled cargo within days.';

const CORPUS: Record<string, string> = {
  'strike-herald.txt':
    'Port Calder dockworkers walk out over automated cranes\n\n' +
    'Thousands of dockworkers in Port Calder walked off the job on Monday, protesting a plan by Brennor ' +
    'Shipping to replace crane operators with automated gantry cranes. ' +
    WIRE_PARAGRAPH +
    ' Marta Ilves, who leads the Dockworkers Union of Calder, said the cranes would eliminate eight hundred ' +
    'jobs. "Automation without retraining is a lockout by another name," Ilves told reporters at the gates. ' +
    'Brennor Shipping, which also runs terminals in the United States, said the gantry cranes were needed ' +
    'to compete for transshipment contracts.',
  'strike-courier.txt':
    'Dockworkers strike paralyses Port Calder terminals\n\n' +
    'A strike by crane operators and dockworkers shut down the terminals of Port Calder, after Brennor ' +
    'Shipping confirmed it would install automated gantry cranes next year. ' +
    WIRE_PARAGRAPH +
    ' Union leader Marta Ilves said the walkout would continue until Brennor Shipping agreed to retraining ' +
    'guarantees for every crane operator. Exporters shipping to the United States fear delays.',
  'strike-gazette.txt':
    'Calder port strike enters second day\n\n' +
    'Picket lines stayed up at Port Calder as the Dockworkers Union of Calder rejected an offer from ' +
    'Brennor Shipping on automation. Ilves said the gantry cranes plan still cut hundreds of crane ' +
    'operator jobs, and that dockworkers would not return without retraining. Anchored vessels and grain ' +
    'exporters are counting the cost of the walkout.',
  'dam-tribune.txt':
    'Inspectors find cracks in Verin Dam spillway\n\n' +
    'Engineers from the National Water Authority found deep cracks in the concrete spillway of the Verin ' +
    'Dam, which holds back Lake Verin above four farming towns. Tomas Reyl, the chief dam inspector, ordered ' +
    'the reservoir lowered by three metres while divers survey the foundations. "The spillway is not ' +
    'failing, but it is tired," Reyl said. The dam was designed with help from engineers in the United ' +
    'States in the 1960s.',
  'dam-post.txt':
    'Lake Verin to be drawn down after spillway cracks found\n\n' +
    'The National Water Authority will lower Lake Verin after inspectors discovered cracks in the spillway ' +
    'of the Verin Dam. Chief inspector Tomas Reyl said divers would survey the concrete foundations and ' +
    'that farming towns downstream faced no immediate danger. Irrigation from the reservoir will be ' +
    'rationed during the drawdown.',
  'dam-observer.txt':
    'Verin Dam repairs could take two years, engineers say\n\n' +
    'Repairing the cracked spillway of the Verin Dam could take two years, engineers at the National Water ' +
    'Authority said, as the reservoir behind it is drawn down. Inspector Tomas Reyl said concrete cores ' +
    'from the foundations would show how deep the cracks run. Farmers around Lake Verin worry about ' +
    'irrigation rationing.',
  'tariffs-wire.txt':
    'Washington weighs new tariffs on solar panels\n\n' +
    'Officials in Washington are considering tariffs on imported solar panels, Commerce adviser Sofia Marr ' +
    'said, arguing that domestic manufacturers in the United States cannot match subsidised prices. ' +
    'Installers warned that the duties would raise the cost of rooftop systems and slow new ' +
    'installations. The U.S. decision is expected before the summer.',
};

const STRIKE = ['strike-herald.txt', 'strike-courier.txt', 'strike-gazette.txt'];
const DAM = ['dam-tribune.txt', 'dam-post.txt', 'dam-observer.txt'];
const UNRELATED = 'tariffs-wire.txt';

function buildIndex(withEntities = true): RelatedIndex {
  const index = new RelatedIndex();
  for (const [uri, text] of Object.entries(CORPUS)) index.add(uri, text, withEntities ? mentions(text) : []);
  return index;
}

/** A corpus index over the given texts, each with the entities `mentions` finds. */
function buildCorpus(texts: Record<string, string>): CorpusIndex {
  const corpus = new CorpusIndex();
  for (const [uri, text] of Object.entries(texts)) {
    const local: LocalAnalysis = {
      entities: mentions(text),
      quotes: [],
      unbalanced: [],
      repeats: [],
      limits: [],
    };
    corpus.update({ uri, version: 1, text }, local);
  }
  return corpus;
}

const options: AnalysisOptions = defaultAnalysisOptions;
const uris = (index: RelatedIndex, uri: string, o: AnalysisOptions = options): string[] =>
  index.rank(uri, [], o).map((r) => r.uri);

describe('related articles', () => {
  it('the fixture recognises the names it means to', () => {
    const names = mentions(CORPUS['strike-herald.txt']).map((m) => m.canonical);
    assert.deepEqual([...new Set(names)].sort(), [
      'Brennor Shipping',
      'Dockworkers Union of Calder',
      'Marta Ilves',
      'Port Calder',
      'United States',
    ]);
  });

  it('ranks the other outlets of the same story, and only them', () => {
    const index = buildIndex();
    assert.deepEqual(uris(index, 'strike-herald.txt'), ['strike-courier.txt', 'strike-gazette.txt']);
    assert.deepEqual(uris(index, 'strike-courier.txt'), ['strike-herald.txt', 'strike-gazette.txt']);
    assert.deepEqual(uris(index, 'strike-gazette.txt'), ['strike-herald.txt', 'strike-courier.txt']);
    assert.deepEqual(uris(index, 'dam-tribune.txt'), ['dam-post.txt', 'dam-observer.txt']);
    assert.deepEqual(uris(index, 'dam-post.txt'), ['dam-tribune.txt', 'dam-observer.txt']);
    assert.deepEqual(uris(index, 'dam-observer.txt'), ['dam-tribune.txt', 'dam-post.txt']);
  });

  it('does not relate an article that only shares a very common entity', () => {
    const index = buildIndex();
    assert.deepEqual(uris(index, UNRELATED), []);
    for (const uri of [...STRIKE, ...DAM]) assert.ok(!uris(index, uri).includes(UNRELATED), uri);
  });

  it('works from text alone, and entities raise same-story scores', () => {
    const textOnly = buildIndex(false);
    const withEntities = buildIndex(true);
    for (const group of [STRIKE, DAM]) {
      for (const uri of group) {
        const expected = group.filter((u) => u !== uri).sort();
        assert.deepEqual(uris(textOnly, uri).sort(), expected, uri);
        const plain = new Map(textOnly.rank(uri, [], options).map((r) => [r.uri, r.score]));
        for (const r of withEntities.rank(uri, [], options)) {
          assert.ok(r.score >= (plain.get(r.uri) ?? 0), `${uri} → ${r.uri}`);
          assert.ok(r.reasons.some((reason) => reason.kind === 'entities'));
        }
      }
    }
    assert.deepEqual(uris(textOnly, UNRELATED), []);
  });

  it('names the rarest shared entities first, and never the common one alone', () => {
    const [top] = buildIndex().rank('dam-tribune.txt', [], options);
    const entities = top.reasons.find((r) => r.kind === 'entities');
    assert.ok(entities && entities.kind === 'entities');
    assert.ok(entities.names.includes('Tomas Reyl'));
    assert.notEqual(entities.names[0], 'United States');
  });

  it('keeps scores in [0, 1], sorted, at or above the threshold', () => {
    const index = buildIndex();
    for (const threshold of [0, 0.1, 0.2, 0.5, 0.9]) {
      for (const uri of Object.keys(CORPUS)) {
        const list = index.rank(uri, [], { ...options, relatedThreshold: threshold });
        for (const r of list) {
          assert.ok(r.score >= threshold && r.score <= 1, `${uri} → ${r.uri}: ${r.score}`);
          assert.notEqual(r.uri, uri);
        }
        for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].score >= list[i].score);
      }
    }
  });

  it('applies the threshold and the limit', () => {
    const index = buildIndex();
    const [first, second] = index.rank('strike-herald.txt', [], options);
    assert.ok(first.score > second.score);
    const between = (first.score + second.score) / 2;
    assert.deepEqual(uris(index, 'strike-herald.txt', { ...options, relatedThreshold: between }), [
      first.uri,
    ]);
    assert.deepEqual(
      uris(index, 'strike-herald.txt', { ...options, relatedThreshold: first.score + 1e-9 }),
      [],
    );
    // The article sharing only a common entity scores 0, so even no threshold does not list it.
    assert.deepEqual(uris(index, UNRELATED, { ...options, relatedThreshold: 0 }), []);
    assert.deepEqual(uris(index, 'strike-herald.txt', { ...options, relatedLimit: 1 }), [
      'strike-courier.txt',
    ]);
    assert.deepEqual(uris(index, 'strike-herald.txt', { ...options, relatedLimit: 0 }), []);
  });

  it('updates on remove() and on re-adding an edited article', () => {
    const index = buildIndex();
    index.remove('strike-courier.txt');
    assert.deepEqual(uris(index, 'strike-herald.txt'), ['strike-gazette.txt']);
    assert.deepEqual(uris(index, 'strike-courier.txt'), []);
    index.remove('strike-courier.txt');
    assert.equal(index.size, Object.keys(CORPUS).length - 1);

    // The edited article now tells the dam story: it moves from one group to the other.
    const edited = CORPUS['dam-post.txt'];
    index.add('strike-courier.txt', edited, mentions(edited));
    assert.deepEqual(uris(index, 'strike-herald.txt'), ['strike-gazette.txt']);
    assert.ok(uris(index, 'dam-tribune.txt').includes('strike-courier.txt'));

    index.add('strike-courier.txt', CORPUS['strike-courier.txt'], mentions(CORPUS['strike-courier.txt']));
    assert.deepEqual(uris(index, 'strike-herald.txt'), ['strike-courier.txt', 'strike-gazette.txt']);
    assert.ok(!uris(index, 'dam-tribune.txt').includes('strike-courier.txt'));
  });

  it('counts shared passages by the share of the article they cover', () => {
    const index = buildIndex();
    const text = CORPUS['strike-herald.txt'];
    const start = text.indexOf(WIRE_PARAGRAPH);
    const passage = (otherUri: string, length: number): SharedPassage => ({
      span: { start, end: start + length },
      otherUri,
      otherSpan: { start: 0, end: length },
      similarity: 1,
      boilerplate: false,
      fileCount: 2,
    });
    const before = index.rank('strike-herald.txt', [], { ...options, relatedThreshold: 0 });
    const scoreOf = (list: { uri: string; score: number }[], uri: string): number =>
      list.find((r) => r.uri === uri)?.score ?? 0;

    const copied = index.rank(
      'strike-herald.txt',
      [passage('strike-gazette.txt', WIRE_PARAGRAPH.length)],
      options,
    );
    const reason = copied
      .find((r) => r.uri === 'strike-gazette.txt')
      ?.reasons.find((r) => r.kind === 'passages');
    assert.ok(reason && reason.kind === 'passages' && reason.count === 1);
    assert.ok(scoreOf(copied, 'strike-gazette.txt') > scoreOf(before, 'strike-gazette.txt'));

    // A short passage with an otherwise unrelated file (a site footer) does not relate them.
    assert.ok(!uris(index, 'strike-herald.txt').includes('dam-post.txt'));
    const footer = index.rank('strike-herald.txt', [passage('dam-post.txt', 30)], options);
    assert.ok(!footer.some((r) => r.uri === 'dam-post.txt'));
    // Boilerplate and passages with unknown files are ignored.
    const ignored = index.rank(
      'strike-herald.txt',
      [{ ...passage('dam-post.txt', 200), boilerplate: true }, passage('file:///nowhere.txt', 200)],
      options,
    );
    assert.deepEqual(
      ignored.map((r) => r.uri),
      ['strike-courier.txt', 'strike-gazette.txt'],
    );
  });

  it('answers through CorpusIndex.related', () => {
    const corpus = buildCorpus(CORPUS);
    assert.deepEqual(
      corpus.related('dam-post.txt', options).map((r) => r.uri),
      ['dam-tribune.txt', 'dam-observer.txt'],
    );
    assert.deepEqual(corpus.related('missing.txt', options), []);
  });

  it('does not relate pages of one site that share only its footer, "also read" list and bio', () => {
    // One site's template: an "also read" list, the author's bio and a footer on every page. Four pages
    // carry it, so it is boilerplate at the default setting; two of them tell the strike and the dam
    // stories, which the other outlets also tell.
    const template =
      '\n\nALSO READ\n- Harbour council approves study for a new seawall\n- Five walks along the coast ' +
      'this spring\n- Fuel prices climb for the third week in a row\n\nLena Ostrova covers transport, ' +
      'energy and the harbour for The Coastal Ledger. She joined the paper in 2019 after eight years at ' +
      'the Northern Courier.\n\nGet The Coastal Ledger in your inbox every morning. Sign up for our free ' +
      'newsletter at https://ledger.example/newsletter and follow us for live updates.\n\u00a9 The ' +
      'Coastal Ledger. All rights reserved. Reproduction without permission is prohibited.';
    const site: Record<string, string> = {
      'ledger-strike.txt':
        'Crane operators stop work in Port Calder\n\nBy Lena Ostrova\n\nDockworkers at Port Calder ' +
        'stopped work against automated gantry cranes planned by Brennor Shipping. Marta Ilves of the ' +
        'Dockworkers Union of Calder said retraining must come first.' +
        template,
      'ledger-dam.txt':
        'Spillway cracks force drawdown of Lake Verin\n\nBy Lena Ostrova\n\nThe National Water ' +
        'Authority will lower Lake Verin while divers inspect cracks in the Verin Dam spillway, chief ' +
        'inspector Tomas Reyl said.' +
        template,
      'ledger-festival.txt':
        'Lantern festival returns to the old town\n\nBy Lena Ostrova\n\nThousands of paper lanterns ' +
        'will line the canals this weekend as the festival returns after a two-year break.' +
        template,
      'ledger-library.txt':
        'City library extends opening hours\n\nBy Lena Ostrova\n\nThe central library will open ' +
        'until nine on weekdays from next month, the culture office announced.' +
        template,
    };
    const corpus = buildCorpus({ ...CORPUS, ...site });
    // The template is seen as boilerplate, so it is no evidence of anything.
    assert.ok(corpus.sharedPassages('ledger-strike.txt', options).some((p) => p.boilerplate));
    const relatedTo = (uri: string): string[] => corpus.related(uri, options).map((r) => r.uri);
    for (const uri of Object.keys(site)) {
      for (const other of Object.keys(site))
        assert.ok(
          !relatedTo(uri).includes(other),
          `${uri} → ${other}: ${JSON.stringify(corpus.related(uri, options))}`,
        );
    }
    // The same story told by other outlets still is related, both ways.
    assert.ok(relatedTo('ledger-strike.txt').includes('strike-herald.txt'));
    assert.ok(relatedTo('strike-herald.txt').includes('ledger-strike.txt'));
    assert.ok(relatedTo('ledger-dam.txt').includes('dam-post.txt'));
    assert.deepEqual(relatedTo('ledger-festival.txt'), []);

    // With fewer pages the template is no longer boilerplate: the bio and footer are passages shared by
    // two pages, but nothing else agrees, so the two stories stay apart.
    corpus.remove('ledger-festival.txt');
    corpus.remove('ledger-library.txt');
    assert.ok(!corpus.sharedPassages('ledger-strike.txt', options).some((p) => p.boilerplate));
    assert.ok(!relatedTo('ledger-strike.txt').includes('ledger-dam.txt'));
    assert.ok(!relatedTo('ledger-dam.txt').includes('ledger-strike.txt'));
    assert.ok(relatedTo('ledger-strike.txt').includes('strike-herald.txt'));
  });

  it('ranks the same whether or not articles were prepared, before and after boilerplate changes', () => {
    const footer =
      '\n\nALSO READ\n- Harbour council approves study for a new seawall\n- Five walks along the coast this ' +
      'spring\n\nMira Holt covers the harbour for The Coastal Ledger. She joined the paper in 2019 after ' +
      'eight years at a regional radio station. © The Coastal Ledger. All rights reserved.';
    const texts: Record<string, string> = { ...CORPUS };
    for (const uri of ['strike-herald.txt', 'dam-post.txt', 'tariffs-wire.txt', 'dam-tribune.txt'])
      texts[uri] = (texts[uri] ?? '') + footer;
    const prepared = buildCorpus(texts);
    const plain = buildCorpus(texts);
    const compare = (): void => {
      for (const uri of Object.keys(texts)) {
        if (!plain.get(uri)) continue;
        assert.deepEqual(prepared.related(uri, options), plain.related(uri, options), uri);
      }
    };
    for (const uri of Object.keys(texts)) prepared.prepareRelated(uri, options);
    compare();
    // Two pages go: the footer falls below the boilerplate threshold in both indexes.
    for (const corpus of [prepared, plain]) {
      corpus.remove('tariffs-wire.txt');
      corpus.remove('dam-tribune.txt');
    }
    for (const uri of Object.keys(texts)) prepared.prepareRelated(uri, options);
    compare();
  });

  it('never throws and keeps scores in range on arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { minLength: 1, maxLength: 6 }), (texts) => {
        const index = new RelatedIndex();
        texts.forEach((t, i) => index.add(`u${i}`, t, []));
        for (let i = 0; i < texts.length; i++) {
          for (const r of index.rank(`u${i}`, [], { ...options, relatedThreshold: 0 })) {
            if (!(r.score >= 0 && r.score <= 1)) return false;
          }
        }
        return true;
      }),
      { numRuns: 100 },
    );
  });
});
