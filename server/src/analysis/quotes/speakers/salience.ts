// Stage 3, salience: who the article is talking about at a point, from the subjects of its sentences and
// the speakers of its quotes, latest first. A pronoun or an unattributed quote goes to the most salient
// fitting referent, not to the nearest name (an addressee, a relative, a credit line).
import type { Referent } from './cast';
import { fitsGender } from './gender';

export interface Focus {
  at: number;
  paragraph: number;
  ref: Referent;
  /** How the referent was reached ("she", "the coach"), when not by name. */
  chain: string[];
  /** A quote's speaker rather than a sentence subject. */
  speaker: boolean;
}

/** Which referents a pronoun can stand for. */
export function fitsPronoun(pronoun: string, r: Referent): boolean {
  const person = (r.type === 'PERSON' || r.type === 'UNKNOWN') && r.gender !== 'it';
  if (pronoun === 'he' || pronoun === 'she') return person && fitsGender(pronoun, r.gender);
  if (pronoun === 'i') return person;
  if (pronoun === 'it') return r.type !== 'PERSON' || r.gender === 'it';
  return true;
}

export class Salience {
  private readonly events: Focus[] = [];

  /** Adds a focus; events arrive roughly in text order, kept sorted by offset. */
  add(f: Focus): void {
    let i = this.events.length;
    while (i > 0 && this.events[i - 1].at > f.at) i--;
    this.events.splice(i, 0, f);
  }

  /** The latest focus before `before`, no earlier than paragraph `floor`, that `accept` takes. */
  latest(before: number, floor: number, accept: (f: Focus) => boolean): Focus | undefined {
    let i = this.events.length;
    while (i > 0 && this.events[i - 1].at >= before) i--;
    for (let k = i - 1; k >= 0; k--) {
      const f = this.events[k];
      if (f.paragraph < floor) return undefined;
      if (accept(f)) return f;
    }
    return undefined;
  }

  /** The latest focus of the given referent before `before`, if any (ranks candidates for a role). */
  lastOf(ref: Referent, before: number): number {
    for (let k = this.events.length - 1; k >= 0; k--) {
      const f = this.events[k];
      if (f.at < before && f.ref === ref) return f.at;
    }
    return -1;
  }
}
