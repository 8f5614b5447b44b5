// Deterministic generated news corpus for the benches: Zipf-like vocabulary, wire stories reprinted by
// several sites (some copies edited), site footers, captions printed twice, repeated headlines. With
// `names`, articles also carry a cast of real-looking people, organisations and places introduced in
// full and referred to by surname later, with attributed quotes, so entity recognition has work to do.
// loadCorpus.ts builds on it for the LSP load bench: a whole scraped crawl written to disk (sites and their
// templates, wire stories reprinted 50–500 times, live pages), cached in the temp folder per seed and size.

import { seededRandom } from '../../server/src/analysis/text/seededRandom';

/** The analysis's mulberry32 generator: the same corpus on every machine. */
export const prng = seededRandom;

export interface CorpusGeneratorOptions {
  seed?: number;
  wireStories?: number;
  sites?: number;
  /** Put people, organisations and places into the text. */
  names?: boolean;
}

export interface CorpusGenerator {
  /** An article of about `targetChars` UTF-16 code units. */
  article(targetChars: number): string;
  /** Replaces one word of the text (the k-th space-separated one, counted from a small offset). */
  oneWordEdit(text: string, k: number): string;
  /** A vocabulary word. */
  word(): string;
}

const SYLLABLES = 'ka ro mi te su na lo vi be da ze po ru gi fa ne tho ul ar en is om ve qu'.split(' ');
const FIRST_NAMES = (
  'James Maria Sanae Olena Ahmed Wei Fatima Carlos Ingrid Kofi Priya Lukas Aiko Mateo Nadia Tomasz ' +
  'Amara Henrik Leila Diego Sofia Yusuf Elena Kenji Grace Omar Hana Pavel Chloe Rahul Isabel Dmitri ' +
  'Zainab Felix Mei Andrzej Lucia Tariq Astrid Jonas Noor Viktor Camila Emeka Yuki Rosa Anders Layla ' +
  'Marco Ines Bilal Greta Hiroshi Amina Stefan Paula Ravi Olga Samuel Keiko'
).split(' ');
const SURNAMES = (
  'Takaichi Kowalski Okafor Lindqvist Haddad Moreau Nakamura Petrenko Castellano Brennan Osei Varga ' +
  'Novak Fischer Sato Mensah Duarte Kovacs Ibrahim Jensen Rossi Tanaka Schmidt Dubois Ahmadi Horvat ' +
  'Nilsson Costa Yamamoto Mwangi Fernandes Weber Suzuki Eriksen Romano Baptiste Kuznetsov Oyelaran ' +
  'Lambert Ferreira Watanabe Adeyemi Marchetti Holm Vasquez Kimura Okonkwo Lefebvre Bergstrom Ortega ' +
  'Hoffmann Kobayashi Nwosu Girard Sandberg Moretti Inoue Achterberg Delacroix Szabo Pereira Hartmann ' +
  'Matsumoto Eze Fontaine Lund Bianchi Ogawa Abubakar Renard Virtanen Salazar Krause Fujita Chukwu ' +
  'Rousseau Dahl Greco Hayashi Balogun Mercier Koskinen Navarro Vogel Shimizu Olawale Garnier Strand ' +
  'Conti Yoshida Afolabi Chevalier Laine Molina Zimmermann Ishikawa Uche Perrin Sorensen Galli Mori'
).split(' ');
const ORG_HEADS = 'Ministry Agency Bank Institute Council Commission University Foundation Authority'.split(
  ' ',
);
const ORG_TOPICS = (
  'Finance Defence Health Energy Transport Agriculture Education Trade Justice Culture Fisheries Labour ' +
  'Water Mining Tourism Housing'
).split(' ');
const COMPANY_SUFFIXES = 'Holdings Group Motors Energy Airlines Pharmaceuticals Shipping Telecom'.split(' ');
const PLACES = (
  'Tokyo Paris Lagos Nairobi Berlin Warsaw Kyiv Lisbon Oslo Manila Jakarta Lima Cairo Accra Madrid ' +
  'Osaka Hamburg Marseille Krakow Gothenburg Porto Naples Seoul Brussels Vienna Prague Helsinki Dublin'
).split(' ');
const ROLES = 'spokesperson minister director analyst economist official researcher chair lawyer'.split(' ');

interface Cast {
  people: { first: string; last: string }[];
  orgs: string[];
  place: string;
}

export function createCorpusGenerator(opts: CorpusGeneratorOptions = {}): CorpusGenerator {
  const random = prng(opts.seed ?? 5_2026);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];

  const vocabulary = ((): string[] => {
    const seen = new Set<string>([
      'the',
      'a',
      'of',
      'and',
      'to',
      'in',
      'said',
      'on',
      'for',
      'with',
      'was',
      'is',
    ]);
    while (seen.size < 30_000) {
      let w = '';
      for (let i = 1 + int(4); i > 0; i--) w += pick(SYLLABLES);
      seen.add(w);
    }
    return [...seen];
  })();
  /** Zipf-like pick: frequent function words, a long tail of rarer ones. */
  const word = (): string => vocabulary[Math.floor(vocabulary.length * random() ** 3)];

  const organisation = (): string =>
    random() < 0.5
      ? `${pick(ORG_HEADS)} of ${pick(ORG_TOPICS)}`
      : `${pick(SURNAMES)} ${pick(COMPANY_SUFFIXES)}`;
  const cast = (): Cast => ({
    people: Array.from({ length: 3 + int(3) }, () => ({ first: pick(FIRST_NAMES), last: pick(SURNAMES) })),
    orgs: [organisation(), organisation()],
    place: pick(PLACES),
  });

  /** Plain words, or with a cast: names introduced in full first, then by surname. */
  function sentence(who?: Cast, introduced?: Set<string>): string {
    const n = 8 + int(18);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(word());
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    if (who && introduced && random() < 0.6) {
      const p = pick(who.people);
      const full = `${p.first} ${p.last}`;
      const known = introduced.has(full);
      introduced.add(full);
      if (random() < 0.35) return `“${words.join(' ')},” said ${known ? p.last : full}.`;
      let name = known ? p.last : `${full}, ${pick(ROLES)} at the ${pick(who.orgs)},`;
      if (random() < 0.3) name = `${name} in ${who.place}`;
      words.splice(1 + int(n - 1), 0, name);
    }
    return `${words.join(' ')}${random() < 0.1 ? ', “' + word() + ' ' + word() + '”' : ''}.`;
  }
  function paragraph(who?: Cast, introduced?: Set<string>): string {
    const n = 2 + int(4);
    return Array.from({ length: n }, () => sentence(who, introduced)).join(' ');
  }
  /** A copy with a changed word now and then, as sites edit wire copy. */
  function editCopy(p: string): string {
    if (random() < 0.5) return p;
    const words = p.split(' ');
    words[int(words.length)] = word();
    return words.join(' ');
  }

  const wire = Array.from({ length: opts.wireStories ?? 1500 }, () => {
    if (!opts.names) return { cast: undefined, paragraphs: [paragraph(), paragraph()] };
    const c = cast();
    const introduced = new Set<string>();
    return { cast: c, paragraphs: [paragraph(c, introduced), paragraph(c, introduced)] };
  });
  const footers = Array.from({ length: opts.sites ?? 25 }, () => `${sentence()} ${sentence()}`);

  function article(targetChars: number): string {
    const parts: string[] = [];
    const headline = sentence().replace(/\.$/, '');
    const caption = `${sentence()} (Photo: ${word()})`;
    parts.push(headline, caption);
    if (random() < 0.3) parts.push(caption); // scraped pages print captions twice
    const story = random() < 0.6 ? pick(wire) : undefined;
    const who = opts.names ? (story?.cast ?? cast()) : undefined;
    const introduced = new Set<string>();
    let size = parts.join('\n\n').length;
    let placed = false;
    while (size < targetChars) {
      let p: string;
      if (story && !placed && random() < 0.3) {
        p = story.paragraphs.map(editCopy).join('\n\n');
        placed = true;
      } else p = paragraph(who, introduced);
      parts.push(p);
      size += p.length + 2;
    }
    if (random() < 0.1) parts.push(headline); // a repeated headline at the end
    parts.push(pick(footers));
    return parts.join('\n\n');
  }

  function oneWordEdit(text: string, k: number): string {
    const words = text.split(' ');
    const at = 5 + (k % (words.length - 10));
    words[at] = /[.,”)]$/.test(words[at]) ? `${word()}${words[at].slice(-1)}` : word();
    return words.join(' ');
  }

  return { article, oneWordEdit, word };
}

export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
