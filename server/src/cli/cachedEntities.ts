// The corpus's entity listing rebuilt from cache entries alone, for a load whose every file is cached with
// its corpus findings: the entity index is fed as the two indexing passes feed it when every entry
// replays (each file's first-pass mentions in corpus order, then its second-pass ones where it has them),
// so names, counts, written forms and listing order come out as the full indexing gives them.
import type { CachedAnalysis } from '../analysis/corpus/cachedAnalysis';
import { EntityIndex, type EntitySummary } from '../analysis/entities/entityIndex';

export interface CachedFile {
  uri: string;
  entry: CachedAnalysis;
}

export function entitiesOfCachedCorpus(files: readonly CachedFile[]): EntitySummary[] {
  const index = new EntityIndex();
  for (const { uri, entry } of files) index.add(uri, entry.first.entities);
  for (const { uri, entry } of files) if (entry.second) index.add(uri, entry.second.entities);
  return index.entities();
}
