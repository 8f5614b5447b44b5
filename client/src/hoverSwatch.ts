// The entity hover's legend line ("Colour: yellow · `articleLens.entity.place`") with a swatch of the colour
// the current theme gives the type: the user's `workbench.colorCustomizations` (for the theme, then for
// all themes), else the extension's default for the theme kind. Kept free of the vscode module so it is
// unit-tested; the hover middleware passes the settings in.

export type ThemeKind = 'dark' | 'light' | 'highContrast' | 'highContrastLight';

/** package.json `contributes.colors`, as far as the swatch needs it. */
export interface ColorContribution {
  id: string;
  defaults: Partial<Record<ThemeKind, string>>;
}

export interface SwatchContext {
  kind: ThemeKind;
  /** Name of the active colour theme (`workbench.colorTheme`). */
  themeName: string | undefined;
  /** `workbench.colorCustomizations`. */
  customizations: unknown;
  contributions: readonly ColorContribution[];
}

const LEGEND_LINE = /^Colour: ([^`\n]+) · `([\w.-]+)`$/m;
/** VS Code's hover keeps only `color` in `#RRGGBB` (or `#RGB`, `#RGBA`, `#RRGGBBAA`) form in a span's style. */
const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The colour a theme colour id has now, as a hex value, or undefined when it cannot be told. */
export function colourValue(id: string, ctx: SwatchContext): string | undefined {
  const custom = record(ctx.customizations);
  const forTheme = ctx.themeName ? record(custom?.[`[${ctx.themeName}]`]) : undefined;
  const defaults = ctx.contributions.find((c) => c.id === id)?.defaults;
  const candidates = [forTheme?.[id], custom?.[id], defaults?.[ctx.kind], defaults?.dark];
  for (const c of candidates) if (typeof c === 'string') return HEX.test(c) ? c : undefined;
  return undefined;
}

/**
 * The hover markdown with a swatch in front of its legend line, or undefined when it has none (or the
 * colour cannot be told): then the hover is shown as the server wrote it.
 */
export function withSwatch(markdown: string, ctx: SwatchContext): string | undefined {
  const line = LEGEND_LINE.exec(markdown);
  if (!line) return undefined;
  const colour = colourValue(line[2], ctx);
  if (!colour) return undefined;
  return markdown.replace(LEGEND_LINE, (whole) => `<span style="color:${colour};">■■■</span> ${whole}`);
}
