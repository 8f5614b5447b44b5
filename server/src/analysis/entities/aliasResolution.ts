// Names the recogniser drafted, resolved through the alias table: full names found in this article and
// the corpus hints name the same entity everywhere, so a surname or a guessed name takes the type and
// canonical name a known one gives it.
import type { AliasTable } from './aliases';
import type { Recognised } from './documentEvidence';
import { GAZETTEER, placeKey } from './gazetteers';
import type { EntityHints, EntityType } from '../types';

export function resolveAliases(rec: Recognised, text: string, table: AliasTable, hints: EntityHints): void {
  for (const d of rec.drafts) {
    if (d.type !== 'PERSON' || d.guess) continue;
    if (!/\s/.test(d.canonical)) continue;
    d.canonical = table.resolveFull(d.canonical).canonical;
  }
  for (const d of rec.drafts) {
    if (d.type !== 'PERSON' || !d.guess) continue;
    if (/\s/.test(d.canonical)) {
      const known = table.resolveGuess(d.canonical);
      d.type = known.type as EntityType;
      d.canonical = known.canonical;
    }
  }
  for (const d of rec.drafts) {
    if (d.type === 'GPE' && d.guess && !/\s/.test(d.canonical)) {
      // "a letter from Dalsgaard": a known person's name after a preposition is the person.
      const known = table.lookupWord(d.canonical, false);
      if (known && known.type === 'PERSON') {
        d.type = 'PERSON';
        d.canonical = known.canonical;
        d.source = 'alias';
        rec.places.delete(text.slice(d.start, d.end));
      }
      continue;
    }
    if (d.type === 'PERSON' && !/\s/.test(d.canonical)) {
      const known = table.lookupWord(d.canonical, !GAZETTEER.has(placeKey(d.canonical)));
      const place = rec.places.get(text.slice(d.start, d.end));
      // "said Kestown needed": a word this article names as a place is the place, unless a person has it.
      if (place === true || (place === false && !known)) {
        d.type = 'GPE';
        d.canonical = text.slice(d.start, d.end);
        continue;
      }
      if (known) {
        d.canonical = known.canonical;
        d.source = 'alias';
      }
    } else if (d.type !== 'PERSON' && hints.known.size > 0) {
      d.canonical = table.canonicalAs(d.canonical, d.type);
    }
  }
}
