// Timing helpers for the growth tests. The machine may be loaded (shared cores, parallel test files), so each
// time is the fastest of a few runs, a bound allows generous slack and a constant, and a failed bound is
// measured again before it fails: noise passes on a retry, quadratic growth never does.
import assert from 'node:assert/strict';

/** Fastest of `runs` calls, in milliseconds. */
export function fastest(f: () => unknown, runs = 2): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Times the small input the large one is: 8× the input, 8× the time if linear, 64× if quadratic. */
const FACTOR = 8;
/** Slack over linear growth: 8× the input may take up to 16× the time, a quarter of quadratic growth. */
const SLACK = 2;
/** Allowance for pauses (garbage collection, another process) that no input length explains. */
const GRACE_MS = 150;
/** A small input slower than this fails at once, without waiting for the large one. */
const SMALL_CEILING_MS = 5000;

/**
 * Asserts that `stage` on `make(FACTOR × n)` takes at most SLACK × FACTOR × its time on `make(n)`, plus
 * GRACE_MS. Inputs are made outside the timings.
 */
export function assertLinear(
  what: string,
  stage: (text: string) => unknown,
  make: (n: number) => string,
  n: number,
): void {
  const small = make(n);
  const big = make(FACTOR * n);
  stage(small.slice(0, 200));
  let last = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const t1 = fastest(() => stage(small));
    assert.ok(t1 < SMALL_CEILING_MS, `${what}: ${t1.toFixed(0)} ms for ${small.length} characters`);
    const tBig = fastest(() => stage(big));
    if (tBig <= SLACK * FACTOR * t1 + GRACE_MS) return;
    last = `${what}: ${t1.toFixed(0)} ms at ${small.length} characters, ${tBig.toFixed(0)} ms at ${big.length}`;
  }
  assert.fail(`grows faster than linear: ${last}`);
}

/** `unit` repeated to exactly `n` characters. */
export function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Numbered units ("W1", "W2", …) until `n` characters, each made by `unit` from a distinct letter code. */
export function distinctTo(unit: (code: string) => string, n: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < n; i++) {
    // Letters only, as names are: 0 → "a", 25 → "z", 26 → "ba", …
    let code = '';
    let k = i;
    do {
      code = String.fromCharCode(97 + (k % 26)) + code;
      k = Math.floor(k / 26);
    } while (k > 0);
    const part = unit(code);
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, n);
}
