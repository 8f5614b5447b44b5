// The stories of an analysis as the CLI's JSON prints them: `{start, end, title}`, UTF-16 offsets.
import type { PageStructure } from './types';
import { structureOf } from './pageStructure';

export interface StoryRow {
  start: number;
  end: number;
  title: string;
}

export function storyRows(analysis: { structure?: PageStructure }, text: string): StoryRow[] {
  return structureOf(analysis, text).stories.map((s) => ({
    start: s.span.start,
    end: s.span.end,
    title: s.title,
  }));
}
