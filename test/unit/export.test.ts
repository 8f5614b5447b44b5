// Each export format parsed back and compared with the corrected analysis it came from (brat through a
// small standoff parser written here, CoNLL tokens re-joined to the text offsets), and the import round
// trip: an export imported into the uncorrected corpus gives the same analysis.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzeCorpus, type CorpusResult } from '../../server/src/cli/corpus';
import { importCorrections } from '../../server/src/cli/importCommand';
import { parseSidecar } from '../../server/src/analysis/curation/sidecar';
import { exportArticles, type ExportFile } from '../../server/src/export/formats';
import { parseAnn } from '../../server/src/export/parseBrat';
import { parseJsonl } from '../../server/src/export/parseJsonl';
import { CONLL_CLASS } from '../../server/src/export/conll';
import type { EntityType } from '../../server/src/analysis/types';
import { COUNCIL, DERBY } from '../lsp/curation.fixture';

const SIDECAR = [
  '{"version":1,"corrections":[',
  '{"id":"a1","kind":"notEntity","scope":"mention","file":"derby.article","anchor":{"text":"Derby","before":"Rovers in Cup ","after":"\\n\\nNORTHTOWN","offset":36}},',
  '{"id":"a2","kind":"changeType","scope":"corpus","file":"derby.article","type":"ORG","anchor":{"text":"Easton Rovers","before":"","after":"","offset":0}},',
  '{"id":"a3","kind":"changeType","scope":"corpus","file":"derby.article","type":"ORG","anchor":{"text":"Northtown FC","before":"","after":"","offset":0}},',
  '{"id":"a4","kind":"changeSpeaker","scope":"mention","file":"council.article","speaker":"Ines Marlow","anchor":{"text":"The road has been too narrow for years,","before":"\\n\\n\\"","after":"\\" said","offset":160}}',
  ']}',
].join('\n');

let dir: string;
let files: string[];
let corrected: CorpusResult[];
const fileOf = (uri: string): string | undefined => corrected.find((r) => r.uri === uri)?.file;
const byPath = (out: ExportFile[], p: string): string => {
  const f = out.find((x) => x.path === p);
  assert.ok(f, `${p} in ${out.map((x) => x.path).join(', ')}`);
  return f.text;
};
const entityRows = (r: CorpusResult): string[] =>
  r.analysis.entities.map((e) => `${e.span.start}-${e.span.end} ${e.type} ${e.canonical}`);
const articles = (): { file: string; text: string; analysis: CorpusResult['analysis'] }[] =>
  corrected.map((r) => ({ file: r.file, text: r.text, analysis: r.analysis }));

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-export-'));
  files = [path.join(dir, 'council.article'), path.join(dir, 'derby.article')];
  writeFileSync(files[0], COUNCIL);
  writeFileSync(files[1], DERBY);
  corrected = analyzeCorpus(files, dir, parseSidecar(SIDECAR).corrections).results;
  const derby = corrected.find((r) => r.file === 'derby.article');
  assert.ok(
    derby &&
      derby.analysis.entities.some((e) => e.text === 'Easton Rovers' && e.type === 'ORG' && e.corrected),
  );
  assert.ok(!derby.analysis.entities.some((e) => e.text === 'Derby'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** A brat standoff reader independent of the one import uses: T, #, R and A lines. */
function readStandoff(ann: string): {
  t: Map<string, { type: string; frags: [number, number][]; text: string }>;
  notes: Map<string, string[]>;
  rels: [string, string, string][];
  attrs: [string, string][];
} {
  const t = new Map<string, { type: string; frags: [number, number][]; text: string }>();
  const notes = new Map<string, string[]>();
  const rels: [string, string, string][] = [];
  const attrs: [string, string][] = [];
  for (const line of ann.split('\n').filter(Boolean)) {
    const cols = line.split('\t');
    if (line.startsWith('T')) {
      const [type, ...spans] = cols[1].split(' ');
      const frags = spans
        .join(' ')
        .split(';')
        .map((f) => f.split(' ').map(Number) as [number, number]);
      t.set(cols[0], { type, frags, text: cols[2] });
    } else if (line.startsWith('#')) {
      const target = cols[1].split(' ')[1];
      notes.set(target, [...(notes.get(target) ?? []), cols[2]]);
    } else if (line.startsWith('R')) {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(cols[1]);
      assert.ok(m, line);
      rels.push([m[1], m[2], m[3]]);
    } else if (line.startsWith('A')) {
      const [name, target] = cols[1].split(' ');
      attrs.push([name, target]);
    } else assert.fail(`unknown standoff line ${line}`);
  }
  return { t, notes, rels, attrs };
}

describe('exports parsed back', () => {
  test('JSONL: one article per line with the corrected entities, quotes and corpus findings', () => {
    const rows = byPath(exportArticles('jsonl', articles(), fileOf), 'annotations.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(rows.length, corrected.length);
    for (const r of corrected) {
      const row = rows.find((x) => x.file === r.file) as {
        text: string;
        entities: {
          start: number;
          end: number;
          type: string;
          canonical: string;
          text: string;
          corrected: boolean;
        }[];
        quotes: { contentStart: number; speaker: string | null }[];
        related: { file: string }[];
      };
      assert.equal(row.text, r.text);
      assert.deepEqual(
        row.entities.map((e) => `${e.start}-${e.end} ${e.type} ${e.canonical}`),
        entityRows(r),
      );
      for (const e of row.entities) assert.equal(e.text, r.text.slice(e.start, e.end));
      assert.deepEqual(
        row.quotes.map((q) => q.speaker),
        r.analysis.quotes.map((q) => q.speaker?.name ?? null),
      );
      assert.deepEqual(
        row.related.map((x) => x.file),
        r.analysis.related.map((x) => fileOf(x.uri)),
      );
    }
    const council = rows.find((x) => x.file === 'council.article') as {
      quotes: { speaker: string; corrected: boolean }[];
    };
    assert.deepEqual(
      council.quotes.map((q) => [q.speaker, q.corrected]),
      [['Ines Marlow', true]],
    );
  });

  test('brat: annotation.conf declares every type used; each .ann matches the analysis and its .txt copy', () => {
    const out = exportArticles('brat', articles(), fileOf);
    const conf = byPath(out, 'annotation.conf');
    assert.match(byPath(out, 'visual.conf'), /\[labels\][\s\S]*\[drawing\]/);
    const declared = new Set(
      conf
        .split('\n')
        .filter((l) => /^[A-Za-z]/.test(l))
        .map((l) => l.split('\t')[0]),
    );
    for (const r of corrected) {
      const txt = byPath(out, `${r.file}.txt`);
      assert.equal(txt, r.text);
      const { t, notes, rels, attrs } = readStandoff(byPath(out, `${r.file}.ann`));
      const ents = [...t].filter(([, x]) => x.type !== 'Quote');
      for (const [, x] of t) {
        assert.ok(declared.has(x.type), `${x.type} declared`);
        assert.equal(x.frags.map(([s, e]) => txt.slice(s, e)).join(' '), x.text, 'fragments hold the text');
      }
      assert.deepEqual(
        ents.map(
          ([id, x]) =>
            `${x.frags[0][0]}-${x.frags.at(-1)?.[1]} ${x.type} ${
              notes
                .get(id)
                ?.find((n) => n.startsWith('canonical: '))
                ?.slice(11) ?? x.text
            }`,
        ),
        entityRows(r),
      );
      const quotes = [...t].filter(([, x]) => x.type === 'Quote');
      const speech = r.analysis.quotes.filter((q) => q.kind === 'speech');
      assert.deepEqual(
        quotes.map(([, x]) => x.frags[0][0]),
        speech.map((q) => q.contentSpan.start),
      );
      assert.deepEqual(
        quotes.map(
          ([id]) =>
            notes
              .get(id)
              ?.find((n) => n.startsWith('speaker: '))
              ?.slice(9) ?? null,
        ),
        speech.map((q) => q.speaker?.name ?? null),
      );
      for (const [name, a, b] of rels) {
        assert.equal(name, 'Speaker');
        assert.equal(t.get(a)?.type, 'Quote');
        assert.ok(t.get(b) && t.get(b)?.type !== 'Quote');
      }
      assert.equal(
        attrs.length,
        r.analysis.entities.filter((e) => e.corrected).length + speech.filter((q) => q.corrected).length,
      );
    }
  });

  test('CoNLL: tokens re-joined to the text give back every entity, with both tag columns', () => {
    const conll = byPath(exportArticles('conll', articles(), fileOf), 'annotations.conll');
    const docs = conll.split('-DOCSTART- O O\n').filter(Boolean);
    assert.equal(docs.length, corrected.length);
    for (const doc of docs) {
      const file = /^# file = (.+)$/m.exec(doc)?.[1];
      const r = corrected.find((x) => x.file === file);
      assert.ok(r, file);
      let cursor = 0;
      const spans: { start: number; end: number; full: string; short: string }[] = [];
      for (const line of doc.split('\n')) {
        if (line === '' || line.startsWith('# ')) continue;
        const [token, short, full] = line.split(' ');
        const at = r.text.indexOf(token, cursor);
        assert.ok(at >= 0 && r.text.slice(cursor, at).trim() === '', `token ${token} follows at ${cursor}`);
        cursor = at + token.length;
        if (full.startsWith('B-')) spans.push({ start: at, end: cursor, full: full.slice(2), short });
        else if (full.startsWith('I-')) {
          const last = spans.at(-1);
          assert.ok(last && last.full === full.slice(2));
          last.end = cursor;
        }
      }
      assert.equal(r.text.slice(cursor).trim(), '', 'every token was written');
      assert.deepEqual(
        spans.map((s) => `${s.start}-${s.end} ${s.full}`),
        r.analysis.entities.map((e) => `${e.span.start}-${e.span.end} ${e.type}`),
      );
      for (const s of spans)
        assert.equal(
          s.short,
          CONLL_CLASS[s.full as EntityType] ? `B-${CONLL_CLASS[s.full as EntityType]}` : 'O',
        );
    }
  });

  test('doccano: label and spans both hold the entities', () => {
    const lines = byPath(exportArticles('doccano', articles(), fileOf), 'doccano.jsonl')
      .trim()
      .split('\n');
    for (const line of lines) {
      const row = JSON.parse(line) as {
        text: string;
        label: [number, number, string][];
        spans: { start: number; end: number; label: string }[];
        meta: { file: string };
      };
      const r = corrected.find((x) => x.file === row.meta.file);
      assert.ok(r);
      assert.equal(row.text, r.text);
      const want = r.analysis.entities.map((e) => [e.span.start, e.span.end, e.type]);
      assert.deepEqual(row.label, want);
      assert.deepEqual(
        row.spans.map((s) => [s.start, s.end, s.label]),
        want,
      );
    }
  });
});

describe('import round trip', () => {
  for (const format of ['jsonl', 'brat'] as const) {
    test(`${format}: the export imported into the uncorrected corpus gives the same analysis`, () => {
      const out = exportArticles(format, articles(), fileOf);
      const gold =
        format === 'jsonl'
          ? parseJsonl(byPath(out, 'annotations.jsonl'))
          : corrected.map((r) =>
              parseAnn(`${r.file}.txt`, byPath(out, `${r.file}.ann`), byPath(out, `${r.file}.txt`)),
            );
      const copy = mkdtempSync(path.join(os.tmpdir(), 'article-lens-import-'));
      try {
        mkdirSync(copy, { recursive: true });
        const copies = files.map((f) => path.join(copy, path.basename(f)));
        writeFileSync(copies[0], COUNCIL);
        writeFileSync(copies[1], DERBY);
        const plain = analyzeCorpus(copies, copy, []).results;
        assert.notDeepEqual(plain.map(entityRows), corrected.map(entityRows), 'the corrections mattered');
        const added = importCorrections(copies, copy, [], gold, (m) => assert.fail(m));
        assert.ok(added.length > 0);
        const again = analyzeCorpus(copies, copy, added).results;
        assert.deepEqual(again.map(entityRows), corrected.map(entityRows));
        const speech = (rs: CorpusResult[]) =>
          rs.map((r) =>
            r.analysis.quotes
              .filter((q) => q.kind === 'speech')
              .map((q) => `${q.contentSpan.start} ${q.speaker?.name ?? '?'}`),
          );
        assert.deepEqual(speech(again), speech(corrected));
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    });
  }
});
