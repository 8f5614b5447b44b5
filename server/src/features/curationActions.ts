// Code actions that correct a finding: on an entity (not an entity, change type, same entity as, not the
// same as, rename), on a selection (mark as entity, mark as quote), on a quote (change speaker, not a
// quote) and on boilerplate (not boilerplate). Each runs ClientCommands.correct with a draft correction and
// what the client must still ask; the server turns the completed draft into a sidecar edit.
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import { makeAnchor, nextWord } from '../analysis/curation/anchor';
import { ENTITY_TYPES } from '../analysis/curation/entityTypes';
import type { ArticleAnalysis, EntityMention, Quote, Span } from '../analysis/types';
import {
  ClientCommands,
  type CorrectionDraft,
  type CorrectionPrompt,
  type CorrectionScopeName,
} from '../protocol';
import type { FeatureContext } from './context';
import { rangeToSpan } from './convert';

/** Sub-kind of quick fix: listed under Ctrl+. with the other fixes. */
export const CURATE_KIND = 'quickfix.articleLens.curate';

const SCOPE_LABELS: Record<CorrectionScopeName, string> = {
  mention: 'This mention only',
  article: 'Every mention in this article',
  corpus: 'The whole corpus',
};

function scopes(
  list: CorrectionScopeName[],
  extra: CorrectionPrompt['scopes'] = [],
): CorrectionPrompt['scopes'] {
  return [...list.map((scope) => ({ scope, label: SCOPE_LABELS[scope] })), ...extra];
}

function action(title: string, draft: CorrectionDraft, prompt: CorrectionPrompt = {}): CodeAction {
  const command: Command = { title, command: ClientCommands.correct, arguments: [draft, prompt] };
  return { title, kind: CURATE_KIND, command };
}

const contains = (s: Span, x: Span): boolean => s.start <= x.start && x.end <= s.end;
const hits = (s: Span, x: Span): boolean =>
  x.start === x.end ? s.start <= x.start && x.start <= s.end : s.start < x.end && x.start < s.end;

export function provideCurationActions(ctx: FeatureContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => CURATE_KIND === k || CURATE_KIND.startsWith(`${k}.`))) return [];
  const uri = params.textDocument.uri;
  const analysis = ctx.analysisOf(uri);
  const text = ctx.textOf(uri);
  if (!analysis || text === undefined) return [];
  const range = rangeToSpan(text, params.range);
  const out: CodeAction[] = [];
  const entity = analysis.entities.find((m) => hits(m.span, range));
  if (entity) out.push(...entityActions(ctx, uri, text, analysis, entity));
  else if (range.end > range.start && text.slice(range.start, range.end).trim() !== '') {
    out.push(...selectionActions(uri, text, range, analysis.entities));
  }
  const quote = analysis.quotes.find((q) => q.kind === 'speech' && contains(q.span, range));
  if (quote) out.push(...quoteActions(uri, text, analysis, quote));
  const boiler = analysis.shared.find((s) => s.boilerplate && hits(s.span, range));
  if (boiler) {
    const draft: CorrectionDraft = {
      uri,
      kind: 'notBoilerplate',
      scope: 'mention',
      anchor: makeAnchor(text, boiler.span),
    };
    out.push(
      action('Not boilerplate…', draft, {
        scopes: [
          { scope: 'mention', label: 'This passage in this article' },
          { scope: 'corpus', label: 'This passage everywhere' },
        ],
      }),
    );
  }
  return out;
}

function entityActions(
  ctx: FeatureContext,
  uri: string,
  text: string,
  analysis: ArticleAnalysis,
  m: EntityMention,
): CodeAction[] {
  const anchor = makeAnchor(text, m.span);
  const base = { uri, anchor };
  const quoted = `“${m.text}”`;
  const next = nextWord(text, m.span);
  const when = next
    ? [
        {
          scope: 'corpus' as const,
          label: `The whole corpus, when followed by “${next}”`,
          when: { after: next },
        },
      ]
    : [];
  const out = [
    action(`Not an entity: ${quoted} (this mention)`, { ...base, kind: 'notEntity', scope: 'mention' }),
    action(`Not an entity: ${quoted} (everywhere in this article)`, {
      ...base,
      kind: 'notEntity',
      scope: 'article',
    }),
    action(`Never an entity: ${quoted} (whole corpus)`, { ...base, kind: 'notEntity', scope: 'corpus' }),
    action(
      `Change type of ${quoted} (${m.type}) to…`,
      { ...base, kind: 'changeType', scope: 'mention' },
      {
        ask: 'type',
        items: ENTITY_TYPES.filter((t) => t !== m.type),
        scopes: scopes(['mention', 'article', 'corpus'], when),
        placeholder: `Type of ${m.text}`,
      },
    ),
    action(
      `Same entity as…`,
      { ...base, kind: 'merge', scope: 'mention' },
      {
        ask: 'canonical',
        items: mergeCandidates(ctx, analysis, m),
        scopes: scopes(['mention', 'article', 'corpus']),
        placeholder: `${m.text} is the same entity as`,
      },
    ),
    action(
      `Rename canonical name “${m.canonical}”…`,
      { ...base, kind: 'rename', scope: 'article', from: m.canonical },
      {
        ask: 'canonical',
        items: [m.canonical],
        scopes: [
          { scope: 'mention', label: 'This mention only' },
          { scope: 'article', label: `Every “${m.canonical}” in this article` },
          { scope: 'corpus', label: `Every “${m.canonical}” in the corpus` },
        ],
        placeholder: 'Canonical name',
      },
    ),
  ];
  if (m.text !== m.canonical) {
    out.splice(
      5,
      0,
      action(
        `Not the same as “${m.canonical}”…`,
        { ...base, kind: 'split', scope: 'mention', from: m.canonical },
        { scopes: scopes(['mention', 'article', 'corpus']) },
      ),
    );
  }
  return out;
}

/** Canonical names to merge into: this article's first, then the corpus's that look like the mention. */
function mergeCandidates(ctx: FeatureContext, analysis: ArticleAnalysis, m: EntityMention): string[] {
  const names = new Set<string>();
  for (const o of analysis.entities)
    if (o.canonical !== m.canonical && o.type === m.type) names.add(o.canonical);
  for (const o of analysis.entities) if (o.canonical !== m.canonical) names.add(o.canonical);
  const word = m.text.split(/\s+/)[0] ?? m.text;
  for (const s of ctx.index.entities.search(word, 30))
    if (s.canonical !== m.canonical) names.add(s.canonical);
  return [...names].slice(0, 100);
}

function selectionActions(
  uri: string,
  text: string,
  range: Span,
  entities: readonly EntityMention[],
): CodeAction[] {
  // Whitespace around a selection is not part of what the curator meant.
  let { start, end } = range;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const anchor = makeAnchor(text, { start, end });
  const shown = anchor.text.length > 40 ? `${anchor.text.slice(0, 39)}…` : anchor.text;
  return [
    action(
      `Mark “${shown}” as entity…`,
      { uri, anchor, kind: 'addEntity', scope: 'mention' },
      {
        ask: 'type',
        items: [...ENTITY_TYPES],
        scopes: scopes(['mention', 'article', 'corpus']),
        placeholder: 'Entity type',
      },
    ),
    action(
      `Mark “${shown}” as quote…`,
      { uri, anchor, kind: 'addQuote', scope: 'mention' },
      { ask: 'speaker', items: speakers(entities) },
    ),
  ];
}

/** The article's people and organisations, for a speaker pick. */
function speakers(entities: readonly EntityMention[]): string[] {
  const names = new Set<string>();
  for (const t of ['PERSON', 'ORG'] as const)
    for (const m of entities) if (m.type === t) names.add(m.canonical);
  return [...names];
}

function quoteActions(uri: string, text: string, analysis: ArticleAnalysis, q: Quote): CodeAction[] {
  const anchor = makeAnchor(text, q.contentSpan);
  const from = q.speaker?.name;
  const who = from ? ` (now ${from})` : '';
  return [
    action(
      `Change speaker${who} to…`,
      { uri, anchor, kind: 'changeSpeaker', scope: 'mention', ...(from ? { from } : {}) },
      {
        ask: 'speaker',
        items: speakers(analysis.entities).filter((n) => n !== from),
        scopes: from
          ? [
              { scope: 'mention', label: 'This quote only' },
              { scope: 'article', label: `Every quote given to “${from}” in this article` },
              { scope: 'corpus', label: `Every quote given to “${from}” in the corpus` },
            ]
          : undefined,
        placeholder: 'Speaker',
      },
    ),
    action(
      'Not a quote…',
      { uri, anchor, kind: 'notQuote', scope: 'mention' },
      {
        scopes: [
          { scope: 'mention', label: 'This quote only' },
          { scope: 'article', label: 'These words, everywhere in this article' },
          { scope: 'corpus', label: 'These words, everywhere in the corpus' },
        ],
      },
    ),
  ];
}
