// The LSP lifecycle rules vscode-languageserver leaves to the server: before `initialize`, requests get
// ServerNotInitialized and notifications are dropped; a second `initialize` and anything after `shutdown`
// get InvalidRequest (notifications dropped). `exit` always passes: the library ends the process with 0
// after `shutdown` and 1 without. Applied as the connection's message strategy, before any handler runs.
import {
  ErrorCodes,
  Message,
  type MessageStrategy,
  type NotificationMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

export type Phase = 'new' | 'running' | 'shutdown';

export class Lifecycle {
  phase: Phase = 'new';
  private readonly droppedIn = new Set<Phase>();

  /**
   * `reply` writes a response straight to the client; `warn` logs, once per phase, that notifications were
   * dropped.
   */
  constructor(
    private readonly reply: (response: ResponseMessage) => void,
    private readonly warn: (message: string) => void,
  ) {}

  readonly strategy: MessageStrategy = {
    handleMessage: (message, next) => {
      if (Message.isRequest(message)) {
        const refusal = this.refusal(message.method);
        if (refusal) {
          this.reply({ jsonrpc: '2.0', id: message.id, error: refusal });
          return;
        }
        if (message.method === 'initialize') this.phase = 'running';
        if (message.method === 'shutdown') this.phase = 'shutdown';
      } else if (Message.isNotification(message) && !this.accepts(message)) {
        return;
      }
      return next(message);
    },
  };

  private refusal(method: string): { code: number; message: string } | undefined {
    if (this.phase === 'new' && method !== 'initialize')
      return {
        code: ErrorCodes.ServerNotInitialized,
        message: `${method}: the server is not initialized yet`,
      };
    if (this.phase === 'running' && method === 'initialize')
      return { code: ErrorCodes.InvalidRequest, message: 'initialize: the server is already initialized' };
    if (this.phase === 'shutdown')
      return { code: ErrorCodes.InvalidRequest, message: `${method}: the server is shutting down` };
    return undefined;
  }

  private accepts(notification: NotificationMessage): boolean {
    if (this.phase === 'running' || notification.method === 'exit') return true;
    if (!this.droppedIn.has(this.phase)) {
      this.droppedIn.add(this.phase);
      const when = this.phase === 'new' ? 'before initialize' : 'after shutdown';
      this.warn(`ignoring notifications received ${when} (first: ${notification.method})`);
    }
    return false;
  }
}
