// Entity summaries (symbol search, the most mentioned) with the corrections of closed files applied: the
// database counts the model's mentions, so each corrected file's stored mentions are taken off and its
// corrected ones added, names the corrections brought in are added, names left with no mention dropped,
// and the list is ordered again as the in-memory index orders it.
import type { EntitySummary } from '../analysis/entities/entityIndex';
import type { EntityMention } from '../analysis/types';
import type { ListedSummary } from '../storage/postgres/corpusQueries';
import type { CorrectedFile } from './correctedFiles';

interface Delta {
  mentions: number;
  files: number;
  /** The first corrected mention of a name, for one the database does not know. */
  first?: EntityMention;
  forms: string[];
}

function deltas(files: readonly CorrectedFile[]): Map<string, Delta> {
  const out = new Map<string, Delta>();
  const of = (c: string): Delta => {
    let d = out.get(c);
    if (!d) out.set(c, (d = { mentions: 0, files: 0, forms: [] }));
    return d;
  };
  for (const { model, curated } of files) {
    for (const m of model) of(m.canonical).mentions--;
    for (const c of new Set(model.map((m) => m.canonical))) of(c).files--;
    for (const m of curated) {
      const d = of(m.canonical);
      d.mentions++;
      d.first ??= m;
      if (!d.forms.includes(m.text)) d.forms.push(m.text);
    }
    for (const c of new Set(curated.map((m) => m.canonical))) of(c).files++;
  }
  return out;
}

export async function summariesWithCorrections(
  found: readonly EntitySummary[],
  files: readonly CorrectedFile[],
  stored: (canonicals: readonly string[]) => Promise<ListedSummary[]>,
  matches: (e: EntitySummary) => boolean,
  order: 'search' | 'mentions',
  limit: number,
): Promise<EntitySummary[]> {
  const change = deltas(files);
  const names = [...new Set([...found.map((e) => e.canonical), ...change.keys()])];
  const listed = new Map((await stored(names)).map((l) => [l.summary.canonical, l]));
  const out: { summary: EntitySummary; listing: number }[] = [];
  for (const name of names) {
    const d = change.get(name);
    const known = listed.get(name);
    let summary: EntitySummary | undefined = known?.summary;
    if (summary && d) {
      const aliases = [...summary.aliases, ...d.forms.filter((f) => !summary?.aliases.includes(f))];
      summary = {
        ...summary,
        aliases,
        mentionCount: summary.mentionCount + d.mentions,
        fileCount: summary.fileCount + d.files,
      };
    } else if (!summary && d?.first)
      summary = {
        canonical: name,
        type: d.first.type,
        aliases: d.forms,
        mentionCount: d.mentions,
        fileCount: d.files,
      };
    if (!summary || summary.mentionCount <= 0 || !matches(summary)) continue;
    out.push({ summary, listing: known?.listing ?? Number.MAX_SAFE_INTEGER });
  }
  const rank = (a: EntitySummary, b: EntitySummary): number =>
    order === 'search'
      ? b.fileCount - a.fileCount || b.mentionCount - a.mentionCount
      : b.mentionCount - a.mentionCount || b.fileCount - a.fileCount;
  out.sort((a, b) => rank(a.summary, b.summary) || a.listing - b.listing);
  return out.slice(0, limit).map((x) => x.summary);
}
