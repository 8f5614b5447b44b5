// Command-line front end: the same analysis as the language server, printed as JSON or eslint-style text.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { indexCorpus, withCorpusFindings } from './analysis/analyzeArticle';
import { CorpusIndex } from './analysis/corpusIndex';
import { lineIndex } from './analysis/text';
import {
  defaultAnalysisOptions,
  neverCancelled,
  type ArticleAnalysis,
  type ArticleSnapshot,
} from './analysis/types';
import { CorpusReadError, readArticle, resolveInputs } from './workspace/fsCorpus';

const USAGE = `usage: article-lens analyze [--format json|text] <dir|file...>

Analyses the article files (.txt, .article) and prints entities, quotes, repeated and shared passages
and related articles. Offsets in JSON are UTF-16 code units; paths are relative to the given directory.`;

type Format = 'json' | 'text';

interface CliArgs {
  command: string;
  format: Format;
  inputs: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') throw new UsageError('');
  if (command !== 'analyze') throw new UsageError(`unknown command: ${command}`);
  let format: Format = 'json';
  const inputs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format') {
      const value = rest[++i];
      if (value !== 'json' && value !== 'text')
        throw new UsageError(`--format must be json or text, not ${value}`);
      format = value;
    } else if (arg.startsWith('--format=')) {
      const value = arg.slice('--format='.length);
      if (value !== 'json' && value !== 'text')
        throw new UsageError(`--format must be json or text, not ${value}`);
      format = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option: ${arg}`);
    } else inputs.push(arg);
  }
  if (inputs.length === 0) throw new UsageError('no input: give a directory or files');
  return { command, format, inputs };
}

interface CorpusResult {
  file: string;
  text: string;
  analysis: ArticleAnalysis;
}

function analyzeFiles(files: readonly string[], base: string): CorpusResult[] {
  const snapshots: ArticleSnapshot[] = files.map((file) => ({
    uri: pathToFileURL(path.resolve(file)).href,
    version: 0,
    text: readArticle(file),
  }));
  const index = new CorpusIndex();
  const options = defaultAnalysisOptions;
  indexCorpus(snapshots, index, options, neverCancelled);
  return snapshots.map((s, i) => {
    const local = index.get(s.uri)?.local ?? {
      entities: [],
      quotes: [],
      unbalanced: [],
      repeats: [],
      limits: [],
    };
    const analysis = withCorpusFindings({ uri: s.uri, version: 0, ...local }, s, index, options);
    return { file: path.relative(base, files[i]).split(path.sep).join('/'), text: s.text, analysis };
  });
}

function toJson(results: readonly CorpusResult[], base: string): unknown {
  const fileOf = new Map(results.map((r) => [r.analysis.uri, r.file]));
  const rel = (uri: string): string =>
    fileOf.get(uri) ?? path.relative(base, new URL(uri).pathname).split(path.sep).join('/');
  return {
    files: results.map(({ file, analysis: a }) => ({
      file,
      entities: a.entities.map((e) => ({
        start: e.span.start,
        end: e.span.end,
        type: e.type,
        text: e.text,
        canonical: e.canonical,
      })),
      quotes: a.quotes
        .filter((q) => q.kind === 'speech')
        .map((q) => ({
          start: q.contentSpan.start,
          end: q.contentSpan.end,
          speaker: q.speaker?.name ?? null,
        })),
      duplicates: a.repeats.map((r) => ({
        start: r.span.start,
        end: r.span.end,
        firstStart: r.first.start,
        firstEnd: r.first.end,
      })),
      shared: a.shared
        .filter((s) => !s.boilerplate)
        .map((s) => ({
          start: s.span.start,
          end: s.span.end,
          other: rel(s.otherUri),
          otherStart: s.otherSpan.start,
          otherEnd: s.otherSpan.end,
        })),
      related: a.related.map((r) => ({ file: rel(r.uri), score: Number(r.score.toFixed(4)) })),
    })),
  };
}

function toText(results: readonly CorpusResult[]): string {
  const lines: string[] = [];
  const oneLine = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}...` : s).replace(/\s+/g, ' ');
  for (const { file, text, analysis: a } of results) {
    const lines0 = lineIndex(text);
    const at = (offset: number): string => {
      const p = lines0.positionAt(offset);
      return `${file}:${p.line + 1}:${p.character + 1}`;
    };
    const rows: { offset: number; row: string }[] = [];
    for (const e of a.entities)
      rows.push({ offset: e.span.start, row: `${e.type}  ${e.text}  (${e.canonical})` });
    for (const q of a.quotes) {
      const who = q.speaker ? `  — ${q.speaker.name}` : '';
      rows.push({
        offset: q.contentSpan.start,
        row: `quote  ${oneLine(text.slice(q.contentSpan.start, q.contentSpan.end))}${who}`,
      });
    }
    for (const u of a.unbalanced)
      rows.push({ offset: u.span.start, row: `quote.unbalanced  missing ${u.missing} mark` });
    for (const r of a.repeats)
      rows.push({ offset: r.span.start, row: `duplicate.repeat  of ${at(r.first.start)}` });
    for (const s of a.shared) {
      const kind = s.boilerplate ? 'duplicate.boilerplate' : 'duplicate.shared';
      rows.push({
        offset: s.span.start,
        row: `${kind}  ${Math.round(s.similarity * 100)}% like ${s.otherUri}`,
      });
    }
    rows.sort((x, y) => x.offset - y.offset);
    for (const { offset, row } of rows) lines.push(`${at(offset)}  ${row}`);
    for (const r of a.related) lines.push(`${file}  related  ${r.uri}  ${r.score.toFixed(2)}`);
  }
  return lines.join('\n');
}

function main(argv: readonly string[]): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    const message = (e as Error).message;
    process.stderr.write(message ? `article-lens: ${message}\n${USAGE}\n` : `${USAGE}\n`);
    return 2;
  }
  try {
    const { files, base } = resolveInputs(args.inputs);
    const results = analyzeFiles(files, base);
    const out = args.format === 'json' ? JSON.stringify(toJson(results, base)) : toText(results);
    process.stdout.write(`${out}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CorpusReadError) {
      process.stderr.write(`article-lens: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
