// Keys of the analysis cache. A file's entry is found by its URI and checked by a digest of everything
// its own analysis depends on: the analyser version, the settings that change local findings, the text.
// Corpus findings also depend on every other file, so they carry a fingerprint of the whole corpus.
import { createHash } from 'node:crypto';
import { MODEL_VERSION } from '../entities/tagger/model';
import type { AnalysisOptions } from '../types';

/**
 * Version of the analysis results. Bump it with any change that can change a finding, so entries written
 * by an older analyser are never read as current (stores may add a build fingerprint of their own).
 */
export const ANALYSER_VERSION = '4';

export interface CacheKey {
  uri: string;
  /** Digest of the analyser version, the local settings and the text. */
  hash: string;
}

/** A workspace's own tagger weights (named by their digest); nothing for the shipped ones. */
function modelOf(options: AnalysisOptions): string {
  return options.entityModel !== undefined ? `,entityModel=${options.entityModel}` : '';
}

/**
 * Settings that change a file's own findings (the entity tagger's mode and its weights: their format
 * version and, when not the shipped ones, their digest; quotes follow the entities).
 */
function localSettings(options: AnalysisOptions): string {
  const tagger =
    options.entityTagger && options.entityTagger !== 'off'
      ? `,entityTagger=${options.entityTagger},taggerModel=${MODEL_VERSION}${modelOf(options)}`
      : '';
  return `minRepeatWords=${options.minRepeatWords}${tagger}`;
}

function digest(parts: readonly string[]): string {
  const h = createHash('sha256');
  // NUL never occurs in a version or setting, and the text comes last, so parts cannot run together.
  for (const part of parts) h.update(part).update('\u0000');
  return h.digest('base64url');
}

export function cacheKey(uri: string, text: string, options: AnalysisOptions, version: string): CacheKey {
  return { uri, hash: digest([version, localSettings(options), text]) };
}

/**
 * Fingerprint of a corpus: its files in index order (URI and content digest) and every setting. Corpus
 * findings computed from an index built in this order, with these settings, are the same every time.
 */
export function corpusFingerprint(keys: readonly CacheKey[], options: AnalysisOptions): string {
  const settings = Object.entries(options)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
  return digest([settings, ...keys.flatMap((k) => [k.uri, k.hash])]);
}
