// Markdown helpers for hovers: escaping article text and links that open another article at a line.
import { fileName, titleOf } from './context';

/** Escapes text from an article so that markdown renders it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** A link that opens `uri` at a 0-based `line` (VS Code reads the `#L` fragment as a selection). */
export function articleLink(uri: string, line: number, text?: string): string {
  const label = escapeMarkdown(titleOf(text, fileName(uri)));
  return `[${label}](${uri}#L${line + 1})`;
}

/** Shortens a passage for display, keeping the start. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
