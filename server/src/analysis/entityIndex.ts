// Corpus-wide entity postings: canonical entity → mentions per file; the source of entity hints.
import type { EntityHints, EntityMention, NamedEntityType, Span } from './types';

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

export class EntityIndex {
  private readonly byUri = new Map<string, EntityMention[]>();

  add(uri: string, mentions: EntityMention[]): void {
    this.byUri.set(uri, mentions);
  }

  remove(uri: string): void {
    this.byUri.delete(uri);
  }

  hints(): EntityHints {
    const known = new Map<string, NamedEntityType>();
    return { known };
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
