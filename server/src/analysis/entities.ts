// Named-entity recognition over one article text. Placeholder until the recogniser lands.
import type { EntityHints, EntityMention } from './types';

export function findEntities(_text: string, _hints: EntityHints): EntityMention[] {
  return [];
}
