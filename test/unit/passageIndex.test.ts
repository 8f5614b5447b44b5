import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorpusIndex } from '../../server/src/analysis/corpus/corpusIndex';
import { PassageIndex } from '../../server/src/analysis/duplicates/passageIndex';
import {
  defaultAnalysisOptions,
  type AnalysisOptions,
  type LocalAnalysis,
  type SharedPassage,
} from '../../server/src/analysis/types';

const options: AnalysisOptions = defaultAnalysisOptions;

const WIRE =
  'Rescue teams reached the flooded village of Marrow Creek on Thursday after two days of heavy rain cut the only road into the valley.';
const WIRE_2 =
  'Officials said more than three hundred homes were damaged and that drinking water would be trucked in until the pumps are repaired.';
const WIRE_3 =
  'The regional governor promised emergency funds for farmers whose fields were washed away by the swollen river overnight.';

function article(intro: string, ...paragraphs: string[]): string {
  return [intro, ...paragraphs].join('\n\n');
}

const OWN_A =
  'Our correspondent in the valley describes a long night of sirens and sandbags along the main street.';
const OWN_B =
  'Local radio reported the story first, quoting volunteers who spent the night moving livestock uphill.';
const OWN_C =
  'The town council will meet next week to discuss how the valley can prepare for the next big storm.';

function texts(text: string, passages: SharedPassage[], others: Map<string, string>): string[][] {
  return passages.map((p) => [
    text.slice(p.span.start, p.span.end),
    p.otherUri,
    (others.get(p.otherUri) ?? '').slice(p.otherSpan.start, p.otherSpan.end),
  ]);
}

test('an exact shared paragraph is linked with exact spans in both files', () => {
  const index = new PassageIndex();
  const a = article(OWN_A, WIRE, OWN_C);
  const b = article(OWN_B, WIRE);
  index.add('a', a);
  index.add('b', b);
  const docs = new Map([
    ['a', a],
    ['b', b],
  ]);
  assert.deepEqual(texts(a, index.shared('a', options), docs), [[WIRE, 'b', WIRE]]);
  assert.deepEqual(texts(b, index.shared('b', options), docs), [[WIRE, 'a', WIRE]]);
  const [p] = index.shared('a', options);
  assert.equal(p.similarity, 1);
  assert.equal(p.boilerplate, false);
  assert.equal(p.fileCount, 2);
  assert.equal(p.span.start, a.indexOf(WIRE));
});

test('wire copy with a changed word and a fixed typo links one passage with its similarity', () => {
  const edited = WIRE.replace('the only road', 'a only road').replace('flooded', 'floodded');
  const index = new PassageIndex();
  const a = article(OWN_A, WIRE);
  const b = article(OWN_B, edited);
  index.add('a', a);
  index.add('b', b);
  const [p, ...rest] = index.shared('a', options);
  assert.equal(rest.length, 0);
  assert.equal(a.slice(p.span.start, p.span.end), WIRE);
  assert.equal(b.slice(p.otherSpan.start, p.otherSpan.end), edited);
  assert.ok(p.similarity > 0.9 && p.similarity < 1, String(p.similarity));
});

test('curly vs straight quotes, line breaks and re-cased words do not break a passage', () => {
  const quoted =
    'The mayor said “we will not leave anyone behind, whatever the weather brings this week” to reporters.';
  const variant =
    'The mayor said "we will not leave anyone behind,\nwhatever the weather brings this Week" to reporters.';
  const index = new PassageIndex();
  index.add('a', article(OWN_A, quoted));
  const b = article(OWN_B, variant);
  index.add('b', b);
  const [p] = index.shared('a', options);
  assert.equal(b.slice(p.otherSpan.start, p.otherSpan.end), variant);
});

test('a sentence dropped from one copy still links the stretches on both sides', () => {
  const short = 'Volunteers arrived with boats and blankets';
  const full = `${WIRE} Nobody was reported missing by the evening. ${short} as the water kept rising.`;
  const cut = `${WIRE} ${short} as the water kept rising.`;
  const index = new PassageIndex();
  const a = article(OWN_A, full);
  const b = article(OWN_B, cut);
  index.add('a', a);
  index.add('b', b);
  const got = index.shared('a', options).map((p) => a.slice(p.span.start, p.span.end));
  assert.deepEqual(got, [WIRE, `${short} as the water kept rising.`]);
});

test('passages under the minimum length are not shared passages', () => {
  const index = new PassageIndex();
  index.add('a', article(OWN_A, 'Heavy rain cut the only road into the valley again.'));
  index.add('b', article(OWN_B, 'Floods: heavy rain cut the only road into the valley on Thursday.'));
  assert.deepEqual(index.shared('a', options), []);
  assert.equal(index.shared('a', { ...options, minSharedWords: 8 }).length, 1);
});

const FOOTER =
  'Copyright Valley Post Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.';

test('a passage carried by many files is boilerplate, reported once with its file count', () => {
  const index = new PassageIndex();
  const bodies = [OWN_A, OWN_B, OWN_C, WIRE_2, WIRE_3];
  bodies.forEach((body, i) => index.add(`f${i}`, article(body, FOOTER)));
  for (let i = 0; i < bodies.length; i++) {
    const shared = index.shared(`f${i}`, options);
    assert.equal(shared.length, 1);
    assert.equal(shared[0].boilerplate, true);
    assert.equal(shared[0].fileCount, 5);
  }
});

test('in a small corpus a passage in three files is still copied reporting, not boilerplate', () => {
  const index = new PassageIndex();
  [OWN_A, OWN_B, OWN_C].forEach((body, i) => index.add(`f${i}`, article(body, WIRE)));
  const shared = index.shared('f0', options);
  assert.deepEqual(
    shared.map((p) => [p.otherUri, p.boilerplate, p.fileCount]),
    [
      ['f1', false, 3],
      ['f2', false, 3],
    ],
  );
  const strict = index.shared('f0', { ...options, boilerplateMinFiles: 3 });
  assert.deepEqual(
    strict.map((p) => [p.boilerplate, p.fileCount]),
    [[true, 3]],
  );
});

test('add and remove return the files whose shared passages changed, and update them', () => {
  const index = new PassageIndex();
  assert.deepEqual([...index.add('a', article(OWN_A, WIRE))], []);
  assert.deepEqual([...index.add('c', article(OWN_C, WIRE_3))], []);
  assert.deepEqual([...index.add('b', article(OWN_B, WIRE, WIRE_2))], ['a']);
  assert.equal(index.shared('a', options).length, 1);
  // Editing b so that it no longer carries the wire paragraph affects a, which loses its link.
  assert.deepEqual([...index.add('b', article(OWN_B, WIRE_2))], ['a']);
  assert.deepEqual(index.shared('a', options), []);
  // An edit that pastes the paragraph again creates the link again.
  index.add('b', article(OWN_B, WIRE_2, WIRE));
  assert.equal(index.shared('a', options).length, 1);
  assert.deepEqual([...index.remove('b')], ['a']);
  assert.deepEqual(index.shared('a', options), []);
  assert.deepEqual(index.shared('b', options), []);
  assert.deepEqual([...index.remove('b')], []);
});

test('offsets stay exact with CRLF line ends and emoji', () => {
  const a = article(OWN_A, WIRE, OWN_C).replace(/\n/g, '\r\n');
  const b = `🌧️🌊 ${article(OWN_B, WIRE.replace('Thursday', 'Thursday 😢'))}`;
  const index = new PassageIndex();
  index.add('a', a);
  index.add('b', b);
  const [p] = index.shared('a', options);
  assert.equal(a.slice(p.span.start, p.span.end), WIRE);
  assert.equal(b.slice(p.otherSpan.start, p.otherSpan.end), WIRE.replace('Thursday', 'Thursday 😢'));
  const [q] = index.shared('b', options);
  assert.deepEqual(q.otherSpan, p.span);
  assert.deepEqual(q.span, p.otherSpan);
});

// Fan-out and boilerplate versus reprints. A wire story of five paragraphs, an outlet page built around it,
// and pages of one site about different stories carrying the site's template.
const STORY = [
  'The strike halted container traffic at the three deep-water berths of Port Calder, leaving more than forty vessels anchored offshore and grain exporters warning of spoiled cargo within days.',
  'Marta Ilves, who leads the Dockworkers Union of Calder, said the walkout would continue until Brennor Shipping agreed to retrain crane operators instead of replacing them with automated gantries.',
  'Brennor Shipping said in a statement that the new cranes would be introduced over five years and that no operator would lose a job before the end of the current contract.',
  'The port authority said it had asked both sides to meet a mediator on Thursday, and that perishable cargo would be unloaded by hand at the old fishing quay in the meantime.',
  'Exporters of barley and rapeseed, who ship most of their harvest through Port Calder, said a week of delays would cost them more than the whole of last year’s storm damage.',
];

/** A made-up but stable word for outlet `i` (names, footers), so no two outlets share a run of words. */
function coined(i: number, salt: number): string {
  const syllables = ['ka', 'ro', 'mi', 'te', 'su', 'na', 'lo', 'vi', 'be', 'da', 'ze', 'po'];
  let n = i * 7919 + salt * 104729 + 13;
  let w = '';
  for (let k = 0; k < 3; k++) {
    w += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length) + 17 * (k + 1);
  }
  return w[0].toUpperCase() + w.slice(1);
}

/** An outlet's own last line: different words at every outlet. */
function outletFooter(i: number): string {
  return `Published by ${coined(i, 1)} ${coined(i, 2)} Media of ${coined(i, 3)}, all rights reserved by ${coined(i, 4)}.`;
}

/** Outlet `i`'s reprint of the whole story, each paragraph with a word changed here and there. */
function reprint(i: number): string {
  const edited = STORY.map((p, k) => {
    if ((i + k) % 3 !== 0) return p;
    const words = p.split(' ');
    words[3 + ((i * 5 + k) % (words.length - 6))] = coined(i, 10 + k).toLowerCase();
    return words.join(' ');
  });
  return [`${coined(i, 5)} ${coined(i, 6)} dockers walk out`, ...edited, outletFooter(i)].join('\n\n');
}

test('a passage reprinted in many files is reported once, with its file count and the closest copies', () => {
  const index = new PassageIndex();
  const a = article('Dockworkers walk out at Port Calder over automated cranes', ...STORY);
  index.add('a', a);
  const outlets = 120;
  for (let i = 0; i < outlets; i++) index.add(`outlet${i}`, reprint(i));
  const shared = index.shared('a', options);
  for (const paragraph of STORY) {
    const start = a.indexOf(paragraph);
    const copies = shared.filter((p) => p.span.start === start);
    assert.ok(copies.length >= 1 && copies.length <= 5, `${copies.length} copies listed`);
    for (const c of copies) {
      assert.equal(c.boilerplate, false, 'copies of one story are no boilerplate');
      // Every outlet carries every paragraph; edits make a few fingerprints miss in some copies.
      assert.ok(c.fileCount > outlets * 0.9 && c.fileCount <= outlets + 1, String(c.fileCount));
    }
    // The closest copies come first: unedited ones where there are.
    assert.equal(copies[0].similarity, 1);
  }
});

test('the alignment work of one query stays bounded however many files carry its passages', () => {
  const work = (outlets: number): number => {
    const index = new PassageIndex();
    index.add('a', article('Dockworkers walk out at Port Calder over automated cranes', ...STORY));
    for (let i = 0; i < outlets; i++) index.add(`outlet${i}`, reprint(i));
    const before = index.alignments;
    index.shared('a', options);
    return index.alignments - before;
  };
  const few = work(20);
  const many = work(300);
  // Up to 48 sampled carriers and 16 closest files, plus pairs of sampled carriers judged for one story.
  assert.ok(many <= 80, `${many} alignments for 300 carriers`);
  assert.ok(many <= few + 40, `${few} alignments for 20 carriers, ${many} for 300`);
});

/** A corpus index over the texts: shared passages are judged with the text of the whole articles. */
function corpusOf(texts: Record<string, string>): CorpusIndex {
  const corpus = new CorpusIndex();
  const local: LocalAnalysis = { entities: [], quotes: [], unbalanced: [], repeats: [], limits: [] };
  for (const [uri, text] of Object.entries(texts)) corpus.update({ uri, version: 1, text }, local);
  return corpus;
}

/** Five outlets telling the strike story, each in its own words around two of the wire paragraphs. */
const OUTLETS: Record<string, string> = {
  'herald.txt': article(
    'Port Calder dockers down tools over Brennor cranes',
    'Dockworkers in Port Calder walked off the job on Monday, protesting a plan by Brennor Shipping to replace crane operators with automated gantry cranes at the container terminal.',
    STORY[0],
    STORY[1],
    'Reporting by the Herald newsroom; corrections to the night desk.',
  ),
  'courier.txt': article(
    'Strike shuts Port Calder container terminal',
    'The union of Port Calder dockworkers began an open-ended strike against the automated cranes ordered by Brennor Shipping, its leader Marta Ilves told a rally at the terminal gates.',
    STORY[0],
    STORY[1],
    'The Courier is a member of the regional press council.',
  ),
  'gazette.txt': article(
    'Cranes dispute: Port Calder at a standstill',
    'Crane operators at Port Calder stayed away from work for a second day as Marta Ilves and the dockworkers union refused the automation timetable proposed by Brennor Shipping.',
    STORY[0],
    STORY[2],
    'Gazette readers can send tips through our secure form.',
  ),
  'tribune.txt': article(
    'Port Calder dockworkers strike over automation',
    'Thousands of Port Calder dockworkers joined a walkout against automated gantry cranes, and Brennor Shipping said the terminal would stay closed while the strike lasts.',
    STORY[0],
    STORY[2],
    'Follow the Tribune business desk for live market coverage.',
  ),
  'observer.txt': article(
    'Grain exporters fear losses as Port Calder strike drags on',
    'Grain exporters at Port Calder counted their losses as the dockworkers strike against Brennor Shipping and its automated cranes entered a third day.',
    STORY[0],
    STORY[4],
    'The Observer is published every weekday morning.',
  ),
};

/** One site's template and pages about different stories. */
const LEDGER_TEMPLATE = [
  'ALSO READ\n- Harbour council approves study for a new seawall\n- Five walks along the coast this spring\n- Fuel prices climb for the third week in a row',
  'Lena Ostrova covers transport, energy and the harbour for The Coastal Ledger. She joined the paper in 2019 after eight years at the Northern Courier.',
  'Get The Coastal Ledger in your inbox every morning. Sign up for our free newsletter at https://ledger.example/newsletter and follow us for live updates.',
];
const LEDGER_STORIES: Record<string, string[]> = {
  'ledger-dam.txt': [
    'Spillway cracks force drawdown of Lake Verin',
    'The National Water Authority will lower Lake Verin by two metres while divers inspect cracks in the spillway of the Verin Dam, chief inspector Tomas Reyl said on Tuesday.',
    'Farmers downstream were told to expect reduced irrigation quotas until the inspection ends, which engineers expect to take at least six weeks.',
  ],
  'ledger-festival.txt': [
    'Lantern festival returns to the old town',
    'Thousands of paper lanterns will line the canals this weekend as the autumn festival returns after a two-year break, organisers of the event said.',
    'Street food stalls and a parade of boats are planned for Saturday night, and the tram company will run extra services until two in the morning.',
  ],
  'ledger-library.txt': [
    'City library extends opening hours',
    'The central library will open until nine on weekdays from next month, the culture office announced, after a survey found students had nowhere quiet to study.',
    'The extra hours will be paid for by closing two mobile library vans that served villages where a new bus line now runs to the city twice an hour.',
  ],
  'ledger-hospital.txt': [
    'New maternity ward opens at St Brigid hospital',
    'St Brigid hospital opened a maternity ward with twenty beds on Wednesday, ending the need for expectant mothers from the islands to travel to the mainland.',
    'The health board said it had recruited eleven midwives for the ward, most of them trained at the nursing college across the road.',
  ],
  'ledger-football.txt': [
    'Harbour Rovers promoted after late winner',
    'A header in the last minute from captain Owen Dace sent Harbour Rovers into the second division for the first time in their history on Saturday.',
    'Supporters invaded the pitch at the final whistle, and the club said the open-top bus parade would leave the stadium at noon on Sunday.',
  ],
};

test('a wire paragraph reprinted by four or more outlets is a shared passage, not boilerplate', () => {
  const corpus = corpusOf(OUTLETS);
  for (const uri of Object.keys(OUTLETS)) {
    const text = OUTLETS[uri];
    const wire = corpus
      .sharedPassages(uri, options)
      .filter((p) => text.slice(p.span.start, p.span.end) === STORY[0]);
    assert.equal(wire.length, 4, uri);
    for (const p of wire) {
      assert.equal(p.boilerplate, false, `${uri}: ${p.otherUri}`);
      assert.equal(p.fileCount, 5);
    }
  }
});

test('a site footer, bio and "also read" list on pages about different stories are boilerplate', () => {
  const site = Object.fromEntries(
    Object.entries(LEDGER_STORIES).map(([uri, body]) => [
      uri,
      article(body[0], ...body.slice(1), ...LEDGER_TEMPLATE),
    ]),
  );
  const corpus = corpusOf({ ...OUTLETS, ...site });
  for (const uri of Object.keys(site)) {
    const shared = corpus.sharedPassages(uri, options);
    assert.deepEqual(
      shared.map((p) => [site[uri].slice(p.span.start, p.span.end), p.boilerplate, p.fileCount]),
      LEDGER_TEMPLATE.map((block) => [block, true, 5]),
      uri,
    );
  }
});

test('on a site page that reprints the story, the template is boilerplate and the wire copy shared', () => {
  const site = Object.fromEntries(
    Object.entries(LEDGER_STORIES).map(([uri, body]) => [
      uri,
      article(body[0], ...body.slice(1), ...LEDGER_TEMPLATE),
    ]),
  );
  // The site's own story uses one wire paragraph among its reporting, as the ferry page of a sample does.
  const own = article(
    'Fishing crews caught up in the Port Calder dispute',
    'Trawler skippers landing their catch at Port Calder said the strike had closed the cold stores they rent beside the container berths.',
    STORY[0],
    'The harbour master said fishing boats could use the north quay until the dispute is settled.',
    ...LEDGER_TEMPLATE,
  );
  const corpus = corpusOf({ ...OUTLETS, ...site, 'ledger-fishing.txt': own });
  const shared = corpus.sharedPassages('ledger-fishing.txt', options);
  const wire = shared.filter((p) => own.slice(p.span.start, p.span.end) === STORY[0]);
  assert.ok(wire.length > 0 && wire.every((p) => !p.boilerplate && p.fileCount === 6), JSON.stringify(wire));
  const template = shared.filter((p) => p.boilerplate).map((p) => own.slice(p.span.start, p.span.end));
  assert.deepEqual(template, LEDGER_TEMPLATE);
});
