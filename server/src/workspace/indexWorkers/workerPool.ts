// The worker threads that do indexing's first pass: files are handed to the least busy worker with the
// hints of the moment, and each reply comes back as a `ComputedFirstPass` for the main thread to check. A
// worker that fails (throws, dies, cannot start) is logged once and dropped: its files, and any later
// ones when none is left, resolve to `undefined`, which tells the caller to analyse them itself.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ComputedFirstPass } from '../../analysis/analyzeArticle';
import { recodeNlpDoc } from '../../analysis/text/nlpCache';
import type { AnalysisOptions, EntityHints } from '../../analysis/types';
import { HintSender } from './hintDeltas';
import type { AnalyseReply, AnalyseRequest } from './protocol';

/** The worker bundle, built next to the server's and the CLI's (scripts/build.mjs). */
export const INDEX_WORKER_FILE = path.join(__dirname, 'indexWorker.js');

interface PoolWorker {
  readonly n: number;
  readonly thread: Worker;
  readonly hints: HintSender;
  /** Replies awaited, by request id. */
  readonly pending: Map<number, (result: ComputedFirstPass | undefined) => void>;
  /** The worker's tag pairs in its code order, as its replies made them known. */
  readonly tagPairs: [string, string][];
  failed: boolean;
}

export class IndexWorkerPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;
  private closing = false;

  /** `log` gets one line per failed worker or file. */
  constructor(
    count: number,
    private readonly log: (message: string) => void,
    file: string = INDEX_WORKER_FILE,
  ) {
    for (let n = 1; n <= count; n++) {
      try {
        this.workers.push(this.spawn(n, file));
      } catch (e) {
        this.log(`indexing worker ${n} could not start (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }

  /** Workers still working. */
  get alive(): number {
    return this.workers.filter((w) => !w.failed).length;
  }

  /** The first pass of a text with `hints`; `undefined` when no worker could do it. */
  analyse(
    text: string,
    options: AnalysisOptions,
    hints: EntityHints,
  ): Promise<ComputedFirstPass | undefined> {
    let worker: PoolWorker | undefined;
    for (const w of this.workers)
      if (!w.failed && (!worker || w.pending.size < worker.pending.size)) worker = w;
    if (!worker) return Promise.resolve(undefined);
    const request: AnalyseRequest = { id: this.nextId++, text, options };
    const delta = worker.hints.delta(hints);
    if (delta) request.hints = delta;
    const chosen = worker;
    return new Promise((resolve) => {
      chosen.pending.set(request.id, resolve);
      chosen.thread.postMessage(request);
    });
  }

  /** Stops every worker; replies still awaited resolve to `undefined`. */
  async close(): Promise<void> {
    this.closing = true;
    for (const w of this.workers) this.settle(w);
    await Promise.all(this.workers.map((w) => w.thread.terminate()));
  }

  private spawn(n: number, file: string): PoolWorker {
    const worker: PoolWorker = {
      n,
      thread: new Worker(file),
      hints: new HintSender(),
      pending: new Map(),
      tagPairs: [],
      failed: false,
    };
    worker.thread.on('message', (reply: AnalyseReply) => this.receive(worker, reply));
    worker.thread.on('error', (e) => this.fail(worker, e instanceof Error ? e.message : String(e)));
    worker.thread.on('exit', (code) => this.fail(worker, `exited with code ${code}`));
    return worker;
  }

  private receive(worker: PoolWorker, reply: AnalyseReply): void {
    const resolve = worker.pending.get(reply.id);
    if (!resolve) return;
    worker.pending.delete(reply.id);
    if ('error' in reply) {
      this.log(
        `indexing worker ${worker.n} could not analyse a file (analysed in the main thread): ${reply.error}`,
      );
      resolve(undefined);
      return;
    }
    worker.tagPairs.push(...reply.tagPairs);
    const nlp = recodeNlpDoc(reply.nlp, worker.tagPairs);
    resolve({ first: reply.first, repeats: reply.repeats, nlp, outline: reply.outline });
  }

  /** Drops a worker that failed; what it still held is done in the main thread. */
  private fail(worker: PoolWorker, reason: string): void {
    if (worker.failed || this.closing) return;
    worker.failed = true;
    const held = `its ${worker.pending.size} files in hand`;
    const alive = this.alive;
    this.log(
      alive > 0
        ? `indexing worker ${worker.n} stopped (${reason}): ${held} are analysed in the main thread, ${alive} ${alive === 1 ? 'worker goes' : 'workers go'} on`
        : `indexing worker ${worker.n} stopped (${reason}): ${held} and the rest of the corpus are analysed in the main thread`,
    );
    this.settle(worker);
    void worker.thread.terminate();
  }

  private settle(worker: PoolWorker): void {
    for (const resolve of worker.pending.values()) resolve(undefined);
    worker.pending.clear();
  }
}
