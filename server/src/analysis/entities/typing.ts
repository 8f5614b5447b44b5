// The rule engine's typing stage: each candidate run, its edges trimmed, is typed by the first rule that
// takes it, in this order: a lower-case tail, the gazetteer, a head word, a title before a name, a
// person's name with particles, each side of a connector, and last gazetteer pieces typed by shape and
// context. A rule that splits a run hands each side back through the `Typing` steps.
import type { ArticleView } from './articleView';
import type { Candidate } from './candidateRuns';
import type { DraftWriter } from './draftWriter';
import { typePieces } from './gazetteerPieces';
import { typeByHead } from './headWords';
import { gazetteer } from './lexicon';
import { LineShapes } from './lineShapes';
import { typeByLowerTail } from './lowerTails';
import { trimRun } from './runEdges';
import { typeTitledName } from './titledNames';
import type { Mode, Typing } from './typingSteps';

export class RunTypist implements Typing {
  readonly lines: LineShapes;

  constructor(
    readonly view: ArticleView,
    readonly out: DraftWriter,
  ) {
    this.lines = new LineShapes(view);
  }

  run(a0: number, b0: number): void {
    const edges = trimRun(this.view, a0, b0);
    if (!edges) return;
    const [a, b] = edges;
    const { view, out } = this;
    const first = view.u(a);
    const n = b - a + 1;
    const heading = first.titleLine;

    if (!heading && typeByLowerTail(view, out, a, b)) return;
    const g = gazetteer(view.phrase(a, b), first.allCaps);
    if (g && (!g.weak || n > 1 || view.properNoun(first)))
      return out.emit(a, b, g.type, 'gazetteer', g.canonical);
    // In a heading only short runs, bounded by lower-case words, can be trusted to their head word.
    if (heading && n <= 3 && this.byHead(a, b)) return;
    if (heading) return this.pieces(a, b, 'heading');
    if (this.byHead(a, b)) return;
    if (typeTitledName(this, a, b)) return;
    if (view.particleName(a, b)) {
      const last = view.u(b);
      return out.emitPerson(a, b, view.speechContext(first, last) || view.roleBefore(first));
    }
    let connector = false;
    for (let k = a; k <= b; k++) if (view.isConnector(k)) connector = true;
    if (!connector) return this.pieces(a, b, 'full');
    // "the Korean Peninsula and Japan": each side of the connector on its own, without shape guesses.
    let s0 = a;
    for (let k = a; k <= b + 1; k++) {
      if (k <= b && !view.isConnector(k)) continue;
      if (s0 <= k - 1 && !this.byHead(s0, k - 1)) this.pieces(s0, k - 1, 'noGuess');
      s0 = k + 1;
    }
  }

  pieces(a: number, b: number, mode: Mode): void {
    typePieces(this, a, b, mode);
  }

  byHead(a: number, b: number): boolean {
    return typeByHead(this, a, b);
  }
}

/** Types the candidate runs in order, writing their drafts. */
export function typeCandidates(view: ArticleView, out: DraftWriter, candidates: readonly Candidate[]): void {
  const typist = new RunTypist(view, out);
  for (const c of candidates) {
    if (c.numberEnd === undefined) {
      typist.run(c.first, c.last);
      continue;
    }
    // "Group of 20": the number closes the name.
    const start = view.u(c.first).start;
    out.emitSpan(start, c.numberEnd, 'ORG', 'pattern', view.text.slice(start, c.numberEnd));
    out.claim(c.first, c.last);
  }
}
