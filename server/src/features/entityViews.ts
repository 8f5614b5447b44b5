// The Entities view's data: canonical entities (filtered, most widespread first) and, per entity, its
// articles with every mention and the corrections each mention offers (the code actions' drafts). A page
// of several stories is listed story by story when related ranking is (each story its own unit).
import { makeAnchor } from '../analysis/curation/anchor';
import { ENTITY_TYPES } from '../analysis/curation/entityTypes';
import { storyUnits } from '../analysis/related/relatedUnits';
import { structureOf } from '../analysis/structure/pageStructure';
import type { AnalysisOptions, Span } from '../analysis/types';
import type {
  CorrectionRequestArgs,
  EntityArticleItem,
  EntityListParams,
  EntityListResult,
} from '../protocol';
import type { FeatureContext } from './context';
import { articleTitle } from './context';
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

/** The stories a page is listed by (with their titles), or undefined for a page listed whole. */
function listedStories(
  ctx: FeatureContext,
  uri: string,
  text: string,
  options: AnalysisOptions,
): { spans: readonly Span[]; titles: string[] } | undefined {
  const { stories } = structureOf(ctx.index.get(uri)?.local ?? {}, text);
  const spans = storyUnits(
    stories.map((s) => s.span),
    options,
  );
  return spans && { spans, titles: stories.map((s) => s.title) };
}

export function provideEntityArticles(
  ctx: FeatureContext,
  canonical: string,
  optionsOf: (uri: string) => AnalysisOptions,
): { articles: EntityArticleItem[] } {
  const byUnit = new Map<string, EntityArticleItem>();
  const pages = new Map<string, ReturnType<typeof listedStories>>();
  const type = ctx.index.entities.summary(canonical)?.type;
  for (const m of ctx.index.entities.mentionsOf(canonical)) {
    const text = ctx.textOf(m.uri);
    if (text === undefined) continue;
    if (!pages.has(m.uri)) pages.set(m.uri, listedStories(ctx, m.uri, text, optionsOf(m.uri)));
    const stories = pages.get(m.uri);
    // A mention outside every story (in the page's header or footer) belongs to the page itself.
    const k = stories?.spans.findIndex((s) => m.span.start >= s.start && m.span.start < s.end) ?? -1;
    const key = k < 0 ? m.uri : `${m.uri}#${k}`;
    let article = byUnit.get(key);
    if (!article) {
      article =
        k < 0 || !stories
          ? { uri: m.uri, title: articleTitle(ctx, m.uri, text), mentions: [] }
          : { uri: m.uri, title: stories.titles[k], story: k, mentions: [] };
      byUnit.set(key, article);
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
  return { articles: [...byUnit.values()] };
}
