// The tagger's label set: BIO tags over the four coarse CoNLL types.

export const COARSE_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type CoarseType = (typeof COARSE_TYPES)[number];

/** The CoNLL-2003 class of each named type (value types have none): training, typing and export agree. */
export const COARSE_OF: Readonly<Record<string, CoarseType>> = {
  PERSON: 'PER',
  ORG: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  FAC: 'LOC',
  NORP: 'MISC',
  EVENT: 'MISC',
};

/** Label ids: 0 is O, then B-/I- of each coarse type in order. */
export const LABELS: readonly string[] = ['O', ...COARSE_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];
export const LABEL_COUNT = LABELS.length;

export function labelId(label: string): number {
  const k = LABELS.indexOf(label);
  if (k < 0) throw new Error(`unknown label ${label}`);
  return k;
}

/** The coarse type of a label id, or undefined for O. */
export function labelType(id: number): CoarseType | undefined {
  return id === 0 ? undefined : COARSE_TYPES[(id - 1) >> 1];
}

export function isInside(id: number): boolean {
  return id > 0 && (id - 1) % 2 === 1;
}

/** A span of tokens [start, end) and its type. */
export interface TokenSpan {
  start: number;
  end: number;
  type: CoarseType;
}

/** Spans of a label sequence; an I- that does not continue its type opens a span (as conlleval). */
export function spansOf(labels: ArrayLike<number>): TokenSpan[] {
  const out: TokenSpan[] = [];
  let open: TokenSpan | undefined;
  for (let i = 0; i < labels.length; i++) {
    const id = labels[i] as number;
    const type = labelType(id);
    if (open && (!type || !isInside(id) || type !== open.type)) {
      open.end = i;
      out.push(open);
      open = undefined;
    }
    if (type && !open) open = { start: i, end: i + 1, type };
  }
  if (open) {
    open.end = labels.length;
    out.push(open);
  }
  return out;
}

/** Whether label `to` may follow label `from` (-1 for the sentence start): I-X only after B-X or I-X. */
export function allowed(from: number, to: number): boolean {
  if (!isInside(to)) return true;
  return from > 0 && labelType(from) === labelType(to);
}
