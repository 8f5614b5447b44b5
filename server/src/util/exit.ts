// Leaving the process with a reason: said on stderr at once (the client shows it in its output), and in
// the client's log when the connection can still write; the exit waits for that write, a second at most.
const LOG_WAIT_MS = 1000;

let exiting = false;

export function exitWithReason(
  code: number,
  reason: string | undefined,
  clientLog: (message: string) => Promise<void>,
): void {
  if (exiting) return;
  exiting = true;
  const exit = (): never => process.exit(code);
  if (reason === undefined) exit();
  const message = `Article Lens server: ${reason}; exiting with code ${code}`;
  process.stderr.write(`${message}\n`);
  setTimeout(exit, LOG_WAIT_MS);
  clientLog(message).then(exit, exit);
}
