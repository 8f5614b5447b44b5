// Writing to the CLI's streams. A reader that goes away (`| head`) is not an error of ours: on EPIPE the
// process ends quietly with the exit code it already had.
export function exitQuietlyOnEpipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
  // Nobody left to warn: a closed stderr must not turn a warning into a crash.
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

export function warn(message: string): void {
  process.stderr.write(`article-lens: ${message}\n`);
}
