// Hover middleware: the entity hover's legend line gets a swatch of the type's colour in the current theme
// (see hoverSwatch.ts). Everything else in hovers is shown as the server wrote it.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { withSwatch, type ColorContribution, type SwatchContext, type ThemeKind } from './hoverSwatch';

function themeKind(kind: vscode.ColorThemeKind): ThemeKind {
  switch (kind) {
    case vscode.ColorThemeKind.Light:
      return 'light';
    case vscode.ColorThemeKind.HighContrast:
      return 'highContrast';
    case vscode.ColorThemeKind.HighContrastLight:
      return 'highContrastLight';
    default:
      return 'dark';
  }
}

function swatchContext(contributions: readonly ColorContribution[]): SwatchContext {
  const workbench = vscode.workspace.getConfiguration('workbench');
  return {
    kind: themeKind(vscode.window.activeColorTheme.kind),
    themeName: workbench.get<string>('colorTheme'),
    customizations: workbench.get('colorCustomizations'),
    contributions,
  };
}

function decorated(content: vscode.MarkdownString, ctx: SwatchContext): vscode.MarkdownString {
  const value = withSwatch(content.value, ctx);
  if (value === undefined) return content;
  const out = new vscode.MarkdownString(value, content.supportThemeIcons);
  out.isTrusted = content.isTrusted;
  out.baseUri = content.baseUri;
  // Only the swatch's span needs HTML; the server escapes `<` in everything it quotes from articles.
  out.supportHtml = true;
  return out;
}

export function hoverMiddleware(
  contributions: readonly ColorContribution[],
): Pick<Middleware, 'provideHover'> {
  return {
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      if (!hover) return hover;
      const ctx = swatchContext(contributions);
      const contents = hover.contents.map((c) =>
        c instanceof vscode.MarkdownString ? decorated(c, ctx) : c,
      );
      return new vscode.Hover(contents, hover.range);
    },
  };
}
