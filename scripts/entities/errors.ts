// Error classes of the analysis on the development split, per mode: for each wrong name (a name given
// where the gold has none or another, a gold name not given), what the tagger alone read there. Prints
// counts only, never the corpus text. `node scripts/train-entities.mjs --errors`.
import { findEntities } from '../../server/src/analysis/entities/recogniser';
import {
  combineWithTagger,
  taggedEntities,
  type TaggerMode,
} from '../../server/src/analysis/entities/combine';
import type { TaggerModel } from '../../server/src/analysis/entities/tagger/model';
import { spansOf, type TokenSpan } from '../../server/src/analysis/entities/tagger/labels';
import { refineType } from '../../server/src/analysis/entities/refine';
import { noEntityHints, type EntityMention, type NamedEntityType } from '../../server/src/analysis/types';
import { readConll, ruleLabels, type ConllDoc } from './conll';
import { report, ruleIds, score } from './train';

const AS_OURS: Record<string, NamedEntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'NORP' };

/** Our mentions as coarse BIO ids over the corpus tokens. */
function idsOf(d: ConllDoc, ms: EntityMention[]): Int32Array {
  return ruleIds({ ...d, rules: ruleLabels(d.text, d.tokens, undefined, ms) });
}

const at = (s: TokenSpan): string => `${s.start}:${s.end}`;

/** Whether tokens [s.start, s.end) are all O in `labels`. */
function allO(labels: Int32Array, s: TokenSpan): boolean {
  for (let i = s.start; i < s.end; i++) if (labels[i] !== 0) return false;
  return true;
}

export function errorClasses(devPath: string, model: TaggerModel): void {
  const docs = readConll(devPath, false);
  const modes: TaggerMode[] = ['off', 'candidates', 'primary'];
  const counts = new Map<string, number>();
  const bump = (k: string): void => void counts.set(k, (counts.get(k) ?? 0) + 1);
  const pairs = new Map<string, [Int32Array, Int32Array][]>();
  const add = (k: string, gold: Int32Array, pred: Int32Array): void => {
    pairs.set(k, [...(pairs.get(k) ?? []), [gold, pred]]);
  };
  for (const d of docs) {
    const rules = findEntities(d.text, noEntityHints);
    const tagged = taggedEntities(d.text, rules, undefined, model);
    const asMentions = (refine: boolean): EntityMention[] =>
      tagged.flatMap((e) => {
        const w = d.text.slice(e.start, e.end);
        const type = refine ? refineType(w, e.type) : AS_OURS[e.type];
        return type
          ? [{ span: { start: e.start, end: e.end }, type, text: w, canonical: w, source: 'tagger' as const }]
          : [];
      });
    const tagger = idsOf(d, asMentions(false));
    add('tagger alone, coarse', d.gold, tagger);
    add('tagger alone, typed to ours', d.gold, idsOf(d, asMentions(true)));
    const gold = spansOf(d.gold);
    const goldAt = new Map(gold.map((s) => [at(s), s]));
    const taggerAt = new Map(spansOf(tagger).map((s) => [at(s), s]));
    for (const mode of modes) {
      const pred = idsOf(d, combineWithTagger(d.text, rules, mode, undefined, model));
      const predAt = new Map(spansOf(pred).map((s) => [at(s), s]));
      for (const s of predAt.values()) {
        const g = goldAt.get(at(s));
        if (g?.type === s.type) continue;
        const t = taggerAt.get(at(s));
        const tagger_ = t ? `tagger ${t.type}` : allO(tagger, s) ? 'tagger O' : 'tagger another span';
        if (g) bump(`${mode} wrong type ${s.type} for ${g.type}, ${tagger_}`);
        else bump(`${mode} ${allO(d.gold, s) ? 'no name in gold' : 'wrong boundary'}, ${tagger_}`);
      }
      for (const g of gold) {
        if (predAt.get(at(g))?.type === g.type) continue;
        const t = taggerAt.get(at(g));
        const tagger_ = t ? (t.type === g.type ? 'tagger right' : `tagger ${t.type}`) : 'tagger no such span';
        bump(
          `${mode} missed ${g.type} (${allO(pred, g) ? 'nothing there' : 'another name there'}), ${tagger_}`,
        );
      }
    }
  }
  for (const [k, v] of pairs) process.stderr.write(`${report(k, score(v))}\n`);
  for (const [k, v] of [...counts].sort((a, b) => a[0].localeCompare(b[0])))
    process.stderr.write(`${String(v).padStart(5)} ${k}\n`);
}
