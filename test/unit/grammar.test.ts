// The article grammar run through the real TextMate engine (vscode-textmate + the Oniguruma wasm), asserting
// the scopes of headline, dateline, byline, quotes, photo credits and URLs on lines written for the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '../..');
const grammarPath = path.join(root, 'syntaxes/article.tmLanguage.json');

let grammarPromise: Promise<textmate.IGrammar> | undefined;

function loadGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'text.article'
          ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
          : null,
    });
    const grammar = await registry.loadGrammar('text.article');
    if (!grammar) throw new Error('grammar text.article did not load');
    return grammar;
  })();
  return grammarPromise;
}

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenises a document line by line, carrying the rule stack like the editor does. */
async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t, i) => ({
      text: line.slice(t.startIndex, r.tokens[i + 1]?.startIndex ?? line.length),
      scopes: t.scopes,
    }));
  });
}

/** The scopes of the token covering `needle` on a line (the needle must lie within a single token). */
function scopesAt(line: Token[], needle: string, lineText = line.map((t) => t.text).join('')): string[] {
  const start = lineText.indexOf(needle);
  assert.ok(start >= 0, `"${needle}" not in "${lineText}"`);
  let offset = 0;
  for (const token of line) {
    const end = offset + token.text.length;
    if (start >= offset && start < end) {
      assert.ok(
        start + needle.length <= end,
        `"${needle}" spans several tokens: ${JSON.stringify(line.map((t) => t.text))}`,
      );
      return token.scopes;
    }
    offset = end;
  }
  throw new Error('unreachable');
}

function hasScope(line: Token[], needle: string, scope: string): void {
  const scopes = scopesAt(line, needle);
  assert.ok(
    scopes.some((s) => s === scope || s.startsWith(`${scope}.`)),
    `"${needle}" has ${scopes.join(' ')}, expected ${scope}`,
  );
}

function lacksScope(line: Token[], needle: string, scope: string): void {
  const scopes = scopesAt(line, needle);
  assert.ok(
    !scopes.some((s) => s === scope || s.startsWith(`${scope}.`)),
    `"${needle}" has ${scopes.join(' ')}, should not have ${scope}`,
  );
}

async function one(line: string): Promise<Token[]> {
  // A leading blank line keeps the line under test off the headline.
  return (await tokenize(`\n${line}`))[1];
}

test('the first line is the headline, later lines are not', async () => {
  const [headline, body] = await tokenize(
    'Harbour city votes to rebuild old ferry pier\nThe council met on Monday.',
  );
  hasScope(headline, 'Harbour city votes', 'markup.heading.headline');
  lacksScope(body, 'The council met', 'markup.heading');
});

test('a quote in the headline is both headline and string', async () => {
  const [headline] = await tokenize('Mayor Orsolya Brandt: "We will not wait"');
  hasScope(headline, 'We will not wait', 'markup.heading.headline');
  hasScope(headline, 'We will not wait', 'string.quoted.double');
});

test('datelines with agency and em dash, with a date and a hyphen, and without agency', async () => {
  const a = await one('KESTOWN, Valdoria (AP) — Rescue crews reached the village on Tuesday.');
  hasScope(a, 'KESTOWN', 'variable.other.constant.dateline.place');
  hasScope(a, ', Valdoria', 'variable.other.constant.dateline.region');
  hasScope(a, 'AP', 'entity.name.type.agency');
  hasScope(a, '—', 'punctuation.separator.dateline');
  lacksScope(a, 'Rescue crews', 'meta.dateline');

  const b = await one('PORT ALDER, Jan 13 (Reuters) - Shares of Norvane Shipping fell 4%.');
  hasScope(b, 'PORT ALDER', 'variable.other.constant.dateline.place');
  hasScope(b, 'Jan 13', 'constant.numeric.date.dateline');
  hasScope(b, 'Reuters', 'entity.name.type.agency');
  hasScope(b, '-', 'punctuation.separator.dateline');

  const c = await one('BRENMOOR — The strike entered its third week.');
  hasScope(c, 'BRENMOOR', 'variable.other.constant.dateline.place');
});

test('ordinary sentences that start in capitals or contain dashes are not datelines', async () => {
  const a = await one('NATO officials said the talks - held in private - went well.');
  lacksScope(a, 'NATO', 'meta.dateline');
  const b = await one('In Kestown, Valdoria — the capital — crowds gathered.');
  lacksScope(b, 'In Kestown', 'meta.dateline');
});

test('bylines: plain, capitals with affiliation, two authors', async () => {
  const a = await one('By Mirela Costin');
  hasScope(a, 'By', 'keyword.other.byline');
  hasScope(a, 'Mirela Costin', 'entity.name.function.author');

  const b = await one('By TOMAS OKAFOR-REIN, Associated Press');
  hasScope(b, 'TOMAS OKAFOR-REIN', 'entity.name.function.author');
  hasScope(b, 'Associated Press', 'entity.name.type.affiliation');

  const c = await one('By Ana de Vries and Kenji Harada, Harbour Times');
  hasScope(c, 'Ana de Vries and Kenji Harada', 'entity.name.function.author');
  hasScope(c, 'Harbour Times', 'entity.name.type.affiliation');
});

test('sentences starting with "By" are not bylines', async () => {
  const a = await one('By Tuesday, officials said the bridge would reopen.');
  lacksScope(a, 'By Tuesday', 'meta.byline');
  const b = await one('By noon the square was full.');
  lacksScope(b, 'By noon', 'meta.byline');
});

test('straight and curly double quotes, with the marks as punctuation', async () => {
  const a = await one('"We are ready," said Lina Marsh. “The water is rising,” she added.');
  hasScope(a, 'We are ready,', 'string.quoted.double');
  hasScope(a, 'The water is rising,', 'string.quoted.double');
  lacksScope(a, 'said Lina Marsh', 'string');
  hasScope(a, '“', 'punctuation.definition.string.begin');
  hasScope(a, '”', 'punctuation.definition.string.end');
});

test('single quotes inside double quotes; apostrophes are not quotes', async () => {
  const a = await one(
    "“He told me ‘don’t go’ and left,” said Ortiz. It’s the mayor’s call, Ortiz' aide said.",
  );
  hasScope(a, 'don’t go', 'string.quoted.single');
  lacksScope(a, 'It', 'string');
  lacksScope(a, 's the mayor', 'string');
  lacksScope(a, ' aide said.', 'string');

  const b = await one("Minister calls plan 'reckless' as vote nears; it's close");
  hasScope(b, 'reckless', 'string.quoted.single');
  lacksScope(b, 's close', 'string');
});

test('an unbalanced quote ends at the line end and does not leak into the next line', async () => {
  const lines = await tokenize(
    '\n"We will rebuild everything, the mayor said.\nThe next paragraph is plain.\n“Another open quote\nPlain again.',
  );
  hasScope(lines[1], 'We will rebuild everything', 'string.quoted.double.unclosed');
  lacksScope(lines[2], 'The next paragraph', 'string');
  hasScope(lines[3], 'Another open quote', 'string.quoted.double.unclosed');
  lacksScope(lines[4], 'Plain again.', 'string');
});

test('a stray closing curly quote is flagged', async () => {
  const a = await one('the fund ran dry,” the report said.');
  hasScope(a, '”', 'invalid.illegal.unmatched-quote');
  lacksScope(a, 'the report said', 'string');
});

test('photo credits in parentheses, caption credit lines and agency tags', async () => {
  const a = await one('Firefighters work on the roof. (AP Photo/Jana Kovac)');
  hasScope(a, 'AP Photo/Jana Kovac', 'comment.other.credit.photo');
  lacksScope(a, 'Firefighters', 'comment');

  const b = await one('Crowds at the pier (Photo by Ilse Baum/Northwind Images)');
  hasScope(b, 'Photo by Ilse Baum/Northwind Images', 'comment.other.credit.photo');

  const c = await one('Photo: Ilse Baum/Reuters');
  hasScope(c, 'Photo:', 'keyword.other.credit');
  hasScope(c, 'Ilse Baum/Reuters', 'comment.line.credit.photo');

  const d = await one('The ministry did not comment. (dpa)');
  hasScope(d, '(dpa)', 'comment.other.credit.agency');
});

test('URLs, without trailing punctuation', async () => {
  const a = await one('Read more at https://example.org/news/pier-vote?id=7. Or www.example.com/a.');
  hasScope(a, 'https://example.org/news/pier-vote?id=7', 'markup.underline.link');
  lacksScope(a, '. Or', 'markup.underline.link');
  hasScope(a, 'www.example.com/a', 'markup.underline.link');
});

test('CRLF text tokenises the same once split into lines', async () => {
  const lines = (await tokenize('Headline here\r\nBy Mirela Costin\r\n')).map((l) =>
    l.map((t) => ({ ...t, text: t.text.replace(/\r$/, '') })),
  );
  hasScope(lines[1], 'Mirela Costin', 'entity.name.function.author');
});
