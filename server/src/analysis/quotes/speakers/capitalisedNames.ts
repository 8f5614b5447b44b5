// Names the entity layer missed, built on an organisation noun ("the agency" for "Environment Agency",
// "the ministry" for "Ministry of Health"). The article is scanned once per noun and each question is a
// binary search, so a long page with thousands of "the council said" stays linear.

import { firstAbove } from '../../text/sortedSearch';

const WORD = "\\p{Lu}[\\p{L}'’-]*";
/** What the words before the noun in a match are made of. */
const LEADING = /[\p{L}'’\s-]/u;

/** The names on one noun in text order, with where each ends. */
interface Found {
  ends: number[];
  names: string[];
}

export class CapitalisedNames {
  private readonly byNoun = new Map<string, Found>();

  constructor(private readonly text: string) {}

  /** The last capitalised name on `noun` that ends at or before `before`, with at least two words. */
  lastBefore(noun: string, before: number): string | undefined {
    const { ends, names } = this.namesOn(noun);
    return names[firstAbove(ends, before) - 1];
  }

  /** Every name on the noun in text order, only those of two words or more (one word is the noun itself). */
  private namesOn(noun: string): Found {
    let found = this.byNoun.get(noun);
    if (found) return found;
    const cap = noun.charAt(0).toUpperCase() + noun.slice(1);
    const re = new RegExp(
      `(?:${WORD}\\s+){0,3}${cap}(?:\\s+(?:of|for|on)(?:\\s+the)?(?:\\s+${WORD}){1,3})?(?![\\p{L}])`,
      'gu',
    );
    found = { ends: [], names: [] };
    // Every match holds the noun, so the search starts just before each place the noun is written.
    for (let at = this.text.indexOf(cap); at >= 0; at = this.text.indexOf(cap, re.lastIndex)) {
      re.lastIndex = this.runStart(at, re.lastIndex);
      const m = re.exec(this.text);
      if (m === null) break;
      const name = m[0].replace(/^(?:The|A|An)\s+/, '');
      if (!name.includes(' ')) continue;
      found.ends.push(m.index + m[0].length);
      found.names.push(name);
    }
    this.byNoun.set(noun, found);
    return found;
  }

  /**
   * Where the words before `at` begin: the earliest place, not before `floor`, from which only letters,
   * apostrophes, hyphens and spaces lead to `at`. A name's leading words are made of those alone, so no
   * match starts between `floor` and there. Surrogates count as letters (a safe overestimate).
   */
  private runStart(at: number, floor: number): number {
    let start = at;
    while (start > floor) {
      const unit = this.text.charCodeAt(start - 1);
      if (!(unit >= 0xd800 && unit <= 0xdfff) && !LEADING.test(this.text.charAt(start - 1))) break;
      start--;
    }
    return start;
  }
}
