// Compare: two articles side by side in VS Code's diff editor. The right side opens at the first passage
// the two share, so a shared passage's two copies are on screen together.
import * as vscode from 'vscode';
import type { RelatedArticleItem } from '../../server/src/protocol';
import { baseName } from './views/labels';

export async function compareArticles(
  left: vscode.Uri,
  right: vscode.Uri,
  selection?: vscode.Range,
): Promise<void> {
  const title = `${baseName(left)} ↔ ${baseName(right)}`;
  const options: vscode.TextDocumentShowOptions = { preview: true, ...(selection ? { selection } : {}) };
  await vscode.commands.executeCommand('vscode.diff', left, right, title, options);
}

/** Compares an article with one of its related articles, at their first shared passage. */
export function compareWithItem(source: vscode.Uri, item: RelatedArticleItem): Promise<void> {
  const { start, end } = item.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  return compareArticles(source, vscode.Uri.parse(item.uri), range);
}
