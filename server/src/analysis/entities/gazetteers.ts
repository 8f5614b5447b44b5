// Lookup tables of the entity recogniser: places and demonyms generated from packages (data/places.json),
// plus short generic word lists (titles, organisation and facility heads, regions, faiths) that no package
// keeps in a usable form. Nothing here names a particular article's people or organisations.
import places from '../data/places.json';
import type { NamedEntityType } from '../types';

export interface GazetteerEntry {
  type: NamedEntityType;
  canonical: string;
  /** Weak entries (city names) yield to document evidence such as a person of that name. */
  weak: boolean;
}

/** Lookup key of a phrase: words joined by one space, apostrophes and periods dropped ("Sana'a" = "Sanaa"). */
export function placeKey(phrase: string): string {
  // Most phrases need no rewriting; skip the regular expressions for them (this runs per word).
  if (!needsKeying(phrase)) return phrase;
  return phrase.replace(/['’.]/g, '').replace(/\s+/g, ' ');
}

/**
 * Whether `placeKey` rewrites a phrase: an apostrophe or period, two spaces running, or a space other than
 * " " (`/['’.]|\s\s|[^\S ]/`, tested by code as it runs per word).
 */
function needsKeying(phrase: string): boolean {
  let afterSpace = false;
  for (let i = 0; i < phrase.length; i++) {
    const c = phrase.charCodeAt(i);
    if (c === 39 || c === 46 || c === 0x2019) return true;
    const space = c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE_RE.test(phrase[i] as string));
    if (space && (c !== 32 || afterSpace)) return true;
    afterSpace = space;
  }
  return false;
}
const SPACE_RE = /\s/;

/** Short forms that news copy uses but the country package does not list as alternative spellings. */
const EXTRA_GPE: [string, string][] = [
  ['US', 'United States'],
  ['USA', 'United States'],
  ['America', 'United States'],
  ['UK', 'United Kingdom'],
  ['Britain', 'United Kingdom'],
  ['Great Britain', 'United Kingdom'],
  ['England', 'England'],
  ['Scotland', 'Scotland'],
  ['Wales', 'Wales'],
  ['UAE', 'United Arab Emirates'],
  ['ROK', 'South Korea'],
  ['DPRK', 'North Korea'],
  ['PRC', 'China'],
  ['Korea', 'Korea'],
  ['Holland', 'Netherlands'],
  ['Burma', 'Myanmar'],
  ['Turkey', 'Türkiye'],
  ['Czech Republic', 'Czechia'],
  ['Gaza', 'Gaza'],
  ['Gaza Strip', 'Gaza'],
  ['West Bank', 'West Bank'],
  ['Crimea', 'Crimea'],
  ['Donbas', 'Donbas'],
  ['Kyiv', 'Kyiv'],
  ['Odesa', 'Odesa'],
  ['Washington', 'Washington'],
  ['New York', 'New York'],
];

/** US states: a fixed list of fifty, not worth a package. */
const US_STATES =
  'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois ' +
  'Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi ' +
  'Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont ' +
  'Virginia Wisconsin Wyoming';
const US_STATES_2 = [
  'New Hampshire',
  'New Jersey',
  'New Mexico',
  'North Carolina',
  'North Dakota',
  'Rhode Island',
  'South Carolina',
  'South Dakota',
  'West Virginia',
];

/** Continents, seas and regions that are not polities (LOC). */
const REGIONS = [
  'Asia',
  'Europe',
  'Africa',
  'Oceania',
  'Antarctica',
  'Arctic',
  'North America',
  'South America',
  'Latin America',
  'Central America',
  'Middle East',
  'Near East',
  'Far East',
  'East Asia',
  'Northeast Asia',
  'Southeast Asia',
  'South Asia',
  'Central Asia',
  'West Asia',
  'Western Europe',
  'Eastern Europe',
  'Central Europe',
  'Northern Europe',
  'Southern Europe',
  'North Africa',
  'West Africa',
  'East Africa',
  'Southern Africa',
  'Sub-Saharan Africa',
  'Horn of Africa',
  'Sahel',
  'Sahara',
  'Balkans',
  'Caucasus',
  'Scandinavia',
  'Himalayas',
  'Pacific',
  'Atlantic',
  'Indian Ocean',
  'Pacific Ocean',
  'Atlantic Ocean',
  'Mediterranean',
  'Red Sea',
  'Black Sea',
  'Baltic',
  'Persian Gulf',
  'South China Sea',
  'East China Sea',
  'Indo-Pacific',
  'Asia-Pacific',
  'Americas',
  'Andes',
  'Alps',
  'Rockies',
  'Rocky Mountains',
  'Urals',
  'Pyrenees',
  'Carpathians',
  'Appalachians',
  'Amazonia',
  'Patagonia',
  'Siberia',
  'Gobi',
  'Kalahari',
  'Arabian Peninsula',
  'Arabian Sea',
  'Caribbean',
  'Caspian Sea',
  'North Sea',
  'Levant',
  'Maghreb',
  'Sundarbans',
  'Deccan',
  'Mekong',
  'Nile',
  'Ganges',
  'Danube',
  'Rhine',
  'Yangtze',
  'Great Lakes',
  'Great Plains',
  'Midwest',
  'Outback',
  'Tibetan Plateau',
  'Korean Peninsula',
  'Iberian Peninsula',
  'Anatolia',
  'Polynesia',
  'Micronesia',
  'Melanesia',
  'Aegean',
  'Aegean Sea',
  'Adriatic',
  'Adriatic Sea',
  'Ionian Sea',
  'Baltic Sea',
  'Arabian Gulf',
  'Gulf of Aden',
  'Gulf of Mexico',
  'Sea of Japan',
  'Yellow Sea',
  'Bering Sea',
  'Barents Sea',
  'English Channel',
  'Strait of Hormuz',
  'Bay of Bengal',
  'Bay of Biscay',
  'Bab el-Mandeb',
  'Lake Chad',
  'Niger River',
];

/** Groups that are not nationalities: faiths, regional and political groups (NORP). */
const GROUPS = [
  'Asian',
  'East Asian',
  'Southeast Asian',
  'South Asian',
  'European',
  'African',
  'Arab',
  'Latin American',
  'Buddhist',
  'Buddhism',
  'Christian',
  'Christianity',
  'Catholic',
  'Protestant',
  'Orthodox',
  'Muslim',
  'Islam',
  'Islamic',
  'Hindu',
  'Hinduism',
  'Sikh',
  'Jewish',
  'Jew',
  'Judaism',
  'Sunni',
  'Shia',
  'Shiite',
  'Kurd',
  'Kurdish',
  'Palestinian',
  'Democrat',
  'Republican',
  'Communist',
  'Socialist',
  'Korean',
  'Fulani',
  'Hausa',
  'Yoruba',
  'Igbo',
  'Tuareg',
  'Berber',
  'Amazigh',
  'Bedouin',
  'Druze',
  'Alawite',
  'Yazidi',
  'Pashtun',
  'Hazara',
  'Baloch',
  'Tajik',
  'Uyghur',
  'Rohingya',
  'Tamil',
  'Sinhalese',
  'Maasai',
  'Kikuyu',
  'Luo',
  'Zulu',
  'Xhosa',
  'Amhara',
  'Oromo',
  'Tigrayan',
  'Hutu',
  'Tutsi',
  'Roma',
];

function buildTable(): Map<string, GazetteerEntry> {
  const table = new Map<string, GazetteerEntry>();
  const put = (name: string, type: NamedEntityType, canonical: string, weak = false): void => {
    const key = placeKey(name);
    if (!table.has(key)) table.set(key, { type, canonical, weak });
  };
  for (const [alias, canonical] of places.gpe as [string, string][]) put(alias, 'GPE', canonical);
  for (const [alias, canonical] of EXTRA_GPE) put(alias, 'GPE', canonical);
  for (const s of [...US_STATES.split(' '), ...US_STATES_2]) put(s, 'GPE', s);
  for (const r of REGIONS) put(r, 'LOC', r);
  for (const [demonym] of places.norp as [string, string][]) {
    put(demonym, 'NORP', demonym);
    // Plural of a demonym names the people ("Iranians"); "-ese", "-ss" and "-sh" forms take no -s.
    if (!/(ese|ss|sh|ch|s)$/.test(demonym)) put(`${demonym}s`, 'NORP', demonym);
  }
  for (const g of GROUPS) {
    put(g, 'NORP', g);
    if (!/(ism|ity|ish|am|ic|s)$/.test(g)) put(`${g}s`, 'NORP', g);
  }
  for (const c of places.cities as string[]) put(c, 'GPE', c, true);
  // States and provinces, weak like cities: many also name people or teams ("Victoria", "Georgia").
  for (const s of places.states as string[]) put(s, 'GPE', s, true);
  return table;
}

export const GAZETTEER: ReadonlyMap<string, GazetteerEntry> = buildTable();
/** Longest gazetteer phrase in words, bounding the lookup window. */
export const GAZETTEER_MAX_WORDS = 5;

function words(s: string): Set<string> {
  return new Set(s.split(/\s+/).filter(Boolean));
}

/** Words that precede a person's name as a title or office; not part of the PERSON span. */
export const TITLES = words(`
  President Vice Prime Minister Premier Chancellor King Queen Prince Princess Emperor Empress Pope Sheikh
  Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Rev Rev. Father Sister Saint
  Gen Gen. General Lt Lt. Lieutenant Col Col. Colonel Maj Maj. Major Capt Capt. Captain Sgt Sgt. Sergeant
  Brig Brig. Brigadier Adm Adm. Admiral Cmdr Marshal Commander Chief Officer Governor Gov Gov. Mayor
  Senator Sen. Rep. Representative Congressman Congresswoman Ambassador Secretary Spokesman
  Spokeswoman Spokesperson Minister Director Chairman Chairwoman Chair CEO Judge Justice Attorney
  Commissioner High Deputy Foreign Defense Defence Finance Interior Justice Trade Health Education
  Leader Speaker Lawmaker MP PM Supreme Envoy Special Acting Former Ex Crown Head Coach Detective
  Inspector Superintendent Constable Army Navy Air Force Military Police Senior Junior Assistant Editor
  Reporter Correspondent Analyst Researcher Economist Mullah Ayatollah Imam Bishop Archbishop Cardinal
  Rector Dean Provost Chancellor
`);

/** Lower-case role nouns that introduce a name ("spokesperson Jeremy Laurence", "leader Xi Jinping"). */
export const ROLE_NOUNS = words(`
  president minister leader spokesperson spokesman spokeswoman official governor mayor chief director
  professor researcher analyst expert economist envoy ambassador secretary chairman chairwoman ceo founder
  commander general colonel lawmaker senator judge lawyer activist photographer journalist correspondent
  editor reporter author predecessor successor counterpart deputy head coach captain player singer actor
  premier chancellor king queen prince
`);

/** Lower-case nouns that introduce an organisation's name ("postal company Nova Poshta"). */
export const ORG_INTRODUCERS = words(`
  company firm group agency broadcaster operator provider newspaper outlet bank carrier airline maker
  manufacturer retailer startup conglomerate network channel daily publisher broadcaster giant insurer
  lender party organisation organization charity union
`);

/** Last words that make a proper-noun run an organisation. */
export const ORG_HEADS = words(`
  Ministry Party Agency University College Institute Institution Office Center Centre Club Council
  Committee Commission Bank Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC PLC Co Co. Company Group
  Association Foundation Society Organisation Organization Union Federation Alliance Front Movement
  Network Press News Times Post Today Daily Herald Mail Tribune Journal Gazette Telegraph Guardian
  Express Chronicle Observer Review Broadcasting Television Radio TV Court Parliament Assembly Congress
  Senate Department Bureau Service Services Authority Cooperation Fund Board League Army Navy Forces
  Command Police Guard Guards Academy School Laboratory Laboratories Labs Holdings Industries Motors
  Airlines Airways Group Studios Records Federation Cabinet Secretariat Administration Coalition Council
  Brigade Battalion Regiment Corps Ministry Trust Partners Capital Ventures Systems Technologies Energy
  Shipping Logistics Foods Pharma Pharmaceuticals Media Telecom Telecommunications Electronics Steel
  Chemicals Petroleum Mining Resources Insurance Investments Securities Enterprises Solutions Software
  Brewery Breweries Construction Engineering Automotive Aerospace Biotech Therapeutics Semiconductor
  Consulting Wire Courier Dispatch Bulletin Monitor Weekly Standard Programme Plc Limited Ltda Ltda.
  S.A. SA S.A.S. AG GmbH N.V. NV SpA S.p.A. Bhd Pty LLP Exchange Railway Railways Legislature Ledger
  Sentinel Register Examiner Inquirer Mirror Globe Clarion Beacon Cooperative Bancorp Authority
`);

/** First words of a news outlet's name ("Daily Coast", "Weekly Standard"), which wins over place heads. */
export const OUTLET_PREFIXES = words('Daily Weekly Evening Morning Sunday');

/** First words of a town's name ("Port Alder", "Fort Worth", "San Remo", "St. Ives"). */
export const GPE_PREFIXES = words('Port Fort San Santa Santo St St. Puerto Porto Sao São New');

/** First words of a natural feature's name ("Mount Kenya", "Lake Ohrid", "Cape Horn"). */
export const LOC_PREFIXES = words('Mount Mt Mt. Lake Cape');

/** First words of a natural feature named "X of Y" ("Bay of Bengal", "Gulf of Mexico", "Isle of Man"). */
export const LOC_OF_HEADS = words('Bay Gulf Sea Strait Straits Isle Lake Cape Mouth Valley');

/** Titles of national office: a place possessive before one names a country ("Ruritania's Foreign Minister"). */
export const STATE_TITLES = words(`
  President Prime Premier Chancellor King Queen Emperor Foreign Defense Defence Finance Interior Trade
  Health Economy Ambassador Vice
`);

/** Prepositions after which a lone capitalised word is read as a place ("flooding in Kestown"). */
export const PLACE_PREPOSITIONS = words('in near outside across around from');

/** Lower-case nouns of waters after which a one-word name is a natural feature ("the Tessa channel"). */
export const WATER_NOUNS = words('channel canal estuary creek lagoon stream');

/** Lower-case nouns after which a one-word name is a place ("Mongla port", "the Tessa district"). */
export const PLACE_NOUNS = words('port district districts town village city province municipality');

/** Verbs and nouns of travel after which "to X" names a destination ("flew to Lindval"). */
export const TRAVEL_WORDS = words(`
  travel traveled travelled travelling traveling flew fly flying returned return returning moved fled
  back trip trips visit visits route way headed heading sailed sail drove ferry flights flight
`);

/** First words that make "X of Y" an organisation ("University of Tokyo", "Bank of Japan"). */
export const ORG_PREFIXES = words(`
  University Institute Bank Ministry Department Office Council Committee Commission Board Academy College
  Association Federation Union Group Organisation Organization League Court House Church Order Society
  Friends Party School Center Centre Club Foreign Federal National Royal State People's
`);

/** Last words that make a run a facility. */
export const FAC_HEADS = words(`
  Temple Shrine Church Cathedral Mosque Synagogue Monastery Palace Castle Tower Towers Bridge Airport
  Station Stadium Arena Square Street St Avenue Ave Road Rd Boulevard Blvd Lane Drive Highway Expressway
  Motorway Tunnel Dam Canal Port Harbour Harbor Mine Plant Prison Jail Hall Memorial Monument Gate Wall
  Building Plaza Mall Park Hospital Base House Embassy Consulate Pier Terminal Reactor Dome Gardens
  Quay Wharf Refinery Complex Dock Docks Shipyard Depot Barracks Hotel Field
`);

/** Lower-case tails that turn a name into a facility ("Chosei coal mine"). Longest first. */
export const FAC_TAILS = [
  'nuclear power plant',
  'power plant',
  'nuclear plant',
  'power station',
  'coal mine',
  'gold mine',
  'mine',
  'airport',
  'air base',
  'naval base',
  'military base',
  'temple',
  'shrine',
  'dam',
  'bridge',
  'prison',
  'stadium',
].map((t) => t.split(' '));

/** Lower-case tails that turn a name into an event ("… nuclear disaster"). */
export const EVENT_TAILS = [
  'nuclear disaster',
  'disaster',
  'earthquake',
  'massacre',
  'bombing',
  'uprising',
  'riots',
].map((t) => t.split(' '));

/** Last words that make a run an event. */
export const EVENT_HEADS = words(`
  War Wars Games Olympics Olympiad Cup Championship Championships Festival Fest Mela Expo Revolution
  Uprising Massacre Summit Marathon Open Grand Prix Tournament Crisis Conference Forum Week Biennale
  Carnival Jubilee Election Elections Offensive Intifada Spring Trophy Puja
`);

/** First words that make a run an event ("Operation Sindoor"). */
export const EVENT_PREFIXES = words('Operation Battle Siege Copa Cyclone Hurricane Typhoon');

/** First words of an event name followed by "of" ("Summit of the Americas", "Battle of Britain"). */
export const EVENT_OF_HEADS = words('Summit Conference Festival Battle Siege Treaty Games');

/** First words of an organisation in Spanish, Portuguese, French or Italian ("Banco …", "Grupo …"). */
export const ORG_FIRST_WORDS = words(`
  Banco Grupo Compañía Companhia Empresa Corporación Instituto Universidad Universidade Université
  Ministerio Ministério Partido Fundación Fundação Agence Société Banque
`);

/** First words of a facility in Spanish, Portuguese, French or Italian ("Estadio …", "Palacio …"). */
export const FAC_FIRST_WORDS = words(`
  Estadio Estádio Aeropuerto Aeroporto Aéroport Palacio Palácio Palais Palazzo Hospital Hotel
`);

/** Capitalised suffixes that keep a place name a polity ("Nara Prefecture"). */
export const GPE_SUFFIXES = words(`
  Province Prefecture State County District Oblast Region Governorate Municipality City Territory
  Emirate Republic Kingdom Canton Department
`);

/** Suffixes that make a geographic feature (LOC), written capitalised or not ("Korean peninsula"). */
export const LOC_SUFFIXES = words(`
  Peninsula Strait Straits Sea Ocean River Mountains Mountain Mount Mt Valley Desert Island Islands Islets
  Islet Gulf Bay Lake Basin Plateau Coast Delta Canal Channel Archipelago Range Hills Plain Plains Forest
  peninsula strait straits sea ocean river mountains valley desert island islands islets islet gulf bay
  lake basin plateau coast delta archipelago
`);

/** Joining words allowed inside an organisation, facility or event name. */
export const CONNECTORS = words('of for on and the de du des la le al el von van der den bin ibn da di y &');

/** Words that stay out of names: capitalised at sentence start, in headings, or as interjections. */
export const NOT_NAMES = words(`
  The A An This That These Those It Its He She They We You I His Her Their Our My Your There Here
  But And Or If When While After Before As At By For From In Into Of On To With Without Under Over
  Also However Meanwhile Yet Still Then Now Today Tomorrow Yesterday Monday Tuesday Wednesday Thursday
  Friday Saturday Sunday January February March April May June July August September October November
  December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Photo Photos Video File Update Updated
  Read More Source Advertisement Advertisements Hello Welcome Please Click Share Subscribe Author
  Information Comments Related Similar Latest Breaking News Home Menu Search Login Sign Copyright
  Reported Translated According Asked Speaking During Despite Although Because Since Until Unless
  Some Many Most All Both Each Every Several Such No Not Yes Who What Where Why How Which Whose
  Mr Mrs Ms Dr Sir Madam PREV NEXT ALSO READ TT UGC GMT UTC AM PM TV DNA CEO GDP AI OK ID PDF FAQ
  FREE NEW SALE HOT LIVE EXCLUSIVE WATCH BREAKING UPDATE
  Stringer Staff Editor Editorial Opinion Analysis Explainer Live Watch Listen Pic Pics Image Images
`);

/** News agencies, wire services and international bodies, which copy names bare or in lower case. */
export const NEWS_AGENCIES: ReadonlyMap<string, GazetteerEntry> = new Map(
  [
    'AP',
    'AFP',
    'Reuters',
    'dpa',
    'DPA',
    'Xinhua',
    'Yonhap',
    'Kyodo',
    'UPI',
    'EFE',
    'ANSA',
    'TASS',
    'PTI',
    'IANS',
    'ANI',
    'Bloomberg',
    'IRNA',
    'Anadolu',
    'Bernama',
    'Interfax',
    'United Nations',
    'European Union',
    'NATO',
    'World Bank',
    'World Health Organization',
    'International Monetary Fund',
    'IMF',
    'WHO',
    'ASEAN',
    'OPEC',
    'UNICEF',
    'UNESCO',
    'UNHCR',
    'UNDP',
    'UNRWA',
    'World Food Programme',
    'WFP',
    'World Trade Organization',
    'WTO',
    'OECD',
    'G7',
    'G20',
    'African Union',
    'Arab League',
    'Mercosur',
    'Interpol',
    'Europol',
    'IAEA',
    'International Atomic Energy Agency',
    'International Criminal Court',
    'International Court of Justice',
    'Red Cross',
    'Red Crescent',
    'International Committee of the Red Cross',
    'ICRC',
    'Amnesty International',
    'Human Rights Watch',
    'Greenpeace',
    'Doctors Without Borders',
    'Médecins Sans Frontières',
    'MSF',
    'FIFA',
    'UEFA',
    'International Olympic Committee',
    'European Commission',
    'European Parliament',
    'European Central Bank',
    'Federal Reserve',
    'Asian Development Bank',
    'Security Council',
    'Associated Press',
    'Agence France-Presse',
    'Kyodo News',
    'ECOWAS',
    'SADC',
    'Al Jazeera',
    'Al Arabiya',
    'BBC',
    'CNN',
  ].map((n): [string, GazetteerEntry] => [n, { type: 'ORG', canonical: n, weak: false }]),
);

/** Words that end a run of capitalised words: days, months, pronouns and determiners. */
export const RUN_BREAKERS = words(`
  The A An This That These Those It He She They We You I His Her Their Our My Your But And Or If When
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
`);

/** Lower-case particles inside people's names ("Ursula von der Leyen", "Hamad bin Khalid", "Luiz da Silva"). */
export const NAME_PARTICLES = new Set(
  'von van der den de da di du dos das del della la le bin binti bint ibn al el ter ten zu'.split(' '),
);
