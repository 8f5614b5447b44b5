// The connection's transport, chosen from the command line as vscode-languageserver would (--stdio,
// --node-ipc, --socket=N, --pipe=NAME), but built here so the server holds its reader and writer (the
// lifecycle rules answer refused requests on the writer). Over stdio the console goes to stderr, since
// stdout carries the protocol.
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
