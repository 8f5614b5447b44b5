// The model shipped with the extension, parsed on first use and kept for the process.
import { performance } from 'node:perf_hooks';
import file from './model/entities.json';
import { type TaggerModel, parseModel } from './model';

let shipped: TaggerModel | undefined;
let loadMs = 0;

export function shippedModel(): TaggerModel {
  if (!shipped) {
    const t0 = performance.now();
    shipped = parseModel(file);
    loadMs = performance.now() - t0;
  }
  return shipped;
}

/** Milliseconds the shipped model took to parse (0 until first use). */
export function shippedModelLoadMs(): number {
  return loadMs;
}
