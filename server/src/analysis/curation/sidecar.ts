// The sidecar file (`.article-lens/annotations.json`): a JSON object whose `corrections` list holds one
// correction per line, keys in a fixed order, sorted by file, position and id, so that two curators' work
// merges cleanly in git. Reading is lenient: a bad entry is reported with its line, the rest still apply.
import { ENTITY_TYPE_SET } from './entityTypes';
import { CORRECTION_KINDS, CORRECTION_SCOPES, type Correction } from './types';

export const SIDECAR_VERSION = 1;

export interface SidecarProblem {
  /** 0-based line of the sidecar text. */
  line: number;
  message: string;
}

export interface ParsedSidecar {
  corrections: Correction[];
  problems: SidecarProblem[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';

/** A correction from untrusted JSON (sidecar, command argument, import), or the reason it is not one. */
export function toCorrection(v: unknown): Correction | string {
  if (!isObject(v)) return 'not an object';
  const { id, kind, scope, file, anchor, when, author, time } = v;
  if (!str(id) || id === '') return 'missing "id"';
  if (!str(kind) || !(CORRECTION_KINDS as readonly string[]).includes(kind))
    return `unknown kind ${String(kind)}`;
  if (!str(scope) || !(CORRECTION_SCOPES as readonly string[]).includes(scope))
    return `unknown scope ${String(scope)}`;
  if (!str(file) || file === '') return 'missing "file"';
  if (!isObject(anchor) || !str(anchor.text) || anchor.text === '') return 'missing "anchor.text"';
  const base = {
    id,
    scope: scope as Correction['scope'],
    file,
    anchor: {
      text: anchor.text,
      before: str(anchor.before) ? anchor.before : '',
      after: str(anchor.after) ? anchor.after : '',
      offset: typeof anchor.offset === 'number' && Number.isFinite(anchor.offset) ? anchor.offset : 0,
    },
    ...(isObject(when) && (str(when.after) || str(when.before))
      ? {
          when: {
            ...(str(when.after) ? { after: when.after } : {}),
            ...(str(when.before) ? { before: when.before } : {}),
          },
        }
      : {}),
    ...(str(author) ? { author } : {}),
    ...(str(time) ? { time } : {}),
  };
  const type = v.type;
  const isType = str(type) && ENTITY_TYPE_SET.has(type);
  switch (kind) {
    case 'notEntity':
    case 'notQuote':
    case 'notBoilerplate':
      return { ...base, kind };
    case 'changeType':
    case 'addEntity':
      if (!isType) return `unknown entity type ${String(type)}`;
      return kind === 'changeType'
        ? { ...base, kind, type: type as never }
        : {
            ...base,
            kind,
            type: type as never,
            ...(str(v.canonical) && v.canonical ? { canonical: v.canonical } : {}),
          };
    case 'merge':
      return str(v.canonical) && v.canonical
        ? { ...base, kind, canonical: v.canonical }
        : 'missing "canonical"';
    case 'split':
      if (!str(v.from)) return 'missing "from"';
      return {
        ...base,
        kind,
        from: v.from,
        ...(str(v.canonical) && v.canonical ? { canonical: v.canonical } : {}),
      };
    case 'rename':
      if (!str(v.from) || !str(v.canonical) || !v.canonical) return 'missing "from" or "canonical"';
      return { ...base, kind, from: v.from, canonical: v.canonical };
    case 'addQuote':
      return { ...base, kind, ...(str(v.speaker) && v.speaker ? { speaker: v.speaker } : {}) };
    case 'changeSpeaker':
      if (!str(v.speaker) || !v.speaker) return 'missing "speaker"';
      return { ...base, kind, speaker: v.speaker, ...(str(v.from) ? { from: v.from } : {}) };
    case 'notRelated':
      return str(v.other) && v.other ? { ...base, kind, other: v.other } : 'missing "other"';
  }
  return `unknown kind ${kind}`;
}

/** Reads a sidecar text. An empty text is an empty sidecar. */
export function parseSidecar(text: string): ParsedSidecar {
  const problems: SidecarProblem[] = [];
  if (text.trim() === '') return { corrections: [], problems };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    return { corrections: [], problems: [{ line: 0, message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const list = isObject(root) ? root.corrections : undefined;
  if (!Array.isArray(list))
    return { corrections: [], problems: [{ line: 0, message: 'no "corrections" list' }] };
  const corrections: Correction[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    const c = toCorrection(item);
    if (typeof c === 'string') {
      const id = isObject(item) && str(item.id) ? item.id : undefined;
      problems.push({ line: id ? lineOfId(text, id) : 0, message: `ignored correction: ${c}` });
    } else if (!seen.has(c.id)) {
      seen.add(c.id);
      corrections.push(c);
    }
  }
  return { corrections, problems };
}

/** Key order of a stored correction: what it is, where, then who and when. */
const KEY_ORDER = [
  'id',
  'kind',
  'scope',
  'file',
  'type',
  'canonical',
  'from',
  'speaker',
  'other',
  'when',
  'anchor',
  'author',
  'time',
];

function ordered(c: Correction): Json {
  const src = c as unknown as Json;
  const out: Json = {};
  for (const k of KEY_ORDER) if (src[k] !== undefined) out[k] = k === 'anchor' ? { ...c.anchor } : src[k];
  return out;
}

/** Stable order: by file, then position, then kind and id. */
export function sortCorrections(list: readonly Correction[]): Correction[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.anchor.offset - b.anchor.offset ||
      a.kind.localeCompare(b.kind) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The sidecar text of a list of corrections: one per line, stable order, trailing newline. */
export function serializeSidecar(list: readonly Correction[]): string {
  return layout(sortCorrections(list).map(ordered));
}

/** The sidecar file around its entries: one per line. */
function layout(entries: readonly unknown[]): string {
  const lines = entries.map((e) => `    ${JSON.stringify(e)}`);
  const body = lines.length > 0 ? `\n${lines.join(',\n')}\n  ` : '';
  return `{\n  "version": ${SIDECAR_VERSION},\n  "corrections": [${body}]\n}\n`;
}

/** 0-based line of the sidecar entry with this id (0 when not found). */
export function lineOfId(text: string, id: string): number {
  const at = text.indexOf(`"id":${JSON.stringify(id)}`);
  const at2 = at >= 0 ? at : text.indexOf(`"id": ${JSON.stringify(id)}`);
  if (at2 < 0) return 0;
  let line = 0;
  for (let i = 0; i < at2; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A short stable id from a correction's content (FNV-1a), for imports and tests. */
export function contentId(parts: readonly unknown[]): string {
  let h = 0x811c9dc5;
  const s = JSON.stringify(parts);
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

/**
 * The sidecar text without the correction `id`, every other entry kept as it was read (unreadable ones
 * too, so nothing is lost); `undefined` when the text cannot be read or holds no such correction.
 */
export function withoutCorrection(text: string, id: string): string | undefined {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return undefined;
  }
  const list = isObject(root) ? root.corrections : undefined;
  if (!Array.isArray(list)) return undefined;
  const kept = list.filter((item) => !(isObject(item) && item.id === id));
  if (kept.length === list.length) return undefined;
  return layout(
    kept.map((item) => {
      const c = toCorrection(item);
      return typeof c === 'string' ? item : ordered(c);
    }),
  );
}
