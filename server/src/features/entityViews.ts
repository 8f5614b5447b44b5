// The Entities view's data: canonical entities (filtered, most widespread first) and, per entity, its
// articles with every mention and the corrections each mention offers (the code actions' drafts).
import { makeAnchor } from '../analysis/curation/anchor';
import { ENTITY_TYPES } from '../analysis/curation/entityTypes';
import type {
  CorrectionRequestArgs,
  EntityArticleItem,
  EntityListParams,
  EntityListResult,
} from '../protocol';
import type { FeatureContext } from './context';
import { fileName, titleOf } from './context';
import { spanToRange } from './convert';
import { typeLabel } from './entityTypeLabels';

/** A tree of thousands of names is unusable; the filter narrows it further. */
const DEFAULT_LIMIT = 2000;

const SCOPES: CorrectionRequestArgs['prompt']['scopes'] = [
  { scope: 'mention', label: 'This mention only' },
  { scope: 'article', label: 'Every mention in this article' },
  { scope: 'corpus', label: 'The whole corpus' },
];

export function provideEntityList(ctx: FeatureContext, params: EntityListParams): EntityListResult {
  const all = ctx.index.entities.search(params.filter ?? '');
  const limit = params.limit !== undefined && params.limit > 0 ? params.limit : DEFAULT_LIMIT;
  return {
    matched: all.length,
    entities: all.slice(0, limit).map((e) => ({
      canonical: e.canonical,
      type: e.type,
      typeLabel: typeLabel(e.type),
      mentionCount: e.mentionCount,
      fileCount: e.fileCount,
    })),
  };
}

export function provideEntityArticles(
  ctx: FeatureContext,
  canonical: string,
): { articles: EntityArticleItem[] } {
  const byFile = new Map<string, EntityArticleItem>();
  const type = ctx.index.entities.summary(canonical)?.type;
  for (const m of ctx.index.entities.mentionsOf(canonical)) {
    const text = ctx.textOf(m.uri);
    if (text === undefined) continue;
    let article = byFile.get(m.uri);
    if (!article) {
      article = { uri: m.uri, title: titleOf(text, fileName(m.uri)), mentions: [] };
      byFile.set(m.uri, article);
    }
    const anchor = makeAnchor(text, m.span);
    const base = { uri: m.uri, anchor };
    article.mentions.push({
      range: spanToRange(text, m.span),
      text: m.text,
      notEntity: { draft: { ...base, kind: 'notEntity', scope: 'mention' }, prompt: { scopes: SCOPES } },
      changeType: {
        draft: { ...base, kind: 'changeType', scope: 'mention' },
        prompt: {
          ask: 'type',
          items: ENTITY_TYPES.filter((t) => t !== type),
          scopes: SCOPES,
          placeholder: `Type of ${m.text}`,
        },
      },
    });
  }
  return { articles: [...byFile.values()] };
}
