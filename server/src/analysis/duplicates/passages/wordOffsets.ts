// Word offsets of an indexed file, packed: per word the gap from the previous word's end and its length,
// as unsigned varints (one byte each for nearly every word). The passage index keeps these instead of the
// file's text, whose word offsets it would otherwise re-read: about 2 bytes a word, where the text takes
// about 12 (UTF-16, two bytes a character) and two offset arrays 8.
import { MAX_VARINT, writeVarint } from '../../text/varint';

/** The gaps and lengths of `count` words with the given UTF-16 spans (in text order, not overlapping). */
export function packWordOffsets(starts: Uint32Array, ends: Uint32Array, count: number): Uint8Array {
  const out = new Uint8Array(count * 2 * MAX_VARINT);
  let at = 0;
  let prevEnd = 0;
  for (let i = 0; i < count; i++) {
    at = writeVarint(out, at, starts[i] - prevEnd);
    at = writeVarint(out, at, ends[i] - starts[i]);
    prevEnd = ends[i];
  }
  return out.slice(0, at);
}

/** The starts and ends that `packWordOffsets` packed. */
export function unpackWordOffsets(
  packed: Uint8Array,
  count: number,
): { starts: Uint32Array; ends: Uint32Array } {
  const starts = new Uint32Array(count);
  const ends = new Uint32Array(count);
  let at = 0;
  let prevEnd = 0;
  for (let i = 0; i < count; i++) {
    let gap = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = packed[at++];
      gap += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = packed[at++];
      length += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    starts[i] = prevEnd + gap;
    ends[i] = starts[i] + length;
    prevEnd = ends[i];
  }
  return { starts, ends };
}
