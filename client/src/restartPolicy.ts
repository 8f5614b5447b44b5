// When the language client restarts a server that closed its connection: the library's own rule (up to 4
// restarts, more only if the first of the last five crashes is over 3 minutes old), except that giving up
// is reported to the extension, which offers "Restart Server" instead of the library's dead-end message.
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
} from 'vscode-languageclient/node';

const MAX_RESTARTS = 4;
const WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy implements ErrorHandler {
  private readonly crashes: number[] = [];

  /** `onGiveUp` gets the reason; the client then stays stopped until the user restarts it. */
  constructor(private readonly onGiveUp: (reason: string) => void) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few unreadable messages are worth riding out; a stream of them means the server is gone.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    this.crashes.push(Date.now());
    if (this.crashes.length <= MAX_RESTARTS) return { action: CloseAction.Restart };
    if (this.crashes[this.crashes.length - 1] - this.crashes[0] > WINDOW_MS) {
      this.crashes.shift();
      return { action: CloseAction.Restart };
    }
    const reason = `The Article Lens server stopped ${MAX_RESTARTS + 1} times in the last 3 minutes and will not be restarted automatically.`;
    this.onGiveUp(reason);
    // `handled`: the extension shows its own message, with a Restart Server action.
    return { action: CloseAction.DoNotRestart, message: reason, handled: true };
  }
}
