// Lists of numbers as two typed arrays, the values end to end and where each list ends: thousands of
// small arrays become two buffers a snapshot writes and reads as they are.

export interface FlatLists {
  values: Float64Array;
  ends: Uint32Array;
}

export function flattenLists(lists: Iterable<readonly number[] | ArrayLike<number>>): FlatLists {
  const values: number[] = [];
  const ends: number[] = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) values.push(list[i]);
    ends.push(values.length);
  }
  return { values: Float64Array.from(values), ends: Uint32Array.from(ends) };
}

/** The lists back as arrays (each allocated to size). */
export function unflattenLists(flat: FlatLists): number[][] {
  const out = new Array<number[]>(flat.ends.length);
  let start = 0;
  for (let i = 0; i < flat.ends.length; i++) {
    const end = flat.ends[i];
    if (end < start || end > flat.values.length) throw new Error('list offsets damaged');
    const list = new Array<number>(end - start);
    for (let k = start; k < end; k++) list[k - start] = flat.values[k];
    out[i] = list;
    start = end;
  }
  return out;
}

/** A map of number → one number or a list (postings whose lone entry is stored bare), flattened. */
export interface FlatPostings {
  keys: Float64Array;
  /** Per key, -1 for a bare value, else the list's length; the values end to end. */
  lengths: Int32Array;
  values: Float64Array;
}

export function flattenPostings(
  map: ReadonlyMap<number, number | readonly number[]> | readonly [number, number | readonly number[]][],
): FlatPostings {
  const size = map instanceof Map ? map.size : (map as readonly unknown[]).length;
  const keys = new Float64Array(size);
  const lengths = new Int32Array(size);
  const values: number[] = [];
  let i = 0;
  for (const [key, p] of map) {
    keys[i] = key;
    if (typeof p === 'number') {
      lengths[i] = -1;
      values.push(p);
    } else {
      lengths[i] = p.length;
      for (const v of p) values.push(v);
    }
    i++;
  }
  return { keys, lengths, values: Float64Array.from(values) };
}

/** Calls `fn` with each key and its bare value or list, in the order they were flattened. */
export function forEachPosting(
  flat: FlatPostings,
  fn: (key: number, value: number | number[]) => void,
): void {
  let at = 0;
  for (let i = 0; i < flat.keys.length; i++) {
    const n = flat.lengths[i];
    if (at + Math.max(1, n) > flat.values.length) throw new Error('postings damaged');
    if (n < 0) fn(flat.keys[i], flat.values[at++]);
    else {
      const list = new Array<number>(n);
      for (let k = 0; k < n; k++) list[k] = flat.values[at + k];
      at += n;
      fn(flat.keys[i], list);
    }
  }
}
