// A folder's real path and entries, asked for as soon as the walk finds the folder: a walk that waits for
// each folder in turn pays one file-system round trip after another (hundreds of folders in a corpus of
// outlets and dates), while the reads of folders still on its stack can run meanwhile. The walk itself
// keeps its order, so which path of two that lead to one folder is reported as a loop does not change.
import { promises as fsp, type Dirent } from 'node:fs';
import { settle, type Settled } from '../util/settled';

export interface FolderRead {
  dir: string;
  real: Promise<Settled<string>>;
  entries: Promise<Settled<Dirent[]>>;
}

export function readFolderAhead(dir: string): FolderRead {
  return {
    dir,
    real: settle(fsp.realpath(dir)),
    entries: settle(fsp.readdir(dir, { withFileTypes: true })),
  };
}
