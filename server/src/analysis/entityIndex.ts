// Corpus-wide entity postings: canonical entity → mentions per file; the source of entity hints, the
// names confirmed somewhere in the corpus that resolve short or misspelt references in other files.
import type { EntityHints, EntityMention, NamedEntityType, Span } from './types';
import { NAMED_ENTITY_TYPES } from './types';

export interface EntityOccurrence {
  uri: string;
  span: Span;
  text: string;
}

export interface EntitySummary {
  canonical: string;
  type: EntityMention['type'];
  aliases: string[];
  /** Number of files that mention it. */
  fileCount: number;
  mentionCount: number;
}

const NAMED = new Set<string>(NAMED_ENTITY_TYPES);

export class EntityIndex {
  private readonly byUri = new Map<string, EntityMention[]>();
  /** Cached hints; dropped whenever a file is added or removed. */
  private cachedHints: EntityHints | undefined;

  add(uri: string, mentions: EntityMention[]): void {
    this.byUri.set(uri, mentions);
    this.cachedHints = undefined;
  }

  remove(uri: string): void {
    if (this.byUri.delete(uri)) this.cachedHints = undefined;
  }

  /**
   * Multi-word names written out in full somewhere in the corpus, with their most frequent type. A name
   * typed only by shape in one file does not count: it must be confirmed by a pattern, a gazetteer or a
   * second file, so one file's guess does not spread.
   */
  hints(): EntityHints {
    if (this.cachedHints) return this.cachedHints;
    const votes = new Map<string, Map<NamedEntityType, Set<string>>>();
    for (const [uri, mentions] of this.byUri) {
      for (const m of mentions) {
        if (!NAMED.has(m.type) || m.text !== m.canonical || !/\s/.test(m.canonical)) continue;
        let byType = votes.get(m.canonical);
        if (!byType) votes.set(m.canonical, (byType = new Map()));
        let files = byType.get(m.type as NamedEntityType);
        if (!files) byType.set(m.type as NamedEntityType, (files = new Set()));
        files.add(uri);
      }
    }
    const known = new Map<string, NamedEntityType>();
    for (const [name, byType] of votes) {
      let best: NamedEntityType | undefined;
      let bestCount = 0;
      for (const [type, files] of byType) {
        if (files.size > bestCount) {
          best = type;
          bestCount = files.size;
        }
      }
      if (best) known.set(name, best);
    }
    this.cachedHints = { known };
    return this.cachedHints;
  }

  mentionsOf(canonical: string): EntityOccurrence[] {
    const out: EntityOccurrence[] = [];
    for (const [uri, mentions] of this.byUri) {
      for (const m of mentions) if (m.canonical === canonical) out.push({ uri, span: m.span, text: m.text });
    }
    return out;
  }

  summary(canonical: string): EntitySummary | undefined {
    return this.entities().find((e) => e.canonical === canonical);
  }

  entities(): EntitySummary[] {
    const byName = new Map<string, EntitySummary & { files: Set<string> }>();
    for (const [uri, mentions] of this.byUri) {
      for (const m of mentions) {
        let e = byName.get(m.canonical);
        if (!e) {
          e = {
            canonical: m.canonical,
            type: m.type,
            aliases: [],
            fileCount: 0,
            mentionCount: 0,
            files: new Set(),
          };
          byName.set(m.canonical, e);
        }
        if (!e.aliases.includes(m.text)) e.aliases.push(m.text);
        e.files.add(uri);
        e.mentionCount++;
      }
    }
    return [...byName.values()].map(({ files, ...e }) => ({ ...e, fileCount: files.size }));
  }
}
