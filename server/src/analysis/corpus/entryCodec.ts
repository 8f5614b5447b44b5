// Compact encoding of cache entries: tuples instead of objects, the written form of an entity only when
// its canonical name differs. Decoding validates every field, so a damaged or foreign entry is rejected
// (`undefined`), never half-read: the cache is an optimisation and must not be trusted.
import type { TableStep } from '../entities/aliases';
import {
  NAMED_ENTITY_TYPES,
  VALUE_ENTITY_TYPES,
  type EntityMention,
  type EntitySource,
  type EntityType,
  type Quote,
  type RelatedArticle,
  type RelatedReason,
  type Repeat,
  type Span,
  type Speaker,
  type SharedPassage,
  type UnbalancedMark,
} from '../types';
import type { CachedAnalysis, CorpusFindings, PassFindings } from './cachedAnalysis';

/** A JSON value: what an entry encodes to. */
export type Json = number | string | boolean | null | Json[] | { [key: string]: Json };

const ENTITY_TYPES = new Set<string>([...NAMED_ENTITY_TYPES, ...VALUE_ENTITY_TYPES]);
const SOURCES = new Set<string>(['pattern', 'gazetteer', 'wink', 'alias', 'corpus', 'tagger']);
const CALLS = new Set<string>([
  'lookup',
  'word',
  'fuzzyWord',
  'full',
  'guess',
  'typed',
  'runs',
  'hint',
  'anyHints',
]);

export function encodeEntry(e: CachedAnalysis): Json {
  return [
    encodePass(e.first),
    e.second ? encodePass(e.second) : 0,
    e.repeats.map((r) => [r.span.start, r.span.end, r.first.start, r.first.end]),
    e.corpus ? encodeCorpus(e.corpus) : 0,
  ];
}

function encodePass(p: PassFindings): Json {
  return [
    p.entities.map((m) => [
      m.span.start,
      m.span.end,
      m.type,
      m.text,
      m.canonical === m.text ? 0 : m.canonical,
      m.source,
    ]),
    p.quotes.map((q) => [
      q.span.start,
      q.span.end,
      q.contentSpan.start,
      q.contentSpan.end,
      q.balanced ? 1 : 0,
      q.kind,
      q.speaker ? encodeSpeaker(q.speaker) : 0,
    ]),
    p.unbalanced.map((u) => [u.span.start, u.span.end, u.missing, u.insertAt, u.insertText]),
    p.journal.map((s) => [s.call, s.arg, s.answer]),
  ];
}

function encodeSpeaker(s: Speaker): Json {
  return [s.name, s.span ? s.span.start : -1, s.span ? s.span.end : -1, s.attribution ?? 0, s.chain ?? 0];
}

function encodeCorpus(c: CorpusFindings): Json {
  return [
    c.fingerprint,
    c.shared.map((s) => [
      s.span.start,
      s.span.end,
      s.otherUri,
      s.otherSpan.start,
      s.otherSpan.end,
      s.similarity,
      s.boilerplate ? 1 : 0,
      s.fileCount,
    ]),
    c.related.map((r) => [r.uri, r.score, r.reasons.map(encodeReason)]),
  ];
}

function encodeReason(r: RelatedReason): Json {
  switch (r.kind) {
    case 'entities':
      return ['e', r.names, r.weight];
    case 'passages':
      return ['p', r.count, r.weight];
    case 'text':
      return ['t', r.similarity, r.weight];
  }
}

/** Thrown inside decoding only, to leave at the first bad field. */
class Invalid extends Error {}

function fail(): never {
  throw new Invalid();
}

function tuple(v: unknown, length: number): unknown[] {
  return Array.isArray(v) && v.length === length ? v : fail();
}

function list<T>(v: unknown, item: (x: unknown) => T): T[] {
  return Array.isArray(v) ? v.map(item) : fail();
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : fail();
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fail();
}

/** A UTF-16 offset: a whole number, not negative. */
function offset(v: unknown): number {
  return Number.isInteger(v) && (v as number) >= 0 ? (v as number) : fail();
}

function span(start: unknown, end: unknown): Span {
  const s = offset(start);
  const e = offset(end);
  return s <= e ? { start: s, end: e } : fail();
}

function flag(v: unknown): boolean {
  return v === 1 ? true : v === 0 ? false : fail();
}

function oneOf<T extends string>(v: unknown, allowed: ReadonlySet<string>): T {
  return typeof v === 'string' && allowed.has(v) ? (v as T) : fail();
}

/** The entry `value` encodes, or `undefined` when it is not a well-formed entry. */
export function decodeEntry(value: unknown): CachedAnalysis | undefined {
  try {
    const [first, second, repeats, corpus] = tuple(value, 4);
    const entry: CachedAnalysis = {
      first: decodePass(first),
      repeats: list(repeats, decodeRepeat),
    };
    if (second !== 0) entry.second = decodePass(second);
    if (corpus !== 0) entry.corpus = decodeCorpus(corpus);
    return entry;
  } catch (e) {
    if (e instanceof Invalid) return undefined;
    throw e;
  }
}

function decodePass(v: unknown): PassFindings {
  const [entities, quotes, unbalanced, journal] = tuple(v, 4);
  return {
    entities: list(entities, decodeEntity),
    quotes: list(quotes, decodeQuote),
    unbalanced: list(unbalanced, decodeUnbalanced),
    journal: list(journal, decodeStep),
  };
}

function decodeEntity(v: unknown): EntityMention {
  const [start, end, type, text, canonical, source] = tuple(v, 6);
  const written = str(text);
  return {
    span: span(start, end),
    type: oneOf<EntityType>(type, ENTITY_TYPES),
    text: written,
    canonical: canonical === 0 ? written : str(canonical),
    source: oneOf<EntitySource>(source, SOURCES),
  };
}

function decodeQuote(v: unknown): Quote {
  const [start, end, cStart, cEnd, balanced, kind, speaker] = tuple(v, 7);
  return {
    span: span(start, end),
    contentSpan: span(cStart, cEnd),
    balanced: flag(balanced),
    kind: kind === 'speech' || kind === 'scare' ? kind : fail(),
    speaker: speaker === 0 ? null : decodeSpeaker(speaker),
  };
}

function decodeSpeaker(v: unknown): Speaker {
  const [name, start, end, attribution, chain] = tuple(v, 5);
  const speaker: Speaker = { name: str(name) };
  if (start !== -1 || end !== -1) speaker.span = span(start, end);
  if (attribution !== 0) speaker.attribution = str(attribution);
  if (chain !== 0) speaker.chain = list(chain, str);
  return speaker;
}

function decodeUnbalanced(v: unknown): UnbalancedMark {
  const [start, end, missing, insertAt, insertText] = tuple(v, 5);
  return {
    span: span(start, end),
    missing: missing === 'open' || missing === 'close' ? missing : fail(),
    insertAt: offset(insertAt),
    insertText: str(insertText),
  };
}

function decodeStep(v: unknown): TableStep {
  const [call, arg, answer] = tuple(v, 3);
  return { call: oneOf<TableStep['call']>(call, CALLS), arg: str(arg), answer: str(answer) };
}

function decodeRepeat(v: unknown): Repeat {
  const [start, end, fStart, fEnd] = tuple(v, 4);
  return { span: span(start, end), first: span(fStart, fEnd) };
}

function decodeCorpus(v: unknown): CorpusFindings {
  const [fingerprint, shared, related] = tuple(v, 3);
  return {
    fingerprint: str(fingerprint),
    shared: list(shared, decodeShared),
    related: list(related, decodeRelated),
  };
}

function decodeShared(v: unknown): SharedPassage {
  const [start, end, otherUri, oStart, oEnd, similarity, boilerplate, fileCount] = tuple(v, 8);
  return {
    span: span(start, end),
    otherUri: str(otherUri),
    otherSpan: span(oStart, oEnd),
    similarity: num(similarity),
    boilerplate: flag(boilerplate),
    fileCount: offset(fileCount),
  };
}

function decodeRelated(v: unknown): RelatedArticle {
  const [uri, score, reasons] = tuple(v, 3);
  return { uri: str(uri), score: num(score), reasons: list(reasons, decodeReason) };
}

function decodeReason(v: unknown): RelatedReason {
  const [kind, what, weight] = tuple(v, 3);
  switch (kind) {
    case 'e':
      return { kind: 'entities', names: list(what, str), weight: num(weight) };
    case 'p':
      return { kind: 'passages', count: offset(what), weight: num(weight) };
    case 't':
      return { kind: 'text', similarity: num(what), weight: num(weight) };
    default:
      return fail();
  }
}

/** Whether an entry's findings fit `text`: the written form of every entity is the text at its span. */
export function fitsText(entry: CachedAnalysis, text: string): boolean {
  for (const pass of entry.second ? [entry.first, entry.second] : [entry.first])
    for (const m of pass.entities) if (text.slice(m.span.start, m.span.end) !== m.text) return false;
  const inText = (s: Span): boolean => s.end <= text.length;
  return (
    entry.repeats.every((r) => inText(r.span) && inText(r.first)) &&
    (entry.corpus?.shared ?? []).every((s) => inText(s.span))
  );
}
