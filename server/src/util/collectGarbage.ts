// A full, compacting garbage collection on demand. After a corpus indexing most of what the heap grew to is
// garbage (per-file analyses, recorded questions, the cache body), and the live objects are spread thinly
// over the pages it grew to. V8 gives pages back to the system only once they are empty, and its own
// collections move objects only off a few of the emptiest pages, so the server would sit at its peak.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** Collects garbage and compacts the heap now; a no-op where the engine refuses to expose its collector. */
export function collectGarbage(): void {
  try {
    if (!gc) {
      // The flag takes effect for contexts made after it: a fresh one hands out the collector.
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    }
    // Every page compacted, and swept before returning, so the emptied pages are given back by the time
    // the caller goes on (swept concurrently, they stay resident for a while after).
    setFlagsFromString('--compact-on-every-full-gc');
    setFlagsFromString('--no-concurrent-sweeping');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
      setFlagsFromString('--concurrent-sweeping');
    }
  } catch {
    gc = () => undefined;
  }
}
