// The closed files a correction may apply to, with their corrected entities. The team database stores
// the model's findings; the local index applies the corrections (the sidecars' and the team's) to what it
// holds, so for the files the database answers for, the same corrections are applied here to their
// stored analyses: the files named by mention- and article-scope corrections, and the files the database
// finds that corpus-wide rules are keyed by (a canonical name, a written form, a quotation, a speaker).
// Rules that add or un-mark text anywhere (add an entity or a quote, not boilerplate) are looked for in
// the texts on disk. Recomputed when the corrections change.
import * as path from 'node:path';
import { finalLocal } from '../analysis/corpus/cachedAnalysis';
import { decodeEntry } from '../analysis/corpus/entryCodec';
import type { CorrectionIndex } from '../analysis/curation/correctionIndex';
import type { CurationStage } from '../analysis/curation/stage';
import type { EntityMention } from '../analysis/types';
import type { CorpusQueries, CorrectionKeys } from '../storage/postgres/corpusQueries';
import { pathToUri } from '../util/uri';
import type { Coverage } from './coverage';

/** A workspace folder and its corrections (its sidecar's, then the team's). */
export interface CorrectionSource {
  folder: string;
  index: CorrectionIndex;
}

export interface CorrectedFilesHost {
  /** The corrections in force now; a new index object whenever they change. */
  sources(): readonly CorrectionSource[];
  /** The stage the local index applies them with. */
  stage(): CurationStage | undefined;
  /** A covered file's text on disk (the text its stored analysis was made on). */
  readText(uri: string): Promise<string | undefined>;
}

/** A closed file's entities as the database stores them and with the corrections applied. */
export interface CorrectedFile {
  model: readonly EntityMention[];
  curated: readonly EntityMention[];
}

export class CorrectedFiles {
  private seen: readonly CorrectionIndex[] = [];
  private computing: Promise<ReadonlyMap<string, CorrectedFile>> = Promise.resolve(new Map());
  /** Bumped whenever the corrections change, so answers computed with older ones are not reused. */
  generation = 0;

  constructor(
    private readonly db: CorpusQueries,
    private readonly coverage: Coverage,
    private readonly host: CorrectedFilesHost,
  ) {}

  /** Whether the corrections changed since the last look (then `generation` moves on). */
  sync(): void {
    const indexes = this.host.sources().map((s) => s.index);
    if (indexes.length === this.seen.length && indexes.every((x, i) => x === this.seen[i])) return;
    this.seen = indexes;
    this.generation++;
    this.computing = this.compute();
  }

  /** Whether any correction is in force (without any, the stored findings stand as they are). */
  get active(): boolean {
    return this.host.sources().some((s) => s.index.all.length > 0);
  }

  /** Forgets what was computed (the database was read again). */
  reset(): void {
    this.seen = [];
    this.computing = Promise.resolve(new Map());
  }

  /** Covered files some correction may apply to → their entities, stored and corrected. */
  async current(): Promise<ReadonlyMap<string, CorrectedFile>> {
    this.sync();
    return this.computing;
  }

  private async compute(): Promise<Map<string, CorrectedFile>> {
    const out = new Map<string, CorrectedFile>();
    const stage = this.host.stage();
    if (!stage || !this.active) return out;
    const uris = new Set<string>();
    const keys = { canonicals: [], written: [], quoted: [], speakers: [] } as {
      [K in keyof CorrectionKeys]: string[];
    };
    const searched: string[] = [];
    for (const { folder, index } of this.host.sources()) {
      const uriOf = (file: string): string => pathToUri(path.join(folder, ...file.split('/')));
      for (const c of index.all) {
        if (c.kind === 'notRelated') {
          uris.add(uriOf(c.file)).add(uriOf(c.other));
        } else if (c.scope !== 'corpus') uris.add(uriOf(c.file));
        else if (c.kind === 'rename') keys.canonicals.push(c.from);
        else if (c.kind === 'changeSpeaker' && c.from !== undefined) keys.speakers.push(c.from);
        else if (c.kind === 'addEntity' || c.kind === 'addQuote' || c.kind === 'notBoilerplate')
          searched.push(c.anchor.text);
        else {
          keys.written.push(c.anchor.text);
          keys.quoted.push(c.anchor.text);
        }
      }
    }
    for (const p of await this.db.articlesMatching(keys)) {
      const uri = this.coverage.uriOf(p);
      if (uri !== undefined) uris.add(uri);
    }
    if (searched.length > 0)
      for (const uri of this.coverage.coveredUris()) {
        const text = uris.has(uri) ? undefined : await this.host.readText(uri);
        if (text !== undefined && searched.some((s) => text.includes(s))) uris.add(uri);
      }
    const covered = [...uris].filter((u) => this.coverage.has(u));
    const digests = covered.map((u) => this.coverage.digestOf(u) ?? '');
    const entries = await this.db.storedEntries([...new Set(digests)]);
    for (let i = 0; i < covered.length; i++) {
      const entry = decodeEntry(entries.get(digests[i]));
      const text = entry && (await this.host.readText(covered[i]));
      if (!entry || text === undefined) continue;
      const model = finalLocal(entry);
      out.set(covered[i], { model: model.entities, curated: stage.local(covered[i], text, model).entities });
    }
    return out;
  }
}
