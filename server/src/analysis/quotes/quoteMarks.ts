// Quote marks: finds paragraphs, pairs opening and closing marks within them (straight, curly and mixed,
// single quotes outside double ones, quotes continued over paragraphs) and places the missing partner of a
// lone mark. Pairing never looks past a paragraph, so one stray mark cannot swallow the rest of a file.
import type { Span } from '../types';

/** A quotation as paired from its marks, before speakers and kinds are decided. */
export interface MarkedQuote {
  /** From the opening mark (or where it is missing) to the closing mark (or where it is missing). */
  span: Span;
  /** The words between the marks, trimmed of surrounding whitespace. */
  contentSpan: Span;
  balanced: boolean;
  /** Index of the paragraph where the quote opens. */
  paragraph: number;
  /** Offset of the opening mark, or -1 when it is missing. */
  openAt: number;
  /** Offset just past the closing mark, or -1 when it is missing. */
  closeEnd: number;
  /** Single marks (‘…’) rather than double ones. */
  single: boolean;
}

export interface LoneMark {
  span: Span;
  missing: 'open' | 'close';
  insertAt: number;
  insertText: string;
}

export interface MarkFindings {
  paragraphs: Span[];
  quotes: MarkedQuote[];
  lone: LoneMark[];
}

type Role = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  role: Role;
  /** The glyph written, so that an inserted partner matches its style. */
  glyph: string;
  /** Characters the mark takes: 2 for a doubled single mark (`''`, `’’`) typed as a double one. */
  width: number;
}

const DOUBLE_MARKS = new Set(['"', '“', '”', '„', '«', '»']);
const OPENING_PUNCT = new Set(['(', '[', '{', '—', '–', '-', '/', '‘', "'"]);
const CLOSING_PUNCT = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '—', '–', '…', '’', "'"]);

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Paragraphs: each non-blank line, unless the text is hard-wrapped (most lines of multi-line blocks end
 * mid-sentence), in which case the blocks between blank lines.
 */
export function findParagraphs(text: string): Span[] {
  const lines: Span[] = [];
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length - m[1].length;
    if (/\S/.test(text.slice(start, end))) lines.push({ start, end });
    if (m[0].length === 0 || re.lastIndex >= text.length) break;
  }
  if (isHardWrapped(text, lines)) return mergeBlocks(text, lines);
  return lines.map((l) => trimSpan(text, l));
}

function isHardWrapped(text: string, lines: Span[]): boolean {
  let inBlock = 0;
  let open = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const gap = text.slice(lines[i].end, lines[i + 1].start);
    if (/\n[ \t]*(\r?\n|\r)|\r[ \t]*\r/.test(gap)) continue;
    inBlock++;
    const line = text.slice(lines[i].start, lines[i].end).trimEnd();
    if (line.length >= 40 && !/[.?!:"”’')\]]$/.test(line)) open++;
  }
  return inBlock >= 3 && open / inBlock > 0.6;
}

function mergeBlocks(text: string, lines: Span[]): Span[] {
  const out: Span[] = [];
  for (const l of lines) {
    const last = out.at(-1);
    if (last && !/\n[ \t]*(\r?\n|\r)|\r[ \t]*\r/.test(text.slice(last.end, l.start))) last.end = l.end;
    else out.push({ ...l });
  }
  return out.map((p) => trimSpan(text, p));
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return { start, end };
}

/** What a double mark does, from the characters around it; the glyph only breaks ties. */
function doubleRole(text: string, i: number, lo: number, hi: number): Role {
  const c = text[i];
  const p = i > lo ? text[i - 1] : undefined;
  const n = i + 1 < hi ? text[i + 1] : undefined;
  const opensByContext =
    (isSpace(p) || OPENING_PUNCT.has(p ?? '') || DOUBLE_MARKS.has(p ?? '')) && !isSpace(n);
  const closesByContext =
    !isSpace(p) && (isSpace(n) || CLOSING_PUNCT.has(n ?? '') || DOUBLE_MARKS.has(n ?? ''));
  if (opensByContext && !closesByContext) return 'open';
  if (closesByContext && !opensByContext) return 'close';
  if (c === '“' || c === '„' || c === '«') return 'open';
  if (c === '”' || c === '»') return 'close';
  return 'either';
}

function closingGlyph(open: string): string {
  if (open === '“' || open === '„') return '”';
  if (open === '«') return '»';
  if (open === '‘') return '’';
  return open;
}

function openingGlyph(close: string): string {
  if (close === '”') return '“';
  if (close === '»') return '«';
  if (close === '’') return '‘';
  return close;
}

const REPORTING_AFTER =
  /^\s*(?:(?:[A-Z][\p{L}’'.-]*|he|she|they|it|we|I)\s+){0,6}?(?:said|says|told|added|adds|wrote|writes|asked|stated|noted|explained|continued|insisted|argued|warned|declared|replied|tweeted|posted)\b/u;
const REPORTING_VERB_FIRST =
  /^\s*(?:said|says|told|added|adds|wrote|writes|asked|stated|noted|explained|continued|insisted|argued|warned|declared|replied)\s+(?:the\s+)?[A-Z\p{Lu}]/u;

/** Where the close of a quote opened at `open` most likely belongs, within `[open, hi)`. */
function closeInsertion(text: string, open: number, hi: number): number {
  // Before an attribution: `…higher, said Takaichi` or `…higher, she said` → the mark goes after the comma.
  const region = text.slice(open + 1, hi);
  const re = /[,.?!]+(?=\s)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(region)) !== null) {
    const end = open + 1 + m.index + m[0].length;
    const rest = text.slice(end, Math.min(hi, end + 120));
    if (REPORTING_AFTER.test(rest) || REPORTING_VERB_FIRST.test(rest)) return end;
  }
  // Otherwise the end of the paragraph, after its final punctuation.
  return hi;
}

/** Where the opening of a quote closed at `close` most likely belongs, within `[lo, close)`. */
function openInsertion(text: string, lo: number, close: number): number {
  const before = text.slice(lo, close);
  // `X said: …"` → after the colon.
  const colon = before.lastIndexOf(': ');
  if (colon >= 0) return lo + colon + 2;
  // `…," she said, keep going."` → after the comma that follows an attribution.
  const attr = /,\s+(?:[A-Z][\p{L}’'.-]*\s+|he\s+|she\s+|they\s+){1,4}(?:said|added|wrote|told \w+),\s+/gu;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = attr.exec(before)) !== null) last = m.index + m[0].length;
  if (last >= 0) return lo + last;
  return lo;
}

/** Double marks of one paragraph with their roles; straight marks after a digit are inch or second marks. */
function doubleMarks(text: string, lo: number, hi: number): Mark[] {
  const out: Mark[] = [];
  for (let i = lo; i < hi; i++) {
    const c = text[i];
    if (!DOUBLE_MARKS.has(c)) continue;
    if (c === '"' && /\d/.test(text[i - 1] ?? '') && !isWordChar(text[i + 1])) continue;
    // "» Next headline": a guillemet opening a paragraph before a space is a list bullet.
    if ((c === '»' || c === '«') && isSpace(text[i + 1]) && (i === lo || /[\r\n]/.test(text[i - 1] ?? '')))
      continue;
    out.push({ at: i, role: doubleRole(text, i, lo, hi), glyph: c, width: 1 });
  }
  return withDoubledSingles(text, lo, hi, out);
}

/**
 * Two single marks typed for a double one, as scraped pages often have them: `''` or `’’` closing after a
 * word, `‘‘` or `''` opening before one. Merged into the double marks in text order.
 */
function withDoubledSingles(text: string, lo: number, hi: number, marks: Mark[]): Mark[] {
  const re = /(?:''|’’|‘‘)/g;
  const region = text.slice(lo, hi);
  const found: Mark[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(region)) !== null) {
    const at = lo + m.index;
    const p = at > lo ? text[at - 1] : undefined;
    const n = at + 2 < hi ? text[at + 2] : undefined;
    const closes = m[0] !== '‘‘' && !isSpace(p) && (isSpace(n) || CLOSING_PUNCT.has(n ?? ''));
    const opens = m[0] !== '’’' && (isSpace(p) || OPENING_PUNCT.has(p ?? '')) && isWordChar(n);
    if (closes === opens) continue;
    found.push({ at, role: closes ? 'close' : 'open', glyph: closes ? '”' : '“', width: 2 });
  }
  if (found.length === 0) return marks;
  return [...marks, ...found].sort((a, b) => a.at - b.at);
}

const MAX_SINGLE_QUOTE = 400;

/** Pairs single marks (‘…’ or '…') in `[lo, hi)`, telling apostrophes apart by the letters around them. */
function singlePairs(text: string, lo: number, hi: number): [number, number][] {
  const pairs: [number, number][] = [];
  let open = -1;
  for (let i = lo; i < hi; i++) {
    const c = text[i];
    if (c !== '‘' && c !== '’' && c !== "'") continue;
    const p = i > lo ? text[i - 1] : undefined;
    const n = i + 1 < hi ? text[i + 1] : undefined;
    const canOpen =
      (c === '‘' || c === "'") &&
      (isSpace(p) || OPENING_PUNCT.has(p ?? '') || DOUBLE_MARKS.has(p ?? '')) &&
      isWordChar(n) &&
      !/\d/.test(n ?? ''); // '90s
    // "the dogs' kennels": a plural possessive, not a close, when a lower-case word follows.
    const possessive = p === 's' && /^\s\p{Ll}/u.test(text.slice(i + 1, i + 3));
    const canClose =
      (c === '’' || c === "'") &&
      !isSpace(p) &&
      !isWordChar(n) &&
      !possessive &&
      (isSpace(n) || CLOSING_PUNCT.has(n ?? '') || DOUBLE_MARKS.has(n ?? ''));
    if (open < 0 && canOpen) open = i;
    else if (open >= 0 && canClose && i > open + 1) {
      // A pair spanning more than a few sentences is an apostrophe ('90s … dogs') rather than a quote.
      if (i - open <= MAX_SINGLE_QUOTE) pairs.push([open, i]);
      open = -1;
    } else if (open >= 0 && canOpen && c === '‘') open = i;
  }
  return pairs;
}

function contentOf(text: string, start: number, end: number): Span {
  return trimSpan(text, { start, end });
}

/** Pairs the quote marks of a text. */
export function pairQuoteMarks(text: string, paragraphs: Span[] = findParagraphs(text)): MarkFindings {
  const quotes: MarkedQuote[] = [];
  const lone: LoneMark[] = [];
  const marksOf = paragraphs.map((p) => doubleMarks(text, p.start, p.end));

  // An open quote carried over from the previous paragraph (a multi-paragraph quotation).
  let carried: { mark: Mark; paragraph: number } | null = null;

  for (let pi = 0; pi < paragraphs.length; pi++) {
    const para = paragraphs[pi];
    const marks = marksOf[pi];
    let open: { mark: Mark; paragraph: number } | null = null;
    // Just past the latest lone closing mark of this paragraph: the opening missing for a later one cannot lie
    // before it, and looking back no further keeps a run of closing marks linear.
    let afterLoneClose = para.start;
    let k = 0;
    if (carried) {
      // The quote continues only if this paragraph reopens with a mark; that mark is not a new quote.
      const first = marks[0];
      if (first && first.at === para.start && first.role !== 'close') {
        open = carried;
        k = 1;
      } else {
        lone.push(loneOpen(text, carried.mark, paragraphs[carried.paragraph]));
        quotes.push(unclosedQuote(text, carried.mark, paragraphs[carried.paragraph], carried.paragraph));
      }
      carried = null;
    }
    for (; k < marks.length; k++) {
      const m = marks[k];
      const role = m.role === 'either' ? (open ? 'close' : 'open') : m.role;
      if (role === 'open') {
        if (open) {
          // Two openings in a row: the first lacks its close. Close it where it most likely belonged.
          const p = paragraphs[open.paragraph];
          const hi = open.paragraph === pi ? m.at : p.end;
          lone.push(loneOpen(text, open.mark, { start: p.start, end: hi }));
          quotes.push(unclosedQuote(text, open.mark, { start: p.start, end: hi }, open.paragraph));
        }
        open = { mark: m, paragraph: pi };
      } else if (open) {
        quotes.push({
          span: { start: open.mark.at, end: m.at + m.width },
          contentSpan: contentOf(text, open.mark.at + open.mark.width, m.at),
          balanced: true,
          paragraph: open.paragraph,
          openAt: open.mark.at,
          closeEnd: m.at + m.width,
          single: false,
        });
        open = null;
      } else {
        const prevClose =
          quotes.length > 0 && quotes[quotes.length - 1].closeEnd > para.start
            ? quotes[quotes.length - 1].closeEnd
            : -1;
        const lo = Math.max(afterLoneClose, prevClose);
        const insertAt = openInsertion(text, lo, m.at);
        afterLoneClose = m.at + 1;
        lone.push({
          span: { start: m.at, end: m.at + m.width },
          missing: 'open',
          insertAt,
          insertText: openingGlyph(m.glyph),
        });
        if (/[\p{L}\p{N}]/u.test(text.slice(insertAt, m.at))) {
          quotes.push({
            span: { start: insertAt, end: m.at + m.width },
            contentSpan: contentOf(text, insertAt, m.at),
            balanced: false,
            paragraph: pi,
            openAt: -1,
            closeEnd: m.at + m.width,
            single: false,
          });
        }
      }
    }
    if (open) {
      const next = marksOf[pi + 1]?.[0];
      if (
        next &&
        pi + 1 < paragraphs.length &&
        next.at === paragraphs[pi + 1].start &&
        next.role !== 'close' &&
        opensLongQuote(text, open.mark, paragraphs[open.paragraph])
      ) {
        carried = open;
      } else {
        const p = paragraphs[open.paragraph];
        const region = { start: p.start, end: open.paragraph === pi ? para.end : p.end };
        lone.push(loneOpen(text, open.mark, region));
        quotes.push(unclosedQuote(text, open.mark, region, open.paragraph));
      }
    }
  }
  if (carried) {
    lone.push(loneOpen(text, carried.mark, paragraphs[carried.paragraph]));
    quotes.push(unclosedQuote(text, carried.mark, paragraphs[carried.paragraph], carried.paragraph));
  }

  // Single quotes outside every double quote (inside one they are part of its words).
  const doubleSpans = quotes.map((q) => q.span).sort((a, b) => a.start - b.start);
  let first = 0;
  paragraphs.forEach((para, pi) => {
    let cursor = para.start;
    const gaps: Span[] = [];
    // Spans and paragraphs are both in text order: skip the spans that ended before this paragraph for good.
    while (first < doubleSpans.length && doubleSpans[first].end <= para.start) first++;
    for (let k = first; k < doubleSpans.length && doubleSpans[k].start < para.end; k++) {
      const s = doubleSpans[k];
      if (s.end <= para.start) continue;
      if (s.start > cursor) gaps.push({ start: cursor, end: s.start });
      cursor = Math.max(cursor, s.end);
    }
    if (cursor < para.end) gaps.push({ start: cursor, end: para.end });
    for (const g of gaps) {
      for (const [o, c] of singlePairs(text, g.start, g.end)) {
        quotes.push({
          span: { start: o, end: c + 1 },
          contentSpan: contentOf(text, o + 1, c),
          balanced: true,
          paragraph: pi,
          openAt: o,
          closeEnd: c + 1,
          single: true,
        });
      }
    }
  });

  quotes.sort((a, b) => a.span.start - b.span.start);
  lone.sort((a, b) => a.span.start - b.span.start);
  return { paragraphs, quotes: quotes.filter((q) => q.contentSpan.end > q.contentSpan.start), lone };
}

/**
 * A quotation that may run on into the next paragraph opens like one: a mark that clearly opens, at the
 * paragraph start or after a colon, comma or sentence end. A stray mark mid-sentence never carries over.
 */
function opensLongQuote(text: string, mark: Mark, para: Span): boolean {
  if (mark.role !== 'open') return false;
  const before = text.slice(para.start, mark.at).trimEnd();
  return before.length === 0 || /[:,.?!]$/.test(before);
}

function loneOpen(text: string, mark: Mark, region: Span): LoneMark {
  const insertAt = closeInsertion(text, mark.at, region.end);
  return {
    span: { start: mark.at, end: mark.at + mark.width },
    missing: 'close',
    insertAt,
    insertText: closingGlyph(mark.glyph),
  };
}

function unclosedQuote(text: string, mark: Mark, region: Span, paragraph: number): MarkedQuote {
  const end = closeInsertion(text, mark.at, region.end);
  return {
    span: { start: mark.at, end },
    contentSpan: contentOf(text, mark.at + mark.width, end),
    balanced: false,
    paragraph,
    openAt: mark.at,
    closeEnd: -1,
    single: false,
  };
}
