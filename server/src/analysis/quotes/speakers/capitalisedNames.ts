// Names the entity layer missed, built on an organisation noun ("the agency" for "Environment Agency",
// "the ministry" for "Ministry of Health"). The article is scanned once per noun and each question is a
// binary search, so a long page with thousands of "the council said" stays linear.

import { firstAbove } from '../../text/sortedSearch';

const WORD = "\\p{Lu}[\\p{L}'’-]*";

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
    for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) {
      const name = m[0].replace(/^(?:The|A|An)\s+/, '');
      if (!name.includes(' ')) continue;
      found.ends.push(m.index + m[0].length);
      found.names.push(name);
    }
    this.byNoun.set(noun, found);
    return found;
  }
}
