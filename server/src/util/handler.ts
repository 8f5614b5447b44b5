// The one wrapper every LSP handler goes through: a throw is a bug, so it is logged with its stack,
// reported once through `onError`, and the request gets its empty result instead of an error reply.
import type { Logger } from './logger';

export interface HandlerGuard {
  /** Wraps a request handler; `empty` is what the client receives when `run` throws. */
  request<P extends unknown[], R>(
    name: string,
    empty: R,
    run: (...args: P) => R | Promise<R>,
  ): (...args: P) => Promise<R>;
  /** Wraps a notification handler; a throw is logged and swallowed. */
  notification<P extends unknown[]>(
    name: string,
    run: (...args: P) => void | Promise<void>,
  ): (...args: P) => void;
}

export function createHandlerGuard(logger: Logger, onError: (message: string) => void): HandlerGuard {
  const report = (name: string, e: unknown): void => {
    const err = e instanceof Error ? e : new Error(String(e));
    logger.log('error', `${name} failed: ${err.stack ?? err.message}`);
    onError(`${name} failed: ${err.message}`);
  };
  return {
    request(name, empty, run) {
      return async (...args) => {
        try {
          return await run(...args);
        } catch (e) {
          report(name, e);
          return empty;
        }
      };
    },
    notification(name, run) {
      return (...args) => {
        try {
          const r = run(...args);
          if (r instanceof Promise) r.catch((e: unknown) => report(name, e));
        } catch (e) {
          report(name, e);
        }
      };
    },
  };
}
