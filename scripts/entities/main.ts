// Command line of scripts/train-entities.mjs.
import { readFileSync } from 'node:fs';
import { parseModel } from '../../server/src/analysis/entities/tagger/model';
import { errorClasses } from './errors';
import { evaluateModes, train } from './train';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? (args[k + 1] ?? dflt) : dflt;
};
const data = opt('data', '../shared/train/conll2003');
const out = opt('out', 'server/src/analysis/entities/tagger/model/entities.json');
if (args.includes('--errors')) {
  // Error classes of every mode against what the tagger alone read (counts only).
  errorClasses(`${data}/eng.testa`, parseModel(JSON.parse(readFileSync(out, 'utf8'))));
  process.exit(0);
}
if (args.includes('--eval-only')) {
  // The committed (or given) model, without training: the rules, the tagger and their combinations.
  evaluateModes(`${data}/eng.testa`, JSON.parse(readFileSync(out, 'utf8')));
  process.exit(0);
}
const { model } = train({
  train: `${data}/eng.train`,
  dev: `${data}/eng.testa`,
  out,
  epochs: Number(opt('epochs', '12')),
  rules: !args.includes('--no-rules'),
  prune: Number(opt('prune', '0.05')),
  seed: Number(opt('seed', '1')),
});
evaluateModes(`${data}/eng.testa`, model);
