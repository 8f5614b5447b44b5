// Markdown helpers for hovers: escaping article text and links that open another article at a line.
import { formatWordDiff, wordDiff } from '../analysis/duplicates/wordDiff';
import { fileName } from './context';

/** Escapes text from an article so that markdown renders it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/**
 * A link that opens `uri` at a 0-based `line` (VS Code reads the `#L` fragment as a selection), labelled
 * with the article's `title` (see context.articleTitle).
 */
export function articleLink(uri: string, line: number, title: string): string {
  const name = fileName(uri);
  // The file name beside the headline: two copies of one story share a headline.
  const label = escapeMarkdown(title === name ? name : `${title} · ${name}`);
  return `[${label}](${uri}#L${line + 1})`;
}

/** Words of an unchanged stretch kept on each side of a change; longer stretches are elided. */
const DIFF_CONTEXT_WORDS = 6;

/**
 * A word-level diff of two wordings for a hover (`in ~~the~~ **a** forward-looking way`), with long
 * unchanged stretches shortened so that a reprinted paragraph shows just its edits.
 */
export function diffMarkdown(mine: string, theirs: string): string {
  const parts = wordDiff(mine, theirs).map((p, i, all) => {
    if (p.kind !== 'same') return p;
    const words = p.text.split(' ');
    const keepBefore = i > 0 ? DIFF_CONTEXT_WORDS : 0;
    const keepAfter = i < all.length - 1 ? DIFF_CONTEXT_WORDS : 0;
    if (words.length <= keepBefore + keepAfter + 1) return p;
    const head = words.slice(0, keepBefore);
    const tail = words.slice(words.length - keepAfter);
    return { ...p, text: [...head, '…', ...tail].join(' ') };
  });
  return formatWordDiff(parts);
}
