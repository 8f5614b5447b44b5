// The entity tagger weights of each workspace folder: the folder's retrained model
// (`articleLens.entities.modelPath`, written by the client after "Retrain Entity Model from
// Corrections") when the file is there and readable, else the shipped weights. The server only reads it.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { loadModelText, releaseModels } from '../analysis/entities/tagger/loadedModels';
import { defaultSettings, type ArticleLensSettings } from '../protocol';
import { normalizeUri, pathToUri, uriToPath } from '../util/uri';

export interface FolderModel {
  folder: string;
  /** The model file of the folder (absolute path) and its URI. */
  file: string;
  uri: string;
  /** Id of the loaded weights (see loadedModels); absent when the shipped ones are used. */
  id?: string;
  /** Why the file was not used, when it exists but cannot be read. */
  problem?: string;
}

export interface EntityModelsHost {
  settings(uri: string): Promise<ArticleLensSettings>;
  log(message: string): void;
  /** Tells the user (once per distinct message). */
  warn(message: string): void;
}

export class WorkspaceEntityModels {
  private folders: FolderModel[] = [];

  constructor(private readonly host: EntityModelsHost) {}

  /** The folders whose models `load` reads; the deepest folder wins for nested ones. */
  setFolders(uris: readonly string[]): void {
    this.folders = [];
    for (const uri of uris) {
      const folder = uriToPath(normalizeUri(uri));
      if (folder !== undefined) this.folders.push({ folder, file: '', uri: '' });
    }
    this.folders.sort((a, b) => b.folder.length - a.folder.length);
  }

  /** Reads every folder's model; returns whether the weights in use changed. */
  async load(): Promise<boolean> {
    let changed = false;
    for (const f of this.folders) if (await this.loadOne(f)) changed = true;
    releaseModels(new Set(this.folders.flatMap((f) => (f.id ? [f.id] : []))));
    return changed;
  }

  private async loadOne(f: FolderModel): Promise<boolean> {
    const settings = await this.host.settings(pathToUri(f.folder));
    const rel = settings.entities.modelPath || defaultSettings.entities.modelPath;
    f.file = path.join(f.folder, ...rel.split('/'));
    f.uri = pathToUri(f.file);
    const was = f.id;
    f.id = undefined;
    f.problem = undefined;
    let text: string;
    try {
      text = await fsp.readFile(f.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') f.problem = (e as Error).message;
      return this.report(f, was);
    }
    try {
      f.id = loadModelText(text).id;
    } catch (e) {
      f.problem = e instanceof Error ? e.message : String(e);
    }
    return this.report(f, was);
  }

  private report(f: FolderModel, was: string | undefined): boolean {
    if (f.problem)
      this.host.warn(
        `Article Lens: the entity model ${f.file} cannot be used (${f.problem}); the shipped model is used.`,
      );
    if (f.id !== was) this.host.log(`entity tagger model for ${f.folder}: ${this.describeFolder(f)}`);
    return f.id !== was;
  }

  /** Whether a file event concerns a folder's model file. */
  isModelFile(uri: string): boolean {
    const u = normalizeUri(uri);
    return this.folders.some((f) => f.uri === u);
  }

  private folderOf(uri: string): FolderModel | undefined {
    const file = uriToPath(normalizeUri(uri));
    if (file === undefined) return undefined;
    return this.folders.find((f) => file === f.folder || file.startsWith(f.folder + path.sep));
  }

  /** Id of the weights an article is analysed with; `undefined` for the shipped ones. */
  idFor(uri: string): string | undefined {
    return this.folderOf(uri)?.id;
  }

  private describeFolder(f: FolderModel): string {
    return f.id ? `workspace model ${f.file}` : 'shipped';
  }

  /** The weights in use, for the status: "shipped", or the workspace models' files. */
  describe(): string {
    const own = this.folders.filter((f) => f.id).map((f) => f.file);
    return own.length === 0 ? 'shipped' : `workspace (${own.join(', ')})`;
  }
}
