// The tagger weights of a CLI run, as the server picks them: the file given with --entity-model, else the
// corpus folder's workspace model (`.article-lens/entity-model.json`) when present, else the shipped ones.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadModelText } from '../analysis/entities/tagger/loadedModels';
import { defaultSettings } from '../protocol';
import { UsageError } from './args';

/** The id of the loaded weights, or `undefined` for the shipped ones. A given file that cannot be used is a usage error. */
export function cliEntityModel(
  base: string,
  given: string | undefined,
  warn: (message: string) => void,
): string | undefined {
  const file = given ?? path.join(base, ...defaultSettings.entities.modelPath.split('/'));
  if (given === undefined && !existsSync(file)) return undefined;
  try {
    return loadModelText(readFileSync(file, 'utf8')).id;
  } catch (e) {
    const why = `the entity model ${file} cannot be used (${e instanceof Error ? e.message : String(e)})`;
    if (given !== undefined) throw new UsageError(why);
    warn(`${why}; the shipped model is used`);
    return undefined;
  }
}
