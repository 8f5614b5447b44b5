// The rule engine's document stage: once every run is typed, evidence from the whole article and the
// corpus hints settles the drafts, in this order: a bare first word of a company is the company
// (companyFirstWords.ts); drafted names resolve through the alias table of the article's full names and
// the corpus (aliasResolution.ts); capitalised words no rule claimed are named by what is known
// (unclaimedWords.ts); short forms of organisations and storms are found everywhere (shortForms.ts); an
// acronym the article defines names its full name (definedAcronyms.ts).
import type { AliasTable, TableStep } from './aliases';
import { resolveAliases } from './aliasResolution';
import { orgFirstWords, retypeCompanyFirstWords } from './companyFirstWords';
import { linkAcronyms } from './definedAcronyms';
import { aliasTableFor } from './entityIndex';
import type { NlpToken } from '../text/nlp';
import { markShortForms } from './shortForms';
import type { EntityHints, EntitySource, EntityType } from '../types';
import type { Draft } from './drafts';
import { nameUnclaimedWords } from './unclaimedWords';
import type { Unit } from './units';

/** What the document stage reads and writes of the recogniser's work. */
export interface Recognised {
  readonly drafts: Draft[];
  /** Places the article names by context, keyed by spelling (see `DraftWriter`). */
  readonly places: Map<string, boolean>;
  /** Units already part of a draft. */
  readonly claimed: Uint8Array;
  /** Lower-case words of the article. */
  readonly lowerWords: Set<string>;
  emitSpan(start: number, end: number, type: EntityType, source: EntitySource, canonical: string): void;
}

/** The article as the stage reads it. */
export interface EvidenceInput {
  text: string;
  tokens: NlpToken[];
  units: Unit[];
  hints: EntityHints;
  /** Receives every question asked of the hints (see `replaysWith`). */
  journal?: TableStep[];
}

/** Settles the recogniser's drafts by the article's and the corpus's evidence, and adds what it names. */
export function applyDocumentEvidence(rec: Recognised, input: EvidenceInput): void {
  const { text, hints, journal } = input;
  const orgFirst = orgFirstWords(rec.drafts, text, rec.places);
  retypeCompanyFirstWords(rec.drafts, orgFirst);
  const table = tableFromHints(hints);
  if (journal) {
    table.record(journal);
    journal.push({ call: 'anyHints', arg: '', answer: hints.known.size > 0 ? '1' : '0' });
  }
  resolveAliases(rec, text, table, hints);
  nameUnclaimedWords(rec, input, table, orgFirst);
  markShortForms(rec, text, table);
  linkAcronyms(rec.drafts, text);
}

/** Adds the corpus hints to an alias table. */
function tableFromHints(hints: EntityHints): AliasTable {
  return aliasTableFor(hints);
}
