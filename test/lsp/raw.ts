// Test support for protocol-level cases: the bundled server over stdio with no client library in between.
// Frames are written by hand (so a test can send broken ones), every message the server writes is kept,
// server-to-client requests get a null result, and the process exit is awaitable with a deadline.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  StreamMessageReader,
  type Message,
  type NotificationMessage,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver-protocol/node';
import { ensureBuilt, serverPath } from '../support/built';

const DEADLINE_MS = 20_000;

const isResponse = (m: Message): m is ResponseMessage => 'id' in m && !('method' in m);
const isRequest = (m: Message): m is RequestMessage => 'id' in m && 'method' in m;
const isNotification = (m: Message): m is NotificationMessage => !('id' in m) && 'method' in m;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class RawServer {
  readonly messages: Message[] = [];
  stderr = '';
  private readonly exit: Promise<Exit>;
  private waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  private nextId = 1;
  /** Answer the server's own requests with an error instead of a null result. */
  refuseRequests = false;

  private constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    // A server that exits while a test still writes would otherwise fail the test with EPIPE.
    proc.stdin.on('error', () => {});
    this.exit = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
    new StreamMessageReader(proc.stdout).listen((m) => {
      this.messages.push(m);
      if (isRequest(m))
        this.send(
          this.refuseRequests
            ? { jsonrpc: '2.0', id: m.id, error: { code: -32601, message: `no ${m.method} here` } }
            : { jsonrpc: '2.0', id: m.id, result: null },
        );
      this.waiters = this.waiters.filter((w) => !(w.test(m) && (w.resolve(m), true)));
    });
  }

  static start(env: Record<string, string> = {}): RawServer {
    ensureBuilt();
    return new RawServer(
      spawn(process.execPath, [serverPath, '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, ...env },
      }),
    );
  }

  /** Writes bytes as they are: broken frames included. */
  write(bytes: string | Buffer): void {
    this.proc.stdin.write(bytes);
  }

  /** Writes one well-formed frame. */
  send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Sends a request and resolves with its response (result or error). */
  request(method: string, params?: unknown): Promise<ResponseMessage> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    return this.message(
      (m) => isResponse(m) && m.id === id,
      `response to ${method}`,
    ) as Promise<ResponseMessage>;
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) });
  }

  /** `initialize` (by default with no client capabilities, so the server asks nothing), then `initialized`. */
  async initialize(rootUri: string | null = null, capabilities: object = {}): Promise<ResponseMessage> {
    const response = await this.request('initialize', { processId: process.pid, rootUri, capabilities });
    this.notify('initialized', {});
    return response;
  }

  /** Resolves with the first message (past or future) that satisfies `test`. */
  message(test: (m: Message) => boolean, what: string): Promise<Message> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return this.deadline(new Promise((resolve) => this.waiters.push({ test, resolve })), what);
  }

  /** Resolves with the first `method` notification whose params satisfy `test`. */
  notification(
    method: string,
    test: (params: unknown) => boolean = () => true,
  ): Promise<NotificationMessage> {
    return this.message(
      (m) => isNotification(m) && m.method === method && test(m.params),
      `${method} notification`,
    ) as Promise<NotificationMessage>;
  }

  /** Params of the `method` notifications received so far. */
  notifications(method: string): unknown[] {
    return this.messages
      .filter((m) => isNotification(m) && m.method === method)
      .map((m) => (m as NotificationMessage).params);
  }

  /** Resolves when the process exits. */
  exited(): Promise<Exit> {
    return this.deadline(this.exit, 'the server to exit');
  }

  kill(): void {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }

  private deadline<T>(p: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const fail = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`)),
        DEADLINE_MS,
      );
    });
    return Promise.race([p, fail]).finally(() => clearTimeout(timer));
  }
}
