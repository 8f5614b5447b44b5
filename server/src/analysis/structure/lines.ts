// Stage 1: the page as lines, each with its trimmed extent and its blank-line block. Every later stage
// reasons about lines, because scraped pages carry their structure in line breaks, not in markup.

export interface Line {
  /** 0-based line number. */
  index: number;
  /** UTF-16 offsets of the line's text without surrounding whitespace (start = end on a blank line). */
  start: number;
  end: number;
  /** The trimmed text; '' for a blank line. */
  text: string;
  /** Index of the run of non-blank lines (blank-line block) the line belongs to; -1 when blank. */
  block: number;
  /** Blank lines directly above this line. */
  blankBefore: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let block = -1;
  let blanks = 0;
  let previousBlank = true;
  for (let m = re.exec(text); m !== null && m.index < text.length; m = re.exec(text)) {
    const raw = m[0].replace(/[\r\n]+$/, '');
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    const start = m.index + lead;
    if (trimmed === '') {
      lines.push({ index: lines.length, start, end: start, text: '', block: -1, blankBefore: blanks });
      blanks++;
      previousBlank = true;
    } else {
      if (previousBlank) block++;
      lines.push({
        index: lines.length,
        start,
        end: start + trimmed.length,
        text: trimmed,
        block,
        blankBefore: blanks,
      });
      blanks = 0;
      previousBlank = false;
    }
    if (m[0].length === 0) break;
  }
  return lines;
}

/** The next non-blank line after `i` (or undefined). */
export function nextFilled(lines: readonly Line[], i: number): Line | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j].text) return lines[j];
  return undefined;
}

/** The previous non-blank line before `i` (or undefined). */
export function previousFilled(lines: readonly Line[], i: number): Line | undefined {
  for (let j = i - 1; j >= 0; j--) if (lines[j].text) return lines[j];
  return undefined;
}
