// Topic shift: how few of the content words opening a candidate story were used by the story before it.
// Briefs on one page share their furniture but not their vocabulary.

const STOPWORDS = new Set(
  (
    'about above after again against also although among another around because been before being below ' +
    'between both cannot could did does doing down during each even every from further given have having ' +
    'here however including into just last later least less like made make many might more most much must ' +
    'near need next once only other others over said says same should since some still such than that ' +
    'their them then there these they this those though three through told under until upon very want ' +
    'were what when where whether which while whom whose will with within without would year years your ' +
    'according added asked called came come first former going made week weeks month months monday ' +
    'tuesday wednesday thursday friday saturday sunday today yesterday people percent'
  ).split(' '),
);

export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []) {
    const word = w.replace(/['’]s$/u, '');
    if (word.length >= 4 && !STOPWORDS.has(word)) out.add(word);
  }
  return out;
}

/** Share of `next`'s words absent from `before`: 0 = same topic, 1 = nothing in common. */
export function topicShift(before: ReadonlySet<string>, next: ReadonlySet<string>): number {
  if (next.size === 0 || before.size === 0) return 0;
  let shared = 0;
  for (const w of next) if (before.has(w)) shared++;
  return 1 - shared / next.size;
}
