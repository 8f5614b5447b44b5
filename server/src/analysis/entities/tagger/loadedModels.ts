// Tagger models other than the shipped one (a workspace's retrained weights), by id. Analysis options
// name the model by its id, so they stay plain data that cache keys and fingerprints can list; the
// weights themselves are loaded once and looked up here.
import { createHash } from 'node:crypto';
import { parseModel, type TaggerModel } from './model';

const models = new Map<string, TaggerModel>();

/** The id of a model file's text: its digest, so the same weights always get the same id. */
export function modelId(fileText: string): string {
  return `sha256:${createHash('sha256').update(fileText).digest('base64url').slice(0, 22)}`;
}

/** Parses a model file's text (throwing on a bad one) and keeps it; returns its id. */
export function loadModelText(fileText: string): { id: string; model: TaggerModel } {
  const id = modelId(fileText);
  let model = models.get(id);
  if (!model) {
    model = parseModel(JSON.parse(fileText) as unknown);
    models.set(id, model);
  }
  return { id, model };
}

/** The model of an id given by `loadModelText`; throws for an id never loaded in this process. */
export function loadedModel(id: string): TaggerModel {
  const model = models.get(id);
  if (!model) throw new Error(`entity tagger model ${id} is not loaded`);
  return model;
}

/** Drops models no longer used (ids not in `keep`). */
export function releaseModels(keep: ReadonlySet<string>): void {
  for (const id of models.keys()) if (!keep.has(id)) models.delete(id);
}
