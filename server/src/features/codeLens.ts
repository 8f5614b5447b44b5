// Code lens on an article's first line: "N related · M shared passages", running the client's
// Show Related Articles command.
import type { CodeLens } from 'vscode-languageserver';
import { ClientCommands } from '../protocol';
import type { FeatureContext } from './context';
import { sharedPassageCount } from './related';

export function provideCodeLenses(ctx: FeatureContext, uri: string): CodeLens[] {
  const analysis = ctx.analysisOf(uri);
  if (!analysis) return [];
  const related = analysis.related.length;
  const shared = sharedPassageCount(analysis.shared);
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return [
    {
      range,
      command: {
        title: `${related} related · ${shared} shared ${shared === 1 ? 'passage' : 'passages'}`,
        command: ClientCommands.showRelatedArticles,
        arguments: [uri],
      },
    },
  ];
}
