// Test support for the LSP suite: spawns the bundled server over stdio, talks to it through
// vscode-languageserver-protocol's connection, answers the client-side requests the server makes, and
// turns notifications into awaitable events (diagnostics for a version, status states) with a failure
// deadline rather than sleeps.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { StatusNotification, type StatusParams } from '../../server/src/protocol';
import { ensureBuilt, serverPath } from '../support/built';

/** How long any awaited event may take before the test fails (a deadline, never a wait). */
const DEFAULT_DEADLINE_MS = 20_000;

export const fileUri = (file: string): string => pathToFileURL(file).href;

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

export class Session {
  readonly connection: ProtocolConnection;
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  readonly progress: unknown[] = [];
  readonly registrations: unknown[] = [];
  readonly appliedEdits: unknown[] = [];
  /** What the fake client answers to `workspace/workspaceFolders`. */
  workspaceFolders: { uri: string; name: string }[] | null = null;
  stderr = '';
  exited: number | null = null;
  readonly messages: { type: number; message: string }[] = [];
  /** What the fake client answers to `workspace/configuration` (per item). */
  configuration: unknown = null;
  /** How the fake client answers `workspace/configuration`: at once, after a delay (ms), or never. */
  configurationDelay: number | 'never' = 0;
  /** Benches over large corpora raise this. */
  deadlineMs = DEFAULT_DEADLINE_MS;
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly statusWaiters: Waiter<StatusParams>[] = [];

  private constructor(readonly proc: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(
      new StreamMessageReader(proc.stdout),
      new StreamMessageWriter(proc.stdin),
    );
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    proc.on('exit', (code) => (this.exited = code ?? -1));
    const c = this.connection;
    c.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      const answer = () => params.items.map(() => this.configuration);
      const delay = this.configurationDelay;
      if (delay === 'never') return new Promise<never>(() => {});
      if (delay === 0) return answer();
      return new Promise((resolve) => setTimeout(() => resolve(answer()), delay));
    });
    c.onRequest('client/registerCapability', (params: unknown) => {
      this.registrations.push(params);
      return null;
    });
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/codeLens/refresh', () => null);
    c.onRequest('workspace/semanticTokens/refresh', () => null);
    c.onRequest('workspace/workspaceFolders', () => this.workspaceFolders);
    c.onRequest('workspace/applyEdit', (params: unknown) => {
      this.appliedEdits.push(params);
      return { applied: true };
    });
    c.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
    });
    c.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    c.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.messages.push(p);
    });
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.publishes.push(p);
      this.settle(this.diagnosticWaiters, p);
    });
    c.onNotification(StatusNotification.method, (p: StatusParams) => {
      this.statuses.push(p);
      this.settle(this.statusWaiters, p);
    });
    c.listen();
  }

  /** Starts the server on a workspace folder and completes `initialize`/`initialized`. */
  static async start(
    folder: string,
    options: {
      initializationOptions?: unknown;
      configuration?: unknown;
      configurationDelay?: number | 'never';
      capabilities?: ClientCapabilities;
      /** Workspace folder URIs, when not just `folder`. */
      folders?: string[];
    } = {},
  ): Promise<Session> {
    ensureBuilt();
    const proc = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const session = new Session(proc);
    session.configuration = options.configuration ?? null;
    session.configurationDelay = options.configurationDelay ?? 0;
    await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(folder),
      workspaceFolders: (options.folders ?? [fileUri(folder)]).map((uri, i) => ({ uri, name: `folder${i}` })),
      initializationOptions: options.initializationOptions,
      capabilities: options.capabilities ?? {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          codeLens: { refreshSupport: true },
        },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Resolves with the first status (past or future) that satisfies `test`. */
  status(test: (s: StatusParams) => boolean, what = 'status'): Promise<StatusParams> {
    const seen = this.statuses.find(test);
    if (seen) return Promise.resolve(seen);
    return this.deadline(new Promise((resolve) => this.statusWaiters.push({ test, resolve })), what);
  }

  /** Resolves with the next status that satisfies `test` (ignoring those already received). */
  nextStatus(test: (s: StatusParams) => boolean, what = 'status'): Promise<StatusParams> {
    return this.deadline(new Promise((resolve) => this.statusWaiters.push({ test, resolve })), what);
  }

  ready(): Promise<StatusParams> {
    return this.status((s) => s.state === 'ready', 'status ready');
  }

  /** Resolves with the diagnostics published for `uri` at `version` (past or future). */
  diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && p.version === version;
    const seen = this.publishes.find(test);
    if (seen) return Promise.resolve(seen.diagnostics);
    return this.deadline(
      new Promise<PublishDiagnosticsParams>((resolve) => this.diagnosticWaiters.push({ test, resolve })),
      `diagnostics for ${uri} v${version}`,
    ).then((p) => p.diagnostics);
  }

  /** Resolves with the next publish for `uri` that satisfies `test`. */
  nextPublish(
    uri: string,
    test: (p: PublishDiagnosticsParams) => boolean = () => true,
  ): Promise<PublishDiagnosticsParams> {
    return this.deadline(
      new Promise((resolve) =>
        this.diagnosticWaiters.push({ test: (p) => p.uri === uri && test(p), resolve }),
      ),
      `publish for ${uri}`,
    );
  }

  async open(uri: string, text: string, version = 1, languageId = 'article'): Promise<Diagnostic[]> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
    return this.diagnostics(uri, version);
  }

  /** Replaces the whole text (a full-content change), without waiting. */
  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async stop(): Promise<void> {
    if (this.exited === null) {
      const exited = new Promise((r) => this.proc.once('exit', r));
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // The server is already gone.
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
      if (this.exited === null) this.proc.kill();
    }
    this.connection.dispose();
  }

  private settle<T>(waiters: Waiter<T>[], value: T): void {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].test(value)) {
        waiters[i].resolve(value);
        waiters.splice(i, 1);
      }
    }
  }

  private deadline<T>(p: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const fail = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`)),
        this.deadlineMs,
      );
    });
    return Promise.race([p, fail]).finally(() => clearTimeout(timer));
  }
}
