// Page structure over stdio: document symbols (stories with their parts) and folding ranges (stories and
// page furniture) for an article of two briefs, as Outline, breadcrumbs and folding request them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  DocumentSymbolRequest,
  FoldingRangeKind,
  FoldingRangeRequest,
  type DocumentSymbol,
  type FoldingRange,
} from 'vscode-languageserver-protocol/node';
import { fileUri, Session } from './session';

const PAGE = [
  'Orlund Post | News | Region | Sport | Subscribe', // 0
  '',
  'Vessby ferry crews vote to strike over new rosters', // 2
  '',
  'By Ana Brel', // 4
  '',
  'VESSBY — Ferry crews voted on Tuesday to walk out for a day after talks over rosters broke down.', // 6
  '',
  'The operator said it would run a reduced timetable with managers at the helm.', // 8
  '',
  'ALSO READ', // 10
  'Harbour tolls rise for the third year',
  'Five walks along the Vessby coast', // 12
  '',
  'SPORT', // 14
  '',
  'Kell Rovers snatch a late winner to stay top of the league', // 16
  '',
  'Fans celebrate at Marrow Park on Saturday. (Photo: Tal Ferrin / Orlund Post)', // 18
  '',
  'KELL — A stoppage-time goal gave Kell Rovers a 2-1 win over Orvik Athletic at Marrow Park.', // 20
  '',
  'The coach said the team had never stopped running.', // 22
  '',
  'Get the Orlund Post in your inbox. Sign up for our free newsletter.', // 24
  '© 2026 Orlund Post Ltd. All rights reserved.', // 25
  '',
].join('\n');

describe('page structure over LSP', () => {
  let dir: string;
  let session: Session;
  let uri: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'article-lens-structure-'));
    const file = path.join(dir, 'briefs.article');
    writeFileSync(file, PAGE);
    uri = fileUri(file);
    session = await Session.start(dir);
    await session.ready();
    await session.open(uri, PAGE);
  });

  after(async () => {
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('document symbols: one per story, named by its headline, with its parts', async () => {
    const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, s.range.start.line, s.range.end.line, s.selectionRange.start.line]),
      [
        ['Vessby ferry crews vote to strike over new rosters', 2, 8, 2],
        ['Kell Rovers snatch a late winner to stay top of the league', 16, 22, 16],
      ],
    );
    assert.deepEqual(
      symbols[0].children?.map((c) => [c.name, c.range.start.line]),
      [
        ['Headline', 2],
        ['Byline', 4],
        ['Dateline', 6],
        ['Body', 6],
      ],
    );
    assert.deepEqual(
      symbols[1].children?.map((c) => c.name),
      ['Headline', 'Caption', 'Dateline', 'Body'],
    );
    assert.equal(symbols[0].children?.[2].detail, 'VESSBY —');
  });

  test('folding ranges: each story, and the furniture as comment-kind regions', async () => {
    const ranges = (await session.connection.sendRequest(FoldingRangeRequest.type, {
      textDocument: { uri },
    })) as FoldingRange[];
    const shown = ranges.map((r) => [r.startLine, r.endLine, r.kind ?? 'story']);
    assert.deepEqual(shown, [
      [2, 8, 'story'],
      [10, 12, FoldingRangeKind.Comment],
      [16, 22, 'story'],
      [24, 25, FoldingRangeKind.Comment],
    ]);
  });

  test('a document the server does not know gets no symbols', async () => {
    const symbols = await session.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: fileUri(path.join(dir, 'unknown.article')) },
    });
    assert.deepEqual(symbols, []);
  });
});
