// What the rule engine's stages write: draft mentions, the units each one claims (a claimed unit is not
// read again by a later rule) and the places the article names by context. The document stage reads all
// three (see `Recognised`).
import { titleCase } from './aliases';
import type { ArticleView } from './articleView';
import type { Recognised } from './documentEvidence';
import type { Draft } from './drafts';
import { NOT_NAMES, RUN_BREAKERS } from './gazetteers';
import { gazetteer } from './lexicon';
import type { Unit } from './units';
import type { EntitySource, EntityType } from '../types';

/** A word with a capital after lower-case letters ("AfriWire", "QatarEnergy"). */
const CAMEL_BRAND_RE = /^\p{Lu}\p{Ll}+\p{Lu}/u;
/** Family-name prefixes written with an inner capital ("McDonald", "MacArthur", "DeSantis", "LeBlanc"). */
const NAME_PREFIX_RE = /^(Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St)\p{Lu}/u;

export class DraftWriter implements Recognised {
  readonly drafts: Draft[] = [];
  /** 1 for each unit some draft covers. */
  readonly claimed: Uint8Array;
  /**
   * Places this article names by context (datelines, "in X", "X's Foreign Minister", "Xian"/"Xia"), keyed by
   * spelling; `true` when the context is certain (a dateline), so the word is a place wherever it stands alone.
   */
  readonly places = new Map<string, boolean>();
  readonly lowerWords: Set<string>;

  constructor(private readonly view: ArticleView) {
    this.claimed = new Uint8Array(view.units.length);
    this.lowerWords = view.lowerWords;
  }

  /** A draft over units a..b, which it claims; its canonical name is its text unless given. */
  emit(a: number, b: number, type: EntityType, source: EntitySource, canonical?: string, guess = false) {
    const first = this.view.u(a);
    const last = this.view.u(b);
    const name = this.view.text.slice(first.start, last.end);
    this.emitSpan(first.start, last.end, type, source, canonical ?? name, guess);
    this.claim(a, b);
  }

  /** A draft over text[start, end), claiming nothing. */
  emitSpan(
    start: number,
    end: number,
    type: EntityType,
    source: EntitySource,
    canonical: string,
    guess = false,
  ) {
    this.drafts.push({ start, end, type, canonical, source, guess });
  }

  claim(a: number, b: number): void {
    for (let k = a; k <= b; k++) this.claimed[k] = 1;
  }

  /** The draft written last, if any. */
  last(): Draft | undefined {
    return this.drafts[this.drafts.length - 1];
  }

  /** Emits a run as a place named by context, recording it for the article's later bare mentions. */
  emitPlace(a: number, b: number, strong: boolean): void {
    const first = this.view.u(a);
    const whole = this.view.phrase(a, b);
    const g = gazetteer(whole, first.allCaps);
    if (g && g.type !== 'GPE' && g.type !== 'LOC') return this.emit(a, b, g.type, 'gazetteer', g.canonical);
    const canonical = g?.canonical ?? (first.allCaps ? titleCase(whole) : whole);
    this.emit(a, b, g?.type ?? 'GPE', g ? 'gazetteer' : 'pattern', canonical, !strong && !g);
    if (a === b && !g) this.places.set(this.placeKeyOf(first), strong || this.places.get(canonical) === true);
  }

  private placeKeyOf(u: Unit): string {
    return u.allCaps ? titleCase(u.text) : u.text;
  }

  /** Emits a credited outlet or agency ("Tamsen Herald", "Eastgate"); a place-like gazetteer hit keeps its type. */
  emitOutlet(a: number, b: number): void {
    const g = gazetteer(this.view.phrase(a, b), this.view.u(a).allCaps);
    if (g) this.emit(a, b, g.type, 'gazetteer', g.canonical);
    else this.emit(a, b, 'ORG', 'pattern');
  }

  /** Emits a person's name (`strong` when the context says so, else a guess); a known name keeps its type. */
  emitPerson(a: number, b: number, strong: boolean): void {
    const first = this.view.u(a);
    const name = this.view.phrase(a, b);
    const g = gazetteer(name, first.allCaps);
    if (g && !g.weak) return this.emit(a, b, g.type, 'gazetteer', g.canonical);
    const canonical = first.allCaps ? titleCase(name) : name;
    // "AfriWire", "WireWatch": a word capitalised again inside is a brand, not a person's name.
    for (let k = a; k <= b; k++) {
      const w = this.view.u(k).text;
      if (CAMEL_BRAND_RE.test(w) && !NAME_PREFIX_RE.test(w))
        return this.emit(a, b, 'ORG', 'pattern', canonical, !strong);
    }
    this.emit(a, b, 'PERSON', 'pattern', canonical, !strong);
  }

  /** Last unit of the run of adjacent, unclaimed capitalised units from `a`, at most `max` long; -1 if none. */
  capRun(a: number, max: number): number {
    const { units } = this.view;
    if (a < 0 || a >= units.length) return -1;
    const first = this.view.u(a);
    if (!first.cap || this.claimed[a] || NOT_NAMES.has(first.text) || RUN_BREAKERS.has(first.text)) return -1;
    let b = a;
    while (b - a + 1 < max) {
      const next = units[b + 1];
      if (!next || !next.cap || this.claimed[b + 1] || RUN_BREAKERS.has(next.text)) break;
      if (!this.view.adjacent(this.view.u(b), next)) break;
      b++;
    }
    return b;
  }

  /** Units a..b exactly covering tokens t0..t1 as one unclaimed capitalised run, or undefined. */
  runOfTokens(t0: number, t1: number): [number, number] | undefined {
    if (t1 < t0) return undefined;
    const a = this.view.unitAt(t0);
    if (a < 0) return undefined;
    const b = this.capRun(a, 4);
    return b >= 0 && this.view.u(b).lastTok === t1 ? [a, b] : undefined;
  }
}
