// The connection's transport, chosen from the command line as vscode-languageserver would (--stdio,
// --node-ipc, --socket=N, --pipe=NAME), but built here so the server can watch it: a message it cannot
// read, or an input that ends inside a message, is reported instead of leaving a server that never
// answers again. Over stdio the console goes to stderr, since stdout carries the protocol.
import { Console } from 'node:console';
import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { describeCutOff, FrameTracker } from './framing';

export interface Transport {
  kind: 'stdio' | 'ipc' | 'socket' | 'pipe';
  reader: MessageReader;
  writer: MessageWriter;
}

/** The value of `--name=value` or `--name value`. */
function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

export function createTransport(argv: readonly string[]): Transport {
  if (argv.includes('--stdio')) {
    routeConsoleToStderr();
    return {
      kind: 'stdio',
      reader: new StreamMessageReader(process.stdin),
      writer: new StreamMessageWriter(process.stdout),
    };
  }
  if (argv.includes('--node-ipc')) {
    return { kind: 'ipc', reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process) };
  }
  const port = option(argv, '--socket');
  if (port !== undefined) {
    const [reader, writer] = createServerSocketTransport(Number(port));
    return { kind: 'socket', reader, writer };
  }
  const pipe = option(argv, '--pipe');
  if (pipe !== undefined) {
    const [reader, writer] = createServerPipeTransport(pipe);
    return { kind: 'pipe', reader, writer };
  }
  throw new Error(
    'no transport: start the server with --stdio, --node-ipc, --socket=<port> or --pipe=<name>',
  );
}

export interface InputWatch {
  /** The input cannot be read any more (a broken frame, or cut off inside a message). */
  broken(reason: string): void;
  /** The input ended between messages. */
  ended(): void;
  /** A message has been incomplete for a while (logged, not fatal: a slow client is not a broken one). */
  stalled(reason: string): void;
}

/** Reports what happens to the transport's input; each outcome at most once. */
export function watchInput(transport: Transport, watch: InputWatch): void {
  let done = false;
  const once =
    <A extends unknown[]>(f: (...args: A) => void) =>
    (...args: A): void => {
      if (done) return;
      done = true;
      f(...args);
    };
  const broken = once(watch.broken);
  const ended = once(watch.ended);
  transport.reader.onError((e) => broken(`unreadable message from the client: ${e.message}`));

  let stalledOnce = false;
  const frames = transport.kind === 'stdio' ? new FrameTracker() : undefined;
  transport.reader.onPartialMessage((info) => {
    if (stalledOnce) return;
    stalledOnce = true;
    const where = frames ? describeCutOff(frames.position) : undefined;
    watch.stalled(`a message has been incomplete for ${info.waitingTime} ms${where ? `: ${where}` : ''}`);
  });

  // A turn later, so the reader has decoded (and reported) the last message it received before the end.
  const onEnd = (): void =>
    void setImmediate(() => {
      const cutOff = frames && describeCutOff(frames.position);
      if (cutOff) broken(cutOff);
      else ended();
    });
  if (frames) {
    process.stdin.on('data', (chunk: Buffer) => {
      frames.push(chunk);
      if (frames.error) broken(`unreadable message from the client: ${frames.error}`);
    });
    process.stdin.on('end', onEnd);
  }
  transport.reader.onClose(onEnd);
}

function routeConsoleToStderr(): void {
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  console.log = toStderr.log.bind(toStderr);
  console.info = toStderr.info.bind(toStderr);
  console.debug = toStderr.debug.bind(toStderr);
  console.warn = toStderr.warn.bind(toStderr);
  console.error = toStderr.error.bind(toStderr);
  console.trace = toStderr.trace.bind(toStderr);
  console.dir = toStderr.dir.bind(toStderr);
  console.table = toStderr.table.bind(toStderr);
}
