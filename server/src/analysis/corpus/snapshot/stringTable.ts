// Strings of a snapshot in one table: each distinct string once, all of them joined into one string with
// their end offsets, so a snapshot stores and reads a single string instead of a million small ones (and
// the restored index shares one copy of "Monday" instead of one per mention).

export interface PackedStrings {
  joined: string;
  ends: Uint32Array;
}

export class StringTableWriter {
  private readonly ids = new Map<string, number>();
  private readonly parts: string[] = [];

  /** The id of a string, added when new. */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.parts.length;
      this.ids.set(s, id);
      this.parts.push(s);
    }
    return id;
  }

  finish(): PackedStrings {
    const ends = new Uint32Array(this.parts.length);
    let at = 0;
    this.parts.forEach((s, i) => {
      at += s.length;
      ends[i] = at;
    });
    return { joined: this.parts.join(''), ends };
  }
}

/** Every string of a packed table, by id. */
export function unpackStrings(packed: PackedStrings): string[] {
  const { joined, ends } = packed;
  if (ends.length > 0 && ends[ends.length - 1] !== joined.length) throw new Error('string table damaged');
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    out[i] = joined.slice(start, ends[i]);
    start = ends[i];
  }
  return out;
}
