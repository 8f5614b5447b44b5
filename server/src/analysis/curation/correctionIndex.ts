// Corrections indexed for application: per file (mention and article scopes, both ends of "not related"),
// and corpus rules by the key they match (mention text, canonical name, speaker) or, for rules that add
// or un-mark text, a short list searched in the text. Applying to one file then costs what that file's
// corrections and the matching corpus rules cost, never the size of the sidecar.
import type { EntityMention, Quote } from '../types';
import type { Correction } from './types';

const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;

export class CorrectionIndex {
  private readonly byFile = new Map<string, Correction[]>();
  private readonly byText = new Map<string, Correction[]>();
  private readonly byCanonical = new Map<string, Correction[]>();
  private readonly bySpeaker = new Map<string, Correction[]>();
  private readonly searched: Correction[] = [];
  private readonly unrelated = new Set<string>();

  constructor(readonly all: readonly Correction[]) {
    for (const c of all) this.add(c);
  }

  private add(c: Correction): void {
    const push = (map: Map<string, Correction[]>, key: string): void => {
      const list = map.get(key);
      if (list) list.push(c);
      else map.set(key, [c]);
    };
    if (c.kind === 'notRelated') {
      this.unrelated.add(pairKey(c.file, c.other));
      this.unrelated.add(pairKey(c.other, c.file));
      return;
    }
    if (c.scope !== 'corpus') return push(this.byFile, c.file);
    switch (c.kind) {
      case 'rename':
        return push(this.byCanonical, c.from);
      case 'changeSpeaker':
        return c.from !== undefined ? push(this.bySpeaker, c.from) : push(this.byText, c.anchor.text);
      case 'addEntity':
      case 'addQuote':
      case 'notBoilerplate':
        this.searched.push(c);
        return;
      default:
        return push(this.byText, c.anchor.text);
    }
  }

  /** Mention- and article-scope corrections made in `file`. */
  forFile(file: string): readonly Correction[] {
    return this.byFile.get(file) ?? [];
  }

  /** Corpus rules that may apply to an article with these findings and this text. */
  corpusRules(text: string, entities: readonly EntityMention[], quotes: readonly Quote[]): Correction[] {
    const out = new Set<Correction>();
    const take = (list: readonly Correction[] | undefined): void => list?.forEach((c) => out.add(c));
    if (this.byText.size > 0 || this.byCanonical.size > 0) {
      for (const m of entities) {
        take(this.byText.get(m.text));
        take(this.byCanonical.get(m.canonical));
      }
    }
    if (this.byText.size > 0 || this.bySpeaker.size > 0) {
      for (const q of quotes) {
        take(this.byText.get(text.slice(q.contentSpan.start, q.contentSpan.end)));
        if (q.speaker) take(this.bySpeaker.get(q.speaker.name));
      }
    }
    for (const c of this.searched) if (text.includes(c.anchor.text)) out.add(c);
    return [...out];
  }

  /** Corpus "not boilerplate" rules whose text this article holds. */
  boilerplateRules(text: string): Correction[] {
    return this.searched.filter((c) => c.kind === 'notBoilerplate' && text.includes(c.anchor.text));
  }

  isUnrelated(file: string, other: string): boolean {
    return this.unrelated.has(pairKey(file, other));
  }

  get hasUnrelated(): boolean {
    return this.unrelated.size > 0;
  }
}

const SCOPE_RANK = { corpus: 0, article: 1, mention: 2 } as const;

/** Application order: wider scopes first so narrower ones override them; then older before newer. */
export function byPrecedence(a: Correction, b: Correction): number {
  return (
    SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope] ||
    (a.time ?? '').localeCompare(b.time ?? '') ||
    a.id.localeCompare(b.id)
  );
}
