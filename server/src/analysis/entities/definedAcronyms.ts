// "World Trade Organization (WTO)": an acronym the article defines names the same entity wherever it
// stands, so hover, references and related articles see one entity, not two.
import type { Draft } from './drafts';

/** An acronym in brackets right after a name: "(WTO)". */
const ACRONYM_AFTER_RE = /^\s*\(\s*(\p{Lu}[\p{Lu}&]{1,7})\s*\)/u;

/** Capital initials of a name's words, connectors skipped ("Organisation for Economic Co-operation" → "OEC"). */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** Gives every draft of a defined acronym the type and canonical name of the name it follows. */
export function linkAcronyms(drafts: Draft[], text: string): void {
  const defined = new Map<string, Draft>();
  for (const d of drafts) {
    if (d.type !== 'ORG' && d.type !== 'FAC' && d.type !== 'EVENT' && d.type !== 'GPE') continue;
    const m = ACRONYM_AFTER_RE.exec(text.slice(d.end, d.end + 16));
    const acronym = m?.[1];
    if (acronym && initials(text.slice(d.start, d.end)) === acronym) defined.set(acronym, d);
  }
  if (defined.size === 0) return;
  for (const d of drafts) {
    const full = defined.get(text.slice(d.start, d.end));
    if (full && full !== d) Object.assign(d, { type: full.type, canonical: full.canonical, source: 'alias' });
  }
}
