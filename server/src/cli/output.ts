// Writing to the CLI's streams. A reader that goes away (`| head`) is not an error of ours: EPIPE is
// ignored, the run finishes (the cache is still written) and ends with its own exit code.
export function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
}

export function warn(message: string): void {
  process.stderr.write(`article-lens: ${message}\n`);
}
