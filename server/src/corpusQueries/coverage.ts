// Which workspace files the team database holds as they are on disk: a file is covered when its path
// relative to a workspace folder is stored with the digest of its current text (the digest the analysis
// cache and `index --db` use). Covered files are answered by the database; the others by the local index.
import * as path from 'node:path';
import { ANALYSER_VERSION, cacheKey } from '../analysis/corpus/cacheKey';
import type { AnalysisOptions } from '../analysis/types';
import { uriToPath } from '../util/uri';

export class Coverage {
  private folders: string[] = [];
  /** Path relative to the corpus root → content digest, as the database holds them, in corpus order. */
  private stored = new Map<string, string>();
  /** Path → its place in corpus order. */
  private readonly rank = new Map<string, number>();
  private version = '';
  /** URI → its stored path, for the files found unchanged. */
  private readonly covered = new Map<string, string>();
  private readonly uriByPath = new Map<string, string>();
  /** Files looked at that the database does not hold (or holds in another state). */
  private readonly missing = new Set<string>();

  setFolders(folders: readonly string[]): void {
    this.folders = [...folders];
  }

  /**
   * The database's articles and the analyser version they were indexed with. A version of another
   * analyser release (its number before `+`) covers nothing: its findings could differ from this one's.
   */
  reset(stored: Map<string, string>, version: string | undefined): void {
    const release = (v: string): string => v.split('+')[0] ?? v;
    this.stored = version !== undefined && release(version) === ANALYSER_VERSION ? stored : new Map();
    this.version = version ?? '';
    this.rank.clear();
    for (const p of this.stored.keys()) this.rank.set(p, this.rank.size);
    this.covered.clear();
    this.uriByPath.clear();
    this.missing.clear();
  }

  get storedCount(): number {
    return this.stored.size;
  }

  /** Whether the database holds this file with exactly this text; records the answer. */
  check(uri: string, text: string, options: AnalysisOptions): boolean {
    const rel = this.relative(uri);
    const want = rel === undefined ? undefined : this.stored.get(rel);
    if (rel !== undefined && want !== undefined && cacheKey(uri, text, options, this.version).hash === want) {
      this.covered.set(uri, rel);
      this.uriByPath.set(rel, uri);
      this.missing.delete(uri);
      return true;
    }
    this.forget(uri);
    this.missing.add(uri);
    return false;
  }

  forget(uri: string): void {
    const rel = this.covered.get(uri);
    if (rel !== undefined) this.uriByPath.delete(rel);
    this.covered.delete(uri);
    this.missing.delete(uri);
  }

  has(uri: string): boolean {
    return this.covered.has(uri);
  }

  pathOf(uri: string): string | undefined {
    return this.covered.get(uri);
  }

  digestOf(uri: string): string | undefined {
    const rel = this.covered.get(uri);
    return rel === undefined ? undefined : this.stored.get(rel);
  }

  /** A covered file's place in corpus order (the order of the database's listings). */
  rankOf(uri: string): number | undefined {
    const rel = this.covered.get(uri);
    return rel === undefined ? undefined : this.rank.get(rel);
  }

  /** The workspace URI of a stored path; `undefined` when the file is not here (or differs here). */
  uriOf(storedPath: string): string | undefined {
    return this.uriByPath.get(storedPath);
  }

  get coveredCount(): number {
    return this.covered.size;
  }

  get missingCount(): number {
    return this.missing.size;
  }

  coveredUris(): string[] {
    return [...this.covered.keys()];
  }

  /** A URI's path relative to the first workspace folder holding it, `/`-separated. */
  private relative(uri: string): string | undefined {
    const file = uriToPath(uri);
    if (file === undefined) return undefined;
    for (const folder of this.folders) {
      const rel = path.relative(folder, file);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
    }
    return undefined;
  }
}
