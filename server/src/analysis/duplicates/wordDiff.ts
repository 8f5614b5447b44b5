// Word-level differences between two wordings of a passage (a quote or a shared passage reprinted with small
// edits), and their Markdown rendering for hovers: `in ~~the~~ **a** forward-looking way`.

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  /** Words of this part joined by single spaces (from `before` for same and removed, `after` for added). */
  text: string;
}

/** Largest table the longest-common-subsequence step fills; longer middles are reported as replaced. */
const MAX_CELLS = 1_000_000;

/** Compared loosely: case, curly versus straight apostrophes and quotes, surrounding punctuation. */
function key(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

const splitWords = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);

/** Diff of `before` → `after` by words: common prefix and suffix, then a longest common subsequence. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = splitWords(before);
  const b = splitWords(after);
  const ka = a.map(key);
  const kb = b.map(key);
  let pre = 0;
  while (pre < a.length && pre < b.length && ka[pre] === kb[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && ka[a.length - 1 - suf] === kb[b.length - 1 - suf])
    suf++;

  const ops: { kind: DiffPart['kind']; word: string }[] = [];
  for (let i = 0; i < pre; i++) ops.push({ kind: 'same', word: a[i] });
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_CELLS) {
    // lcs[i][j]: common words of a[pre+i..] and b[pre+j..], as a flat table.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] =
          ka[pre + i] === kb[pre + j]
            ? lcs[(i + 1) * w + j + 1] + 1
            : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && ka[pre + i] === kb[pre + j]) {
        ops.push({ kind: 'same', word: a[pre + i] });
        i++;
        j++;
      } else if (j === m || (i < n && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
        // Removals before additions at each change, so the Markdown reads "~~old~~ **new**".
        ops.push({ kind: 'removed', word: a[pre + i] });
        i++;
      } else {
        ops.push({ kind: 'added', word: b[pre + j] });
        j++;
      }
    }
  } else {
    for (let i = 0; i < n; i++) ops.push({ kind: 'removed', word: a[pre + i] });
    for (let j = 0; j < m; j++) ops.push({ kind: 'added', word: b[pre + j] });
  }
  for (let i = a.length - suf; i < a.length; i++) ops.push({ kind: 'same', word: a[i] });

  const parts: DiffPart[] = [];
  for (const op of ops) {
    const last = parts[parts.length - 1];
    if (last && last.kind === op.kind) last.text += ` ${op.word}`;
    else parts.push({ kind: op.kind, text: op.word });
  }
  return parts;
}

/** Share of words the two wordings have in common (0..1): 2 × same words / all words. */
export function diffSimilarity(parts: readonly DiffPart[]): number {
  let same = 0;
  let total = 0;
  for (const p of parts) {
    const count = splitWords(p.text).length;
    total += p.kind === 'same' ? 2 * count : count;
    if (p.kind === 'same') same += 2 * count;
  }
  return total === 0 ? 1 : same / total;
}

// Only the characters that would start emphasis, code, links or HTML; hyphens and dots read as written.
const escapeMarkdown = (s: string): string => s.replace(/([\\`*_[\]<>~|])/g, '\\$1');

/** Markdown for a hover: removed words struck through, added words in bold, the rest as written. */
export function formatWordDiff(parts: readonly DiffPart[]): string {
  return parts
    .map((p) => {
      const t = escapeMarkdown(p.text);
      if (p.kind === 'removed') return `~~${t}~~`;
      if (p.kind === 'added') return `**${t}**`;
      return t;
    })
    .join(' ');
}
