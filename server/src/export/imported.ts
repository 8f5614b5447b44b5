// Annotations read from another tool, before they become corrections: per article, its entities and its
// speech quotes (content offsets, and the whole span with marks when the format has it).
export interface ImportedEntity {
  start: number;
  end: number;
  type: string;
  canonical?: string;
}

export interface ImportedQuote {
  contentStart: number;
  contentEnd: number;
  start?: number;
  end?: number;
  speaker: string | null;
}

export interface ImportedArticle {
  /** Path as the other tool names it (matched to a corpus path by the caller). */
  file: string;
  /** The text the offsets refer to, when the format carries it. */
  text?: string;
  entities: ImportedEntity[];
  quotes: ImportedQuote[];
}
