// After indexing, the open-document pipeline is run a few times on indexed articles while the server is
// idle. Indexing ran in worker threads (or came from a snapshot), so the main thread's analysis code has
// not been compiled by the JavaScript engine yet: without this the first keystrokes in an article wait
// two to three times longer than later ones. Nothing is cached, published or indexed by a rehearsal.
import { performance } from 'node:perf_hooks';
import type { Token } from '../analysis/types';

export interface WarmUpHost {
  /** Indexed articles to rehearse on, in the order to use them. */
  candidates(): readonly string[];
  /** Runs the open-document analysis of an indexed article and drops the result; false when cancelled or gone. */
  rehearse(uri: string, token: Token): Promise<boolean>;
  /** Whether real work (an open article, an edit, a refresh) has come: the warm-up then ends. */
  busy(): boolean;
  /** Whether start-up work is still running in the background: the warm-up waits for it. */
  settling(): boolean;
}

export interface WarmUpLimits {
  /** Rehearsals at most. */
  runs: number;
  /** Milliseconds of rehearsal at most. */
  budgetMs: number;
  /** Articles at most: a few, so each is analysed repeatedly, as an edited article is. */
  articles: number;
}

// V8 compiles the largest functions only after many runs: at 10k articles, 200 rehearsals (about 2.5 s)
// bring the first edits' p95 to 23–24 ms where 40 left it at 28–33 ms.
export const defaultWarmUpLimits: WarmUpLimits = { runs: 200, budgetMs: 5000, articles: 8 };

const SETTLE_POLL_MS = 50;

export interface WarmUpResult {
  runs: number;
  ms: number;
}

/** Rehearses until the limits are reached, real work comes, the token is cancelled or nothing is left. */
export async function warmUpAnalysis(
  host: WarmUpHost,
  token: Token,
  limits: WarmUpLimits = defaultWarmUpLimits,
): Promise<WarmUpResult> {
  const articles = host.candidates().slice(0, limits.articles);
  // Real work that arrives during a rehearsal stops it at its next stage, and the warm-up with it.
  const yieldingToWork: Token = {
    get isCancellationRequested() {
      return token.isCancellationRequested || host.busy();
    },
  };
  let runs = 0;
  let ms = 0;
  while (host.settling() && !yieldingToWork.isCancellationRequested)
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
  for (let i = 0; articles.length > 0 && runs < limits.runs && ms < limits.budgetMs; i++) {
    // Real work compiles the code itself: from the first edit or request on, rehearsals would only delay it.
    if (yieldingToWork.isCancellationRequested) break;
    const started = performance.now();
    const done = await host.rehearse(articles[i % articles.length], yieldingToWork);
    ms += performance.now() - started;
    if (!done) break;
    runs++;
  }
  return { runs, ms };
}

/**
 * Picks rehearsal articles of the sizes people edit (2–16 KB), spread over the index so that different page
 * shapes are seen; smaller ones when the corpus has no such article.
 */
export function pickRehearsalArticles(
  articles: Iterable<{ uri: string; length: number }>,
  count: number,
): string[] {
  const all = [...articles];
  const sized = all.filter((a) => a.length >= 2048 && a.length <= 16384);
  const pool = sized.length > 0 ? sized : all.filter((a) => a.length > 0 && a.length <= 16384);
  if (pool.length <= count) return pool.sort((a, b) => b.length - a.length).map((a) => a.uri);
  const step = pool.length / count;
  const picked: string[] = [];
  for (let k = 0; k < count; k++) picked.push(pool[Math.floor(k * step)].uri);
  return picked;
}
