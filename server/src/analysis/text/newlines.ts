// Offsets of the line feeds of a text, so that the line around an offset is found by binary search: a scan
// (`indexOf`, `lastIndexOf`) reads to the line's ends every time, quadratic on a text of one long line.
export class NewlineIndex {
  private readonly at: number[] = [];

  constructor(private readonly text: string) {
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) this.at.push(k);
  }

  /** Index in `at` of the first line feed at or after `pos`. */
  private firstFrom(pos: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first line feed at or after `from`, else the text length: `text.indexOf('\n', from)`. */
  lineEnd(from: number): number {
    const k = this.firstFrom(Math.max(0, from));
    return k < this.at.length ? this.at[k] : this.text.length;
  }

  /** Just past the last line feed at or before `pos`, else 0: `text.lastIndexOf('\n', pos) + 1`. */
  lineStart(pos: number): number {
    const k = this.firstFrom(pos + 1) - 1;
    return k >= 0 ? this.at[k] + 1 : 0;
  }
}
