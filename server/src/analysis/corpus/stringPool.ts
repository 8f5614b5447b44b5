// One copy of each recurring short string of the recorded findings. A recogniser slices every mention's text
// out of its article, so "Monday" in 20,000 files is 20,000 strings; the corpus index keeps one instead.
import type { TableStep } from '../entities/aliases';
import type { LocalAnalysis } from '../types';
import { packedRecord } from '../entities/packedMentions';

/** Strings at least this long are rarely repeated word for word, and are left as they are. */
const MAX_POOLED = 64;

export class StringPool {
  private readonly strings = new Map<string, string>();

  /** An equal string: the first one seen. */
  intern<S extends string>(s: S): S {
    if (s.length > MAX_POOLED) return s;
    const known = this.strings.get(s);
    if (known !== undefined) return known as S;
    // A flat copy, so the pool never keeps a slice that pins the article it was cut from.
    const own = s.length >= 13 ? [...s].join('') : s;
    this.strings.set(own, own);
    return own as S;
  }

  get size(): number {
    return this.strings.size;
  }

  /**
   * Replaces the texts of the analysis's mentions and speakers by their pooled copies, in place: equal
   * values, so whoever reads the analysis sees the same findings.
   */
  internFindings(local: LocalAnalysis): void {
    // A packed list's texts are pooled by its string table already.
    if (!packedRecord(local.entities))
      for (const m of local.entities) {
        m.text = this.intern(m.text);
        m.canonical = this.intern(m.canonical);
        // Findings decoded from a cache entry or sent by a worker thread carry their own copy of each tag.
        m.type = this.intern(m.type);
        m.source = this.intern(m.source);
      }
    for (const q of local.quotes) {
      q.kind = this.intern(q.kind);
      const speaker = q.speaker;
      if (!speaker) continue;
      speaker.name = this.intern(speaker.name);
      if (speaker.attribution !== undefined) speaker.attribution = this.intern(speaker.attribution);
      if (speaker.chain) speaker.chain = speaker.chain.map((s) => this.intern(s));
    }
  }

  /** Replaces the words and answers of recorded hint questions by their pooled copies, in place. */
  internSteps(steps: readonly TableStep[]): void {
    for (const step of steps) {
      step.arg = this.intern(step.arg);
      step.answer = this.intern(step.answer);
    }
  }
}
