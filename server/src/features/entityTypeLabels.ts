// Entity types spelled out for people ("Place (GPE)"): OntoNotes codes mean little to a curator, but they
// stay visible because diagnostics codes, exports and corrections use them.
import type { EntityType } from '../analysis/types';

const NAMES: Record<EntityType, string> = {
  PERSON: 'Person',
  ORG: 'Organisation',
  GPE: 'Place',
  LOC: 'Location',
  NORP: 'Group',
  FAC: 'Facility',
  EVENT: 'Event',
  DATE: 'Date',
  TIME: 'Time',
  MONEY: 'Money',
  PERCENT: 'Percentage',
  CARDINAL: 'Number',
};

/** "Place (GPE)"; an unknown code is shown as it is. */
export function typeLabel(type: string): string {
  const name = (NAMES as Record<string, string | undefined>)[type];
  return name ? `${name} (${type})` : type;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
