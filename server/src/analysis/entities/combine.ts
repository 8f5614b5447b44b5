// The tagger as a source of entities beside the rules: its spans are typed to our type set, then
//  - 'candidates': a tagger span that no rule mention overlaps is added (the rules keep every
//    mention they found and their types);
//  - 'primary': tagger spans replace the rule mentions they overlap, keeping the rule's type and
//    canonical name where the rule found the same span with a type of the same kind (GPE for LOC),
//    and rule mentions the tagger missed stay.
// A name the tagger added is then marked at its other bare occurrences in the article, and a person's
// surname alone takes the full name found in the same article, as the rules do for their own names.
import { nameKey } from '../aliases';
import { analyzeText, type NlpDoc } from '../nlp';
import type { EntityMention, NamedEntityType } from '../types';
import { NAMED_ENTITY_TYPES } from '../types';
import { refineType, titlePhrase } from './refine';
import type { TagToken } from './tagger/features';
import type { CoarseType } from './tagger/labels';
import type { TaggerModel } from './tagger/model';
import { shippedModel } from './tagger/shipped';
import { tagDoc, tagTokens, type TaggedEntity } from './tagger/tagger';

export type TaggerMode = 'off' | 'candidates' | 'primary';

const NAMED = new Set<string>(NAMED_ENTITY_TYPES);
/** Our types by the coarse type they refine. */
const COARSE_OF: Record<string, CoarseType> = {
  PERSON: 'PER',
  ORG: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  FAC: 'LOC',
  NORP: 'MISC',
  EVENT: 'MISC',
};
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** The rule mentions as BIO labels over the tagger's tokens (the model's rule features). */
export function ruleLabelsOf(tokens: TagToken[], mentions: readonly EntityMention[]): string[] {
  const out = new Array<string>(tokens.length).fill('O');
  const named = mentions.filter((m) => NAMED.has(m.type)).sort((a, b) => a.span.start - b.span.start);
  let k = 0;
  for (const m of named) {
    while (k < tokens.length && (tokens[k] as TagToken).end <= m.span.start) k++;
    for (let i = k; i < tokens.length && (tokens[i] as TagToken).start < m.span.end; i++) {
      out[i] = `${i === k ? 'B' : 'I'}-${m.type}`;
    }
  }
  return out;
}

/** The tagger's entities of `text`, given the rule engine's mentions of it. */
export function taggedEntities(
  text: string,
  mentions: readonly EntityMention[],
  nlp: NlpDoc = analyzeText(text),
  model: TaggerModel = shippedModel(),
): TaggedEntity[] {
  const tokens = tagTokens(text, nlp.tokens);
  const rules = model.ruleFeatures ? ruleLabelsOf(tokens, mentions) : undefined;
  return tagDoc(model, { text, tokens, rules }).entities;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Combines the rule mentions of `text` with the tagger's entities. */
export function combineWithTagger(
  text: string,
  mentions: EntityMention[],
  mode: TaggerMode,
  nlp?: NlpDoc,
  model?: TaggerModel,
): EntityMention[] {
  if (mode === 'off' || text.length === 0) return mentions;
  const tagged = taggedEntities(text, mentions, nlp, model);
  const named = mentions.filter((m) => NAMED.has(m.type));
  const others = mentions.filter((m) => !NAMED.has(m.type));
  const kept: EntityMention[] = [];
  const added: EntityMention[] = [];
  const fromTagger = (e: TaggedEntity, type: NamedEntityType): EntityMention => {
    const written = text.slice(e.start, e.end);
    return {
      span: { start: e.start, end: e.end },
      type,
      text: written,
      canonical: titlePhrase(written),
      source: 'pattern',
    };
  };
  if (mode === 'candidates') {
    kept.push(...named);
    for (const e of tagged) {
      if (named.some((m) => overlaps(m.span, e))) continue;
      const type = refineType(text.slice(e.start, e.end), e.type);
      if (type) added.push(fromTagger(e, type));
    }
  } else {
    const covered = new Set<EntityMention>();
    for (const e of tagged) {
      const over = named.filter((m) => overlaps(m.span, e));
      const same = over.find((m) => m.span.start === e.start && m.span.end === e.end);
      over.forEach((m) => covered.add(m));
      // The same span with a type of the same kind: the rule's finer type and canonical name stand.
      if (same && COARSE_OF[same.type] === e.type) {
        kept.push(same);
        continue;
      }
      const type = refineType(text.slice(e.start, e.end), e.type);
      if (type) added.push(fromTagger(e, type));
      else over.forEach((m) => covered.delete(m));
    }
    for (const m of named) if (!covered.has(m)) kept.push(m);
  }
  resolveAdded(text, kept, added);
  const all = [...kept, ...added].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: EntityMention[] = [];
  for (const m of all) {
    const prev = out[out.length - 1];
    if (prev && m.span.start < prev.span.end) continue;
    out.push(m);
  }
  // Value entities (dates, money…) where no name lies.
  for (const v of others) if (!out.some((m) => overlaps(m.span, v.span))) out.push(v);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Document consistency of the names the tagger added: a one-word person takes the full name of a person
 * of the article whose last word it is, and every other bare occurrence of an added name is marked too.
 */
function resolveAdded(text: string, kept: EntityMention[], added: EntityMention[]): void {
  const people = [...kept, ...added].filter((m) => m.type === 'PERSON' && /\s/.test(m.canonical));
  for (const m of added) {
    if (m.type !== 'PERSON' || /\s/.test(m.canonical)) continue;
    const key = nameKey(m.canonical);
    const full = people.find((p) => nameKey(p.canonical.split(/\s+/).pop() ?? '') === key);
    if (full) m.canonical = full.canonical;
  }
  const taken = [...kept, ...added];
  const extra: EntityMention[] = [];
  const seen = new Set<string>();
  for (const m of added) {
    if (seen.has(m.text) || m.text.length < 2) continue;
    seen.add(m.text);
    for (let at = text.indexOf(m.text); at >= 0; at = text.indexOf(m.text, at + m.text.length)) {
      const end = at + m.text.length;
      if (WORD_CHAR_RE.test(text[at - 1] ?? '') || WORD_CHAR_RE.test(text[end] ?? '')) continue;
      const span = { start: at, end };
      if (taken.some((t) => overlaps(t.span, span)) || extra.some((t) => overlaps(t.span, span))) continue;
      extra.push({ ...m, span });
    }
  }
  added.push(...extra);
}
