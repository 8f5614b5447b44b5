// Speaker-type mentions in text order with position lookups by binary search, so that resolving each of
// the thousands of subjects of a long page does not walk every mention before it.
import { firstAbove } from '../../text/sortedSearch';
import type { EntityMention } from '../../types';

export class MentionOrder {
  private readonly starts: Int32Array;
  /** The largest end among the mentions up to each index: ascending even where mentions nest. */
  private readonly maxEnds: Int32Array;
  /** Indices of organisation mentions by each word of their canonical name, built when first asked. */
  private organisationsByWord: Map<string, number[]> | undefined;

  constructor(readonly mentions: readonly EntityMention[]) {
    this.starts = Int32Array.from(mentions, (e) => e.span.start);
    this.maxEnds = new Int32Array(mentions.length);
    let max = -1;
    mentions.forEach((e, i) => (this.maxEnds[i] = max = Math.max(max, e.span.end)));
  }

  /** Index of the first mention starting at or after `at`. */
  firstStartingAt(at: number): number {
    return firstAbove(this.starts, at - 1);
  }

  /** Index of the first mention that may end after `at`: every mention before it ends at or before `at`. */
  firstEndingAfter(at: number): number {
    return firstAbove(this.maxEnds, at);
  }

  /** The last organisation mention before index `end` whose canonical name has one of `words` (lower case). */
  lastOrganisationWith(words: readonly string[], end: number): EntityMention | undefined {
    const byWord = (this.organisationsByWord ??= this.indexOrganisations());
    let last = -1;
    for (const w of words) {
      const list = byWord.get(w);
      if (!list) continue;
      const j = firstAbove(list, end - 1) - 1;
      if (j >= 0 && list[j] > last) last = list[j];
    }
    return last >= 0 ? this.mentions[last] : undefined;
  }

  private indexOrganisations(): Map<string, number[]> {
    const byWord = new Map<string, number[]>();
    this.mentions.forEach((e, i) => {
      if (e.type !== 'ORG') return;
      for (const w of new Set(e.canonical.toLowerCase().split(/\s+/))) {
        const list = byWord.get(w);
        if (list) list.push(i);
        else byWord.set(w, [i]);
      }
    });
    return byWord;
  }
}
