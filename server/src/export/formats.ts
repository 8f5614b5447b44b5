// Export of corrected analyses to annotation formats. Every writer takes the same articles (corpus path,
// text, analysis) and returns the files to write, paths relative to the output folder.
import type { ArticleAnalysis } from '../analysis/types';
import type { ExportFormat } from '../protocol';
import { toBrat } from './brat';
import { toConll } from './conll';
import { toDoccano } from './doccano';
import { toJsonl } from './jsonl';

export interface ExportArticle {
  /** Path in the corpus, `/`-separated. */
  file: string;
  text: string;
  analysis: ArticleAnalysis;
}

export interface ExportFile {
  path: string;
  text: string;
}

export function exportArticles(
  format: ExportFormat,
  articles: readonly ExportArticle[],
  fileOf: (uri: string) => string | undefined,
): ExportFile[] {
  switch (format) {
    case 'jsonl':
      return [{ path: 'annotations.jsonl', text: toJsonl(articles, fileOf) }];
    case 'doccano':
      return [{ path: 'doccano.jsonl', text: toDoccano(articles) }];
    case 'conll':
      return [{ path: 'annotations.conll', text: toConll(articles) }];
    case 'brat':
      return toBrat(articles);
  }
}
