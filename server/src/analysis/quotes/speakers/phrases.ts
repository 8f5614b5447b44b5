// Noun phrases next to a reporting verb: the name, pronoun or description that says who spoke, read
// leftwards from the verb ("the UN human rights chief said") or rightwards after it ("said Mayor Brandt").
import {
  CAPITAL_STOPWORDS,
  CONNECTORS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  INDEFINITE,
  isOccupation,
  ORG_NOUNS,
  PARTICIPLES,
  PRONOUNS,
  RELATIVES,
  ROLE_NOUNS,
  SKIPPED_BEFORE_VERB,
  TITLES,
  VERBS,
} from './lexicon';
import { gapOf, plainGap, type Tok } from './tokens';

/** Capitalised, or a name opening with a lowercase particle ("al-Tijani", "el-Sayed"). */
export const isCap = (t: Tok): boolean =>
  (/^\p{Lu}/u.test(t.text) || /^(?:al|el|ad|ar|as|ash|at|az|ad|ibn|bin|ben)-\p{Lu}/u.test(t.text)) &&
  !CAPITAL_STOPWORDS.has(t.lower);
export const isNameish = (t: Tok): boolean =>
  isCap(t) ||
  TITLES.has(t.lower) ||
  ROLE_NOUNS.has(t.lower) ||
  ORG_NOUNS.has(t.lower) ||
  DOCUMENT_NOUNS.has(t.lower);
/** Lowercase head of an organisation or a document speaking for one ("the ministry", "the report"). */
const isOrgHead = (t: Tok): boolean =>
  t.text === t.lower && (ORG_NOUNS.has(t.lower) || DOCUMENT_NOUNS.has(t.lower));

export interface NounPhrase {
  toks: Tok[];
  pronoun: boolean;
  /** Headed by a role ("the UN human rights chief") with no name after it. */
  descriptor: boolean;
  /** Headed by a lowercase organisation or document noun ("the Union home ministry", "the report"). */
  org?: boolean;
  /** The determiner before the phrase, if any ("the", "a", "one"). */
  det?: string;
  /** Read from a sentence's subject rather than next to a reporting verb: only a known name counts. */
  weak?: boolean;
}

/** The noun phrase ending at `toks[j]`, read leftwards. */
export function phraseLeft(text: string, toks: Tok[], j: number): NounPhrase | null {
  const last = toks[j];
  if (!last) return null;
  if (PRONOUNS.has(last.lower)) return { toks: [last], pronoun: true, descriptor: false };
  if (!isNameish(last)) return null;
  let i = j;
  while (i > 0 && j - i < 9) {
    const prev = toks[i - 1];
    if (!plainGap(gapOf(text, prev, toks[i]))) break;
    if (isNameish(prev)) i--;
    else if (
      CONNECTORS.has(prev.lower) &&
      !DETERMINERS.has(prev.lower) &&
      i - 2 >= 0 &&
      isCap(toks[i - 2]) &&
      isCap(toks[i])
    )
      i--;
    else break;
  }
  let phrase = toks.slice(i, j + 1);
  const descriptor = ROLE_NOUNS.has(last.lower) && last.text === last.lower;
  const org = isOrgHead(last);
  let det: string | undefined;
  if (descriptor || org) {
    // Extend over the words describing the role, up to a determiner: "the UN human rights chief".
    let k = i;
    while (k > 0 && j - k < 7) {
      const prev = toks[k - 1];
      if (!plainGap(gapOf(text, prev, toks[k])) || VERBS.has(prev.lower)) break;
      if (DETERMINERS.has(prev.lower) || INDEFINITE.has(prev.lower)) {
        det = prev.lower;
        break;
      }
      k--;
    }
    phrase = toks.slice(k, j + 1);
  }
  while (phrase.length > 1 && (CONNECTORS.has(phrase[0].lower) || DETERMINERS.has(phrase[0].lower)))
    phrase.shift();
  return { toks: phrase, pronoun: false, descriptor, org, det };
}

/** The noun phrase starting at `toks[j]`, read rightwards. */
export function phraseRight(text: string, toks: Tok[], j: number): NounPhrase | null {
  let i = j;
  let det: string | undefined;
  while (toks[i] && (DETERMINERS.has(toks[i].lower) || (INDEFINITE.has(toks[i].lower) && i === j))) {
    det = toks[i].lower;
    i++;
  }
  const first = toks[i];
  if (!first) return null;
  if (PRONOUNS.has(first.lower)) return { toks: [first], pronoun: true, descriptor: false };
  if (!isNameish(first)) {
    // A described speaker: "the regional health agency", "a senior defence official"; a description
    // before a name speaks as the name ("said retired steelworker Jim Doe").
    for (let h = i; h < toks.length && h - i < 6; h++) {
      if (h > i && !plainGap(gapOf(text, toks[h - 1], toks[h]))) return null;
      if (isCap(toks[h]) && h > i) {
        const named = phraseRight(text, toks, h);
        return named && !named.pronoun ? named : null;
      }
      const next = toks[h + 1];
      // The head is the last noun of the run: "team captain Ola Berg" reads on to the name.
      const head = !next || !plainGap(gapOf(text, toks[h], next)) || !isNameish(next);
      if ((ROLE_NOUNS.has(toks[h].lower) || isOrgHead(toks[h])) && head) {
        const role = ROLE_NOUNS.has(toks[h].lower);
        return { toks: toks.slice(i, h + 1), pronoun: false, descriptor: role, org: !role, det };
      }
      if (VERBS.has(toks[h].lower) || CAPITAL_STOPWORDS.has(toks[h].lower)) return null;
    }
    return null;
  }
  let k = i;
  while (k + 1 < toks.length && k - i < 9) {
    const next = toks[k + 1];
    if (!plainGap(gapOf(text, toks[k], next))) break;
    if (isNameish(next)) k++;
    else if (CONNECTORS.has(next.lower) && !DETERMINERS.has(next.lower) && toks[k + 2] && isCap(toks[k + 2]))
      k++;
    else break;
  }
  const phrase = toks.slice(i, k + 1);
  while (phrase.length > 1 && CONNECTORS.has(phrase[phrase.length - 1].lower)) phrase.pop();
  const last = phrase[phrase.length - 1];
  const descriptor = ROLE_NOUNS.has(last.lower) && last.text === last.lower;
  return { toks: phrase, pronoun: false, descriptor, org: !descriptor && isOrgHead(last), det };
}

/** The subject of the sentence starting at `toks[0]`, for coordinated verbs ("Lee arrived and said"). */
export function sentenceSubject(text: string, toks: Tok[]): NounPhrase | null {
  let i = 0;
  while (
    toks[i] &&
    (DETERMINERS.has(toks[i].lower) || (CAPITAL_STOPWORDS.has(toks[i].lower) && !PRONOUNS.has(toks[i].lower)))
  )
    i++;
  return phraseRight(text, toks, i);
}

/** The speaker phrase for a reporting verb at `toks[v]`, read from the words before it. */
export function subjectBeforeVerb(text: string, toks: Tok[], v: number): NounPhrase | null {
  let j = v - 1;
  while (j >= 0 && SKIPPED_BEFORE_VERB.has(toks[j].lower) && plainGap(gapOf(text, toks[j], toks[j + 1]))) j--;
  if (j < 0) return null;
  const w = toks[j];
  const gap = gapOf(text, w, toks[j + 1]);
  if (PARTICIPLES.has(toks[v].lower)) return sentenceSubject(text, toks);
  if (w.lower === 'and' || w.lower === 'but') return sentenceSubject(text, toks);
  if (RELATIVES.has(w.lower)) {
    if (j > 0 && /,/.test(gapOf(text, toks[j - 1], w))) return phraseLeft(text, toks, j - 1);
    return j > 0 ? phraseLeft(text, toks, j - 1) : null;
  }
  if (/,/.test(gap)) {
    // An aside between the speaker and the verb: "Woo, head of the office, told reporters".
    // A role before a name in apposition speaks as the name: "Danforth's deputy, Theresa Okafor, said".
    for (let k = j - 1; k >= 0 && j - k < 32; k--) {
      if (/,/.test(gapOf(text, toks[k], toks[k + 1]))) {
        // Past sixteen words only a relative clause is an aside ("Lund, who lives on … city, said").
        if (j - k >= 16 && !RELATIVES.has(toks[k + 1].lower)) break;
        const np = phraseLeft(text, toks, k);
        const aside = phraseLeft(text, toks, j);
        const roleFirst = np && isRoleWord(np.toks[np.toks.length - 1]);
        if (roleFirst && aside && !aside.pronoun && !isRoleWord(aside.toks[aside.toks.length - 1]))
          return aside;
        if (np) return np;
        break;
      }
    }
    return phraseLeft(text, toks, j);
  }
  return phraseLeft(text, toks, j) ?? epithetLeft(text, toks, j);
}

const isRoleWord = (t: Tok): boolean => TITLES.has(t.lower) || ROLE_NOUNS.has(t.lower);

/** "the cardiologist wrote": a definite occupation noun right before the verb is a role. */
function epithetLeft(text: string, toks: Tok[], j: number): NounPhrase | null {
  const head = toks[j];
  if (!head || head.text !== head.lower || !isOccupation(head.lower)) return null;
  for (let k = j - 1; k >= 0 && j - k <= 3; k--) {
    if (!plainGap(gapOf(text, toks[k], toks[k + 1]))) return null;
    if (toks[k].lower === 'the')
      return { toks: toks.slice(k + 1, j + 1), pronoun: false, descriptor: true, det: 'the' };
  }
  return null;
}

/** "says Doe's sister, Maria": the name in apposition, not the possessor. */
export function apposedAfterPossessive(text: string, toks: Tok[], np: NounPhrase | null): NounPhrase | null {
  const last = np?.toks[np.toks.length - 1];
  if (!np || !last || !/['’]s$/.test(last.text)) return np;
  const k = toks.indexOf(last);
  for (let i = k + 1; i < toks.length && i - k <= 4; i++) {
    const gap = gapOf(text, toks[i - 1], toks[i]);
    if (/^\s*,\s*$/.test(gap) && isCap(toks[i])) {
      const named = phraseRight(text, toks, i);
      return named && !named.pronoun ? named : np;
    }
    if (!plainGap(gap) || toks[i].text !== toks[i].lower) return np;
  }
  return np;
}
