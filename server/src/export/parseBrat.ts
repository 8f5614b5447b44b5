// Reads brat standoff (`.ann`): text-bound annotations (fragments joined into one span), AnnotatorNotes
// with `canonical:` and `speaker:`, and Speaker relations from a quote to a mention.
import { ENTITY_TYPE_SET } from '../analysis/curation/entityTypes';
import type { ImportedArticle, ImportedEntity } from './imported';

interface TextBound {
  type: string;
  start: number;
  end: number;
  text: string;
}

export function parseAnn(file: string, ann: string, text: string | undefined): ImportedArticle {
  const bounds = new Map<string, TextBound>();
  const notes = new Map<string, string[]>();
  const speakerOf = new Map<string, string>();
  for (const line of ann.split(/\r?\n/)) {
    const [id, body, rest] = line.split('\t');
    if (!id || body === undefined) continue;
    if (id.startsWith('T')) {
      const m = /^(\S+) (.+)$/.exec(body);
      if (!m) continue;
      const frags = m[2].split(';').map((f) => f.split(' ').map(Number));
      const start = frags[0][0];
      const end = frags[frags.length - 1][1];
      if (Number.isFinite(start) && Number.isFinite(end))
        bounds.set(id, { type: m[1], start, end, text: rest ?? '' });
    } else if (id.startsWith('#')) {
      const target = body.split(' ')[1];
      if (target) notes.set(target, [...(notes.get(target) ?? []), rest ?? '']);
    } else if (id.startsWith('R')) {
      const m = /^Speaker Arg1:(\S+) Arg2:(\S+)$/.exec(body);
      if (m) speakerOf.set(m[1], m[2]);
    }
  }
  const note = (id: string, key: string): string | undefined =>
    notes
      .get(id)
      ?.find((n) => n.startsWith(`${key}: `))
      ?.slice(key.length + 2);
  const entities: ImportedEntity[] = [];
  const quotes: ImportedArticle['quotes'] = [];
  for (const [id, t] of bounds) {
    if (ENTITY_TYPE_SET.has(t.type)) {
      const canonical = note(id, 'canonical');
      entities.push({ start: t.start, end: t.end, type: t.type, ...(canonical ? { canonical } : {}) });
    } else if (t.type === 'Quote') {
      const related = speakerOf.get(id);
      const byRelation = related ? bounds.get(related) : undefined;
      const speaker =
        note(id, 'speaker') ?? (byRelation && text ? text.slice(byRelation.start, byRelation.end) : null);
      quotes.push({ contentStart: t.start, contentEnd: t.end, speaker: speaker ?? null });
    }
  }
  entities.sort((a, b) => a.start - b.start);
  quotes.sort((a, b) => a.contentStart - b.contentStart);
  return { file, ...(text !== undefined ? { text } : {}), entities, quotes };
}
