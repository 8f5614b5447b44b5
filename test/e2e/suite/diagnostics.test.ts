// What a user sees on a reprinted wire story (dailycoast-kestown-floods.txt): entity, quote,
// repeat, shared-passage and boilerplate diagnostics with their codes, ranges and severities, and
// the hover on a person's name.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  baseName,
  codeOf,
  hoverText,
  openArticle,
  settledDiagnostics,
  textOf,
} from './helpers';

export const REPRINT = 'dailycoast-kestown-floods.txt';
export const WIRE = 'harborwire-kestown-floods.txt';
const HEADLINE = 'Storm floods Kestown harbor, strands hundreds of ferry passengers';

export function registerDiagnosticTests(): void {
  suite('diagnostics and hover on a reprinted wire story', () => {
    let document: vscode.TextDocument;
    let diagnostics: vscode.Diagnostic[];
    const withCode = (code: string): vscode.Diagnostic[] => diagnostics.filter((d) => codeOf(d) === code);
    const describe = (d: vscode.Diagnostic): string =>
      `${codeOf(d)}@${d.range.start.line}:${d.range.start.character} ${JSON.stringify(textOf(document, d.range))}`;

    suiteSetup(async () => {
      await activateExtension();
      document = (await openArticle(REPRINT)).document;
      // Every kind of finding is expected here, so wait until the last stage (shared passages,
      // which needs the corpus index) has been published and nothing changes any more.
      diagnostics = await settledDiagnostics(
        document.uri,
        (ds) => ds.some((d) => codeOf(d) === 'duplicate.shared'),
        'shared-passage diagnostics',
      );
    });

    test('the file is an article and every diagnostic comes from Article Lens', () => {
      assert.equal(document.languageId, 'article');
      assert.ok(diagnostics.length > 0);
      for (const d of diagnostics) assert.equal(d.source, 'Article Lens', describe(d));
    });

    test('the mayor is a PERSON entity, shown as a hint', () => {
      const mayor = diagnostics.find((d) => textOf(document, d.range) === 'Orsolya Brandt');
      assert.ok(mayor, `no diagnostic on "Orsolya Brandt" among ${diagnostics.map(describe).join(', ')}`);
      assert.equal(codeOf(mayor), 'entity.PERSON');
      assert.equal(mayor.severity, vscode.DiagnosticSeverity.Hint);
      assert.equal(mayor.range.start.line, 14);
      // The later bare surname is the same person (the hover and references rely on that).
      const surname = diagnostics.find(
        (d) => d.range.start.line === 18 && textOf(document, d.range) === 'Brandt',
      );
      assert.ok(surname, 'the later "Brandt" is marked too');
      assert.equal(codeOf(surname), 'entity.PERSON');
    });

    test('curly quotes are quotations, shown as hints', () => {
      const quotes = withCode('quote');
      const first = quotes.find((d) => d.range.start.line === 14);
      assert.ok(first, `quotes: ${quotes.map(describe).join(', ')}`);
      assert.equal(first.severity, vscode.DiagnosticSeverity.Hint);
      assert.match(
        textOf(document, first.range),
        /^“?We have never seen the sea come this far into the city,?”?$/,
      );
      assert.equal(withCode('quote.unbalanced').length, 0, 'every quote mark here has a partner');
    });

    test('the repeated headline and photo caption are warnings on their second copy', () => {
      const repeats = withCode('duplicate.repeat');
      for (const d of repeats) assert.equal(d.severity, vscode.DiagnosticSeverity.Warning, describe(d));
      const headline = repeats.find((d) => textOf(document, d.range) === HEADLINE);
      assert.ok(headline, `repeats: ${repeats.map(describe).join(', ')}`);
      assert.equal(headline.range.start.line, 3);
      const caption = repeats.find((d) => d.range.start.line === 22);
      assert.ok(caption, `repeats: ${repeats.map(describe).join(', ')}`);
      assert.match(textOf(document, caption.range), /Residents wade through a flooded street/);
    });

    test('wire copy shared with Harbor Wire is information linked to the other article', () => {
      const shared = withCode('duplicate.shared');
      assert.ok(shared.length > 0);
      for (const d of shared) assert.equal(d.severity, vscode.DiagnosticSeverity.Information, describe(d));
      const linked = shared.filter((d) =>
        d.relatedInformation?.some((r) => baseName(r.location.uri) === WIRE),
      );
      assert.ok(linked.length > 0, `shared: ${shared.map(describe).join(', ')}`);
      const lines = new Set(linked.map((d) => d.range.start.line));
      assert.ok(
        [12, 16, 18].some((l) => lines.has(l)),
        `shared passages start on lines ${[...lines].join(', ')}; expected the wire body`,
      );
    });

    test('the newsletter footer found in every Daily Coast page is boilerplate, shown as a hint', () => {
      const boilerplate = withCode('duplicate.boilerplate');
      const footer = boilerplate.find((d) =>
        /Get The Daily Coast in your inbox/.test(textOf(document, d.range)),
      );
      assert.ok(footer, `boilerplate: ${boilerplate.map(describe).join(', ')}`);
      assert.equal(footer.severity, vscode.DiagnosticSeverity.Hint);
    });

    test('hovering the mayor shows her entity card', async () => {
      const line = document.lineAt(14).text;
      const position = new vscode.Position(14, line.indexOf('Orsolya Brandt') + 3);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        position,
      );
      const text = hoverText(hovers);
      assert.match(text, /PERSON/);
      assert.match(text, /Orsolya Brandt/);
      assert.match(text, /Mentions: \d+ in this article/);
      assert.match(text, new RegExp(WIRE.replace(/\./g, '\\.')), 'links to the other articles naming her');
      // The type's colour legend: spelled-out type, the colour named, and a swatch of the theme's value.
      assert.match(text, /Person \(PERSON\)/);
      assert.match(
        text,
        /<span style="color:#[0-9A-Fa-f]{6};">■■■<\/span> Colour: blue · `articleLens\.entity\.person`/,
      );
      const swatched = hovers
        .flatMap((h) => h.contents)
        .find((c) => typeof c !== 'string' && /■■■/.test(c.value));
      assert.ok(
        swatched && typeof swatched !== 'string' && 'supportHtml' in swatched && swatched.supportHtml,
      );
    });
  });
}
