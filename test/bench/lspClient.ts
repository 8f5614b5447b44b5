// A lean LSP client for the load bench: spawns the built server over stdio (optionally with extra node
// flags such as --cpu-prof), initializes it like an editor would (workDoneProgress, workspace
// configuration, a storageUri for caches), timestamps every progress, status and diagnostics
// notification as it arrives, and never waits without a deadline: every wait resolves to a result or to
// 'timeout' / 'exited', so a slow stage is recorded rather than hanging the bench.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { defaultSettings, StatusNotification, type StatusParams } from '../../server/src/protocol';

export const fileUri = (file: string): string => pathToFileURL(file).href;

export type Outcome = 'ok' | 'timeout' | 'exited';

export class TimeoutError extends Error {}

export interface StartOptions {
  serverPath: string;
  folder: string;
  /** Folder for the server's caches, passed as `initializationOptions.storageUri`. */
  storageDir: string;
  /** Extra node flags before the server script (--cpu-prof, --heapsnapshot-signal…). */
  nodeArgs?: string[];
  cwd?: string;
  /** What the client answers to `workspace/configuration`; the defaults when not given. */
  settings?: unknown;
}

export class BenchClient {
  readonly connection: ProtocolConnection;
  readonly spawnedAt = performance.now();
  progressBeginAt: number | undefined;
  progressEndAt: number | undefined;
  readyAt: number | undefined;
  lastStatus: StatusParams | undefined;
  exitCode: number | null | undefined;
  stderrTail = '';
  /** The server's log lines (`window/logMessage`), the last 200. */
  readonly logs: string[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly publishWaiters = new Map<string, (t: number) => void>();
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    settings: unknown = defaultSettings,
  ) {
    this.connection = createProtocolConnection(
      new StreamMessageReader(proc.stdout),
      new StreamMessageWriter(proc.stdin),
    );
    proc.stderr.on('data', (d: Buffer) => (this.stderrTail = (this.stderrTail + d.toString()).slice(-4000)));
    proc.on('exit', (code) => {
      this.exitCode = code;
      this.notify();
    });
    const c = this.connection;
    // Settings: the defaults unless the bench sets some, as an editor with no user settings sends them.
    c.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    c.onRequest('window/workDoneProgress/create', () => null);
    for (const method of [
      'client/registerCapability',
      'client/unregisterCapability',
      'workspace/codeLens/refresh',
      'workspace/semanticTokens/refresh',
      'workspace/inlayHint/refresh',
      'workspace/diagnostic/refresh',
      'workspace/workspaceFolders',
      'window/showMessageRequest',
    ])
      c.onRequest(method, () => null);
    c.onRequest('workspace/applyEdit', () => ({ applied: false }));
    c.onNotification('$/progress', (p: { value?: { kind?: string } }) => {
      const t = performance.now();
      if (p.value?.kind === 'begin') this.progressBeginAt ??= t;
      if (p.value?.kind === 'end') this.progressEndAt ??= t;
      this.notify();
    });
    c.onNotification(StatusNotification.method, (p: StatusParams) => {
      this.lastStatus = p;
      if (p.state === 'ready') this.readyAt ??= performance.now();
      this.notify();
    });
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const t = performance.now();
      this.latest.set(p.uri, p);
      const key = `${p.uri}#${p.version}`;
      this.publishWaiters.get(key)?.(t);
      this.publishWaiters.delete(key);
    });
    c.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      if (this.logs.length > 200) this.logs.shift();
    });
    for (const method of ['window/showMessage', 'telemetry/event', '$/logTrace'])
      c.onNotification(method, () => undefined);
    c.onError(() => undefined);
    c.listen();
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  get exited(): boolean {
    return this.exitCode !== undefined;
  }

  static async start(opts: StartOptions, timeoutMs: number): Promise<BenchClient> {
    const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      cwd: opts.cwd,
    });
    const client = new BenchClient(proc, opts.settings);
    const folderUri = fileUri(opts.folder);
    await client.request(
      InitializeRequest.method,
      {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'corpus' }],
        initializationOptions: { storageUri: fileUri(opts.storageDir) },
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true },
          window: { workDoneProgress: true },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
          },
        },
      },
      timeoutMs,
    );
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves when `done()` holds (checked on every notification), or on timeout / server exit. */
  until(done: () => boolean, timeoutMs: number): Promise<Outcome> {
    if (done()) return Promise.resolve('ok');
    if (this.exited) return Promise.resolve('exited');
    return new Promise((resolve) => {
      const finish = (o: Outcome): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(o);
      };
      const check = (): void => {
        if (done()) finish('ok');
        else if (this.exited) finish('exited');
      };
      const timer = setTimeout(() => finish('timeout'), Math.max(0, timeoutMs));
      this.listeners.add(check);
    });
  }

  /** A request with a deadline; throws TimeoutError when it passes. */
  async request<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`${method} timed out`)), Math.max(0, timeoutMs));
    });
    try {
      return await Promise.race([this.connection.sendRequest<R>(method, params), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Diagnostics last published for a URI. */
  diagnostics(uri: string): { version?: number; diagnostics: Diagnostic[] } | undefined {
    return this.latest.get(uri);
  }

  async open(uri: string, text: string, languageId: string, timeoutMs: number): Promise<Outcome> {
    const published = this.publishOf(uri, 1, timeoutMs);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return (await published) === undefined ? (this.exited ? 'exited' : 'timeout') : 'ok';
  }

  /**
   * Sends one incremental change and resolves with the milliseconds from sending it to receiving the
   * publishDiagnostics of that version, or undefined on timeout / exit.
   */
  async edit(
    uri: string,
    version: number,
    range: Range,
    newText: string,
    timeoutMs: number,
  ): Promise<number | undefined> {
    const published = this.publishOf(uri, version, timeoutMs);
    const sent = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text: newText }],
    });
    const at = await published;
    return at === undefined ? undefined : at - sent;
  }

  /** VmRSS and VmHWM of the server process, in bytes (undefined when /proc is unavailable). */
  memory(): { rss: number; hwm: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (key: string): number =>
        Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit, then SIGKILL if the server has not gone within `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    if (!this.exited) {
      try {
        await this.request('shutdown', null, 5000);
        await this.connection.sendNotification('exit');
      } catch {
        // gone, or too busy to answer: killed below
      }
      await this.until(() => this.exited, graceMs);
      if (!this.exited) {
        this.proc.kill('SIGKILL');
        await this.until(() => this.exited, 5000);
      }
    }
    this.connection.dispose();
  }

  /** Kills the server at once (a stage timed out). */
  async kill(): Promise<void> {
    if (!this.exited) {
      this.proc.kill('SIGKILL');
      await this.until(() => this.exited, 5000);
    }
    this.connection.dispose();
  }

  private publishOf(uri: string, version: number, timeoutMs: number): Promise<number | undefined> {
    return new Promise((resolve) => {
      const key = `${uri}#${version}`;
      const timer = setTimeout(() => {
        this.publishWaiters.delete(key);
        this.listeners.delete(onExit);
        resolve(undefined);
      }, timeoutMs);
      const onExit = (): void => {
        if (!this.exited) return;
        clearTimeout(timer);
        this.publishWaiters.delete(key);
        this.listeners.delete(onExit);
        resolve(undefined);
      };
      this.listeners.add(onExit);
      this.publishWaiters.set(key, (t) => {
        clearTimeout(timer);
        this.listeners.delete(onExit);
        resolve(t);
      });
    });
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}
