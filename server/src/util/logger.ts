// Server logging: one Logger shape for the language server (LSP console), the CLI (stderr) and tests (null).
// Messages carry structured data (uri, version) so a verbose log can be filtered without parsing prose.

export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'trace';

const ORDER: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3, trace: 4 };

export interface Logger {
  readonly level: LogLevel;
  log(level: LogLevel, message: string, data?: Record<string, unknown>): void;
}

/** Where formatted lines go, by severity: the LSP console's methods have this shape. */
export interface LogSink {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in ORDER;
}

/** A logger that drops messages above `level` and writes the rest to `sink`. */
export function createLogger(sink: LogSink, level: LogLevel = 'info'): Logger {
  return {
    level,
    log(at, message, data) {
      if (ORDER[at] > ORDER[level]) return;
      const line = data ? `${message} ${safeJson(data)}` : message;
      if (at === 'error') sink.error(line);
      else if (at === 'warn') sink.warn(line);
      else if (at === 'info') sink.info(line);
      else sink.log(`[${at}] ${line}`);
    },
  };
}

export const nullLogger: Logger = { level: 'error', log() {} };

function safeJson(data: Record<string, unknown>): string {
  try {
    return JSON.stringify(data);
  } catch {
    return '[unserialisable data]';
  }
}
