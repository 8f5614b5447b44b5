// Feature extraction of the entity tagger: for every token of a document, the hashed ids of its
// features (word forms, shape, affixes, POS, context, the form of its line, gazetteer and list flags,
// how the same word is written elsewhere in the document, and optionally the rule engine's labels).
// Pure functions of the document, shared by training and tagging, so both see the same features. The
// families are computed in their own files (a word's own features and how the document writes it in
// wordFeatures.ts, sentences and line forms in tokenLayout.ts, gazetteer phrases and head words in
// phraseTags.ts, which tokens are read in activeTokens.ts) and assembled here, token by token, in one loop.
import * as hash from './featureHash';
import { featureId, fnv, sh } from './featureHash';
import { gazetteerTags, runHeads } from './phraseTags';
import type { TagToken, TaggerDoc } from './taggerDoc';
import { type DocLayout, layout } from './tokenLayout';
import { activeTokens } from './activeTokens';
import { type WordFeatures, docForms, trimWordCaches, wordFeatures } from './wordFeatures';

export type { TagToken, TaggerDoc } from './taggerDoc';
export { type DocLayout, type LineCounts, layout } from './tokenLayout';
export { activeTokens, segments } from './activeTokens';
export { SPORTS_WORDS, normal, shape } from './wordFeatures';
export { featureId } from './featureHash';

// Local bindings of the mixers: an imported binding read in the extraction loop costs a property lookup
// when not bundled.
const c1 = hash.c1;
const c2 = hash.c2;
const c3 = hash.c3;

const T = {
  p: sh('p='),
  tl: sh('tl='),
  lm1: sh('l-1='),
  lp1: sh('l+1='),
  lm2: sh('l-2='),
  lp2: sh('l+2='),
  lm1l: sh('l-1|l='),
  llp1: sh('l|l+1='),
  sm1: sh('s-1='),
  sp1: sh('s+1='),
  sss: sh('s-1|s|s+1='),
  pm1: sh('p-1='),
  pp1: sh('p+1='),
  pm1p: sh('p-1|p='),
  ppp1: sh('p|p+1='),
  ln: sh('ln='),
  lns: sh('ln|s='),
  sss1: sh('ss|s='),
  ssl: sh('ss|l='),
  len: sh('len='),
  doc: sh('doc='),
  docss: sh('doc|ss='),
  g: sh('g='),
  gs: sh('g|s='),
  gln: sh('g|ln='),
  h: sh('h='),
  sps: sh('sp|s='),
  spln: sh('sp|ln='),
  spg: sh('sp|g='),
  splm1: sh('sp|l-1='),
  splp1: sh('sp|l+1='),
  r: sh('r='),
  rs: sh('r|s='),
  rm1: sh('r-1='),
  rp1: sh('r+1='),
  rg: sh('r|g='),
};
const BIAS = featureId('b');
const NEXT_CO = featureId('nextCo');
const CO = featureId('co');
const AFTER_TITLE = featureId('afterTitle');
const TITLE = featureId('title');
const H_BOS = sh('<s>');
const H_EOS = sh('</s>');
const H_NONE = sh('_');
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7'].map(sh);
const SEEN = ['', 'L', 'C', 'LC'].map(sh);
/** The most features one token has (see `extractFeatures`). */
const MAX_FEATURES = 56;

/**
 * The feature ids of a document's tokens, as one array: token i's ids are `ids[at[i]]` to `ids[at[i + 1]]`.
 * Tokens that are not `active` have none: they are read as outside any name (see `activeTokens`).
 */
export interface FeatureTable {
  ids: Uint32Array;
  at: Int32Array;
  active: Uint8Array;
  /**
   * Where each token's context features start: `ids[at[i]]` to `ids[wordEnd[i]]` depend on the word
   * alone (`words[i]`), so a scorer may keep their sum per word.
   */
  wordEnd: Int32Array;
  words: readonly string[];
}

/** Token i's feature ids (a view of the table). */
export function featuresOf(table: FeatureTable, i: number): Uint32Array {
  return table.ids.subarray(table.at[i], table.at[i + 1]);
}

const H_RULE_O = sh('O');

/** Hashes of the rule labels, most of which are O. */
function ruleHashes(rules: readonly string[]): Uint32Array {
  const out = new Uint32Array(rules.length);
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i] as string;
    out[i] = r === 'O' ? H_RULE_O : sh(r);
  }
  return out;
}

/** Room for the ids of the last table extracted with `reuse` (see `extractFeatures`). */
let idScratch = new Uint32Array(0);

/**
 * Feature ids of every active token. With `reuse`, the ids live in memory the next such call
 * overwrites: for a caller that scores them at once (tagging), not one that keeps them (training).
 */
export function extractFeatures(
  doc: TaggerDoc,
  lay: DocLayout = layout(doc),
  active: Uint8Array = activeTokens(doc, lay),
  reuse = false,
): FeatureTable {
  const { tokens } = doc;
  const n = tokens.length;
  trimWordCaches();
  const words = tokens.map((t) => wordFeatures(t.value));
  const forms = docForms(words, lay);
  const gaz = gazetteerTags(doc, words);
  const heads = runHeads(doc);
  const posH = new Uint32Array(n);
  const lowerH = new Uint32Array(n);
  const shapeH = new Uint32Array(n);
  let count = 0;
  for (let j = 0; j < n; j++) {
    const x = words[j] as WordFeatures;
    posH[j] = sh((tokens[j] as TagToken).pos);
    lowerH[j] = x.lowerH;
    shapeH[j] = x.shapeH;
    count += active[j] as number;
  }
  const ruleH = doc.rules && ruleHashes(doc.rules);
  const sentence = lay.sentence;
  const at = new Int32Array(n + 1);
  const wordEnd = new Int32Array(n);
  // Room for the most features one token can have.
  let ids: Uint32Array;
  if (!reuse) ids = new Uint32Array(count * MAX_FEATURES);
  else {
    if (idScratch.length < count * MAX_FEATURES) idScratch = new Uint32Array(count * MAX_FEATURES * 2);
    ids = idScratch;
  }
  let k = 0;
  for (let i = 0; i < n; i++) {
    at[i] = k;
    wordEnd[i] = k;
    if (!active[i]) continue;
    const sent = sentence[i] as number;
    // Neighbours in the sentence, and their word forms, shapes and POS (or the sentence's edges).
    const hasL1 = i > 0 && sentence[i - 1] === sent;
    const hasR1 = i + 1 < n && sentence[i + 1] === sent;
    const l1 = hasL1 ? (lowerH[i - 1] as number) : H_BOS;
    const r1 = hasR1 ? (lowerH[i + 1] as number) : H_EOS;
    const l2 = hasL1 && i > 1 && sentence[i - 2] === sent ? (lowerH[i - 2] as number) : H_BOS;
    const r2 = hasR1 && i + 2 < n && sentence[i + 2] === sent ? (lowerH[i + 2] as number) : H_EOS;
    const s1 = hasL1 ? (shapeH[i - 1] as number) : H_NONE;
    const s2 = hasR1 ? (shapeH[i + 1] as number) : H_NONE;
    const p1 = hasL1 ? (posH[i - 1] as number) : H_NONE;
    const p2 = hasR1 ? (posH[i + 1] as number) : H_NONE;
    const t = tokens[i] as TagToken;
    const w = t.value;
    const own = words[i] as WordFeatures;
    const l = own.lowerH;
    const s = own.shapeH;
    const p = posH[i] as number;
    const form = lay.lineForm[i] ?? 0;
    const lineForm = DIGITS[form] as number;
    const lineKind = DIGITS[form & 3] as number;
    const caps = (form & 1) !== 0;
    const cap = own.cap;
    const ss = lay.sentenceStart[i] === 1;
    ids[k++] = BIAS;
    const ownIds = own.own;
    for (let j = 0; j < ownIds.length; j++) ids[k++] = ownIds[j] as number;
    wordEnd[i] = k;
    ids[k++] = c1(T.p, p);
    if (caps && cap) ids[k++] = c1(T.tl, fnv(own.title));
    ids[k++] = c1(T.lm1, l1);
    ids[k++] = c1(T.lp1, r1);
    ids[k++] = c1(T.lm2, l2);
    ids[k++] = c1(T.lp2, r2);
    ids[k++] = c2(T.lm1l, l1, l);
    ids[k++] = c2(T.llp1, l, r1);
    ids[k++] = c1(T.sm1, s1);
    ids[k++] = c1(T.sp1, s2);
    ids[k++] = c3(T.sss, s1, s, s2);
    ids[k++] = c1(T.pm1, p1);
    ids[k++] = c1(T.pp1, p2);
    ids[k++] = c2(T.pm1p, p1, p);
    ids[k++] = c2(T.ppp1, p, p2);
    ids[k++] = c1(T.ln, lineForm);
    ids[k++] = c2(T.lns, lineForm, s);
    if (ss) {
      ids[k++] = c1(T.sss1, s);
      ids[k++] = c1(T.ssl, l);
    }
    if (w.length === 1 || (w.length === 2 && w[1] === '.')) ids[k++] = c1(T.len, DIGITS[w.length] as number);
    // The same word elsewhere in the document.
    if (cap) {
      const seen = SEEN[
        (own.form.lowerSeen === forms.doc ? 1 : 0) + (own.form.capMidSeen === forms.doc ? 2 : 0)
      ] as number;
      ids[k++] = c1(T.doc, seen);
      ids[k++] = c3(T.docss, seen, DIGITS[ss ? 1 : 0] as number, DIGITS[caps ? 1 : 0] as number);
    }
    const g = gaz[i] as string;
    const gh = g ? sh(g) : 0;
    if (g) {
      ids[k++] = c1(T.g, gh);
      ids[k++] = c2(T.gs, gh, s);
      ids[k++] = c2(T.gln, gh, lineKind);
    }
    const h = heads[i] as string;
    if (h) ids[k++] = c1(T.h, sh(h));
    if (hasR1 && (words[i + 1] as WordFeatures).companySuffix) ids[k++] = NEXT_CO;
    if (cap && own.companySuffix) ids[k++] = CO;
    if (hasL1 && (words[i - 1] as WordFeatures).isTitle) ids[k++] = AFTER_TITLE;
    if (own.isTitle) ids[k++] = TITLE;
    if (forms.sports) {
      ids[k++] = c1(T.sps, s);
      ids[k++] = c1(T.spln, lineKind);
      if (g) ids[k++] = c1(T.spg, gh);
      if (cap) {
        ids[k++] = c1(T.splm1, l1);
        ids[k++] = c1(T.splp1, r1);
      }
    }
    if (ruleH) {
      const r = ruleH[i] as number;
      ids[k++] = c1(T.r, r);
      ids[k++] = c2(T.rs, r, s);
      ids[k++] = c1(T.rm1, hasL1 ? (ruleH[i - 1] as number) : H_NONE);
      ids[k++] = c1(T.rp1, hasR1 ? (ruleH[i + 1] as number) : H_NONE);
      if (g) ids[k++] = c2(T.rg, r, gh);
    }
  }
  at[n] = k;
  return { ids: ids.subarray(0, k), at, active, wordEnd, words: tokens.map((t) => t.value) };
}
