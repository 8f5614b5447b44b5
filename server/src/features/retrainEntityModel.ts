// The retrain request: a workspace folder's corrections become training examples (see
// analysis/curation/trainingExamples) and the shipped tagger is trained further on them. The model file's
// text goes back to the client, which writes it into the folder; the server then loads it from there.
import { performance } from 'node:perf_hooks';
import { articleExamples, correctedSpans, teachesTagger } from '../analysis/curation/trainingExamples';
import type { Correction } from '../analysis/curation/types';
import { findEntities } from '../analysis/entities/recogniser';
import type { TrainingSentence } from '../analysis/entities/tagger/perceptron';
import { retrainModel, wordFeatureIds } from '../analysis/entities/tagger/retrain';
import { shippedModel } from '../analysis/entities/tagger/shipped';
import { analyzeText } from '../analysis/text/nlp';
import type { RetrainEntityModelParams, RetrainEntityModelResult } from '../protocol';
import { pathToUri } from '../util/uri';
import type { CurationStore } from '../workspace/curationStore';
import type { FeatureContext } from './context';

/** Articles a corpus-wide correction is learnt from at most: enough to learn it, bounded on a large corpus. */
const RULE_ARTICLES = 20;

export function retrainFromCorrections(
  ctx: FeatureContext,
  store: CurationStore,
  params: RetrainEntityModelParams,
): RetrainEntityModelResult {
  const started = performance.now();
  const sidecar = params.folderUri
    ? store.sidecarOf(`${params.folderUri.replace(/\/$/, '')}/x`)
    : store.all[store.all.length - 1];
  const folderUri = sidecar ? pathToUri(sidecar.folder) : (params.folderUri ?? '');
  const path = ctx.settingsOf(folderUri).entities.modelPath;
  const result: RetrainEntityModelResult = {
    folderUri,
    path,
    corrections: 0,
    articles: 0,
    sentences: 0,
    unread: 0,
    ms: 0,
  };
  const done = (message?: string): RetrainEntityModelResult => {
    result.ms = Math.round(performance.now() - started);
    return message === undefined ? result : { ...result, message };
  };
  if (!sidecar) return done('no workspace folder is open');
  const labelCorrections = sidecar.index.all.filter(teachesTagger);
  result.corrections = labelCorrections.length;
  if (labelCorrections.length === 0)
    return done('no correction changes an entity (Not an entity, Change type or Mark as entity)');
  const byFile = new Map<string, Correction[]>();
  const rules: { correction: Correction; articles: number }[] = [];
  for (const c of labelCorrections) {
    if (c.scope === 'corpus') rules.push({ correction: c, articles: 0 });
    else byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  }
  const base = shippedModel();
  const hints = ctx.index.entities.hints();
  const sentences: TrainingSentence[] = [];
  const anchors: TrainingSentence[] = [];
  const words = new Set<number>();
  for (const uri of ctx.index.uris().sort()) {
    const place = store.sidecarOf(uri) === sidecar ? store.place(uri) : undefined;
    const entry = ctx.index.get(uri);
    if (!place || !entry) continue;
    const text = entry.snapshot.text;
    const own = [...(byFile.get(place.file) ?? [])];
    for (const r of rules) {
      if (r.articles >= RULE_ARTICLES || !text.includes(r.correction.anchor.text)) continue;
      own.push(r.correction);
      r.articles++;
    }
    const spans = correctedSpans(text, own);
    if (spans.length === 0) continue;
    const nlp = analyzeText(text);
    const ex = articleExamples(
      { text, rules: findEntities(text, hints, undefined, nlp), corrected: entry.local.entities, spans },
      base,
      nlp,
    );
    if (ex.sentences.length > 0) result.articles++;
    sentences.push(...ex.sentences);
    anchors.push(...ex.anchors);
    for (const w of ex.words) for (const id of wordFeatureIds(w)) words.add(id);
    result.unread += ex.unread;
  }
  result.sentences = sentences.length;
  if (sentences.length === 0)
    return done(
      'the corrected entities are in no sentence the tagger reads (or their articles are not indexed)',
    );
  const trained = retrainModel(
    base,
    { examples: sentences, anchors },
    {
      words,
      trainedOn: `the shipped weights, then ${result.corrections} corrections (${sentences.length} sentences in ${result.articles} articles)`,
    },
  );
  result.model = `${JSON.stringify(trained.model)}\n`;
  return done();
}
