// Unit tests of the LSP mapping layer: Span ↔ Range conversion, settings sanitising, diagnostics (codes,
// severities, links, grouping, the problem cap), repeat-removal edits, semantic tokens and the scheduler.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { ArticleAnalysis, Token } from '../../server/src/analysis/types';
import { sanitize, SettingsStore, toAnalysisOptions } from '../../server/src/config';
import { removeRepeatsEdits, repeatDeletion } from '../../server/src/features/codeActions';
import { rangeToSpan, spanToRange } from '../../server/src/features/convert';
import { capped, toDiagnostics } from '../../server/src/features/diagnostics';
import { tokenSpans, provideSemanticTokens } from '../../server/src/features/semanticTokens';
import { matchesQuery } from '../../server/src/features/workspaceSymbols';
import { defaultSettings, SEMANTIC_TOKEN_TYPES } from '../../server/src/protocol';
import { Scheduler } from '../../server/src/scheduler';
import { nullLogger } from '../../server/src/util/logger';

const analysisOf = (partial: Partial<ArticleAnalysis>): ArticleAnalysis => ({
  uri: 'file:///a.article',
  version: 1,
  entities: [],
  quotes: [],
  unbalanced: [],
  repeats: [],
  shared: [],
  related: [],
  limits: [],
  ...partial,
});

describe('convert', () => {
  test('spans become ranges in UTF-16 code units across LF, CRLF and emoji', () => {
    const text = 'ab\r\n🙂 Voss\ncd';
    const start = text.indexOf('Voss');
    const range = spanToRange(text, { start, end: start + 4 });
    assert.deepEqual(range, { start: { line: 1, character: 3 }, end: { line: 1, character: 7 } });
    assert.deepEqual(rangeToSpan(text, range), { start, end: start + 4 });
  });

  test('offsets beyond the text are clamped, and an inverted span becomes empty', () => {
    assert.deepEqual(spanToRange('abc', { start: 2, end: 99 }), {
      start: { line: 0, character: 2 },
      end: { line: 0, character: 3 },
    });
    const r = spanToRange('abc', { start: 2, end: 1 });
    assert.deepEqual(r.start, r.end);
    assert.deepEqual(spanToRange('', { start: 0, end: 0 }).end, { line: 0, character: 0 });
  });

  test('a position past the end of a line maps to the line end, before its break', () => {
    assert.deepEqual(
      rangeToSpan('ab\r\ncd', { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }),
      {
        start: 2,
        end: 2,
      },
    );
    assert.deepEqual(
      rangeToSpan('ab\ncd', { start: { line: 0, character: 9 }, end: { line: 5, character: 0 } }),
      {
        start: 2,
        end: 5,
      },
    );
  });
});

describe('config', () => {
  test('missing values take defaults silently', () => {
    const ignored: string[] = [];
    assert.deepEqual(sanitize(undefined, ignored), defaultSettings);
    assert.deepEqual(sanitize({}, ignored), defaultSettings);
    assert.deepEqual(ignored, []);
  });

  test("the client's own settings (trace, team corpus) are not reported as unknown", () => {
    const ignored: string[] = [];
    sanitize({ trace: { server: 'verbose' }, corpus: { database: 'postgresql://db/news' } }, ignored);
    assert.deepEqual(ignored, []);
    sanitize({ corpuss: { database: 'x' } }, ignored);
    assert.deepEqual(ignored, ['corpuss: unknown setting']);
  });

  test('invalid values fall back to their defaults and are listed', () => {
    const ignored: string[] = [];
    const s = sanitize(
      {
        include: ['**/*.news', 3],
        maxFileSizeKB: -1,
        severity: { entity: 'loud', repeat: 'error' },
        duplicates: { minRepeatWords: 2.5, minSharedWords: 20 },
        related: { threshold: 2 },
        diagnostics: 'many',
      },
      ignored,
    );
    assert.deepEqual(s.include, ['**/*.news']);
    assert.equal(s.maxFileSizeKB, defaultSettings.maxFileSizeKB);
    assert.equal(s.severity.entity, 'hint');
    assert.equal(s.severity.repeat, 'error');
    assert.equal(s.duplicates.minRepeatWords, 8);
    assert.equal(s.duplicates.minSharedWords, 20);
    assert.equal(s.related.threshold, defaultSettings.related.threshold);
    assert.equal(s.diagnostics.maxNumberOfProblems, defaultSettings.diagnostics.maxNumberOfProblems);
    for (const path of [
      'include',
      'maxFileSizeKB',
      'severity.entity',
      'duplicates.minRepeatWords',
      'related.threshold',
      'diagnostics',
    ]) {
      assert.ok(
        ignored.some((i) => i.startsWith(path)),
        `${path} listed in ${ignored.join('; ')}`,
      );
    }
  });

  test('settings map to analysis options', () => {
    const s = sanitize({ duplicates: { minRepeatWords: 10 }, related: { threshold: 0.5, limit: 3 } });
    assert.deepEqual(toAnalysisOptions(s), {
      minRepeatWords: 10,
      minSharedWords: 12,
      boilerplateMinFiles: 4,
      relatedThreshold: 0.5,
      relatedLimit: 3,
      entityTagger: 'candidates',
    });
  });

  test('the entity tagger setting: candidates by default, a mode when valid, the default when not', () => {
    assert.equal(toAnalysisOptions(sanitize({})).entityTagger, 'candidates');
    assert.equal(toAnalysisOptions(sanitize({ entities: { tagger: 'off' } })).entityTagger, undefined);
    assert.equal(
      toAnalysisOptions(sanitize({ entities: { tagger: 'candidates' } })).entityTagger,
      'candidates',
    );
    assert.equal(toAnalysisOptions(sanitize({ entities: { tagger: 'primary' } })).entityTagger, 'primary');
    const ignored: string[] = [];
    assert.equal(sanitize({ entities: { tagger: 'always' } }, ignored).entities.tagger, 'candidates');
    assert.ok(
      ignored.some((i) => i.startsWith('entities.tagger')),
      ignored.join('; '),
    );
  });

  test('related ranking by story: on by default, whole pages when off, the default when not a boolean', () => {
    assert.equal(toAnalysisOptions(sanitize({})).relatedWholePages, undefined);
    assert.equal(toAnalysisOptions(sanitize({ related: { byStory: true } })).relatedWholePages, undefined);
    assert.equal(toAnalysisOptions(sanitize({ related: { byStory: false } })).relatedWholePages, true);
    const ignored: string[] = [];
    assert.equal(sanitize({ related: { byStory: 'no' } }, ignored).related.byStory, true);
    assert.ok(
      ignored.some((i) => i.startsWith('related.byStory')),
      ignored.join('; '),
    );
  });

  test('the store asks once per resource, caches, and drops the cache on clear', async () => {
    const asked: (string | undefined)[] = [];
    const logged: string[] = [];
    const store = new SettingsStore(
      async (uri) => {
        asked.push(uri);
        return { severity: { entity: asked.length > 1 ? 'off' : 'nonsense' } };
      },
      undefined,
      { level: 'trace', log: (_l, m) => logged.push(m) },
    );
    const [a, b] = await Promise.all([store.get('file:///x'), store.get('file:///x')]);
    assert.equal(a, b);
    assert.equal(a.severity.entity, 'hint');
    assert.equal(store.peek('file:///x'), a);
    assert.deepEqual(asked, ['file:///x']);
    assert.ok(logged.some((m) => /ignored invalid settings.*severity\.entity/.test(m)));
    store.clear();
    assert.equal((await store.get('file:///x')).severity.entity, 'off');
    assert.equal(asked.length, 2);
  });

  test('a file never fetched peeks at its innermost fetched folder, else the fallback', async () => {
    const store = new SettingsStore(
      async (uri) => ({ related: { limit: uri?.endsWith('/inner') ? 3 : 7 } }),
      undefined,
      nullLogger,
    );
    await store.get('file:///ws');
    await store.get('file:///ws/inner');
    assert.equal(store.peek('file:///ws/a.txt').related.limit, 7);
    assert.equal(store.peek('file:///ws/inner/b.txt').related.limit, 3);
    assert.equal(store.peek('file:///wsx/c.txt').related.limit, defaultSettings.related.limit);
  });

  test('without client configuration every resource gets the initialization options', async () => {
    const store = new SettingsStore(undefined, { maxFileSizeKB: 64 }, nullLogger);
    assert.equal((await store.get('file:///y')).maxFileSizeKB, 64);
    store.clear({ maxFileSizeKB: 32 });
    assert.equal((await store.get('file:///y')).maxFileSizeKB, 32);
  });
});

describe('diagnostics', () => {
  const text = 'Clara Voss spoke.\n"We will," she said.\nSame words here now.\nSame words here now.\n“Open';
  const at = (s: string, from = 0) => ({
    start: text.indexOf(s, from),
    end: text.indexOf(s, from) + s.length,
  });
  const firstCopy = at('Same words here now.');
  const secondCopy = at('Same words here now.', firstCopy.end);
  const analysis = analysisOf({
    entities: [
      {
        span: at('Clara Voss'),
        type: 'PERSON',
        text: 'Clara Voss',
        canonical: 'Clara Voss',
        source: 'pattern',
      },
    ],
    quotes: [
      {
        span: at('"We will,"'),
        contentSpan: at('We will,'),
        balanced: true,
        kind: 'speech',
        speaker: { name: 'Clara Voss', attribution: 'she said' },
      },
    ],
    unbalanced: [{ span: at('“'), missing: 'close', insertAt: text.length, insertText: '”' }],
    repeats: [{ span: secondCopy, first: firstCopy }],
    shared: [
      {
        span: firstCopy,
        otherUri: 'file:///b.article',
        otherSpan: { start: 0, end: 4 },
        similarity: 0.9,
        boilerplate: false,
        fileCount: 3,
      },
      {
        span: firstCopy,
        otherUri: 'file:///c.article',
        otherSpan: { start: 5, end: 9 },
        similarity: 1,
        boilerplate: false,
        fileCount: 3,
      },
      {
        span: at('Clara Voss spoke.'),
        otherUri: 'file:///d.article',
        otherSpan: { start: 0, end: 4 },
        similarity: 1,
        boilerplate: true,
        fileCount: 9,
      },
    ],
  });
  const others: Record<string, string> = {
    'file:///b.article': 'same\nwords',
    'file:///c.article': 'xxxx\nwords',
  };
  const map = (settings = defaultSettings) =>
    toDiagnostics({ analysis, text, uri: analysis.uri, settings, textOf: (u) => others[u] });

  test('each finding has its code, default severity and exact range, in document order', () => {
    const ds = map();
    assert.deepEqual(
      ds.map((d) => [
        d.code,
        d.severity,
        text.slice(...(Object.values(rangeToSpan(text, d.range)) as [number, number])),
      ]),
      [
        ['entity.PERSON', DiagnosticSeverity.Hint, 'Clara Voss'],
        ['duplicate.boilerplate', DiagnosticSeverity.Hint, 'Clara Voss spoke.'],
        ['quote', DiagnosticSeverity.Hint, 'We will,'],
        ['duplicate.shared', DiagnosticSeverity.Information, 'Same words here now.'],
        ['duplicate.repeat', DiagnosticSeverity.Warning, 'Same words here now.'],
        ['quote.unbalanced', DiagnosticSeverity.Warning, '“Open'],
      ],
    );
    for (const d of ds) assert.equal(d.source, 'Article Lens');
  });

  test('a repeat links to its first copy; a shared passage links to the exact range in each other file', () => {
    const ds = map();
    const repeat = ds.find((d) => d.code === 'duplicate.repeat');
    assert.deepEqual(repeat?.relatedInformation?.[0].location, {
      uri: analysis.uri,
      range: spanToRange(text, firstCopy),
    });
    const shared = ds.find((d) => d.code === 'duplicate.shared');
    assert.match(String(shared?.message), /2 other articles \(90%–100% similar\)/);
    assert.deepEqual(
      shared?.relatedInformation?.map((r) => [r.location.uri, r.location.range]),
      [
        ['file:///b.article', { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }],
        ['file:///c.article', { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } }],
      ],
    );
    const boilerplate = ds.find((d) => d.code === 'duplicate.boilerplate');
    assert.equal(boilerplate?.relatedInformation, undefined);
    assert.match(String(boilerplate?.message), /9 files/);
  });

  test('severities follow the settings; off drops the finding', () => {
    const settings = sanitize({ severity: { entity: 'off', quote: 'information', repeat: 'error' } });
    const ds = map(settings);
    assert.ok(!ds.some((d) => String(d.code).startsWith('entity.')));
    assert.equal(ds.find((d) => d.code === 'quote')?.severity, DiagnosticSeverity.Information);
    assert.equal(ds.find((d) => d.code === 'duplicate.repeat')?.severity, DiagnosticSeverity.Error);
  });

  test('the cap keeps the most severe findings, still in document order', () => {
    const ds = map(sanitize({ diagnostics: { maxNumberOfProblems: 2 } }));
    assert.deepEqual(
      ds.map((d) => d.code),
      ['duplicate.repeat', 'quote.unbalanced'],
    );
    assert.deepEqual(capped(map(), 0), []);
  });
});

describe('code actions', () => {
  test('removing a repeat on its own line removes the line; inside a line, the passage and one space', () => {
    const text = 'One.\nSame line.\nTwo. Same line. Three.';
    const own = text.indexOf('Same line.');
    assert.deepEqual(repeatDeletion(text, { start: own, end: own + 10 }), { start: own, end: own + 11 });
    const inner = text.lastIndexOf('Same line.');
    const d = repeatDeletion(text, { start: inner, end: inner + 10 });
    assert.equal(text.slice(0, d.start) + text.slice(d.end), 'One.\nSame line.\nTwo. Three.');
  });

  test('overlapping repeats merge into one deletion', () => {
    const text = 'a b c d e f';
    const edits = removeRepeatsEdits(text, [
      { span: { start: 2, end: 7 }, first: { start: 0, end: 1 } },
      { span: { start: 4, end: 9 }, first: { start: 0, end: 1 } },
    ]);
    assert.equal(edits.length, 1);
    assert.deepEqual(rangeToSpan(text, edits[0].range), { start: 2, end: 10 });
  });
});

describe('semantic tokens', () => {
  test('entities and quote words never overlap and quotes are split at line ends', () => {
    const text = 'He said "Voss is\nhere" today.';
    const voss = text.indexOf('Voss');
    const analysis = analysisOf({
      entities: [
        {
          span: { start: voss, end: voss + 4 },
          type: 'PERSON',
          text: 'Voss',
          canonical: 'Voss',
          source: 'pattern',
        },
      ],
      quotes: [
        {
          span: { start: voss - 1, end: text.indexOf('" today') + 1 },
          contentSpan: { start: voss, end: text.indexOf('" today') },
          balanced: true,
          kind: 'speech',
          speaker: null,
        },
      ],
    });
    const spans = tokenSpans(analysis);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].span.end <= spans[i].span.start);
    const { data } = provideSemanticTokens(analysis, text);
    const person = SEMANTIC_TOKEN_TYPES.indexOf('articlePerson');
    const quote = SEMANTIC_TOKEN_TYPES.indexOf('articleQuote');
    // [deltaLine, deltaStart, length, type, modifiers] per token.
    assert.deepEqual(data, [0, 9, 4, person, 0, 0, 4, 3, quote, 0, 1, 0, 4, quote, 0]);
  });
});

describe('workspace symbols', () => {
  test('queries match as case-insensitive subsequences', () => {
    assert.ok(matchesQuery('Sanae Takaichi', 'takai'));
    assert.ok(matchesQuery('Sanae Takaichi', 'stk'));
    assert.ok(matchesQuery('Sanae Takaichi', ''));
    assert.ok(!matchesQuery('Sanae Takaichi', 'xyz'));
  });
});

describe('scheduler', () => {
  test('requests for a busy URI cancel its run and collapse into one more run; high priority goes first', async () => {
    const runs: string[] = [];
    const tokens: Token[] = [];
    let release: (() => void) | undefined;
    const scheduler = new Scheduler(async (uri, token) => {
      runs.push(uri);
      tokens.push(token);
      if (uri === 'a' && runs.length === 1) await new Promise<void>((r) => (release = r));
    }, nullLogger);
    scheduler.schedule('a');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(runs, ['a']);
    scheduler.schedule('a');
    scheduler.schedule('a');
    scheduler.schedule('b', 'low');
    scheduler.schedule('c', 'high');
    assert.equal(tokens[0].isCancellationRequested, true);
    release?.();
    while (!scheduler.idle) await new Promise((r) => setImmediate(r));
    assert.deepEqual(runs, ['a', 'c', 'a', 'b']);
  });

  test('cancel drops a queued run', async () => {
    const runs: string[] = [];
    const scheduler = new Scheduler((uri) => void runs.push(uri), nullLogger);
    scheduler.schedule('a');
    scheduler.cancel('a');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(runs, []);
    assert.ok(scheduler.idle);
  });
});
