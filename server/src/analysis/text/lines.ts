// Text utilities shared by the analysis stages: line index (offset ↔ line/character).
export interface LinePosition {
  /** Zero-based line. */
  line: number;
  /** Zero-based UTF-16 character within the line. */
  character: number;
}

export interface LineIndex {
  positionAt(offset: number): LinePosition;
  offsetAt(position: LinePosition): number;
}

/** Line starts of a text; `\r\n`, `\r` and `\n` all end a line, as in LSP. */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) starts.push(i + 1);
  }
  return {
    positionAt(offset: number): LinePosition {
      const o = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: o - starts[lo] };
    },
    offsetAt(position: LinePosition): number {
      if (position.line >= starts.length) return text.length;
      const lineStart = starts[Math.max(0, position.line)];
      let lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
      // A character past the end of a line means the line end (before its \r\n), as LSP specifies.
      if (lineEnd > lineStart && text[lineEnd - 1] === '\n') lineEnd--;
      if (lineEnd > lineStart && text[lineEnd - 1] === '\r') lineEnd--;
      return Math.min(lineStart + Math.max(0, position.character), lineEnd);
    },
  };
}
