// The WorkspaceEdit that turns one sidecar text into another: the smallest single replacement (so Undo
// and git diffs show just the changed lines), or a file creation when the sidecar does not exist yet.
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { lineIndex } from '../analysis/text/lines';

export function sidecarEdit(uri: string, exists: boolean, before: string, after: string): WorkspaceEdit {
  if (!exists) {
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        {
          textDocument: { uri, version: null },
          edits: [
            { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: after },
          ],
        },
      ],
    };
  }
  return { changes: { [uri]: [minimalEdit(before, after)] } };
}

export function minimalEdit(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  // Whole lines: keep the replacement starting at a line start.
  while (start > 0 && before[start - 1] !== '\n') start--;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  const lines = lineIndex(before);
  return {
    range: { start: lines.positionAt(start), end: lines.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}
