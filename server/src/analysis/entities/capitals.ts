// Words in capitals with no gazetteer match: an acronym of running text is an organisation ("the TPA
// said"), a two-letter code before a ZIP code a state; capitals beside capitals are a shouted heading,
// and a few capitalised words after "/" or "by" a credited photographer.
import { NOT_NAMES } from './gazetteers';
import { DOMAIN_RE } from './lexicon';
import type { Mode, Typing } from './typingSteps';

/** Types units a..b whose first is in capitals; a longer run is typed word by word. */
export function typeCapitals(t: Typing, a: number, b: number, mode: Mode): void {
  const { view, out } = t;
  const first = view.u(a);
  const n = b - a + 1;
  if (n === 1) {
    if (NOT_NAMES.has(first.text)) return;
    // "Hampton, SC 29924": a state code before a ZIP code.
    const zip = view.nextToken(first);
    if (/^[A-Z]{2}$/.test(first.text) && zip && /^\d{5}$/.test(zip.value))
      return out.emit(a, a, 'GPE', 'pattern');
    if (first.text.length >= 4 && view.tokens[first.tok]?.pos !== 'PROPN') return;
    if (DOMAIN_RE.test(first.text)) return out.emit(a, a, 'ORG', 'pattern');
    // An acronym is short and sits in running text; capitals beside capitals are a shouted heading.
    if (t.lines.shouted(a)) return;
    const letters = first.text.replace(/\./g, '');
    if (
      /^[\p{Lu}&]{2,5}$/u.test(letters) ||
      (/^\p{Lu}{6,8}$/u.test(letters) && t.lines.inProse(first.text, 2))
    )
      return out.emit(a, a, 'ORG', 'pattern');
    return;
  }
  // "EPA/SERGEY KOZLOV": a credited photographer.
  const before = view.prevWord(first);
  if (n <= 3 && before && (before.value === '/' || before.value === 'by')) return out.emitPerson(a, b, true);
  for (let k = a; k <= b; k++) t.pieces(k, k, mode);
}
