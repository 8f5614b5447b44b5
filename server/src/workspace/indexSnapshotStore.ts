// The built corpus index saved whole next to the analysis cache, so a second start on an unchanged
// corpus takes it over instead of rebuilding it. One file: a magic line, a JSON header line (format and
// state versions, the analyser, the digest of the settings it was built with), a CRC-32 of the body, then
// the body as V8's serialisation of the file stamps and the index state. Written to a temporary file
// renamed over the old one; a file that fails any check is discarded with one log line, never trusted.
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as zlib from 'node:zlib';
import { compactState, expandState, type CompactIndexState } from '../analysis/corpus/snapshot/compactState';
import type { CorpusIndexState } from '../analysis/corpus/snapshot/indexState';
import { INDEX_STATE_VERSION } from '../analysis/corpus/snapshot/indexState';
import type { FileStamps } from '../analysis/corpus/snapshot/fileStamps';
import { isFileStamps } from '../analysis/corpus/snapshot/fileStamps';
import { runningAnalyserVersion } from './fileAnalysisStore';
import { settle, type Settled } from '../util/settled';

export const SNAPSHOT_FILE_NAME = 'index-snapshot.bin';
const MAGIC = 'ARTICLE-LENS-INDEX-SNAPSHOT\n';
export const SNAPSHOT_FORMAT_VERSION = 2;
/** Longest header line read; anything longer is not our file. */
const MAX_HEADER = 4096;

interface Header {
  format: number;
  state: number;
  analyser: string;
  /** Digest of the settings the index was built with (see `settingsDigest`). */
  settings: string;
}

/** What reading a snapshot took: its size, and the milliseconds spent reading and decoding it. */
export interface SnapshotReading {
  bytes: number;
  readMs: number;
  decodeMs: number;
}

/** What a snapshot holds: the files as they were when indexed, and the index built from them. */
export interface IndexSnapshot {
  stamps: FileStamps;
  /** Indexed files analysed only in part, with the note the user was given: [URI, reason]. */
  rejected: [string, string][];
  state: CorpusIndexState;
}

/** A snapshot as the file holds it: the index state in its compact form. */
interface StoredSnapshot extends Omit<IndexSnapshot, 'state'> {
  state: CompactIndexState;
}

/** A digest of everything besides the files that the index's findings depend on. */
export function settingsDigest(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

export class IndexSnapshotStore {
  readonly file: string;
  private readonly analyser: string;

  constructor(
    dir: string,
    private readonly log: (message: string) => void,
    analyser = runningAnalyserVersion(),
  ) {
    this.file = path.join(dir, SNAPSHOT_FILE_NAME);
    this.analyser = analyser;
  }

  /**
   * The snapshot built with these settings, or `undefined`: none yet (silently), or one that is damaged,
   * of another format, analyser or settings (discarded, with one log line).
   */
  async read(
    settings: string,
    file: Promise<Settled<Buffer>> = this.readBytes(),
  ): Promise<{ snapshot: IndexSnapshot; reading: SnapshotReading } | undefined> {
    const started = performance.now();
    const loaded = await file;
    if (!loaded.ok) {
      const code = (loaded.error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        this.discard(`cannot read it (${(loaded.error as Error).message})`);
      return undefined;
    }
    const bytes = loaded.value;
    const read = performance.now();
    const parsed = this.parse(bytes, settings);
    if (typeof parsed === 'string') {
      this.discard(parsed);
      return undefined;
    }
    const reading = { bytes: bytes.length, readMs: read - started, decodeMs: performance.now() - read };
    return { snapshot: parsed, reading };
  }

  /**
   * The file's bytes, or why they could not be read. Started before the settings are known (while the
   * folders are listed), so the start does not wait for the listing and then for the file in turn.
   */
  readBytes(): Promise<Settled<Buffer>> {
    return settle(fsp.readFile(this.file));
  }

  private parse(bytes: Buffer, settings: string): IndexSnapshot | string {
    if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return 'not an index snapshot';
    const eol = bytes.subarray(MAGIC.length, MAGIC.length + MAX_HEADER).indexOf(0x0a);
    if (eol < 0) return 'corrupt (no header)';
    let header: Header;
    try {
      header = JSON.parse(bytes.toString('utf8', MAGIC.length, MAGIC.length + eol)) as Header;
    } catch {
      return 'corrupt (header)';
    }
    if (header.format !== SNAPSHOT_FORMAT_VERSION || header.state !== INDEX_STATE_VERSION)
      return `format ${header.format}.${header.state}, this program reads ${SNAPSHOT_FORMAT_VERSION}.${INDEX_STATE_VERSION}`;
    if (header.analyser !== this.analyser)
      return `written by analyser ${header.analyser}, this is ${this.analyser}`;
    if (header.settings !== settings) return 'built with other settings';
    const bodyAt = MAGIC.length + eol + 1 + 4;
    if (bytes.length < bodyAt) return 'corrupt (truncated)';
    const body = bytes.subarray(bodyAt);
    if (bytes.readUInt32LE(bodyAt - 4) !== zlib.crc32(body)) return 'corrupt (checksum)';
    let value: Partial<StoredSnapshot> | null;
    try {
      value = v8.deserialize(body) as Partial<StoredSnapshot> | null;
    } catch (e) {
      return `corrupt (${(e as Error).message})`;
    }
    if (!value || !isFileStamps(value.stamps) || !Array.isArray(value.rejected) || !value.state)
      return 'corrupt (unexpected content)';
    try {
      return { stamps: value.stamps, rejected: value.rejected, state: expandState(value.state) };
    } catch (e) {
      return `corrupt (${(e as Error).message})`;
    }
  }

  /** Says once why a snapshot is not used, and removes it so it is not read again. */
  discard(problem: string): void {
    this.log(`index snapshot ${this.file} discarded: ${problem}; the index is rebuilt`);
    void fsp.rm(this.file, { force: true }).catch(() => undefined);
  }

  /** Writes the snapshot; resolves once it is in place (or failed, logged). */
  async write(settings: string, snapshot: IndexSnapshot): Promise<void> {
    const header: Header = {
      format: SNAPSHOT_FORMAT_VERSION,
      state: INDEX_STATE_VERSION,
      analyser: this.analyser,
      settings,
    };
    let body: Buffer;
    try {
      const stored: StoredSnapshot = { ...snapshot, state: compactState(snapshot.state) };
      body = v8.serialize(stored);
    } catch (e) {
      this.log(`index snapshot ${this.file} not written: ${(e as Error).message}`);
      return;
    }
    const crc = Buffer.alloc(4);
    crc.writeUInt32LE(zlib.crc32(body));
    const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8');
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await fsp.mkdir(path.dirname(this.file), { recursive: true });
      const handle = await fsp.open(temp, 'w');
      try {
        await handle.writev([head, crc, body]);
      } finally {
        await handle.close();
      }
      await fsp.rename(temp, this.file);
    } catch (e) {
      this.log(`index snapshot ${this.file} not written: ${(e as Error).message}`);
      await fsp.rm(temp, { force: true }).catch(() => undefined);
    }
  }
}
