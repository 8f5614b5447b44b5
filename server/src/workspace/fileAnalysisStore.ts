// The analysis cache as one file: a header line (magic, format version, analyser version), then the
// entries as gzip-compressed JSON lines `[uri, digest, entry]`. gzip's checksum catches a damaged file;
// every entry is validated on load. A file that fails any check is discarded whole, with one log line,
// and rewritten at the next flush. Writes go to a temporary file renamed over the old one, so a reader
// (or a crash) never sees half a file.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import type { AnalysisStore } from '../analysis/corpus/analysisStore';
import type { CachedAnalysis } from '../analysis/corpus/cachedAnalysis';
import { ANALYSER_VERSION, type CacheKey } from '../analysis/corpus/cacheKey';
import { decodeEntry, encodeEntry } from '../analysis/corpus/entryCodec';

export const CACHE_FILE_NAME = 'analysis-cache.bin';
const MAGIC = 'ARTICLE-LENS-CACHE';
export const CACHE_FORMAT_VERSION = 1;
/** Longest header line read; anything longer is not our file. */
const MAX_HEADER = 512;

/** The bundles of one build, side by side: the language server, the CLI and their indexing worker. */
const BUILD_BUNDLES = ['cli.js', 'indexWorker.js', 'server.js'];

/**
 * The analyser version of the running program: the results version, plus a digest of its build (the
 * bundles next to the program, else the program file alone), so a rebuilt analyser never reads entries
 * of another build as its own, while the editor's server and the CLI of one build read each other's.
 */
export function runningAnalyserVersion(program = require.main?.filename ?? process.argv[1]): string {
  try {
    const dir = path.dirname(program);
    const bundles = BUILD_BUNDLES.includes(path.basename(program))
      ? BUILD_BUNDLES.map((b) => path.join(dir, b)).filter((f) => existsSync(f))
      : [program];
    const hash = createHash('sha256');
    for (const file of bundles) hash.update(readFileSync(file));
    return `${ANALYSER_VERSION}+${hash.digest('base64url').slice(0, 16)}`;
  } catch {
    return ANALYSER_VERSION;
  }
}

export interface FileAnalysisStoreOptions {
  /** Analyser version of the entries: a file written by another is discarded. */
  version?: string;
  /** One line per event worth knowing: a discarded file, a failed write. */
  log?: (message: string) => void;
  /** Drop, at flush, entries neither read nor written since load (files gone from the corpus). */
  prune?: boolean;
}

interface Stored {
  hash: string;
  entry: CachedAnalysis;
  touched: boolean;
}

export class FileAnalysisStore implements AnalysisStore {
  readonly version: string;
  readonly file: string;
  private readonly entries = new Map<string, Stored>();
  /** Whether the file on disk differs from what a flush would write. */
  private dirty = false;
  private readonly log: (message: string) => void;

  constructor(
    dir: string,
    private readonly options: FileAnalysisStoreOptions = {},
  ) {
    this.file = path.join(dir, CACHE_FILE_NAME);
    // The version is a word of the header line.
    this.version = (options.version ?? runningAnalyserVersion()).replace(/\s/g, '_');
    this.log = options.log ?? (() => undefined);
  }

  async load(): Promise<void> {
    this.entries.clear();
    let bytes: Buffer;
    try {
      bytes = await fsp.readFile(this.file);
    } catch (e) {
      // No cache yet (a missing file or folder) is normal; a flush will say if the folder is unusable.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.discard(`cannot read it (${(e as Error).message})`);
      return;
    }
    const problem = await this.parse(bytes);
    if (problem !== undefined) {
      this.entries.clear();
      this.discard(problem);
    }
  }

  /**
   * Fills `entries` from the file's bytes; returns what is wrong with them, if anything. The body is
   * inflated as a stream and read line by line, so no copy of the whole body is ever held as one string.
   */
  private async parse(bytes: Buffer): Promise<string | undefined> {
    const eol = bytes.subarray(0, MAX_HEADER).indexOf(0x0a);
    const header = eol < 0 ? '' : bytes.subarray(0, eol).toString('latin1');
    const [magic, format, version, ...more] = header.split(' ');
    if (magic !== MAGIC || more.length > 0 || version === undefined) return 'not an analysis cache file';
    if (format !== String(CACHE_FORMAT_VERSION))
      return `format ${format}, this program reads format ${CACHE_FORMAT_VERSION}`;
    if (version !== this.version) return `written by analyser ${version}, this is ${this.version}`;
    let count = 0;
    let problem: string | undefined;
    const readLine = (line: string): boolean => {
      count++;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problem = `corrupt (entry ${count} is not JSON)`;
        return false;
      }
      const entry = Array.isArray(value) && value.length === 3 ? decodeEntry(value[2]) : undefined;
      const [uri, hash] = Array.isArray(value) ? value : [];
      if (!entry || typeof uri !== 'string' || typeof hash !== 'string' || this.entries.has(uri)) {
        problem = `corrupt (entry ${count} is malformed)`;
        return false;
      }
      this.entries.set(uri, { hash, entry, touched: false });
      return true;
    };
    try {
      const rest = await forEachLine(
        Readable.from([bytes.subarray(eol + 1)]).pipe(zlib.createGunzip()),
        readLine,
      );
      if (problem === undefined && rest > 0) problem = 'corrupt (truncated)';
    } catch (e) {
      problem ??= `corrupt (${(e as Error).message})`;
    }
    return problem;
  }

  private discard(problem: string): void {
    this.dirty = true;
    this.log(`analysis cache ${this.file} discarded: ${problem}; it will be rebuilt`);
  }

  get(key: CacheKey): CachedAnalysis | undefined {
    const found = this.entries.get(key.uri);
    if (found?.hash !== key.hash) return undefined;
    found.touched = true;
    return found.entry;
  }

  put(key: CacheKey, entry: CachedAnalysis): void {
    const found = this.entries.get(key.uri);
    if (found?.hash === key.hash && found.entry === entry) {
      found.touched = true;
      return;
    }
    this.entries.set(key.uri, { hash: key.hash, entry, touched: true });
    this.dirty = true;
  }

  get size(): number {
    return this.entries.size;
  }

  async flush(): Promise<void> {
    if (this.options.prune)
      for (const [uri, stored] of this.entries)
        if (!stored.touched) {
          this.entries.delete(uri);
          this.dirty = true;
        }
    if (!this.dirty) return;
    const header = `${MAGIC} ${CACHE_FORMAT_VERSION} ${this.version}\n`;
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await fsp.mkdir(path.dirname(this.file), { recursive: true });
      const out = createWriteStream(temp);
      out.write(Buffer.from(header, 'latin1'));
      // Streamed entry by entry: the whole body as one string would be the largest thing the server holds.
      await pipeline(Readable.from(this.lines()), zlib.createGzip(), out);
      await fsp.rename(temp, this.file);
      this.dirty = false;
    } catch (e) {
      this.log(`analysis cache ${this.file} not written: ${(e as Error).message}`);
      await fsp.rm(temp, { force: true }).catch(() => undefined);
    }
  }

  /** The entries' lines, a few dozen kilobytes at a time. */
  private *lines(): Generator<string> {
    let batch = '';
    for (const [uri, stored] of this.entries) {
      batch += `${JSON.stringify([uri, stored.hash, encodeEntry(stored.entry)])}\n`;
      if (batch.length >= 65536) {
        yield batch;
        batch = '';
      }
    }
    if (batch.length > 0) yield batch;
  }
}

/**
 * Calls `fn` with each complete UTF-8 line of a byte stream (without its newline) until it returns false;
 * resolves to the number of bytes after the last newline (0 for a stream that ends with one).
 */
async function forEachLine(stream: AsyncIterable<Buffer>, fn: (line: string) => boolean): Promise<number> {
  let carry: Buffer | undefined;
  for await (const chunk of stream) {
    const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a, start)) {
      if (!fn(data.toString('utf8', start, nl))) return 0;
      start = nl + 1;
    }
    // A copy, so the chunk it came from is not kept alive.
    carry = start < data.length ? Buffer.from(data.subarray(start)) : undefined;
  }
  return carry?.length ?? 0;
}
