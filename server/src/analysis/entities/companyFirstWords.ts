// A company or outlet is often named again by its first word alone ("Norvane said" after "Norvane
// Shipping"): that word is the organisation, not a person.
import type { Draft } from './drafts';
import { GAZETTEER, NOT_NAMES, ORG_HEADS, ORG_PREFIXES, placeKey } from './gazetteers';

/**
 * First words of the article's companies and outlets ("Norvane" of "Norvane Shipping") → the full name, so a
 * bare first word is the organisation. Words that are places here, or head several names, are left out.
 */
export function orgFirstWords(
  drafts: Draft[],
  text: string,
  places: ReadonlyMap<string, boolean>,
): Map<string, string> {
  const out = new Map<string, string>();
  const clash = new Set<string>();
  for (const d of drafts) {
    if (d.type !== 'ORG' || d.source !== 'pattern') continue;
    const words = text.slice(d.start, d.end).split(/\s+/);
    const first = words[0] ?? '';
    const last = words[words.length - 1] ?? '';
    if (words.length < 2 || !ORG_HEADS.has(last) || ORG_PREFIXES.has(first) || NOT_NAMES.has(first)) continue;
    if (places.has(first) || GAZETTEER.has(placeKey(first)) || !/^\p{Lu}\p{Ll}+$/u.test(first)) continue;
    const prev = out.get(first);
    if (prev !== undefined && prev !== d.canonical) clash.add(first);
    else out.set(first, d.canonical);
  }
  for (const w of clash) out.delete(w);
  return out;
}

/** Retypes one-word persons that are a company's first word (see `orgFirstWords`) as the company. */
export function retypeCompanyFirstWords(drafts: Draft[], orgFirst: ReadonlyMap<string, string>): void {
  for (const d of drafts) {
    // "Norvane said" after "Norvane Shipping": the company, not a person.
    const org = d.type === 'PERSON' && !/\s/.test(d.canonical) ? orgFirst.get(d.canonical) : undefined;
    if (org) {
      d.type = 'ORG';
      d.canonical = org;
    }
  }
}
