// The entity recogniser on articles shaped like real wire and news-site pages, written for these tests with
// invented people, companies, outlets and towns (real countries and cities only where gazetteers cover them):
// datelines, bylines, photo credits, outlets, company heads, place prefixes, shouted headings, sentence-initial
// common nouns, "X said" with unseen names and family-name-first names. Context must type what no list knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import { noEntityHints } from '../../server/src/analysis/types';

const NAMED = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT']);

/** [text, type, canonical] of every named mention in order, each checked against its exact range. */
function mentions(text: string): [string, string, string][] {
  return findEntities(text, noEntityHints)
    .filter((m) => NAMED.has(m.type))
    .map((m) => {
      assert.equal(text.slice(m.span.start, m.span.end), m.text);
      return [m.text, m.type, m.canonical];
    });
}

/** The exact range of the `nth` occurrence of `needle`. */
function rangeOf(text: string, needle: string, nth = 0): [number, number] {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  return [i, i + needle.length];
}

function ranges(text: string, type: string): [number, number][] {
  return findEntities(text, noEntityHints)
    .filter((m) => m.type === type)
    .map((m) => [m.span.start, m.span.end]);
}

const WIRE_BUSINESS = [
  'Dock strike halts exports as talks stall',
  'MARKETS WRAP — Business — Europe',
  '',
  'ROTTERDAM, Netherlands (Reuters) - Dockworkers at the port of Rotterdam walked out on Monday, halting container traffic for a second day, the union said.',
  '',
  'Analysts said the strike could cost exporters millions of euros. "Every day counts," said Pieter Vandermolen, a transport economist at the bank ING.',
  '',
  'Kessler Shipping said it had diverted two vessels to Antwerp. Chief executive Marta Kowalczyk told reporters the company would seek compensation. Kessler said its crews were safe.',
  '',
  'Workers gather outside a terminal on Monday. (Reuters Photo/Lena Hoffmann)',
  '',
  '(Reporting by Lena Hoffmann; Editing by Tom Baxter)',
].join('\n');

const BYLINE_DIPLOMACY = [
  'Japan and Philippines agree joint coast guard drills',
  'By Aiko Tanaka, Pacific Herald',
  '',
  'MANILA — Japanese Foreign Minister Tsuda Haruki and Filipino Foreign Secretary Ramon Dizon agreed on Tuesday to hold joint coast guard drills near Port Esperanza later this year.',
  '',
  'Tsuda said the drills would help both countries respond to disasters. Officials in Manila said the first exercise would take place in June.',
  '',
  'The two ministers also visited Harland Logistics, which runs the main cargo terminal in Port Esperanza.',
  '',
  'Tsuda Haruki, left, and Ramon Dizon in Manila on Tuesday. Photo: Aiko Tanaka/Pacific Herald',
].join('\n');

const LOCAL_WEATHER = [
  'FLOOD WATCH: RIVER LEVELS RISE',
  'The Morning Ledger | Local > Weather',
  '',
  'Residents near the river in Fort Calder were told to move to higher ground on Sunday.',
  '',
  '"We have sandbags at every door," Mayor Ruth Okonjo said. Okonjo said shelters had opened in Brackwell and at two churches.',
  '',
  'Forecasters said rain would continue over Lake Vernon through Tuesday, and crews from Santa Lucero arrived overnight.',
  '',
  'Volunteers fill sandbags in Fort Calder on Sunday. (Morning Ledger Photo/Dev Malhotra)',
  '',
  '© The Morning Ledger. All rights reserved.',
].join('\n');

const AGENCY_AID = [
  'Aid convoy reaches drought-hit north',
  '',
  'NAIROBI, Kenya (AP) — A convoy carrying food and water reached the towns of Lokitaung and Kalokol on Friday, the World Food Programme said.',
  '',
  '"People have walked for days to get here," said Grace Achieng, who coordinates the aid effort for the charity Northern Relief Partners. Achieng said more trucks would leave Nairobi next week.',
  '',
  'Association members and local leaders met the convoy near Lokitaung. Lopez Ekai, a village elder, said the rains had failed three times in a row.',
].join('\n');

test('wire story: shouted section heading, dateline with agency, sentence-initial plural, company and its bare first word, photo and reporting credits', () => {
  assert.deepEqual(mentions(WIRE_BUSINESS), [
    ['Europe', 'LOC', 'Europe'],
    ['ROTTERDAM', 'GPE', 'Rotterdam'],
    ['Netherlands', 'GPE', 'Netherlands'],
    ['Reuters', 'ORG', 'Reuters'],
    ['Rotterdam', 'GPE', 'Rotterdam'],
    ['Pieter Vandermolen', 'PERSON', 'Pieter Vandermolen'],
    ['ING', 'ORG', 'ING'],
    ['Kessler Shipping', 'ORG', 'Kessler Shipping'],
    ['Antwerp', 'GPE', 'Antwerp'],
    ['Marta Kowalczyk', 'PERSON', 'Marta Kowalczyk'],
    ['Kessler', 'ORG', 'Kessler Shipping'],
    ['Reuters', 'ORG', 'Reuters'],
    ['Lena Hoffmann', 'PERSON', 'Lena Hoffmann'],
    ['Lena Hoffmann', 'PERSON', 'Lena Hoffmann'],
    ['Tom Baxter', 'PERSON', 'Tom Baxter'],
  ]);
});

test('byline with outlet, all-caps dateline, two titled names in one run, family-name-first name and its surname, place prefix, company head word', () => {
  assert.deepEqual(mentions(BYLINE_DIPLOMACY), [
    ['Japan', 'GPE', 'Japan'],
    ['Philippines', 'GPE', 'Philippines'],
    ['Aiko Tanaka', 'PERSON', 'Aiko Tanaka'],
    ['Pacific Herald', 'ORG', 'Pacific Herald'],
    ['MANILA', 'GPE', 'Manila'],
    ['Japanese', 'NORP', 'Japanese'],
    ['Tsuda Haruki', 'PERSON', 'Tsuda Haruki'],
    ['Filipino', 'NORP', 'Filipino'],
    ['Ramon Dizon', 'PERSON', 'Ramon Dizon'],
    ['Port Esperanza', 'GPE', 'Port Esperanza'],
    ['Tsuda', 'PERSON', 'Tsuda Haruki'],
    ['Manila', 'GPE', 'Manila'],
    ['Harland Logistics', 'ORG', 'Harland Logistics'],
    ['Port Esperanza', 'GPE', 'Port Esperanza'],
    ['Tsuda Haruki', 'PERSON', 'Tsuda Haruki'],
    ['Ramon Dizon', 'PERSON', 'Ramon Dizon'],
    ['Manila', 'GPE', 'Manila'],
    ['Aiko Tanaka', 'PERSON', 'Aiko Tanaka'],
    ['Pacific Herald', 'ORG', 'Pacific Herald'],
  ]);
});

test('news-site page: all-caps headline, outlet boilerplate, place prefixes (Fort, Lake, Santa), town after a preposition, outlet photo credit', () => {
  assert.deepEqual(mentions(LOCAL_WEATHER), [
    ['Morning Ledger', 'ORG', 'Morning Ledger'],
    ['Fort Calder', 'GPE', 'Fort Calder'],
    ['Ruth Okonjo', 'PERSON', 'Ruth Okonjo'],
    ['Okonjo', 'PERSON', 'Ruth Okonjo'],
    ['Brackwell', 'GPE', 'Brackwell'],
    ['Lake Vernon', 'LOC', 'Lake Vernon'],
    ['Santa Lucero', 'GPE', 'Santa Lucero'],
    ['Fort Calder', 'GPE', 'Fort Calder'],
    ['Morning Ledger', 'ORG', 'Morning Ledger'],
    ['Dev Malhotra', 'PERSON', 'Dev Malhotra'],
    ['Morning Ledger', 'ORG', 'Morning Ledger'],
  ]);
});

test('agency dateline, towns joined by "and", programme and partners as organisations, unseen names in "X said", a lone head word', () => {
  assert.deepEqual(mentions(AGENCY_AID), [
    ['NAIROBI', 'GPE', 'Nairobi'],
    ['Kenya', 'GPE', 'Kenya'],
    ['AP', 'ORG', 'AP'],
    ['Lokitaung', 'GPE', 'Lokitaung'],
    ['Kalokol', 'GPE', 'Kalokol'],
    ['World Food Programme', 'ORG', 'World Food Programme'],
    ['Grace Achieng', 'PERSON', 'Grace Achieng'],
    ['Northern Relief Partners', 'ORG', 'Northern Relief Partners'],
    ['Achieng', 'PERSON', 'Grace Achieng'],
    ['Nairobi', 'GPE', 'Nairobi'],
    ['Lokitaung', 'GPE', 'Lokitaung'],
    ['Lopez Ekai', 'PERSON', 'Lopez Ekai'],
  ]);
});

test('exact ranges of context-typed names', () => {
  const t = WIRE_BUSINESS;
  assert.deepEqual(ranges(t, 'ORG').slice(0, 4), [
    rangeOf(t, 'Reuters'),
    rangeOf(t, 'ING'),
    rangeOf(t, 'Kessler Shipping'),
    rangeOf(t, 'Kessler', 1),
  ]);
  assert.deepEqual(ranges(LOCAL_WEATHER, 'GPE'), [
    rangeOf(LOCAL_WEATHER, 'Fort Calder'),
    rangeOf(LOCAL_WEATHER, 'Brackwell'),
    rangeOf(LOCAL_WEATHER, 'Santa Lucero'),
    rangeOf(LOCAL_WEATHER, 'Fort Calder', 1),
  ]);
});

test('nothing in a shouted heading or a sentence-initial plural is taken for a name', () => {
  const texts = [WIRE_BUSINESS, LOCAL_WEATHER, AGENCY_AID].map(mentions).flat();
  for (const word of [
    'MARKETS',
    'WRAP',
    'FLOOD',
    'WATCH',
    'RIVER',
    'LEVELS',
    'RISE',
    'Analysts',
    'Residents',
    'Forecasters',
    'Association',
  ])
    assert.ok(!texts.some(([text]) => text === word), word);
});

test('a dateline town unknown to the gazetteers is a place there and wherever it stands alone', () => {
  const text =
    'VELMORA, Ruritania (Coastline News) — Fishing crews in Velmora stayed in port on Monday as the storm passed.\n\nVelmora said it would reopen the harbor.';
  assert.deepEqual(mentions(text), [
    ['VELMORA', 'GPE', 'Velmora'],
    ['Ruritania', 'GPE', 'Ruritania'],
    ['Coastline News', 'ORG', 'Coastline News'],
    ['Velmora', 'GPE', 'Velmora'],
    ['Velmora', 'GPE', 'Velmora'],
  ]);
});

test('names with extended Latin letters stay whole words; states, provinces, teams and foreign-language heads are typed', () => {
  const text = [
    'On Monday the foreign minister of Turkey, Selin Karaosmanoğlu, met with Dragana Milošević in the city of Łódź after a long delay.',
    'Karaosmanoğlu said that flooding in Saskatchewan and in West Bengal had slowed exports this year.',
    'The San Diego Padres beat the Arizona Diamondbacks at Estadio Monumental, and a loan from Banco Atlântico Digital paid for it.',
    'Ships waited in the Bay of Bengal as Cyclone Tamsin neared, a week before the Summit of the Americas was due to open.',
    'Investors in Eko Re Group Plc and Abahani Limited cheered after the National Stock Exchange said it would open early.',
  ].join('\n');
  assert.deepEqual(mentions(text), [
    ['Turkey', 'GPE', 'Türkiye'],
    ['Selin Karaosmanoğlu', 'PERSON', 'Selin Karaosmanoğlu'],
    ['Dragana Milošević', 'PERSON', 'Dragana Milošević'],
    ['Łódź', 'GPE', 'Łódź'],
    ['Karaosmanoğlu', 'PERSON', 'Selin Karaosmanoğlu'],
    ['Saskatchewan', 'GPE', 'Saskatchewan'],
    ['West Bengal', 'GPE', 'West Bengal'],
    ['San Diego Padres', 'ORG', 'San Diego Padres'],
    ['Arizona Diamondbacks', 'ORG', 'Arizona Diamondbacks'],
    ['Estadio Monumental', 'FAC', 'Estadio Monumental'],
    ['Banco Atlântico Digital', 'ORG', 'Banco Atlântico Digital'],
    ['Bay of Bengal', 'LOC', 'Bay of Bengal'],
    ['Cyclone Tamsin', 'EVENT', 'Cyclone Tamsin'],
    ['Summit of the Americas', 'EVENT', 'Summit of the Americas'],
    ['Eko Re Group Plc', 'ORG', 'Eko Re Group Plc'],
    ['Abahani Limited', 'ORG', 'Abahani Limited'],
    ['National Stock Exchange', 'ORG', 'National Stock Exchange'],
  ]);
});

test('names with particles are whole; an office portfolio between title and name is not part of it', () => {
  const text = [
    'The plan was backed by European Commissioner for Energy Katharina von der Heyden on Tuesday.',
    'Qatar’s Minister of State for Energy Affairs, Sheikh Hamad bin Khalid Al-Muraikhi, spoke after the talks.',
    'Dutch activist Maarten van Oosterwijk walked out, while Rio de Janeiro and Charles de Gaulle Airport were closed.',
  ].join('\n');
  assert.deepEqual(mentions(text), [
    ['European', 'NORP', 'European'],
    ['Katharina von der Heyden', 'PERSON', 'Katharina von der Heyden'],
    ['Qatar', 'GPE', 'Qatar'],
    ['Hamad bin Khalid Al-Muraikhi', 'PERSON', 'Hamad bin Khalid Al-Muraikhi'],
    ['Dutch', 'NORP', 'Dutch'],
    ['Maarten van Oosterwijk', 'PERSON', 'Maarten van Oosterwijk'],
    ['Rio de Janeiro', 'GPE', 'Rio de Janeiro'],
    ['Charles de Gaulle Airport', 'FAC', 'Charles de Gaulle Airport'],
  ]);
});

test('short forms: a company without its ending, a team by its nickname, two family names without the given names', () => {
  const text = [
    'Shares of the insurer Eko Re Group Plc fell on Monday, and Eko Re said claims would rise.',
    'The San Diego Padres won again, and the Padres now lead the division.',
    'Chilean Mining Minister José Luis Peña Ortiz spoke first. Later Peña Ortíz told reporters the talks had ended.',
  ].join('\n');
  assert.deepEqual(mentions(text), [
    ['Eko Re Group Plc', 'ORG', 'Eko Re Group Plc'],
    ['Eko Re', 'ORG', 'Eko Re Group Plc'],
    ['San Diego Padres', 'ORG', 'San Diego Padres'],
    ['Padres', 'ORG', 'San Diego Padres'],
    ['Chilean', 'NORP', 'Chilean'],
    ['José Luis Peña Ortiz', 'PERSON', 'José Luis Peña Ortiz'],
    ['Peña Ortíz', 'PERSON', 'José Luis Peña Ortiz'],
  ]);
});

test('a title before a name with particles is no organisation; "al-" and "el-" names, marked spellings of places', () => {
  const text =
    'The plan, said EU Energy Commissioner Katharina von der Heyden on Monday, works. Sheikh Hamad bin Khalid ' +
    'al-Muraikhi agreed, and the ship left İstanbul for the Aegean. Egyptian President Abdel Fattah el-Sisi spoke.';
  assert.deepEqual(mentions(text), [
    ['EU', 'ORG', 'EU'],
    ['Katharina von der Heyden', 'PERSON', 'Katharina von der Heyden'],
    ['Hamad bin Khalid al-Muraikhi', 'PERSON', 'Hamad bin Khalid al-Muraikhi'],
    ['İstanbul', 'GPE', 'Istanbul'],
    ['Aegean', 'LOC', 'Aegean'],
    ['Egyptian', 'NORP', 'Egyptian'],
    ['Abdel Fattah el-Sisi', 'PERSON', 'Abdel Fattah el-Sisi'],
  ]);
});

test('a storm named once in full is the same event when its name stands alone; international bodies by name', () => {
  const text =
    'Cyclone Tamsin hit the coast on Monday. Tamsin killed 12 people, UNICEF said, and Greenpeace agreed.';
  assert.deepEqual(mentions(text), [
    ['Cyclone Tamsin', 'EVENT', 'Cyclone Tamsin'],
    ['Tamsin', 'EVENT', 'Cyclone Tamsin'],
    ['UNICEF', 'ORG', 'UNICEF'],
    ['Greenpeace', 'ORG', 'Greenpeace'],
  ]);
});

test('an outlet and an agency joined by "and" are two; a two-word state ending in -s is no team', () => {
  const text =
    'Miners in the Jequitinhonha Valley of Minas Gerais were hopeful, the Tucson Sentinel and Bloomberg reported.';
  assert.deepEqual(mentions(text), [
    ['Jequitinhonha Valley', 'LOC', 'Jequitinhonha Valley'],
    ['Minas Gerais', 'GPE', 'Minas Gerais'],
    ['Tucson Sentinel', 'ORG', 'Tucson Sentinel'],
    ['Bloomberg', 'ORG', 'Bloomberg'],
  ]);
});

test('a word set off before a country is a place there, and stays one alone', () => {
  const text =
    'A cargo ship waits off Chattogram, Bangladesh, after the storm. By Friday Chattogram had reopened.';
  assert.deepEqual(mentions(text), [
    ['Chattogram', 'GPE', 'Chattogram'],
    ['Bangladesh', 'GPE', 'Bangladesh'],
    ['Chattogram', 'GPE', 'Chattogram'],
  ]);
});

test('a byline with two authors; "Sen" inside a name is no title; a company named with and without its suffix', () => {
  const text = [
    'By Nafisa Tasnim and Rohan Deshpande',
    '',
    'West Bengal disaster management minister Moushumi Sen Sarkar said the shelters held.',
    'Eko Re Group Plc and Eko Re Group agreed; Eko Re said so.',
  ].join('\n');
  assert.deepEqual(mentions(text), [
    ['Nafisa Tasnim', 'PERSON', 'Nafisa Tasnim'],
    ['Rohan Deshpande', 'PERSON', 'Rohan Deshpande'],
    ['West Bengal', 'GPE', 'West Bengal'],
    ['Moushumi Sen Sarkar', 'PERSON', 'Moushumi Sen Sarkar'],
    ['Eko Re Group Plc', 'ORG', 'Eko Re Group Plc'],
    ['Eko Re Group', 'ORG', 'Eko Re Group'],
    ['Eko Re', 'ORG', 'Eko Re Group Plc'],
  ]);
});

test('a company named once in full is the same company by its first word, wherever it stands', () => {
  const text =
    'Halcyon Semiconductor Inc. was hit hardest. Halcyon buys most of its lithium abroad, analysts said.';
  assert.deepEqual(mentions(text), [
    ['Halcyon Semiconductor Inc.', 'ORG', 'Halcyon Semiconductor Inc.'],
    ['Halcyon', 'ORG', 'Halcyon Semiconductor Inc.'],
  ]);
});

test('an acronym defined in brackets names the same organisation wherever it stands', () => {
  const text =
    'Chile complained to the World Trade Organization (WTO) on Monday. Later the WTO said it would rule by June.';
  const orgs = findEntities(text, noEntityHints).filter((m) => m.type === 'ORG');
  assert.deepEqual(
    orgs.map((m) => [m.text, m.canonical]),
    [
      ['World Trade Organization', 'World Trade Organization'],
      ['WTO', 'World Trade Organization'],
      ['WTO', 'World Trade Organization'],
    ],
  );
});

test('brands written with an inner capital are organisations; ethnic groups; a given name that is also a town', () => {
  const text =
    'Kano-based AfriWire said Fulani herders and Tuareg leaders met. The plan, said Ron Smith and Mary Jones, works.';
  assert.deepEqual(mentions(text), [
    ['Kano', 'GPE', 'Kano'],
    ['AfriWire', 'ORG', 'AfriWire'],
    ['Fulani', 'NORP', 'Fulani'],
    ['Tuareg', 'NORP', 'Tuareg'],
    ['Ron Smith', 'PERSON', 'Ron Smith'],
  ]);
});

test('a company ending in a plural sector word lends no nickname; a team does', () => {
  const text =
    'Kenya Airways cut flights and its Airways lounge closed. The San Diego Padres won; the Padres lead.';
  assert.deepEqual(mentions(text), [
    ['Kenya Airways', 'ORG', 'Kenya Airways'],
    ['San Diego Padres', 'ORG', 'San Diego Padres'],
    ['Padres', 'ORG', 'San Diego Padres'],
  ]);
});
