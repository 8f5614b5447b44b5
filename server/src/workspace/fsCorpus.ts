// Reads article files from disk for the CLI: directory walk, extension filter, clear errors.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ARTICLE_EXTENSIONS = ['.article', '.txt'];

export class CorpusReadError extends Error {}

/** Every article file under `dir`, sorted, skipping hidden folders and node_modules. */
export function listArticleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (ARTICLE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}

/** Expands CLI arguments (directories and files) into article files; throws `CorpusReadError` on a bad path. */
export function resolveInputs(inputs: readonly string[]): { files: string[]; base: string } {
  const files: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new CorpusReadError(`no such file or directory: ${input}`);
    }
    if (stat.isDirectory()) files.push(...listArticleFiles(input));
    else files.push(input);
  }
  const base = inputs.length === 1 && fs.statSync(inputs[0]).isDirectory() ? inputs[0] : process.cwd();
  return { files, base };
}

export function readArticle(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CorpusReadError(`cannot read ${file}: ${(e as Error).message}`);
  }
}
