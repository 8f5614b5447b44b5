// A deadline on `workspace/configuration`: a client that does not answer within `ms` gets the fallback
// settings (initializationOptions, else the defaults) instead of a document that never gets diagnostics,
// and the first such timeout is reported once. An answer that comes after its deadline is kept for the
// next request of that scope, and `onLateAnswer` lets the server re-read it.
import type { ConfigurationFetch } from '../config';

export interface ConfigurationTimeoutOptions {
  ms: number;
  /** What a timed-out request resolves with (the store sanitises it as any answer). */
  fallback: unknown;
  /** Called on the first timeout only. */
  onFirstTimeout(): void;
  /** A timed-out request was answered after all. */
  onLateAnswer(scopeUri: string | undefined): void;
}

export class ConfigurationTimeout {
  private timedOut = false;
  private readonly late = new Map<string | undefined, unknown>();

  constructor(
    private readonly inner: ConfigurationFetch,
    private readonly options: ConfigurationTimeoutOptions,
  ) {}

  readonly fetch: ConfigurationFetch = (scopeUri) => {
    if (this.late.has(scopeUri)) {
      const value = this.late.get(scopeUri);
      this.late.delete(scopeUri);
      return Promise.resolve(value);
    }
    return new Promise((resolve, reject) => {
      let expired = false;
      const timer = setTimeout(() => {
        expired = true;
        if (!this.timedOut) {
          this.timedOut = true;
          this.options.onFirstTimeout();
        }
        resolve(this.options.fallback);
      }, this.options.ms);
      this.inner(scopeUri).then(
        (value) => {
          clearTimeout(timer);
          if (!expired) return resolve(value);
          this.late.set(scopeUri, value);
          this.options.onLateAnswer(scopeUri);
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (!expired) reject(error);
        },
      );
    });
  };

  /** Drops late answers (the settings changed since). */
  forget(): void {
    this.late.clear();
  }
}
