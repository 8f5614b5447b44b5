// Per-URI analysis runs: a new request cancels the URI's running analysis, a busy URI runs once more on
// its latest version when the current run ends, and editor edits go before cross-file refreshes.
// There is no fixed delay: an idle scheduler starts on the next turn of the event loop.
import { performance } from 'node:perf_hooks';
import type { Token } from './analysis/types';
import type { Logger } from './util/logger';

export type Priority = 'high' | 'low';

/** A cancellation token the scheduler can trip; structurally an LSP CancellationToken for analysis. */
class RunToken implements Token {
  isCancellationRequested = false;
}

interface UriState {
  token?: RunToken;
  /** A request arrived while the URI was running: run again when it ends. */
  again: boolean;
  priority: Priority;
}

export type RunFn = (uri: string, token: Token) => Promise<void> | void;

export class Scheduler {
  private readonly states = new Map<string, UriState>();
  private readonly high: string[] = [];
  private readonly low: string[] = [];
  private pumping = false;
  private disposed = false;
  private idleWaiters: (() => void)[] = [];
  /** When the last run ended (performance.now()). */
  private lastRunEnded = -Infinity;

  constructor(
    private readonly run: RunFn,
    private readonly logger: Logger,
  ) {}

  /** Asks for a run of `uri`; repeated requests before it starts collapse into one. */
  schedule(uri: string, priority: Priority = 'high'): void {
    if (this.disposed) return;
    const state = this.states.get(uri);
    if (state?.token) {
      // Running: its result would be stale, so cancel it and run again afterwards.
      state.token.isCancellationRequested = true;
      state.again = true;
      if (priority === 'high') state.priority = 'high';
      return;
    }
    if (state) {
      if (priority === 'high' && state.priority === 'low') {
        state.priority = 'high';
        this.remove(this.low, uri);
        this.high.push(uri);
      }
      return;
    }
    this.states.set(uri, { again: false, priority });
    (priority === 'high' ? this.high : this.low).push(uri);
    this.kick();
  }

  /** Cancels a running or queued run of `uri` (the document was closed or deleted). */
  cancel(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    if (state.token) {
      state.token.isCancellationRequested = true;
      state.again = false;
      return;
    }
    this.states.delete(uri);
    this.remove(this.high, uri);
    this.remove(this.low, uri);
  }

  /** Whether nothing is queued or running. */
  get idle(): boolean {
    return this.states.size === 0;
  }

  /** Resolves once nothing is queued or running (at once when idle). */
  whenIdle(): Promise<void> {
    if (this.idle || this.disposed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Resolves once nothing has been queued or run for `ms`: background work waits for it, so that it does
   * not come between the edits of someone typing (each edit's run starts as soon as it arrives).
   */
  async whenQuiet(ms: number): Promise<void> {
    for (;;) {
      await this.whenIdle();
      const left = this.lastRunEnded + ms - performance.now();
      if (this.disposed || (this.idle && left <= 0)) return;
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const state of this.states.values()) if (state.token) state.token.isCancellationRequested = true;
    this.states.clear();
    this.high.length = 0;
    this.low.length = 0;
    this.wakeIdleWaiters();
  }

  private wakeIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  private kick(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => void this.pump());
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const uri = this.high.shift() ?? this.low.shift();
        if (uri === undefined || this.disposed) return;
        const state = this.states.get(uri);
        if (!state) continue;
        const token = new RunToken();
        state.token = token;
        try {
          await this.run(uri, token);
        } catch (e) {
          this.logger.log(
            'error',
            `analysis run failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
            {
              uri,
            },
          );
        }
        state.token = undefined;
        this.lastRunEnded = performance.now();
        if (state.again && !this.disposed) {
          state.again = false;
          (state.priority === 'high' ? this.high : this.low).push(uri);
        } else this.states.delete(uri);
        // Low-priority work yields to incoming messages (edits, requests) between runs.
        if (this.high.length === 0 && this.low.length > 0) await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.pumping = false;
      if (!this.disposed && (this.high.length > 0 || this.low.length > 0)) this.kick();
      else if (this.idle) this.wakeIdleWaiters();
    }
  }

  private remove(list: string[], uri: string): void {
    const i = list.indexOf(uri);
    if (i >= 0) list.splice(i, 1);
  }
}
