// What the tagger reads: a document's text and its tokens, with the rule engine's reading when the model
// takes it as features.

/** One token of a tagged document: its span in the text, its form and its wink POS tag. */
export interface TagToken {
  start: number;
  end: number;
  value: string;
  pos: string;
}

/** A document to tag: its text and its tokens (no whitespace tokens), in text order. */
export interface TaggerDoc {
  text: string;
  tokens: TagToken[];
  /**
   * The rule engine's reading of each token, `B-TYPE` / `I-TYPE` / `O` in our type set; only used
   * by a model trained with rule features.
   */
  rules?: string[];
}
