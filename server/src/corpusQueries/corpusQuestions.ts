// The corpus questions the editor's features ask across files — an article's analysis with its shared
// passages and related list, every mention of an entity, entity search — behind one asynchronous
// interface, so features/ work the same on the in-memory index and on the team database.
import type { ArticleIndex } from '../analysis/corpus/corpusIndex';
import type { EntityOccurrence, EntitySummary } from '../analysis/entities/entityIndex';
import type { ArticleAnalysis } from '../analysis/types';

export interface CorpusQuestions {
  /** Text of an article: the open buffer, the indexed snapshot or the file; `undefined` when unknown. */
  textOf(uri: string): Promise<string | undefined>;
  /** An article's analysis with its corpus findings (shared passages, related list). */
  analysisOf(uri: string): Promise<ArticleAnalysis | undefined>;
  /** Every mention of a canonical entity, by file in corpus order, then in text order. */
  mentionsOf(canonical: string): Promise<EntityOccurrence[]>;
  /**
   * Each entity's first mention in every file that mentions it (files in corpus order), asked at once;
   * `limit` bounds the mentions the database returns (the entities given first are served first).
   */
  firstMentions(canonicals: readonly string[], limit: number): Promise<Map<string, EntityOccurrence[]>>;
  /** Entities whose name or a written form holds the query's letters in order, most widespread first. */
  searchEntities(query: string, limit: number): Promise<EntitySummary[]>;
  /** The most mentioned entities (then the most widespread, then in listing order). */
  mostMentioned(limit: number): Promise<EntitySummary[]>;
}

export interface MemorySources {
  readonly index: ArticleIndex;
  textOf(uri: string): string | undefined;
  analysisOf(uri: string): ArticleAnalysis | undefined;
}

/** The questions answered by the in-memory index (the embedded default, and the fallback offline). */
export function memoryQuestions(src: MemorySources): CorpusQuestions {
  return {
    textOf: async (uri) => src.textOf(uri),
    analysisOf: async (uri) => src.analysisOf(uri),
    mentionsOf: async (canonical) => src.index.entities.mentionsOf(canonical),
    // The entities given first are served first, up to `limit` mentions in articles whose text is known
    // (the ones a symbol can point into); the rest are not read.
    firstMentions: async (canonicals, limit) => {
      const out = new Map<string, EntityOccurrence[]>();
      let left = limit;
      for (const c of canonicals) {
        const firsts: EntityOccurrence[] = [];
        if (left > 0)
          for (const m of src.index.entities.firstPerFile(c)) {
            firsts.push(m);
            if (src.textOf(m.uri) !== undefined && --left === 0) break;
          }
        out.set(c, firsts);
      }
      return out;
    },
    searchEntities: async (query, limit) => src.index.entities.search(query, limit),
    mostMentioned: async (limit) =>
      src.index.entities
        .search('')
        .sort((a, b) => b.mentionCount - a.mentionCount || b.fileCount - a.fileCount)
        .slice(0, limit),
  };
}
