// Curators' corrections as the server holds them: one sidecar per workspace folder, read from its open
// buffer or from disk (the server never writes it: edits go to the client as WorkspaceEdits), applied to
// the corpus index through the curation stage, and re-applied to the articles a sidecar change touches.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { CorrectionIndex } from '../analysis/curation/correctionIndex';
import { renameFile } from '../analysis/curation/rename';
import {
  parseSidecar,
  serializeSidecar,
  withoutCorrection,
  type SidecarProblem,
} from '../analysis/curation/sidecar';
import { Curation, type Placement } from '../analysis/curation/stage';
import type { Correction } from '../analysis/curation/types';
import type { ArticleIndex, IndexedArticle } from '../analysis/corpus/corpusIndex';
import { defaultSettings, type ArticleLensSettings } from '../protocol';
import { normalizeUri, pathToUri, uriToPath } from '../util/uri';
import { sidecarEdit } from './sidecarEdit';
import type { WorkspaceEdit } from 'vscode-languageserver';

export interface Sidecar {
  folder: string;
  uri: string;
  /** The text the corrections were read from. */
  text: string;
  exists: boolean;
  corrections: Correction[];
  index: CorrectionIndex;
  problems: SidecarProblem[];
}

export interface CurationStoreHost {
  index: ArticleIndex;
  /** Text of an open buffer, if the URI is open. */
  openText(uri: string): string | undefined;
  settings(uri: string): ArticleLensSettings;
  /** The lost corrections of an article changed (its sidecar's report is out of date). */
  onLostChange(): void;
}

const EMPTY = new CorrectionIndex([]);

export class CurationStore {
  readonly stage: Curation;
  private sidecars: Sidecar[] = [];
  /** Corrections from the team database, applied in every folder along with its sidecar's. */
  private team: Correction[] = [];

  constructor(private readonly host: CurationStoreHost) {
    this.stage = new Curation(
      (uri) => this.place(uri),
      () => host.onLostChange(),
    );
    host.index.setCuration(this.stage);
  }

  /** One sidecar per folder; their corrections are read by `loadAll`. */
  setFolders(folderUris: readonly string[]): void {
    const old = new Map(this.sidecars.map((s) => [s.folder, s]));
    this.sidecars = [];
    for (const uri of folderUris) {
      const folder = uriToPath(normalizeUri(uri));
      if (folder === undefined) continue;
      const rel =
        this.host.settings(pathToUri(folder)).curation.annotationsPath ||
        defaultSettings.curation.annotationsPath;
      const sidecarUri = pathToUri(path.join(folder, rel));
      const known = old.get(folder);
      this.sidecars.push(
        known?.uri === sidecarUri
          ? known
          : { folder, uri: sidecarUri, text: '', exists: false, corrections: [], index: EMPTY, problems: [] },
      );
    }
    // The deepest folder wins for a file inside nested folders.
    this.sidecars.sort((a, b) => b.folder.length - a.folder.length);
  }

  get all(): readonly Sidecar[] {
    return this.sidecars;
  }

  isSidecar(uri: string): boolean {
    return this.sidecars.some((s) => s.uri === uri);
  }

  byUri(uri: string): Sidecar | undefined {
    return this.sidecars.find((s) => s.uri === uri);
  }

  sidecarOf(articleUri: string): Sidecar | undefined {
    const file = uriToPath(articleUri);
    return file === undefined ? undefined : this.sidecars.find((s) => inside(s.folder, file));
  }

  /** Where an article's corrections live and the path they call it by. */
  place(uri: string): Placement | undefined {
    const file = uriToPath(uri);
    if (file === undefined) return undefined;
    const s = this.sidecars.find((x) => inside(x.folder, file));
    return s && { corrections: s.index, file: path.relative(s.folder, file).split(path.sep).join('/') };
  }

  /** The article URI a sidecar path names. */
  uriOf(sidecar: Sidecar, file: string): string {
    return pathToUri(path.join(sidecar.folder, ...file.split('/')));
  }

  /** Reads every sidecar (buffer over disk); returns the articles whose findings changed. */
  async loadAll(): Promise<Set<string>> {
    const affected = new Set<string>();
    for (const s of this.sidecars) for (const u of await this.reload(s.uri)) affected.add(u);
    return affected;
  }

  /** Re-reads one sidecar from its open buffer, else from disk. */
  async reload(uri: string): Promise<Set<string>> {
    const s = this.sidecars.find((x) => x.uri === uri);
    if (!s) return new Set();
    const open = this.host.openText(uri);
    if (open !== undefined) return this.setText(s, open, true);
    try {
      return this.setText(s, await fsp.readFile(uriToPath(uri) ?? '', 'utf8'), true);
    } catch {
      return this.setText(s, '', false);
    }
  }

  /** New sidecar content: corrections re-parsed, and re-applied where they may change findings. */
  setText(s: Sidecar, text: string, exists: boolean): Set<string> {
    s.exists = exists;
    if (text === s.text) return new Set();
    const parsed = parseSidecar(text);
    const changed = changedBetween(s.corrections, parsed.corrections);
    Object.assign(s, { text, corrections: parsed.corrections, problems: parsed.problems });
    s.index = this.indexOf(parsed.corrections);
    const affected = this.touched(s, changed);
    this.host.index.recurate(affected);
    return affected;
  }

  /** New team corrections: re-applied where they may change findings; returns those articles. */
  setTeam(corrections: readonly Correction[]): Set<string> {
    const changed = changedBetween(this.team, corrections);
    this.team = [...corrections];
    const affected = new Set<string>();
    if (changed.length === 0) return affected;
    for (const s of this.sidecars) {
      s.index = this.indexOf(s.corrections);
      for (const uri of this.touched(s, changed)) affected.add(uri);
    }
    this.host.index.recurate(affected);
    return affected;
  }

  /** A folder's corrections: its sidecar's, then the team's (the sidecar's entry wins on the same id). */
  private indexOf(own: readonly Correction[]): CorrectionIndex {
    if (this.team.length === 0) return new CorrectionIndex([...own]);
    const ids = new Set(own.map((c) => c.id));
    return new CorrectionIndex([...own, ...this.team.filter((c) => !ids.has(c.id))]);
  }

  /** Articles a set of changed corrections may apply to. */
  private touched(s: Sidecar, changed: readonly Correction[]): Set<string> {
    const out = new Set<string>();
    const corpus = changed.filter((c) => c.scope === 'corpus' && c.kind !== 'notRelated');
    for (const c of changed) {
      if (c.scope === 'corpus' && c.kind !== 'notRelated') continue;
      out.add(this.uriOf(s, c.file));
      if (c.kind === 'notRelated') out.add(this.uriOf(s, c.other));
    }
    if (corpus.length > 0) {
      for (const uri of this.host.index.uris()) {
        const article = this.host.index.get(uri);
        if (article && this.place(uri)?.corrections === s.index && corpus.some((c) => mayApply(c, article)))
          out.add(uri);
      }
    }
    return out;
  }

  /** The edit that adds a correction to the sidecar of its article, or why it cannot be made. */
  addEdit(sidecar: Sidecar, correction: Correction): WorkspaceEdit {
    const next = serializeSidecar([...sidecar.corrections, correction]);
    return sidecarEdit(sidecar.uri, sidecar.exists, sidecar.text, next);
  }

  /** The edit that removes correction `id` from a sidecar, and the correction it removes; or why not. */
  removeEdit(sidecar: Sidecar, id: string): { edit: WorkspaceEdit; correction: Correction } | string {
    const correction = sidecar.corrections.find((c) => c.id === id);
    const next = correction && withoutCorrection(sidecar.text, id);
    if (!correction || next === undefined) return `the sidecar holds no correction ${id} (removed already?)`;
    return { edit: sidecarEdit(sidecar.uri, sidecar.exists, sidecar.text, next), correction };
  }

  /** The sidecar edits that move corrections along with renamed files or folders (`workspace/willRenameFiles`). */
  renameEdit(files: readonly { oldUri: string; newUri: string }[]): WorkspaceEdit | null {
    const changes: NonNullable<WorkspaceEdit['changes']> = {};
    for (const s of this.sidecars) {
      if (!s.exists) continue;
      let list = s.corrections;
      let changed = false;
      for (const f of files) {
        const from = uriToPath(normalizeUri(f.oldUri));
        const to = uriToPath(normalizeUri(f.newUri));
        if (from === undefined || to === undefined || !inside(s.folder, from) || !inside(s.folder, to))
          continue;
        const rel = (p: string): string => path.relative(s.folder, p).split(path.sep).join('/');
        const moved = renameFile(list, rel(from), rel(to));
        list = moved.corrections;
        changed ||= moved.changed;
      }
      if (!changed) continue;
      const edit = sidecarEdit(s.uri, true, s.text, serializeSidecar(list));
      Object.assign(changes, edit.changes);
    }
    return Object.keys(changes).length > 0 ? { changes } : null;
  }
}

/** Corrections added, removed or changed between two lists (both sides of a change, by id). */
function changedBetween(before: readonly Correction[], after: readonly Correction[]): Correction[] {
  const was = new Map(before.map((c) => [c.id, JSON.stringify(c)]));
  const is = new Map(after.map((c) => [c.id, JSON.stringify(c)]));
  return [
    ...before.filter((c) => is.get(c.id) !== was.get(c.id)),
    ...after.filter((c) => was.get(c.id) !== is.get(c.id)),
  ];
}

function inside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Whether a corpus rule may change an article's findings (cheap checks on its text and raw findings). */
function mayApply(c: Correction, article: IndexedArticle): boolean {
  if (c.kind === 'rename')
    return [...article.raw.entities, ...article.local.entities].some((m) => m.canonical === c.from);
  if (c.kind === 'changeSpeaker' && c.from !== undefined)
    return [...article.raw.quotes, ...article.local.quotes].some((q) => q.speaker?.name === c.from);
  return article.snapshot.text.includes(c.anchor.text);
}
