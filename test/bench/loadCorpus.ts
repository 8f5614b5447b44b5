// A load corpus that looks like a scraped news crawl, for the LSP load bench: wire stories reprinted by
// 50–500 sites with small edits (a changed word, a dropped or swapped paragraph, the site's own headline
// and dateline), site templates whose navigation, footer, author bios, newsletter and "ALSO READ" blocks
// recur in thousands of files, pages of several stories, captions printed twice, mostly 2–10 KB articles
// and a few 200 KB+ live pages. Every name, place, outlet and sentence is invented from word lists.
// Deterministic from a seed; files are written one at a time (never held together in memory) and the
// corpus is cached in os.tmpdir() by generator version, seed and size, so reruns reuse it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prng } from './corpusGenerator';

/** Bumped when the manifest's shape changes; the cache key also hashes this file's source. */
export const LOAD_CORPUS_VERSION = 1;

/** Changes whenever the generator's source does, so a corpus cached by an older generator is not reused. */
function generatorHash(): string {
  const hash = createHash('sha1');
  for (const f of [__filename, path.join(__dirname, 'corpusGenerator.ts')])
    if (existsSync(f)) hash.update(readFileSync(f));
  return hash.digest('hex').slice(0, 10);
}

export interface LoadCorpusManifest {
  version: number;
  seed: number;
  /** Articles asked for; also the number of files. */
  articles: number;
  dir: string;
  files: number;
  bytes: number;
  sites: number;
  groups: number;
  wireStories: number;
  reprints: number;
  fanOut: { min: number; max: number; mean: number };
  localStories: number;
  multiStoryPages: number;
  livePages: { count: number; minBytes: number; maxBytes: number };
  captionsTwice: number;
  /** Files by size: under 2 KB, 2–10 KB, 10–200 KB, 200 KB and more. */
  sizes: { under2KB: number; from2To10KB: number; from10To200KB: number; atLeast200KB: number };
  /** Bytes by kind of page: wire reprints, local stories, pages of several stories, live pages. */
  bytesByKind: { wire: number; local: number; multi: number; live: number };
  /** Files in which the most widespread template block (a group footer) appears. */
  widestBoilerplateFiles: number;
  /** The article the bench opens and edits: a full reprint of the most reprinted story. */
  target: { file: string; bytes: number; fanOut: number };
  /** Other reprints of the target's story (for related-list requests). */
  relatedFiles: string[];
  /** Workspace-symbol queries: names of the corpus, fragments and misses. */
  symbolQueries: string[];
  generateMs: number;
}

// ---------------------------------------------------------------------------------------------------
// Word lists (plain English vocabulary; names are built from syllables below)

const NOUNS = (
  'council budget plan report project agreement election vote court ruling policy tax rate price market ' +
  'company factory port harbour bridge road railway station school hospital clinic doctor nurse patient ' +
  'teacher student farmer worker union strike protest crowd police officer investigation case trial judge ' +
  'lawyer witness fire flood storm drought harvest crop water energy grid plant mine fuel shipment cargo ' +
  'contract deal loan debt deficit inflation wage pension rent tenant landlord district province region ' +
  'village town city border army soldier ceasefire delegation summit treaty minister ministry government ' +
  'parliament coalition party opposition campaign candidate voter ballot poll survey study researcher ' +
  'scientist figure season team match coach player league final goal stadium festival museum exhibition ' +
  'film concert book author visitor tourist flight airport airline passenger ticket route bus train ' +
  'traffic accident injury victim family resident neighbour community river lake coast island forest ' +
  'mountain valley weather temperature wind rain heat pollution waste programme service network phone ' +
  'system security breach attack bank lender investor fund bond currency tariff supplier retailer shop ' +
  'restaurant food bread milk fish rice coffee sugar medicine vaccine virus outbreak test result decision ' +
  'statement announcement interview speech meeting hearing session committee panel board spokesperson ' +
  'mayor governor president director executive manager chief volunteer charity donor library park ' +
  'housing estate tower ferry tunnel pipeline reservoir dam highway junction terminal warehouse depot ' +
  'licence permit fine penalty appeal inquiry audit review forecast estimate quarter profit loss revenue ' +
  'shareholder dividend merger takeover bid offer proposal motion bill law reform scheme subsidy grant'
).split(' ');
const VERBS: [string, string][] = (
  'approve:approved reject:rejected report:reported warn:warned confirm:confirmed deny:denied sign:signed ' +
  'open:opened close:closed raise:raised cut:cut launch:launched delay:delayed cancel:cancelled ' +
  'postpone:postponed increase:increased reduce:reduced reach:reached win:won lose:lost hold:held ' +
  'host:hosted visit:visited meet:met urge:urged promise:promised plan:planned propose:proposed ' +
  'block:blocked pass:passed appoint:appointed arrest:arrested charge:charged release:released ' +
  'rescue:rescued evacuate:evacuated damage:damaged build:built repair:repaired restore:restored ' +
  'expand:expanded complete:completed start:started end:ended suspend:suspended resume:resumed ' +
  'extend:extended introduce:introduced unveil:unveiled publish:published reveal:revealed find:found ' +
  'identify:identified criticise:criticised praise:praised welcome:welcomed defend:defended ' +
  'challenge:challenged question:questioned investigate:investigated review:reviewed estimate:estimated ' +
  'expect:expected record:recorded receive:received send:sent deliver:delivered buy:bought sell:sold ' +
  'pay:paid spend:spent invest:invested borrow:borrowed inspect:inspected fund:funded back:backed ' +
  'oppose:opposed support:supported discuss:discussed announce:announced consider:considered'
)
  .split(' ')
  .map((p) => p.split(':') as [string, string]);
const ADJECTIVES = (
  'new local national regional public private former senior small large major early late final first ' +
  'second last next annual weekly key main central northern southern eastern western coastal rural urban ' +
  'independent joint emergency temporary permanent rising falling higher lower strong weak heavy sharp ' +
  'steady record historic long short full partial official previous recent current future young old ' +
  'international foreign domestic industrial financial economic political military medical legal ' +
  'cultural digital green clean safe dangerous busy quiet popular controversial costly modest delayed ' +
  'planned proposed disputed unexpected'
).split(' ');
const WEEKDAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');
const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);
const TIME_PHRASES = [
  'last week',
  'earlier this month',
  'this year',
  'by the end of the year',
  'in the coming weeks',
  'for the first time',
  'since the spring',
  'over the weekend',
  'late last year',
  'within days',
];
const PREPOSITIONS = 'in at near after before during for with against despite under over across'.split(' ');
const ROLES = (
  'spokesperson minister director analyst economist official researcher chair lawyer mayor governor ' +
  'secretary adviser commissioner inspector treasurer organiser professor'
).split(' ');
const TOPICS = (
  'Finance Defence Health Energy Transport Agriculture Education Trade Justice Culture Fisheries Labour ' +
  'Water Mining Tourism Housing Environment Interior'
).split(' ');
const COMPANY_SUFFIXES =
  'Holdings Group Motors Energy Airways Pharmaceuticals Shipping Telecom Foods Steel'.split(' ');
const PAPER_WORDS =
  'Herald Gazette Courier Tribune Post Chronicle Observer Times Ledger Sentinel Record Star Echo'.split(' ');
const ONLINE_WORDS = 'Today Now Daily Live Online Report Wire Digest'.split(' ');
const SECTIONS =
  'News Politics Business Sport Culture Opinion Weather Local World Science Travel Food Video'.split(' ');
const BEATS = 'politics business courts health education transport environment sport culture science'.split(
  ' ',
);
const FIRST_NAMES = (
  'Anna Ben Clara Daniel Elena Felix Grace Hugo Ida Jonas Karin Leo Mira Noah Olga Paul Rosa Samuel Tara ' +
  'Victor Wanda Yara Adam Bianca Carl Dora Emil Frida Gustav Helena Ivan Julia Kurt Lena Marek Nina Oscar ' +
  'Petra Rafael Sonja Tomas Ulla Vera Walter Agnes Boris Celia Dmitri Edith Franz Greta Henrik Irene ' +
  'Jakob Klara Lukas Marta Nils Otto Pia Ruben Sara Theo Una Viktor Alma Bruno Cora David Eva Filip'
).split(' ');
const SYLLABLES = (
  'bar ka vel dor mis tal ren sor lin gar hol ves mar tem nol dra kes vir fel lor an bel cor den fas ' +
  'gol hen ist jor kal lum mon nev or pel quin ros sel tor ul var wen yor zel'
).split(' ');
const SURNAME_ENDINGS = 'son sen ova ez ini ard berg ley ton vic ski mann nez as er ado ula ek ot is'.split(
  ' ',
);
const TOWN_ENDINGS = [
  'ford',
  'haven',
  'burg',
  'mouth',
  'vale',
  'stad',
  'ovo',
  'ton',
  'by',
  'field',
  'port',
  'ia',
];
const COUNTRY_ENDINGS = ['ia', 'and', 'ora', 'esh', 'ary', 'ovia', 'ena', 'istan'];
const AGENCIES: [string, string][] = [
  ['Continental Press Service', 'CPS'],
  ['Meridian Wire', 'MW'],
  ['Northstar News Agency', 'NNA'],
  ['Allied Dispatch', 'AD'],
];

const capitalise = (w: string): string => w[0].toUpperCase() + w.slice(1);
const indefinite = (phrase: string): string => `${/^[aeiou]/.test(phrase) ? 'an' : 'a'} ${phrase}`;
const plural = (n: string): string =>
  /[^aeiou]y$/.test(n) ? `${n.slice(0, -1)}ies` : /(s|sh|ch|x)$/.test(n) ? `${n}es` : `${n}s`;

// ---------------------------------------------------------------------------------------------------
// Model

interface Person {
  first: string;
  last: string;
  role: string;
  org: string;
}
interface Story {
  id: number;
  headline: string;
  caption: string;
  town: string;
  country: string;
  paragraphs: string[];
  people: Person[];
  agency?: [string, string];
  fanOut: number;
}
interface Author {
  name: string;
  bio: string;
}
interface Site {
  slug: string;
  name: string;
  group: number;
  nav: string;
  header: string;
  newsletter: string;
  authors: Author[];
  evergreen: string[];
  /** Layout: navigation printed at the top, captions printed twice, ALSO READ inside the body. */
  navTop: boolean;
  captionTwice: number;
  alsoReadInBody: boolean;
  datelineStyle: number;
  headlineStyle: number;
  count: number;
}
interface Group {
  owner: string;
  footer: string;
  files: number;
}
type Job =
  | { kind: 'wire'; story: Story; site: Site; full?: boolean }
  | { kind: 'local'; site: Site }
  | { kind: 'multi'; site: Site }
  | { kind: 'live'; site: Site };

export interface LoadCorpusOptions {
  seed?: number;
  articles: number;
}

/** Sites, wire stories and the mix of pages for a corpus of `articles` files. */
function plan(articles: number): { sites: number; groups: number; wireShare: number; livePages: number } {
  const sites = Math.max(60, Math.min(1200, Math.round(articles / 12)));
  return {
    sites,
    groups: Math.max(6, Math.round(sites / 20)),
    wireShare: 0.42,
    livePages: Math.max(2, Math.round(articles / 2000)),
  };
}

/** Generates the corpus into `dir` (which must be empty or absent) and returns its manifest. */
export function generateLoadCorpus(dir: string, opts: LoadCorpusOptions): LoadCorpusManifest {
  const started = performance.now();
  const seed = opts.seed ?? 2026;
  const random = prng(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  /** Zipf-like pick from a list ordered by frequency. */
  const zipf = <T>(items: readonly T[], power = 2): T => items[Math.floor(items.length * random() ** power)];
  const chance = (p: number): boolean => random() < p;

  const syllables = (n: number): string => {
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    return w;
  };
  const uniqueNames = (count: number, make: () => string): string[] => {
    const seen = new Set<string>();
    for (let guard = 0; seen.size < count && guard < count * 20; guard++) seen.add(make());
    return [...seen];
  };
  const surnames = uniqueNames(4000, () => capitalise(syllables(1 + int(2)) + pick(SURNAME_ENDINGS)));
  const towns = uniqueNames(1500, () => {
    const base = capitalise(syllables(1 + int(2)));
    const r = random();
    if (r < 0.08) return `Port ${base}`;
    if (r < 0.13) return `Lake ${base}`;
    return base + pick(TOWN_ENDINGS);
  });
  const countries = uniqueNames(40, () => capitalise(syllables(2) + pick(COUNTRY_ENDINGS)));
  const surname = (): string => zipf(surnames, 1.6);
  const town = (): string => zipf(towns, 1.8);

  const organisation = (country: string, place: string): string => {
    const r = random();
    if (r < 0.2) return `${country} Ministry of ${pick(TOPICS)}`;
    if (r < 0.35) return `${place} City Council`;
    if (r < 0.45) return `Central Bank of ${country}`;
    if (r < 0.7) return `${surname()} ${pick(COMPANY_SUFFIXES)}`;
    if (r < 0.8) return `University of ${place}`;
    if (r < 0.9) return `National ${pick(TOPICS)} Agency`;
    return `${pick(TOPICS)} Workers Union`;
  };
  const person = (country: string, place: string): Person => ({
    first: pick(FIRST_NAMES),
    last: surname(),
    role: pick(ROLES),
    org: organisation(country, place),
  });

  // --- prose
  interface Cast {
    people: Person[];
    town: string;
    country: string;
    introduced: Set<Person>;
  }
  const newCast = (): Cast => {
    const country = zipf(countries, 1.5);
    const place = town();
    return {
      people: Array.from({ length: 2 + int(4) }, () => person(country, place)),
      town: place,
      country,
      introduced: new Set(),
    };
  };
  const noun = (): string => zipf(NOUNS);
  const nounPhrase = (): string => {
    const r = random();
    if (r < 0.35) return `the ${noun()}`;
    if (r < 0.55) return `the ${zipf(ADJECTIVES)} ${noun()}`;
    if (r < 0.7) return indefinite(`${zipf(ADJECTIVES)} ${noun()}`);
    if (r < 0.82) return `the ${noun()} of the ${noun()}`;
    if (r < 0.9) return `${2 + int(900)} ${plural(noun())}`;
    return `${plural(zipf(ADJECTIVES) + ' ' + noun())}`;
  };
  const amount = (): string => {
    const r = random();
    if (r < 0.4) return `${(1 + random() * 98).toFixed(1)} percent`;
    if (r < 0.7) return `$${(1 + random() * 900).toFixed(1)} million`;
    if (r < 0.85) return `${1 + int(40)},${String(int(1000)).padStart(3, '0')} ${plural(noun())}`;
    return `${2 + int(60)} ${plural(noun())}`;
  };
  const when = (): string => {
    const r = random();
    if (r < 0.4) return `on ${pick(WEEKDAYS)}`;
    if (r < 0.6) return `on ${pick(MONTHS)} ${1 + int(28)}`;
    if (r < 0.7) return `in ${2019 + int(7)}`;
    return pick(TIME_PHRASES);
  };
  const mention = (c: Cast, p: Person): string => {
    if (c.introduced.has(p)) return p.last;
    c.introduced.add(p);
    return `${p.first} ${p.last}`;
  };
  const clause = (c?: Cast): string => {
    const [base, past] = zipf(VERBS, 1.5);
    const subject = c && chance(0.25) ? c.people[int(c.people.length)].org : nounPhrase();
    let s = `${subject} ${past} ${nounPhrase()}`;
    if (chance(0.5)) s += ` ${pick(PREPOSITIONS)} ${c && chance(0.3) ? c.town : nounPhrase()}`;
    if (chance(0.4)) s += ` ${when()}`;
    if (chance(0.15)) s += `, and ${nounPhrase()} would ${base} ${nounPhrase()}`;
    return s;
  };
  const sentence = (c?: Cast): string => {
    const r = random();
    if (c && r < 0.18) {
      const p = pick(c.people);
      const introduced = c.introduced.has(p);
      const name = mention(c, p);
      const who = introduced ? name : `${name}, ${p.role} at the ${p.org}`;
      return chance(0.5)
        ? `“${capitalise(clause(c))},” said ${who}.`
        : `“${capitalise(clause(c))}. ${capitalise(clause(c))},” ${name} said.`;
    }
    if (c && r < 0.3) {
      const p = pick(c.people);
      const name = mention(c, p);
      const who = name.includes(' ') ? `${name}, the ${p.org} ${p.role},` : name;
      return `${who} said ${clause(c)} ${when()}.`;
    }
    if (r < 0.38)
      return `${capitalise(nounPhrase())} ${zipf(VERBS)[1]} ${amount()} ${when()}, according to ${c ? pick(c.people).org : `the ${noun()}`}.`;
    if (r < 0.46) return `${capitalise(when())}, ${clause(c)}.`;
    return `${capitalise(clause(c))}.`;
  };
  const paragraph = (c?: Cast): string => {
    const n = 1 + int(4);
    let p = '';
    for (let i = 0; i < n; i++) p += (i ? ' ' : '') + sentence(c);
    return p;
  };
  const body = (c: Cast, targetChars: number): string[] => {
    const out: string[] = [];
    let size = 0;
    while (size < targetChars) {
      const p = paragraph(c);
      out.push(p);
      size += p.length + 2;
    }
    return out;
  };
  const headlineFor = (c?: Cast): string => {
    const [base, past] = zipf(VERBS, 1.5);
    const r = random();
    const h =
      c && r < 0.4
        ? `${c.people[0].org} to ${base} ${nounPhrase()} in ${c.town}`
        : c && r < 0.6
          ? `${c.town} ${plural(noun())} ${past} as ${nounPhrase()} ${zipf(VERBS)[1]}`
          : `${nounPhrase()} ${past} ${nounPhrase()} ${when()}`;
    return capitalise(h);
  };
  const captionFor = (c: Cast, agency?: string): string => {
    const p = c.people[int(c.people.length)];
    return `${p.first} ${p.last} speaks to reporters in ${c.town} ${when()}. (Photo: ${pick(FIRST_NAMES)} ${surname()}/${agency ?? 'Staff'})`;
  };
  /** Article body size (characters): mostly 1–2 KB (pages of 2–3 KB with the site template), a tail to 6 KB. */
  const bodySize = (): number => 900 + Math.round(4000 * random() ** 12);

  // --- sites and groups
  const p = plan(opts.articles);
  const groups: Group[] = Array.from({ length: p.groups }, () => {
    const owner = chance(0.5) ? `${surname()} Media Group` : `${town()} Publishing`;
    return { owner, footer: '', files: 0 };
  });
  const usedSlugs = new Set<string>();
  const sites: Site[] = [];
  for (let i = 0; i < p.sites; i++) {
    let name = '';
    let slug = '';
    for (let guard = 0; !slug || usedSlugs.has(slug); guard++) {
      const place = towns[int(towns.length)];
      name = chance(0.65) ? `The ${place} ${pick(PAPER_WORDS)}` : `${place} ${pick(ONLINE_WORDS)}`;
      slug =
        name
          .toLowerCase()
          .replace(/^the /, '')
          .replace(/[^a-z]+/g, '-') + (guard > 5 ? `-${i}` : '');
    }
    usedSlugs.add(slug);
    const sections = ['Home', ...SECTIONS.filter(() => chance(0.6)).slice(0, 8), 'Subscribe', 'Sign in'];
    const authors = Array.from({ length: 3 + int(10) }, (): Author => {
      const full = `${pick(FIRST_NAMES)} ${surname()}`;
      const beat = pick(BEATS);
      return {
        name: full,
        bio: `${full} is a ${beat} reporter at ${name}, previously at the ${pick(towns)} ${pick(PAPER_WORDS)}. Send tips through the contact page.`,
      };
    });
    sites.push({
      slug,
      name,
      group: Math.floor(p.groups * random() ** 2.2),
      nav: sections.join(' | '),
      header: `${name} — ${pick(['independent', 'trusted', 'local', 'award-winning'])} news from ${pick(towns)} and beyond`,
      newsletter: `Sign up for the free ${name} ${pick(['morning', 'evening', 'weekly'])} newsletter.`,
      authors,
      evergreen: Array.from({ length: 40 }, () => headlineFor()),
      navTop: chance(0.7),
      captionTwice: chance(0.35) ? 0.85 : 0.08,
      alsoReadInBody: chance(0.5),
      datelineStyle: int(4),
      headlineStyle: int(4),
      count: 0,
    });
  }
  for (const g of groups) {
    const titles = sites.filter((s) => groups[s.group] === g).map((s) => s.name);
    g.footer =
      `© 2026 ${g.owner}. All rights reserved. Not to be republished without permission.\n` +
      `Privacy Policy | Terms | Cookie Settings | Contact Us\n` +
      `We use cookies to personalise content and to analyse our traffic.` +
      (titles.length > 1 ? ` ${g.owner} titles include ${titles.slice(0, 3).join(', ')}.` : '');
  }
  /** Sites by popularity: Zipf over the list. */
  const siteByPopularity = (): Site => sites[Math.floor(sites.length * random() ** 2.5)];

  // --- wire stories: fan-out 50–500 (at most the number of sites)
  const maxFanOut = Math.min(500, sites.length);
  const minFanOut = Math.min(50, maxFanOut);
  const reprintBudget = Math.round(opts.articles * p.wireShare);
  const stories: Story[] = [];
  let planned = 0;
  while (planned < reprintBudget) {
    const lead = stories.length === 0;
    const fanOut = lead
      ? maxFanOut
      : Math.min(reprintBudget - planned, minFanOut + Math.round((maxFanOut - minFanOut) * random() ** 3));
    if (fanOut < minFanOut) break; // the few reprints left over go to local stories
    const c = newCast();
    const agency = pick(AGENCIES);
    stories.push({
      id: stories.length,
      headline: headlineFor(c),
      caption: captionFor(c, agency[1]),
      town: c.town,
      country: c.country,
      paragraphs: body(c, lead ? 7000 : bodySize()),
      people: c.people,
      agency,
      fanOut,
    });
    planned += fanOut;
  }

  // --- the jobs, in a deterministic shuffled order
  const jobs: Job[] = [];
  for (const story of stories) {
    // k distinct sites by partial Fisher–Yates
    const order = sites.slice();
    for (let i = 0; i < story.fanOut; i++) {
      const j = i + int(order.length - i);
      [order[i], order[j]] = [order[j], order[i]];
      jobs.push({ kind: 'wire', story, site: order[i], full: story.id === 0 && i === 0 });
    }
  }
  const rest = opts.articles - jobs.length;
  const live = Math.min(p.livePages, rest);
  const multi = Math.round((rest - live) * 0.03);
  for (let i = 0; i < live; i++) jobs.push({ kind: 'live', site: siteByPopularity() });
  for (let i = 0; i < multi; i++) jobs.push({ kind: 'multi', site: siteByPopularity() });
  while (jobs.length < opts.articles) jobs.push({ kind: 'local', site: siteByPopularity() });
  for (let i = jobs.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
  }

  // --- page assembly
  const dateline = (site: Site, story: Story, date: string): string => {
    const tag = story.agency ? ` (${story.agency[1]})` : '';
    switch (site.datelineStyle) {
      case 0:
        return `${story.town.toUpperCase()}, ${story.country}${tag} —`;
      case 1:
        return `${story.town.toUpperCase()}${tag} —`;
      case 2:
        return `${story.town}, ${date}${tag}:`;
      default:
        return '';
    }
  };
  const siteHeadline = (site: Site, h: string): string => {
    switch (site.headlineStyle) {
      case 0:
        return h;
      case 1:
        return `${pick(['UPDATE', 'WATCH', 'LATEST', 'BREAKING'])}: ${h}`;
      case 2: {
        const words = h.split(' ');
        words[int(words.length)] = noun();
        return words.join(' ');
      }
      default:
        return `${h} | ${site.name}`;
    }
  };
  const alsoRead = (site: Site): string => {
    const window = Math.floor(site.count / 150);
    const lines = [0, 1, 2].map((j) => site.evergreen[(window * 3 + j) % site.evergreen.length]);
    return `ALSO READ:\n${lines.join('\n')}`;
  };
  const changeWord = (para: string): string => {
    const words = para.split(' ');
    const at = int(words.length);
    const w = words[at];
    if (/^[a-z]+$/.test(w)) words[at] = noun();
    return words.join(' ');
  };
  /** The site's copy of a wire story: headline, dateline, a changed word, a dropped or swapped paragraph. */
  const reprint = (site: Site, story: Story, full: boolean): string[] => {
    let paras = story.paragraphs.map((x) => (!full && chance(0.06) ? changeWord(x) : x));
    if (!full) {
      // Most sites run only the top of a long story.
      if (story.id === 0 && chance(0.8))
        paras = paras.slice(0, Math.ceil(paras.length * (0.2 + 0.4 * random())));
      if (chance(0.3) && paras.length > 4) paras.splice(2 + int(paras.length - 3), 1); // dropped
      if (chance(0.3) && paras.length > 5) paras = paras.slice(0, paras.length - 1 - int(3)); // cut short
      if (chance(0.15) && paras.length > 3) {
        const at = 1 + int(paras.length - 2);
        [paras[at], paras[at + 1]] = [paras[at + 1], paras[at]]; // reordered
      }
      if (chance(0.15)) paras.splice(1 + int(paras.length - 1), 0, paragraph()); // the site's own line
    }
    return paras;
  };

  mkdirSync(dir, { recursive: true });
  const made = new Set<string>();
  const stats = {
    bytes: 0,
    captionsTwice: 0,
    local: 0,
    multi: 0,
    live: [] as number[],
    byKind: { wire: 0, local: 0, multi: 0, live: 0 },
    sizes: { under2KB: 0, from2To10KB: 0, from10To200KB: 0, atLeast200KB: 0 },
  };
  const leadFiles: string[] = [];
  let target: LoadCorpusManifest['target'] | undefined;
  const start = Date.UTC(2026, 0, 1);

  for (let n = 0; n < jobs.length; n++) {
    const job = jobs[n];
    const site = job.site;
    site.count++;
    const group = groups[site.group];
    group.files++;
    const day = new Date(start + Math.floor((n / jobs.length) * 180) * 86_400_000);
    const date = `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, 2026`;
    const author = zipf(site.authors, 1.5);
    const parts: string[] = [];
    if (site.navTop) parts.push(site.nav);
    parts.push(site.header);
    let headline: string;
    let caption: string | undefined;
    let paras: string[];
    if (job.kind === 'wire') {
      headline = siteHeadline(site, job.story.headline);
      caption = job.story.caption;
      paras = reprint(site, job.story, job.full === true);
      const line = dateline(site, job.story, date);
      if (line) paras[0] = `${line} ${paras[0]}`;
      parts.push(headline);
      if (chance(0.8)) parts.push(caption);
      else caption = undefined;
      parts.push(`By ${author.name} and ${job.story.agency?.[0]} | ${date}`);
    } else if (job.kind === 'local') {
      const c = newCast();
      headline = headlineFor(c);
      caption = chance(0.6) ? captionFor(c) : undefined;
      paras = body(c, bodySize());
      parts.push(headline);
      if (caption) parts.push(caption);
      parts.push(`By ${author.name} | ${date}`);
      stats.local++;
    } else {
      // A page of several stories: a section front (2–4) or a live page (200 KB+).
      headline =
        job.kind === 'live'
          ? `LIVE: ${headlineFor()} — all the updates`
          : `Top stories from ${site.name} | ${date}`;
      parts.push(headline);
      paras = [];
      const goal = job.kind === 'live' ? 200_000 + int(100_000) : 0;
      const count = job.kind === 'multi' ? 2 + int(3) : Infinity;
      let size = 0;
      for (let k = 0; k < count && (job.kind === 'multi' || size < goal); k++) {
        const hour = `${String(23 - (k % 24)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}`;
        if (chance(0.5) && stories.length > 0) {
          const story = pick(stories);
          const excerpt = story.paragraphs.slice(0, 2 + int(3));
          paras.push(job.kind === 'live' ? `${hour} — ${story.headline}` : story.headline, ...excerpt);
          if (chance(0.3)) paras.push(story.caption);
        } else {
          const c = newCast();
          paras.push(
            job.kind === 'live' ? `${hour} — ${headlineFor(c)}` : headlineFor(c),
            ...body(c, 700 + int(2500)),
          );
        }
        if (job.kind === 'multi') paras.push(`Read more: ${pick(site.evergreen)}`);
        size = paras.reduce((s, x) => s + x.length + 2, 0);
      }
      if (job.kind === 'multi') stats.multi++;
    }
    if (site.alsoReadInBody && paras.length > 3) paras.splice(3, 0, alsoRead(site));
    parts.push(...paras);
    if (!site.alsoReadInBody) parts.push(alsoRead(site));
    if (caption && chance(site.captionTwice)) {
      parts.push(caption); // scraped pages print captions twice
      stats.captionsTwice++;
    }
    parts.push(site.newsletter, author.bio, group.footer);
    if (!site.navTop) parts.push(site.nav);
    const text = `${parts.join('\n\n')}\n`;

    const slug = headline
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48);
    const folder = path.join(dir, site.slug);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const file = path.join(folder, `${day.toISOString().slice(0, 10)}-${slug}-${n}.txt`);
    writeFileSync(file, text);
    const bytes = Buffer.byteLength(text);
    stats.bytes += bytes;
    stats.byKind[job.kind] += bytes;
    if (bytes < 2048) stats.sizes.under2KB++;
    else if (bytes < 10_240) stats.sizes.from2To10KB++;
    else if (bytes < 204_800) stats.sizes.from10To200KB++;
    else stats.sizes.atLeast200KB++;
    if (job.kind === 'live') stats.live.push(bytes);
    if (job.kind === 'wire' && job.story.id === 0) {
      if (job.full) target = { file, bytes, fanOut: job.story.fanOut };
      else leadFiles.push(file);
    }
  }
  if (!target) throw new Error('no target article was generated');

  const fanOuts = stories.map((s) => s.fanOut);
  const lead = stories[0];
  const symbolQueries = [
    ...new Set([
      ...lead.people.flatMap((x) => [x.last, `${x.first} ${x.last}`, x.org]),
      lead.town,
      lead.country,
      ...towns.slice(0, 10),
      ...surnames.slice(0, 10),
      'ministry',
      'council',
      'bank of',
      'university',
      'min',
      'por',
      'ka',
      'xq',
      'zzz',
    ]),
  ].slice(0, 50);
  return {
    version: LOAD_CORPUS_VERSION,
    seed,
    articles: opts.articles,
    dir,
    files: jobs.length,
    bytes: stats.bytes,
    sites: sites.length,
    groups: groups.length,
    wireStories: stories.length,
    reprints: fanOuts.reduce((s, x) => s + x, 0),
    fanOut: {
      min: Math.min(...fanOuts),
      max: Math.max(...fanOuts),
      mean: Math.round(fanOuts.reduce((s, x) => s + x, 0) / fanOuts.length),
    },
    localStories: stats.local,
    multiStoryPages: stats.multi,
    livePages: {
      count: stats.live.length,
      minBytes: Math.min(...stats.live),
      maxBytes: Math.max(...stats.live),
    },
    captionsTwice: stats.captionsTwice,
    bytesByKind: stats.byKind,
    sizes: stats.sizes,
    widestBoilerplateFiles: Math.max(...groups.map((g) => g.files)),
    target,
    relatedFiles: leadFiles.slice(0, 49),
    symbolQueries,
    generateMs: Math.round(performance.now() - started),
  };
}

const TRASH_PREFIX = 'trash-';

/**
 * Deletes the stale corpora that loadCorpus moved aside; with `background`, in a detached process, so the
 * bench does not spend its budget on it.
 */
export function emptyLoadCorpusTrash(background = false): void {
  const cache = path.join(os.tmpdir(), 'article-lens-load-corpus');
  if (!existsSync(cache)) return;
  const trash = readdirSync(cache)
    .filter((entry) => entry.startsWith(TRASH_PREFIX))
    .map((entry) => path.join(cache, entry));
  if (trash.length === 0) return;
  if (background) {
    const script = `for (const d of ${JSON.stringify(trash)}) require('fs').rmSync(d, { recursive: true, force: true })`;
    spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
  } else for (const d of trash) rmSync(d, { recursive: true, force: true });
}

/** The cached corpus for seed + size under os.tmpdir(), generated first when missing or stale. */
export function loadCorpus(opts: LoadCorpusOptions): { manifest: LoadCorpusManifest; cached: boolean } {
  const seed = opts.seed ?? 2026;
  const cache = path.join(os.tmpdir(), 'article-lens-load-corpus');
  const suffix = `-seed${seed}-${opts.articles}`;
  const root = path.join(cache, `v${LOAD_CORPUS_VERSION}-${generatorHash()}${suffix}`);
  const manifestFile = path.join(root, 'manifest.json');
  if (existsSync(manifestFile)) {
    try {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as LoadCorpusManifest;
      if (manifest.version === LOAD_CORPUS_VERSION && existsSync(manifest.target.file))
        return { manifest, cached: true };
    } catch {
      // regenerate below
    }
  }
  // Corpora of this seed and size made by older generators (or left half-written) are moved aside at once;
  // deleting 100,000 files takes minutes, so emptyLoadCorpusTrash() does it when the figures are taken.
  if (existsSync(cache))
    for (const old of readdirSync(cache))
      if (!old.startsWith(TRASH_PREFIX) && (old.endsWith(suffix) || old.includes(`${suffix}.partial-`)))
        renameSync(path.join(cache, old), path.join(cache, `${TRASH_PREFIX}${old}-${process.pid}`));
  const building = `${root}.partial-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const manifest = generateLoadCorpus(path.join(building, 'corpus'), { ...opts, seed });
  // Paths in the manifest point at the final folder.
  const fix = (f: string): string => f.replace(building, root);
  const final: LoadCorpusManifest = {
    ...manifest,
    dir: fix(manifest.dir),
    target: { ...manifest.target, file: fix(manifest.target.file) },
    relatedFiles: manifest.relatedFiles.map(fix),
  };
  writeFileSync(path.join(building, 'manifest.json'), JSON.stringify(final, null, 2));
  renameSync(building, root);
  return { manifest: final, cached: false };
}

// As a command: `node --import tsx test/bench/loadCorpus.ts ARTICLES [SEED]` prints the manifest (as JSON)
// of the cached corpus, generating it first when needed (the bench adds --keep-trash and empties it last).
if (require.main === module) {
  const articles = Number(process.argv[2]);
  const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  if (!Number.isInteger(articles) || articles < 1) {
    console.error('usage: loadCorpus.ts ARTICLES [SEED]');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(loadCorpus({ articles, seed }))}\n`);
  if (process.argv[4] !== '--keep-trash') emptyLoadCorpusTrash();
}
