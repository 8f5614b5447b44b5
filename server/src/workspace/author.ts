// Who made a correction: the `articleLens.curation.author` setting, else git's `user.name` for the folder,
// else the OS user. Looked up once per folder: git is not asked on every correction.
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';

const cache = new Map<string, string>();

export function authorFor(folder: string, setting: string): string {
  if (setting.trim() !== '') return setting.trim();
  const known = cache.get(folder);
  if (known !== undefined) return known;
  let name = '';
  try {
    name = execFileSync('git', ['config', 'user.name'], {
      cwd: folder,
      timeout: 2000,
      encoding: 'utf8',
    }).trim();
  } catch {
    // No git, or no user.name: the OS user below.
  }
  if (!name) {
    try {
      name = os.userInfo().username;
    } catch {
      name = 'unknown';
    }
  }
  cache.set(folder, name);
  return name;
}
