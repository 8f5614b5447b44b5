// The language server's link to the team database: one pool shared by the corrections and the corpus
// queries, its state (connected / read-only / offline) and the way back after a loss. Whoever meets a
// connection error reports it with `lost`; the link then goes offline once and tries again with growing
// pauses, and tells its listeners when the database answers again. A heartbeat notices a database that
// went away while nobody was asking it anything.
import type { Pool } from 'pg';
import { openPool } from './database';

export type LinkState = 'connecting' | 'connected' | 'read-only' | 'offline';

export interface TeamLinkOptions {
  url: string;
  password?: string;
  /** First pause before trying again, doubled after every failed try up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** How often a connected link checks that the database still answers. */
  heartbeatMs?: number;
}

export interface TeamLinkListener {
  /** The database answers (first time or again); `writable` is whether this login may store corrections. */
  online?(writable: boolean): Promise<void> | void;
  /** The database stopped answering; `error` is what failed. */
  offline?(error: unknown): void;
}

/** SQLSTATE classes that mean the connection (not the statement) failed: connection exceptions (08),
 * operator intervention such as a shutdown (57), insufficient resources (53), and a login refused (28). */
const CONNECTION_CLASSES = ['08', '57', '53', '28'];
/** Node and pg driver errors of a dropped or unreachable connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/** Whether an error means the database is unreachable (as opposed to one statement failing). */
export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | undefined;
  const code = typeof err?.code === 'string' ? err.code : '';
  if (NETWORK_CODES.has(code)) return true;
  if (/^[0-9A-Z]{5}$/.test(code)) return CONNECTION_CLASSES.includes(code.slice(0, 2)) || code === '3D000';
  const message = typeof err?.message === 'string' ? err.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}

export class TeamLink {
  readonly pool: Pool;
  private current: LinkState = 'connecting';
  private readonly listeners: TeamLinkListener[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private nextRetryMs: number;
  private closed = false;
  /** One attempt at a time: a loss reported while reconnecting waits for that attempt. */
  private attempt: Promise<void> | undefined;
  lastError: unknown;

  constructor(readonly options: TeamLinkOptions) {
    this.pool = openPool(options.url, {
      password: options.password,
      applicationName: 'article-lens server',
      max: 3,
    });
    this.nextRetryMs = options.retryMs ?? 1000;
  }

  get state(): LinkState {
    return this.current;
  }

  /** Connected (for reading at least): the database may be asked. */
  get isOnline(): boolean {
    return this.current === 'connected' || this.current === 'read-only';
  }

  subscribe(listener: TeamLinkListener): void {
    this.listeners.push(listener);
  }

  /** The first connection; resolves once it has succeeded or failed (then retries go on behind). */
  start(): Promise<void> {
    return this.tryConnect();
  }

  /** Someone's query met a connection error: go offline (once) and start trying again. */
  lost(e: unknown): void {
    if (this.closed || this.current === 'offline' || this.attempt) return;
    this.goOffline(e);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeat);
    await this.pool.end().catch(() => undefined);
  }

  private tryConnect(): Promise<void> {
    this.attempt ??= this.connectOnce().finally(() => (this.attempt = undefined));
    return this.attempt;
  }

  private async connectOnce(): Promise<void> {
    let writable: boolean;
    try {
      const { rows } = await this.pool.query<{ ok: boolean }>(
        "SELECT has_table_privilege(current_user, 'corrections', 'INSERT') AS ok",
      );
      writable = rows[0]?.ok === true;
    } catch (e) {
      this.goOffline(e);
      return;
    }
    if (this.closed) return;
    this.current = writable ? 'connected' : 'read-only';
    this.nextRetryMs = this.options.retryMs ?? 1000;
    this.startHeartbeat();
    for (const l of this.listeners) {
      try {
        await l.online?.(writable);
      } catch (e) {
        // A listener's first query failing on a connection error means the database went again.
        if (isConnectionError(e)) {
          this.goOffline(e);
          return;
        }
        // Any other failure is that listener's; the link (and a retry timer's promise) must not reject.
        this.lastError = e;
      }
    }
  }

  private goOffline(e: unknown): void {
    this.lastError = e;
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const was = this.current;
    this.current = 'offline';
    if (was !== 'offline') for (const l of this.listeners) l.offline?.(e);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    clearTimeout(this.retryTimer);
    const wait = this.nextRetryMs;
    this.nextRetryMs = Math.min(wait * 2, this.options.maxRetryMs ?? 30_000);
    this.retryTimer = setTimeout(() => void this.tryConnect(), wait);
    // A pending retry must not keep a server that is shutting down alive.
    this.retryTimer.unref();
  }

  private startHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(() => {
      this.pool.query('SELECT 1').catch((e: unknown) => {
        if (isConnectionError(e)) this.lost(e);
      });
    }, this.options.heartbeatMs ?? 5000);
    this.heartbeat.unref();
  }
}
