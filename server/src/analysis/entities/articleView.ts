// The article as the rule engine's stages read it: text, wink tokens and name units, with the questions
// every stage asks about a unit's neighbours. Read-only: what the stages write goes to a `DraftWriter`.
import { CONNECTORS, NAME_PARTICLES, ROLE_NOUNS } from './gazetteers';
import { SPEECH_VERBS } from './lexicon';
import { NewlineIndex } from '../text/newlines';
import type { NlpToken } from '../text/nlp';
import { type Unit, hasNewline, isLineBreak } from './units';

const SPEECH_ADVERBS = new Set('also then later previously has had was once again further'.split(' '));

/** True when text[from, to) is only spaces or tabs (1–2 of them): words of one name. */
function nameGap(text: string, from: number, to: number): boolean {
  const n = to - from;
  if (n < 1 || n > 2) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 0xa0 && c !== 0x202f && c !== 0x2009) return false;
  }
  return true;
}

export class ArticleView {
  /** Lower-case words of the article, to tell common nouns from names. */
  readonly lowerWords = new Set<string>();
  private capWordSet: Set<string> | undefined;
  readonly newlines: NewlineIndex;

  constructor(
    readonly text: string,
    readonly tokens: NlpToken[],
    readonly units: Unit[],
    /** The unit each token belongs to, or -1. */
    readonly unitOfTok: Int32Array,
  ) {
    this.newlines = new NewlineIndex(text);
    for (const u of units) if (!u.cap) this.lowerWords.add(u.text);
  }

  /**
   * Capitalised words of the article, to pair a demonym with its country ("Ostrevian", "Ostrevia"); made on
   * first use, as only demonyms ask.
   */
  get capWords(): ReadonlySet<string> {
    if (!this.capWordSet) {
      this.capWordSet = new Set<string>();
      for (const u of this.units) if (u.cap) this.capWordSet.add(u.text);
    }
    return this.capWordSet;
  }

  u(i: number): Unit {
    return this.units[i] as Unit;
  }

  /** The text of units a..b, from the first's start to the last's end. */
  phrase(a: number, b: number): string {
    return this.text.slice(this.u(a).start, this.u(b).end);
  }

  /** Two units are neighbours in a name: one plain space apart, nothing else between. */
  adjacent(a: Unit, b: Unit): boolean {
    return b.tok === a.lastTok + 1 && nameGap(this.text, a.end, b.start);
  }

  prevWord(unit: Unit): NlpToken | undefined {
    return this.tokens[unit.tok - 1];
  }

  nextToken(unit: Unit, k = 1): NlpToken | undefined {
    return this.tokens[unit.lastTok + k];
  }

  /** The unit that starts exactly at token `t`, or -1. */
  unitAt(t: number): number {
    const k = this.unitOfTok[t] ?? -1;
    return k >= 0 && this.u(k).tok === t ? k : -1;
  }

  lineStart(u: Unit): boolean {
    const prev = this.tokens[u.tok - 1];
    return !prev || isLineBreak(prev) || hasNewline(this.text, prev.end, u.start);
  }

  lineEnd(from: number): number {
    return this.newlines.lineEnd(from);
  }

  /** A lower-case joining word ("of", "and", "von"). */
  isConnector(i: number): boolean {
    const u = this.u(i);
    return !u.cap && CONNECTORS.has(u.text);
  }

  /** A lower-case particle of a person's name ("von", "der", "bin"). */
  isParticle(i: number): boolean {
    const u = this.u(i);
    return !u.cap && NAME_PARTICLES.has(u.text);
  }

  /** wink tags it a proper noun, or it stands inside a sentence, where a capital marks a name. */
  properNoun(u: Unit): boolean {
    return this.tokens[u.tok]?.pos === 'PROPN' || !u.sentenceStart;
  }

  /** "X said", "X also said", "said X", "according to X". */
  speechContext(a: Unit, b: Unit): boolean {
    const n1 = this.nextToken(b);
    if (n1 && SPEECH_VERBS.has(n1.value)) return true;
    const n2 = this.nextToken(b, 2);
    if (n1 && n2 && SPEECH_ADVERBS.has(n1.value) && SPEECH_VERBS.has(n2.value)) return true;
    const p1 = this.prevWord(a);
    if (p1 && (p1.value === 'said' || p1.value === 'says')) return true;
    const p2 = this.tokens[a.tok - 2];
    return !!p1 && !!p2 && p2.value === 'according' && p1.value === 'to';
  }

  /** A role noun just before the unit ("spokesman", "coach"), which makes what follows a person. */
  roleBefore(u: Unit): boolean {
    const before = this.prevWord(u);
    return !!before && ROLE_NOUNS.has(before.value);
  }

  /** The last "and", "or" or "&" among units a..b, or -1. */
  lastAnd(a: number, b: number): number {
    for (let k = b; k >= a; k--) {
      const w = this.u(k).text;
      if (w === 'and' || w === 'or' || w === '&') return k;
    }
    return -1;
  }

  /**
   * A person's name with particles: capitalised words with particles between them and none at either end
   * ("Katharina von der Heyden", "Hamad bin Khalid Al-Muraikhi"), at most four capitalised words.
   */
  particleName(a: number, b: number): boolean {
    if (this.isConnector(a) || this.isConnector(b)) return false;
    let caps = 0;
    let particles = 0;
    for (let k = a; k <= b; k++) {
      if (this.isParticle(k)) particles++;
      else if (this.isConnector(k)) return false;
      else caps++;
    }
    return particles > 0 && caps >= 2 && caps <= 4;
  }
}
