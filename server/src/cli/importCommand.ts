// `article-lens import --format brat|jsonl DIR [--corpus CORPUS] [--annotations FILE]`: another tool's
// annotations become corrections in the corpus's sidecar, so its gold is what the analysis reports. The
// corrections change what the corpus teaches about names, so the difference is taken again until none
// is left (at most a few rounds).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serializeSidecar } from '../analysis/curation/sidecar';
import type { Correction } from '../analysis/curation/types';
import { bratTextPath } from '../export/brat';
import type { ImportedArticle } from '../export/imported';
import { parseAnn } from '../export/parseBrat';
import { parseJsonl } from '../export/parseJsonl';
import { importedToCorrections } from '../export/toCorrections';
import { resolveInputs } from '../workspace/fsCorpus';
import { analyzeCorpus, readCorrections, sidecarPath } from './corpus';
import { CurationUsageError, takeOption } from './options';

export const IMPORT_USAGE = `usage: article-lens import --format brat|jsonl [--corpus DIR] [--annotations FILE] DIR`;
const ROUNDS = 4;

function walk(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full, ext));
    else if (e.name.endsWith(ext)) out.push(full);
  }
  return out.sort();
}

export function readImported(format: string, dir: string, warn: (m: string) => void): ImportedArticle[] {
  if (format === 'jsonl') {
    const problems: string[] = [];
    const out = walk(dir, '.jsonl').flatMap((f) => parseJsonl(fs.readFileSync(f, 'utf8'), problems));
    problems.forEach(warn);
    return out;
  }
  return walk(dir, '.ann').map((ann) => {
    const txt = `${ann.slice(0, -'.ann'.length)}.txt`;
    const text = fs.existsSync(txt) ? fs.readFileSync(txt, 'utf8') : undefined;
    const file = path.relative(dir, txt).split(path.sep).join('/');
    return parseAnn(file, fs.readFileSync(ann, 'utf8'), text);
  });
}

export function runImport(args: readonly string[], warn: (m: string) => void): number {
  const rest = [...args];
  const format = takeOption(rest, '--format');
  const corpus = takeOption(rest, '--corpus') ?? '.';
  const annotations = takeOption(rest, '--annotations');
  if (format !== 'brat' && format !== 'jsonl') throw new CurationUsageError('--format must be brat or jsonl');
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown) throw new CurationUsageError(`unknown option: ${unknown}`);
  if (rest.length !== 1) throw new CurationUsageError('give the one folder to import from');
  const gold = readImported(format, rest[0], warn);
  const { files, base } = resolveInputs([corpus]);
  const sidecar = sidecarPath(base, annotations);
  const kept = readCorrections(sidecar, warn);
  const added = importCorrections(files, base, kept, gold, warn);
  fs.mkdirSync(path.dirname(sidecar), { recursive: true });
  fs.writeFileSync(sidecar, serializeSidecar([...kept, ...added]));
  process.stdout.write(
    `imported ${gold.length} articles: ${added.length} corrections written to ${sidecar}\n`,
  );
  return 0;
}

/** The corrections that make the corpus's analysis say what `gold` says. */
export function importCorrections(
  files: readonly string[],
  base: string,
  kept: readonly Correction[],
  gold: readonly ImportedArticle[],
  warn: (m: string) => void,
): Correction[] {
  const added: Correction[] = [];
  const author = `import (${os.userInfo().username})`;
  const start = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    const { results } = analyzeCorpus(files, base, [...kept, ...added]);
    const byFile = new Map(results.map((r) => [r.file, r]));
    const time = new Date(start + round).toISOString();
    let found = 0;
    for (const g of gold) {
      const r = byFile.get(g.file) ?? [...byFile.values()].find((x) => bratTextPath(x.file) === g.file);
      if (!r) {
        if (round === 0) warn(`${g.file}: not in the corpus, skipped`);
        continue;
      }
      if (g.text !== undefined && g.text !== r.text) {
        if (round === 0) warn(`${g.file}: its text differs from the corpus file, skipped`);
        continue;
      }
      const more = importedToCorrections(g, {
        file: r.file,
        text: r.text,
        analysis: r.analysis,
        author,
        time,
      });
      added.push(...more);
      found += more.length;
    }
    if (found === 0) break;
  }
  return added;
}
