// Inputs for the rule engine's stages on their own: an article read into units, an empty writer of
// drafts, and short readings of what a stage wrote.
import { ArticleView } from '../../server/src/analysis/entities/articleView';
import { DraftWriter } from '../../server/src/analysis/entities/draftWriter';
import { buildUnits, splitHyphens } from '../../server/src/analysis/entities/units';
import { analyzeText } from '../../server/src/analysis/text/nlp';

/** `text` as the stages read it, and a writer with no drafts yet. */
export function stageInput(text: string): { view: ArticleView; out: DraftWriter } {
  const tokens = splitHyphens(analyzeText(text).tokens);
  const { units, unitOfTok } = buildUnits(text, tokens);
  const view = new ArticleView(text, tokens, units, unitOfTok);
  return { view, out: new DraftWriter(view) };
}

/** Index of the `k`-th unit whose text is `word`; throws when there is none, so a test cannot pass vacuously. */
export function unitOf(view: ArticleView, word: string, k = 0): number {
  let seen = 0;
  for (let i = 0; i < view.units.length; i++) if (view.u(i).text === word && seen++ === k) return i;
  throw new Error(`no unit ${word} (#${k}) in ${view.units.map((u) => u.text).join(' | ')}`);
}

/** The drafts written, in order, as "text/TYPE", with "?" for a guess and "=canonical" when it differs. */
export function drafted(view: ArticleView, out: DraftWriter): string[] {
  return out.drafts.map((d) => {
    const text = view.text.slice(d.start, d.end);
    return `${text}/${d.type}${d.guess ? '?' : ''}${d.canonical !== text ? `=${d.canonical}` : ''}`;
  });
}
