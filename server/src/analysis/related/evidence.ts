// How much each channel of a comparison says about two articles telling the same story, calibrated on
// same-story and same-topic pairs, and how the channels combine into one score in [0, 1].

/**
 * Calibration of the text channel. Same story from different outlets scores a TF-IDF cosine of
 * roughly 0.2–0.6 on content words; articles on the same broad topic (same country, same conflict)
 * stay around 0.05–0.14. Below TEXT_FLOOR the text says nothing; above it evidence grows as
 * 1 - exp(-(cosine - floor) / scale), which keeps ordering the best matches instead of saturating.
 * TEXT_SCALE puts the default threshold of 0.2 at a cosine of 0.15, between the two populations.
 */
const TEXT_FLOOR = 0.1;
const TEXT_SCALE = 0.224;
/**
 * Entity overlap alone is weaker evidence than text: two stories about one country share its leaders.
 * Its cosine is mapped the same way but the channel can reach at most ENTITY_CAP, so it mostly
 * reinforces the text; only a strong overlap of rare names relates two articles by itself.
 */
const ENTITY_FLOOR = 0.25;
const ENTITY_SCALE = 0.3;
const ENTITY_CAP = 0.5;
/**
 * Shared passages: evidence grows with the share of this article they cover (similarity-weighted) and is
 * full at PASSAGE_FULL_COVER. A short passage (a shared footer of one site that the boilerplate rule did
 * not catch) stays below the threshold; a copied wire paragraph or more does not.
 */
const PASSAGE_FULL_COVER = 0.2;
const PASSAGE_CAP = 0.6;
/**
 * Text cosine beyond the shared passages below which they count for nothing, and from which they count fully.
 * Pages of one site on different stories stay under the first once boilerplate is taken off (what remains in
 * common is a byline or a photo credit); other outlets' copies of a story share far more than the copy.
 */
const PASSAGE_TEXT_MIN = 0.14;
const PASSAGE_TEXT_FULL = 0.24;
/** 0 up to `floor`, then rising towards 1 with `scale` as the e-folding distance. */
function saturate(value: number, floor: number, scale: number): number {
  return value <= floor ? 0 : 1 - Math.exp(-(value - floor) / scale);
}

/** Evidence from the text cosine. */
export function textEvidenceOf(cosine: number): number {
  return saturate(cosine, TEXT_FLOOR, TEXT_SCALE);
}

/** Evidence from the entity cosine, capped below what text can reach. */
export function entityEvidenceOf(cosine: number): number {
  return ENTITY_CAP * saturate(cosine, ENTITY_FLOOR, ENTITY_SCALE);
}

/** How far the text beyond the shared passages (its cosine `rest`) vouches for them: 0 to 1. */
export function corroborationOf(rest: number): number {
  return Math.min(1, Math.max(0, (rest - PASSAGE_TEXT_MIN) / (PASSAGE_TEXT_FULL - PASSAGE_TEXT_MIN)));
}

/** Evidence from shared passages covering `cover` of the larger unit, as far as the rest corroborates. */
export function passageEvidenceOf(cover: number, corroboration: number): number {
  return corroboration * PASSAGE_CAP * Math.min(1, cover / PASSAGE_FULL_COVER);
}

/** Noisy-OR: each channel alone can make two articles related; agreeing channels reinforce. */
export function combinedScore(text: number, entities: number, passages: number): number {
  const score = 1 - (1 - text) * (1 - entities) * (1 - passages);
  return Math.max(0, Math.min(1, score));
}
