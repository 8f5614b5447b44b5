// brat standoff: a `.txt` copy and a `.ann` per article, and the `annotation.conf` and `visual.conf` that
// declare the types. Entities and quotes are text-bound annotations (a span across lines is cut into
// fragments at the breaks, as brat requires); a quote's speaker is a Speaker relation when the speaker is
// an annotated mention, and always a note; canonical names are notes; corrected findings carry an attribute.
import { NAMED_ENTITY_TYPES, VALUE_ENTITY_TYPES, type Span } from '../analysis/types';
import type { ExportArticle, ExportFile } from './formats';

/** The copy's name: the corpus path, with `.txt` added when it has another extension. */
export function bratTextPath(file: string): string {
  return file.endsWith('.txt') ? file : `${file}.txt`;
}

function fragments(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i === span.end || text[i] === '\n' || text[i] === '\r') {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out.length > 0 ? out : [span];
}

function textBound(id: string, type: string, text: string, span: Span): string {
  const parts = fragments(text, span);
  return `${id}\t${type} ${parts.map((p) => `${p.start} ${p.end}`).join(';')}\t${parts.map((p) => text.slice(p.start, p.end)).join(' ')}`;
}

export function articleAnn({ text, analysis }: ExportArticle): string {
  const lines: string[] = [];
  let t = 0;
  let note = 0;
  let rel = 0;
  let attr = 0;
  const bySpan = new Map<string, string>();
  for (const m of analysis.entities) {
    const id = `T${++t}`;
    bySpan.set(`${m.span.start}:${m.span.end}`, id);
    lines.push(textBound(id, m.type, text, m.span));
    if (m.canonical !== m.text) lines.push(`#${++note}\tAnnotatorNotes ${id}\tcanonical: ${m.canonical}`);
    if (m.corrected) lines.push(`A${++attr}\tCorrected ${id}`);
  }
  for (const q of analysis.quotes) {
    if (q.kind !== 'speech') continue;
    const id = `T${++t}`;
    lines.push(textBound(id, 'Quote', text, q.contentSpan));
    if (q.speaker) {
      lines.push(`#${++note}\tAnnotatorNotes ${id}\tspeaker: ${q.speaker.name}`);
      const who = q.speaker.span && bySpan.get(`${q.speaker.span.start}:${q.speaker.span.end}`);
      if (who) lines.push(`R${++rel}\tSpeaker Arg1:${id} Arg2:${who}`);
    }
    if (q.corrected) lines.push(`A${++attr}\tCorrected ${id}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

const TYPES = [...NAMED_ENTITY_TYPES, ...VALUE_ENTITY_TYPES];

export const ANNOTATION_CONF = [
  '[entities]',
  ...TYPES,
  'Quote',
  '',
  '[relations]',
  'Speaker\tArg1:Quote, Arg2:PERSON|ORG|NORP|GPE',
  '<OVERLAP>\tArg1:Quote, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
  '',
  '[events]',
  '',
  '[attributes]',
  'Corrected\tArg:<ENTITY>',
  '',
].join('\n');

const COLOURS: Record<string, string> = {
  PERSON: '#ffccaa',
  ORG: '#8fb2ff',
  GPE: '#7fe2ff',
  LOC: '#6fffdf',
  NORP: '#ffe000',
  FAC: '#aaaaee',
  EVENT: '#f1a0ff',
  DATE: '#e0e0e0',
  TIME: '#e0e0e0',
  MONEY: '#e0e0e0',
  PERCENT: '#e0e0e0',
  CARDINAL: '#e0e0e0',
  Quote: '#d6f5d6',
};

export const VISUAL_CONF = [
  '[labels]',
  'PERSON | Person | PER',
  'ORG | Organisation | ORG',
  'GPE | Country, city or state | GPE',
  'LOC | Location | LOC',
  'NORP | Group | NORP',
  'FAC | Facility | FAC',
  'EVENT | Event | EVT',
  'Quote | Quote | Q',
  'Speaker | Speaker',
  'Corrected | Corrected',
  '',
  '[drawing]',
  ...Object.entries(COLOURS).map(([type, colour]) => `${type}\tbgColor:${colour}`),
  'Speaker\tcolor:darkgreen, dashArray:3-3',
  'Corrected\tglyph:✓',
  '',
].join('\n');

export function toBrat(articles: readonly ExportArticle[]): ExportFile[] {
  const out: ExportFile[] = [
    { path: 'annotation.conf', text: ANNOTATION_CONF },
    { path: 'visual.conf', text: VISUAL_CONF },
  ];
  for (const a of articles) {
    const txt = bratTextPath(a.file);
    out.push(
      { path: txt, text: a.text },
      { path: `${txt.slice(0, -'.txt'.length)}.ann`, text: articleAnn(a) },
    );
  }
  return out;
}
