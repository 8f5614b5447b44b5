// Follow-on quotes: a quote with no attribution of its own belongs to the speaker it continues — the same
// words quoted earlier (a pull quote), the speaker of its paragraph, or, for a quote that opens its
// sentence, whoever the article was just talking about — unless someone else was introduced in between.
import type { MarkedQuote } from '../quoteMarks';
import type { Span, Speaker } from '../../types';
import { isFurnitureLine } from '../furniture';
import type { Pattern } from './patterns';
import { sentenceStart } from './tokens';
import type { Salience } from './salience';

/** Furniture paragraphs a follow-on quote looks past for the speaker before them. */
const MAX_FURNITURE_SKIPPED = 8;

const normalise = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function followOn(
  text: string,
  paragraphs: Span[],
  quotes: readonly MarkedQuote[],
  patterns: readonly Pattern[],
  speakers: (Speaker | null)[],
  salience: Salience,
): void {
  const said = new Map<string, Speaker>();
  // For each quote, the next one of its paragraph attributed by its own pattern. Follow-on speakers are
  // given in order, so the later quotes still hold their own attributions when this is read.
  const nextAttributed = new Array<number>(quotes.length).fill(-1);
  for (let j = quotes.length - 2; j >= 0; j--) {
    const k = j + 1;
    if (quotes[k].paragraph !== quotes[j].paragraph) continue;
    nextAttributed[j] = speakers[k] && patterns[k].found ? k : nextAttributed[k];
  }
  const plain = (s: Speaker): Speaker => ({ name: s.name, ...(s.span ? { span: s.span } : {}) });
  quotes.forEach((q, i) => {
    const words = normalise(text.slice(q.contentSpan.start, q.contentSpan.end));
    const own = speakers[i];
    if (own) {
      if (!said.has(words)) said.set(words, own);
      return;
    }
    // An attribution whose speaker cannot be read keeps the quote from borrowing another.
    if (patterns[i].found) return;
    const again = said.get(words);
    if (again) {
      speakers[i] = plain(again);
      return;
    }
    const found = follow(i);
    if (found) {
      speakers[i] = found;
      said.set(words, found);
    }
  });

  function follow(i: number): Speaker | null {
    const q = quotes[i];
    const para = paragraphs[q.paragraph];
    // Only the characters right before the quote matter; a long paragraph is not read once per quote.
    let before = q.span.start - 1;
    while (before >= para.start && /\s/.test(text[before])) before--;
    const opens =
      before < para.start || /[.?!:]["”’']?$/.test(text.slice(Math.max(para.start, before - 1), before + 1));
    // The last speaker, in this paragraph, or in the one before when the quote opens its sentence (site
    // furniture between them, such as "Story continues below advertisement", does not count).
    let floor = q.paragraph;
    if (opens) {
      floor--;
      // A few furniture lines at most stand between two paragraphs of one story.
      const lowest = Math.max(0, floor - MAX_FURNITURE_SKIPPED);
      while (floor > lowest && isFurnitureLine(text, paragraphs[floor])) floor--;
    }
    const last = salience.latest(q.span.start, floor, (f) => f.speaker);
    // Someone introduced since then takes over a quote that opens its sentence ("Brand added that …").
    const since = salience.latest(
      q.span.start,
      floor,
      (f) => !f.speaker && (!last || (f.at > last.at && f.ref !== last.ref)),
    );
    if (opens && since && (!last || since.at > last.at)) return { name: since.ref.name };
    if (last && (opens || last.paragraph === q.paragraph)) return { name: last.ref.name };
    // "the agency thanked him for “…”": words quoted in a sentence about someone are theirs.
    if (!opens) {
      const from = sentenceStart(text, para.start, q.span.start);
      const own = salience.latest(q.span.start, q.paragraph, (f) => !f.speaker && f.at >= from);
      if (own) return { name: own.ref.name };
    }
    // A quote before the attributed one of its paragraph ("“…” “…,” she said").
    const j = nextAttributed[i];
    const n = j >= 0 ? speakers[j] : null;
    return n ? plain(n) : null;
  }
}
