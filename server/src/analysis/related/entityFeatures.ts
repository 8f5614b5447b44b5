// The entity features of an article for related ranking: named entities by canonical name, weighted by
// how much their type says about the story.
import type { EntityMention, EntityType, Span } from '../types';

/**
 * How much one mention of each entity type says about the story, before rarity: people, organisations,
 * places and events are specific to a story, while countries and nationalities mark a broad topic.
 */
const TYPE_WEIGHT: Partial<Record<EntityType, number>> = {
  PERSON: 1,
  ORG: 0.8,
  FAC: 1,
  EVENT: 1,
  LOC: 0.6,
  GPE: 0.4,
  NORP: 0.3,
};
/**
 * Type-weighted mention counts per canonical name of the named entities (value types such as DATE say
 * nothing about the story). The count feeds a sublinear TF, so a weight below 1 lowers the entity's
 * share of the vector without dropping it.
 */
export function entityCounts(entities: readonly EntityMention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entities) {
    const weight = TYPE_WEIGHT[e.type];
    if (!weight || !e.canonical) continue;
    counts.set(e.canonical, (counts.get(e.canonical) ?? 0) + weight);
  }
  return counts;
}

/** The mentions lying wholly inside one of the spans. */
export function mentionsIn(entities: readonly EntityMention[], spans: readonly Span[]): EntityMention[] {
  return entities.filter((e) => spans.some((s) => e.span.start >= s.start && e.span.end <= s.end));
}
