// Related articles over LSP: the custom RelatedArticlesRequest (ranked items with titles, reasons and where
// to reveal in the target) and `workspace/executeCommand` for the server commands, which return Location[]
// so editors without the custom request still navigate.
import type { Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver';
import type { RelatedArticle, RelatedReason, SharedPassage } from '../analysis/types';
import {
  ServerCommands,
  type RelatedArticleItem,
  type RelatedArticlesParams,
  type RelatedArticlesResult,
} from '../protocol';
import { removeRepeatsEdits } from './codeActions';
import type { FeatureContext } from './context';
import { articleTitle } from './context';
import { spanToRange } from './convert';
import { entityAt, mentionLocations } from './references';

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Distinct passages of the source shared with other articles (boilerplate excluded). */
export function sharedPassageCount(shared: readonly SharedPassage[]): number {
  return new Set(shared.filter((s) => !s.boilerplate).map((s) => `${s.span.start}:${s.span.end}`)).size;
}

export function describeReason(reason: RelatedReason): string {
  switch (reason.kind) {
    case 'entities':
      return reason.names.length > 0 ? `shares ${reason.names.slice(0, 5).join(', ')}` : 'shares names';
    case 'passages':
      return `shares ${reason.count} ${reason.count === 1 ? 'passage' : 'passages'}`;
    case 'text':
      return `similar wording (${Math.round(reason.similarity * 100)}%)`;
  }
}

async function toItem(
  ctx: FeatureContext,
  related: RelatedArticle,
  shared: readonly SharedPassage[],
): Promise<RelatedArticleItem> {
  const text = await ctx.corpus.textOf(related.uri);
  const passage = shared
    .filter((s) => s.otherUri === related.uri && !s.boilerplate)
    .sort((a, b) => a.otherSpan.start - b.otherSpan.start)[0];
  return {
    uri: related.uri,
    title: articleTitle(ctx, related.uri, text),
    score: related.score,
    reasons: [...related.reasons].sort((a, b) => b.weight - a.weight).map(describeReason),
    range: passage && text !== undefined ? spanToRange(text, passage.otherSpan) : START,
  };
}

export async function provideRelatedArticles(
  ctx: FeatureContext,
  params: RelatedArticlesParams,
): Promise<RelatedArticlesResult> {
  const analysis = await ctx.corpus.analysisOf(params.textDocument.uri);
  if (!analysis) return { items: [], sharedPassages: 0 };
  const limit = params.limit !== undefined && params.limit > 0 ? params.limit : analysis.related.length;
  const items = await Promise.all(
    [...analysis.related]
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((r) => toItem(ctx, r, analysis.shared)),
  );
  return { items, sharedPassages: sharedPassageCount(analysis.shared) };
}

/** The argument of a server command: a URI string or `{textDocument, position?}`. */
function commandTarget(arg: unknown): { uri: string; position?: Position } | undefined {
  if (typeof arg === 'string') return { uri: arg };
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { textDocument, position, uri } = arg as {
    textDocument?: { uri?: unknown };
    position?: Position;
    uri?: unknown;
  };
  const target =
    typeof textDocument?.uri === 'string' ? textDocument.uri : typeof uri === 'string' ? uri : undefined;
  if (!target) return undefined;
  const pos =
    position && typeof position.line === 'number' && typeof position.character === 'number'
      ? position
      : undefined;
  return { uri: target, position: pos };
}

export const SERVER_COMMANDS: string[] = Object.values(ServerCommands);

/**
 * Runs a server command. Navigation commands return `Location[]`; `removeAllRepeats` hands its edit to
 * `applyEdit` (the client applies it) and returns null.
 */
export async function executeServerCommand(
  ctx: FeatureContext,
  command: string,
  args: readonly unknown[],
  applyEdit: (edit: WorkspaceEdit) => Promise<unknown>,
  versionOf: (uri: string) => number | undefined,
): Promise<Location[] | null> {
  const target = commandTarget(args[0]);
  if (!target) return command === ServerCommands.removeAllRepeats ? null : [];
  switch (command) {
    case ServerCommands.relatedArticles:
      return (await provideRelatedArticles(ctx, { textDocument: { uri: target.uri } })).items.map((i) => ({
        uri: i.uri,
        range: i.range,
      }));
    case ServerCommands.entityMentions: {
      const entity = target.position && (await entityAt(ctx, target.uri, target.position));
      return entity ? mentionLocations(ctx, entity.canonical, target.uri) : [];
    }
    case ServerCommands.removeAllRepeats: {
      const analysis = ctx.analysisOf(target.uri);
      const text = ctx.textOf(target.uri);
      if (!analysis || text === undefined || analysis.repeats.length === 0) return null;
      const version = versionOf(target.uri);
      const edits = removeRepeatsEdits(text, analysis.repeats);
      await applyEdit(
        version === undefined
          ? { changes: { [target.uri]: edits } }
          : { documentChanges: [{ textDocument: { uri: target.uri, version }, edits }] },
      );
      return null;
    }
    default:
      return [];
  }
}
