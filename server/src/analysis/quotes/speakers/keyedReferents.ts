// Referents listed under keys (a word of the name, the name, its first two words), each list in creation
// order, so the cast's "first referent such that …" lookups read a few candidates instead of every
// referent of a long page. A list may hold referents the key no longer fits (a name grew): callers
// check their condition on each candidate, so the lists need only hold every referent that fits.
import type { Referent } from './cast';

export class KeyedReferents {
  private readonly lists = new Map<string, Referent[]>();

  add(key: string, r: Referent): void {
    const list = this.lists.get(key);
    if (!list) {
      this.lists.set(key, [r]);
      return;
    }
    // Referents are mostly added in creation order: the end of the list is the usual place.
    let at = list.length;
    while (at > 0 && (list[at - 1] as Referent).id > r.id) at--;
    if ((list[at - 1] as Referent | undefined)?.id !== r.id) list.splice(at, 0, r);
  }

  list(key: string): readonly Referent[] {
    return this.lists.get(key) ?? [];
  }
}

/** The first two words of a name, the key under which its longer and shorter forms meet ("Eko Re"). */
export function leadingPair(name: string): string | undefined {
  const words = name.split(/\s+/);
  return words.length >= 2 ? `${words[0]} ${words[1]}` : undefined;
}
