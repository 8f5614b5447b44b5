// Reads article files from disk for the CLI: directory walk, extension filter, the shared text rule.
// A path that cannot be used (missing, dangling or looping symlink, unreadable, binary) is reported and
// skipped; it never stops the run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeArticle, limitText } from './articleText';

export const ARTICLE_EXTENSIONS = ['.article', '.txt'];

/** A path left out of the analysis, and why. */
export interface SkippedPath {
  path: string;
  reason: string;
}

export interface CorpusFiles {
  /** Article files, each once, in the order given (a directory's files sorted). */
  files: string[];
  /** Relative paths in the output are relative to this. */
  base: string;
  skipped: SkippedPath[];
}

/** Why a file system call failed, in a few words. */
function reasonOf(e: unknown, file: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return isSymlink(file) ? 'dangling symlink' : 'no such file or directory';
    case 'ELOOP':
      return 'symlink loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return (e as Error).message;
  }
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function isArticleName(name: string): boolean {
  return ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/**
 * Every article file under `dir`, sorted, skipping hidden folders and node_modules. Symlinks are followed;
 * one that leads back to a folder being walked is reported as a loop instead of walked forever.
 */
export function listArticleFiles(dir: string, skipped: SkippedPath[] = []): string[] {
  const out: string[] = [];
  const walk = (d: string, ancestors: Set<string>): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: d, reason: `cannot list: ${reasonOf(e, d)}` });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(d, entry.name);
      let stat: fs.Stats | fs.Dirent = entry;
      if (entry.isSymbolicLink()) {
        try {
          stat = fs.statSync(full);
        } catch (e) {
          skipped.push({ path: full, reason: reasonOf(e, full) });
          continue;
        }
      }
      if (stat.isDirectory()) {
        const real = realpath(full);
        if (ancestors.has(real)) skipped.push({ path: full, reason: 'symlink loop' });
        else walk(full, new Set(ancestors).add(real));
      } else if (isArticleName(entry.name)) {
        if (stat.isFile()) out.push(full);
        else skipped.push({ path: full, reason: 'not a regular file' });
      }
    }
  };
  walk(dir, new Set([realpath(dir)]));
  return out.sort();
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** Expands CLI arguments (directories and files) into article files; a bad path is reported in `skipped`. */
export function resolveInputs(inputs: readonly string[]): CorpusFiles {
  const files: string[] = [];
  const skipped: SkippedPath[] = [];
  const seen = new Set<string>();
  let onlyDir: string | undefined;
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (e) {
      skipped.push({ path: input, reason: reasonOf(e, input) });
      continue;
    }
    if (stat.isDirectory() && inputs.length === 1) onlyDir = input;
    const found = stat.isDirectory() ? listArticleFiles(input, skipped) : [input];
    // A file named twice (a folder and a file in it) is analysed once: one URI, one result.
    for (const file of found) {
      const key = path.resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return { files, base: onlyDir ?? process.cwd(), skipped };
}

/** An article as the analysis gets it, or why it is skipped. */
export type ArticleRead =
  | {
      text: string;
      encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
      /** Set when only a prefix is analysed; `bytes` is then the size of the whole file. */
      truncated: boolean;
      bytes: number;
    }
  | { skipped: string };

/**
 * Reads one article under the size rule of the server (`limitText`). A file far over the limit is read
 * only as far as any encoding's prefix can reach: two bytes per UTF-16 unit, and a unit is at least one
 * UTF-8 byte, so twice the limit (and a BOM) is always enough.
 */
export function readArticle(file: string, limitBytes: number): ArticleRead {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { skipped: 'not a regular file' };
    const readable = 2 * limitBytes + 4;
    const bytes = stat.size > readable ? readPrefix(file, readable) : fs.readFileSync(file);
    const decoded = decodeArticle(bytes);
    if ('binary' in decoded) return { skipped: 'binary content' };
    const limited = limitText(decoded.text, limitBytes);
    const truncated = limited.truncated || stat.size > readable;
    return {
      text: limited.text,
      encoding: decoded.encoding,
      truncated,
      bytes: stat.size > readable ? stat.size : limited.bytes,
    };
  } catch (e) {
    return { skipped: reasonOf(e, file) };
  }
}

function readPrefix(file: string, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = fs.readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}
