// The correction model: what a curator said about a finding, anchored by file path + text + context so that
// it survives edits elsewhere in the article and moves with its text. Plain data, stored in the sidecar.
import type { EntityType } from '../types';

/** How far a correction reaches: the anchored finding, every match in its article, or the whole corpus. */
export type CorrectionScope = 'mention' | 'article' | 'corpus';
export const CORRECTION_SCOPES: readonly CorrectionScope[] = ['mention', 'article', 'corpus'];

/** Where a correction was made: the text and what surrounds it (context wins over the offset hint). */
export interface Anchor {
  text: string;
  before: string;
  after: string;
  /** Offset when the correction was made: only breaks ties between equally good matches. */
  offset: number;
}

/** A rule condition: the text right after (or before) the mention, spaces skipped ("when followed by FC"). */
export interface Condition {
  after?: string;
  before?: string;
}

export interface CorrectionBase {
  id: string;
  scope: CorrectionScope;
  /** Path of the article, relative to the workspace folder (or corpus folder), with `/` separators. */
  file: string;
  anchor: Anchor;
  when?: Condition;
  author?: string;
  /** ISO time; later corrections of the same scope win. */
  time?: string;
}

export type CorrectionBody =
  | { kind: 'notEntity' }
  | { kind: 'changeType'; type: EntityType }
  /** Same entity as `canonical`. */
  | { kind: 'merge'; canonical: string }
  /** Not the same as `from`: the mention becomes its own entity (`canonical`, or its text). */
  | { kind: 'split'; from: string; canonical?: string }
  /** Every mention of canonical `from` is called `canonical`. */
  | { kind: 'rename'; from: string; canonical: string }
  | { kind: 'addEntity'; type: EntityType; canonical?: string }
  | { kind: 'addQuote'; speaker?: string }
  /** The anchored quote (or, in wider scopes, every quote given to `from`) is said by `speaker`. */
  | { kind: 'changeSpeaker'; from?: string; speaker: string }
  | { kind: 'notQuote' }
  /** `other` (a file path like `file`) is not related to this article, both ways. */
  | { kind: 'notRelated'; other: string }
  | { kind: 'notBoilerplate' };

export type Correction = CorrectionBase & CorrectionBody;
export type CorrectionKind = CorrectionBody['kind'];

export const CORRECTION_KINDS: readonly CorrectionKind[] = [
  'notEntity',
  'changeType',
  'merge',
  'split',
  'rename',
  'addEntity',
  'addQuote',
  'changeSpeaker',
  'notQuote',
  'notRelated',
  'notBoilerplate',
];

/** A correction whose anchor was not found where it applies: reported, never dropped. */
export interface LostCorrection {
  correction: Correction;
  reason: string;
}
