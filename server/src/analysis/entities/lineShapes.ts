// Questions about the line a word stands on, for telling an acronym from a shouted heading. Each reads
// text beyond the word, so answers are kept: once per line, and a bounded number of word lookups.
import type { ArticleView } from './articleView';

/** Distinct words `inProse` looks up in one article at most: each lookup reads the whole text. */
const MAX_PROSE_LOOKUPS = 64;

export class LineShapes {
  private readonly shoutedLines = new Map<string, boolean>();
  private readonly proseLines = new Map<number, boolean>();
  private readonly proseWords = new Map<string, boolean>();

  constructor(private readonly view: ArticleView) {}

  /** Capitals on both sides of unit `i`, or a line with no lower-case word: a heading, not an acronym. */
  shouted(i: number): boolean {
    const { view } = this;
    const u = view.u(i);
    const prev = view.units[i - 1];
    const next = view.units[i + 1];
    if (prev && prev.allCaps && prev.text.length > 1 && view.adjacent(prev, u)) return true;
    if (next && next.allCaps && next.text.length > 1 && view.adjacent(u, next)) return true;
    const from = view.newlines.lineStart(u.start);
    const to = view.lineEnd(u.end);
    // Once per line and end: every unit of a line of one long line would read all of it again.
    const key = `${from}:${to}`;
    let shouted = this.shoutedLines.get(key);
    if (shouted === undefined) {
      shouted = !/\p{Ll}{2}/u.test(view.text.slice(from, to));
      this.shoutedLines.set(key, shouted);
    }
    return shouted;
  }

  /**
   * Whether `word` occurs at least `min` times inside lines that are mostly lower case. Each scans the whole
   * text, so a word is looked up once and only the first `MAX_PROSE_LOOKUPS` words are; the rest, as many as
   * the words of a degenerate text, are taken as not in prose.
   */
  inProse(word: string, min: number): boolean {
    const key = `${min}:${word}`;
    const known = this.proseWords.get(key);
    if (known !== undefined) return known;
    if (this.proseWords.size >= MAX_PROSE_LOOKUPS) return false;
    const { text, newlines } = this.view;
    let seen = 0;
    for (let at = text.indexOf(word); at >= 0 && seen < min; at = text.indexOf(word, at + 1)) {
      if (this.proseLine(newlines.lineStart(at))) seen++;
    }
    this.proseWords.set(key, seen >= min);
    return seen >= min;
  }

  /** Whether the line starting at `from` is mostly lower-case letters; once per line. */
  private proseLine(from: number): boolean {
    let prose = this.proseLines.get(from);
    if (prose === undefined) {
      const line = this.view.text.slice(from, this.view.lineEnd(from));
      prose = (line.match(/\p{Ll}/gu)?.length ?? 0) > line.length / 2;
      this.proseLines.set(from, prose);
    }
    return prose;
  }
}
