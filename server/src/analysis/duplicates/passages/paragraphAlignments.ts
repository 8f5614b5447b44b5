// Alignments of one file's paragraphs with other files, carried from one version of the file to the next.
// A passage never crosses a paragraph break of either file (see align.ts), so a paragraph's passages with
// another file depend only on the paragraph's own words, their letter case and the fingerprints chosen in
// it, and on the other file. An edit changes one paragraph: the others, found again by their content, keep
// what they had with every other file that is itself unchanged (same id), and only the edited paragraph is
// aligned anew.
import { SHINGLE_WORDS } from '../shingles';
import type { WordPair } from '../wordAlign';
import { alignParagraph, type AlignedText, type WordOrderFingerprints } from './align';

/** One paragraph of the queried file, as its passages depend on it. */
interface ParagraphEntry {
  /** Hash of the fields below, for finding the paragraph again in the next version. */
  key: number;
  words: Uint32Array;
  shapes: Uint8Array;
  /** Its fingerprints, word positions counted from the paragraph's first word. */
  hashes: Uint32Array;
  offsets: Uint32Array;
  /**
   * Per other file id: the passages, five numbers each (a0, a1, b0, b1, matched), a counted from the
   * paragraph's first word.
   */
  aligned: Map<number, Int32Array>;
  /** The same paragraph's alignments in the previous version, read until `settle`. */
  earlier?: Map<number, Int32Array>;
}

const NONE = new Int32Array(0);

function sameArray(x: ArrayLike<number>, y: ArrayLike<number>): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function mixIn(h: number, v: number): number {
  return Math.imul(h ^ v, 0x01000193) >>> 0;
}

/** The paragraph alignments of one version of a file, taking over the previous version's where they apply. */
export class ParagraphAlignments {
  private readonly paragraphs: ParagraphEntry[] = [];
  /** Fingerprint index range and word range of each paragraph. */
  private readonly bounds: Uint32Array;

  /** Other files with at least one paragraph aligned anew rather than taken over. */
  computed = 0;
  /** Paragraph alignments computed rather than taken over. */
  paragraphsAligned = 0;

  constructor(
    readonly fileId: number,
    private readonly file: AlignedText,
    private readonly fp: WordOrderFingerprints,
    readonly minWords: number,
    previous?: ParagraphAlignments,
  ) {
    const starts = file.paragraphs;
    this.bounds = new Uint32Array(starts.length * 4);
    const reusable = new Map<number, ParagraphEntry[]>();
    if (previous && previous.minWords === minWords)
      for (const p of previous.paragraphs) reusable.set(p.key, [...(reusable.get(p.key) ?? []), p]);
    let from = 0;
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k];
      const end = k + 1 < starts.length ? starts[k + 1] : file.words.length;
      // A shingle that runs into the next paragraph never seeds a passage (see alignParagraph), and its
      // hash, like the winnowing near the break, depends on the neighbour: it is left out.
      let to = from;
      while (to < fp.positions.length && fp.positions[to] + SHINGLE_WORDS <= end) to++;
      let next = to;
      while (next < fp.positions.length && fp.positions[next] < end) next++;
      this.bounds.set([from, to, start, end], 4 * k);
      const entry = this.entryOf(start, end, from, to);
      const same = reusable.get(entry.key)?.find((p) => this.sameParagraph(p, entry));
      if (same) entry.earlier = same.aligned;
      this.paragraphs.push(entry);
      from = next;
    }
  }

  private entryOf(start: number, end: number, from: number, to: number): ParagraphEntry {
    const words = this.file.words.subarray(start, end);
    const shapes = this.file.shapes.subarray(start, end);
    const hashes = this.fp.hashes.subarray(from, to);
    const offsets = new Uint32Array(to - from);
    let key = 0x811c9dc5;
    for (let i = 0; i < words.length; i++) key = mixIn(mixIn(key, words[i]), shapes[i]);
    for (let i = 0; i < offsets.length; i++) {
      offsets[i] = this.fp.positions[from + i] - start;
      key = mixIn(mixIn(key, hashes[i]), offsets[i]);
    }
    return { key, words, shapes, hashes, offsets, aligned: new Map() };
  }

  private sameParagraph(p: ParagraphEntry, q: ParagraphEntry): boolean {
    return (
      sameArray(p.words, q.words) &&
      sameArray(p.shapes, q.shapes) &&
      sameArray(p.hashes, q.hashes) &&
      sameArray(p.offsets, q.offsets)
    );
  }

  /**
   * The passages of this file with `other` (this file on side a), in the order `alignTexts` gives them,
   * each naming `other`.
   */
  align<T extends AlignedText & { readonly id: number }>(other: T): (WordPair & { other: T })[] {
    const otherId = other.id;
    const pairs: (WordPair & { other: T })[] = [];
    let fresh = false;
    for (let k = 0; k < this.paragraphs.length; k++) {
      const entry = this.paragraphs[k];
      const start = this.bounds[4 * k + 2];
      let flat = entry.aligned.get(otherId) ?? entry.earlier?.get(otherId);
      if (!flat) {
        fresh = true;
        flat = this.alignOne(k, other);
      }
      entry.aligned.set(otherId, flat);
      for (let i = 0; i < flat.length; i += 5)
        pairs.push({
          a0: flat[i] + start,
          a1: flat[i + 1] + start,
          b0: flat[i + 2],
          b1: flat[i + 3],
          matched: flat[i + 4],
          other,
        });
    }
    if (fresh) this.computed++;
    return pairs;
  }

  private alignOne(k: number, other: AlignedText): Int32Array {
    const [from, to, start, end] = this.bounds.subarray(4 * k, 4 * k + 4);
    if (to === from) return NONE;
    this.paragraphsAligned++;
    const out: WordPair[] = [];
    alignParagraph(this.file, this.fp, from, to, start, end, other, this.minWords, out);
    if (out.length === 0) return NONE;
    const flat = new Int32Array(out.length * 5);
    out.forEach((p, i) => flat.set([p.a0 - start, p.a1 - start, p.b0, p.b1, p.matched], 5 * i));
    return flat;
  }

  /** Forgets the previous version's alignments: only the files asked about since are kept. */
  settle(): void {
    for (const p of this.paragraphs) p.earlier = undefined;
  }
}
