// A promise's outcome as a value. Reads started ahead of the code that uses them are settled at once, so
// one that is never awaited (its caller gave up first) is never an unhandled rejection.

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}
