// What a snapshot of the index knows of the files it was built from: per file its size and modification
// time as last read, and a digest of the text indexed. On the next start the files are only stat'ed;
// those whose stat differs (or was too close to the snapshot to tell) are read and their digest compared.
import { createHash } from 'node:crypto';

export interface FileStamps {
  uris: string[];
  /** Per file, as stat gave them when it was read; -1 for a file indexed from an open buffer. */
  sizes: Float64Array;
  mtimes: Float64Array;
  /** Digest of the indexed text of each file (see `textDigest`). */
  digests: string[];
  /** When the stamps were taken (ms since the epoch): a file modified this close to it is checked. */
  takenAt: number;
}

export interface FileStat {
  size: number;
  mtimeMs: number;
}

/** How far apart two writes of a file must be for its modification time to tell them apart, safely. */
const MTIME_RESOLUTION_MS = 2000;

export function textDigest(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

export function isFileStamps(value: unknown): value is FileStamps {
  const s = value as Partial<FileStamps> | null | undefined;
  const n = Array.isArray(s?.uris) ? s.uris.length : -1;
  return (
    !!s &&
    n >= 0 &&
    s.sizes instanceof Float64Array &&
    s.sizes.length === n &&
    s.mtimes instanceof Float64Array &&
    s.mtimes.length === n &&
    Array.isArray(s.digests) &&
    s.digests.length === n &&
    typeof s.takenAt === 'number'
  );
}

export interface StampComparison {
  /** Files of the snapshot whose stat is as recorded. */
  same: number;
  /** Files of the snapshot to read and compare by digest: their stat differs, or is too recent to trust. */
  check: string[];
  /** Files of the listing the snapshot does not have. */
  added: string[];
  /** Files of the snapshot no longer listed. */
  gone: string[];
}

/** The listed files (with their stat, `undefined` when it failed) against the snapshot's. */
export function compareStamps(
  stamps: FileStamps,
  listed: ReadonlyMap<string, FileStat | undefined>,
): StampComparison {
  const out: StampComparison = { same: 0, check: [], added: [], gone: [] };
  const known = new Set<string>();
  stamps.uris.forEach((uri, i) => {
    known.add(uri);
    if (!listed.has(uri)) {
      out.gone.push(uri);
      return;
    }
    const stat = listed.get(uri);
    const unchanged =
      stat !== undefined &&
      stat.size === stamps.sizes[i] &&
      stat.mtimeMs === stamps.mtimes[i] &&
      stat.mtimeMs < stamps.takenAt - MTIME_RESOLUTION_MS;
    if (unchanged) out.same++;
    else out.check.push(uri);
  });
  for (const uri of listed.keys()) if (!known.has(uri)) out.added.push(uri);
  return out;
}
