// Entity types a correction may name: every type the analysis reports.
import { NAMED_ENTITY_TYPES, VALUE_ENTITY_TYPES, type EntityType } from '../types';

export const ENTITY_TYPES: readonly EntityType[] = [...NAMED_ENTITY_TYPES, ...VALUE_ENTITY_TYPES];
export const ENTITY_TYPE_SET: ReadonlySet<string> = new Set(ENTITY_TYPES);
