// Re-anchoring after a rename: corrections made in a renamed file (or under a renamed folder) follow it.
import type { Correction } from './types';

function moved(file: string, from: string, to: string): string | undefined {
  if (file === from) return to;
  const prefix = from.endsWith('/') ? from : `${from}/`;
  return file.startsWith(prefix) ? `${to.replace(/\/$/, '')}/${file.slice(prefix.length)}` : undefined;
}

/** The corrections with paths `from` (a file or folder) moved to `to`; `changed` says whether any moved. */
export function renameFile(
  list: readonly Correction[],
  from: string,
  to: string,
): { corrections: Correction[]; changed: boolean } {
  let changed = false;
  const corrections = list.map((c) => {
    const file = moved(c.file, from, to);
    const other = c.kind === 'notRelated' ? moved(c.other, from, to) : undefined;
    if (file === undefined && other === undefined) return c;
    changed = true;
    return {
      ...c,
      ...(file !== undefined ? { file } : {}),
      ...(other !== undefined ? { other } : {}),
    } as Correction;
  });
  return { corrections, changed };
}
