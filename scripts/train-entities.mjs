#!/usr/bin/env node
// Trains the entity tagger and writes server/src/analysis/entities/tagger/model/entities.json.
//   node scripts/train-entities.mjs [--data ../shared/train/conll2003] [--epochs 12] [--no-rules] [--out FILE]
//   node scripts/train-entities.mjs --eval-only   (scores the committed model, the rules and their combinations)
//   node scripts/train-entities.mjs --errors      (error classes of each mode on the development split, counts)
// The data is CoNLL-2003 English (eng.train to train, eng.testa to tune); it is read, never copied.
// Deterministic: the same data and options give the same file. Runs scripts/entities/main.ts under tsx.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./entities/main.ts', import.meta.url));
const r = spawnSync(process.execPath, ['--import', 'tsx', main, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
