// Feature ids of the tagger: hashes of feature templates and their values, mixed without building the
// feature's string.

const FNV_OFFSET = 0x811c9dc5;

/** 32-bit FNV-1a hash of a string. */
export function fnv(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A feature id from a template's hash and a value's hash (a murmur3 finaliser of their mix), as a signed
 * 32-bit integer: the same bits as the unsigned id once stored in a `Uint32Array`, without the boxed
 * number an unsigned one of 2^31 or more costs.
 */
export function c1(t: number, a: number): number {
  let h = Math.imul(t ^ Math.imul(a, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
export function c2(t: number, a: number, b: number): number {
  return c1(c1(t, a), b);
}
export function c3(t: number, a: number, b: number, c: number): number {
  return c1(c1(c1(t, a), b), c);
}

/** Hashes of the short strings features are made of (templates, tags, POS), computed once each. */
const STRING_HASHES = new Map<string, number>();
export function sh(s: string): number {
  let h = STRING_HASHES.get(s);
  if (h === undefined) {
    h = fnv(s);
    if (STRING_HASHES.size < 10_000) STRING_HASHES.set(s, h);
  }
  return h;
}

/**
 * The id of a feature: a template ("w=", "l-1|l=") and its values. Extraction composes the same ids
 * from hashes kept per word, without building strings.
 */
export function featureId(template: string, ...values: string[]): number {
  let h = fnv(template);
  if (values.length === 0) return h;
  for (const v of values) h = c1(h, fnv(v));
  return h >>> 0;
}
