// Unsigned varints (7 bits a byte, the high bit set on all but the last), for packed offsets.

/** Bytes of the longest varint written: enough for any UTF-16 offset. */
export const MAX_VARINT = 5;

/** Writes `n` at `at`; returns the offset after it. */
export function writeVarint(out: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    out[at++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  out[at++] = n;
  return at;
}
