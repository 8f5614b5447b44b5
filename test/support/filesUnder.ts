// Test support: every file under a folder (a generated corpus has one folder per site), sorted.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    })
    .sort();
}
