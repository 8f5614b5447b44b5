// Settings on the server: pulls `articleLens` from the client per resource, caches it per URI, sanitises
// every value (a bad value falls back to its default and is logged once), and maps it to AnalysisOptions.
import type { AnalysisOptions } from './analysis/types';
import {
  ENTITY_TAGGER_SETTINGS,
  defaultSettings,
  type ArticleLensSettings,
  type EntityTaggerSetting,
  type SeverityName,
} from './protocol';
import type { Logger } from './util/logger';
import { HARD_MAX_FILE_SIZE_KB } from './workspace/articleText';
import { globProblem } from './workspace/includeGlobs';
import { MAX_JOBS } from './workspace/indexWorkers/jobs';

/** A relative path inside a folder (no leading `/`, no `..` segment, no `\\` or `:`). */
const RELATIVE_PATH_RE = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\\:]+$/;

const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint', 'off'];

type Path = string;

/** Sections of the client's own under `articleLens` (`trace.server`, `corpus.database`): not unknown to the server. */
const CLIENT_SECTIONS = new Set(['trace', 'corpus']);

/** Keys under `articleLens` that no setting has: typos, or settings of another version. */
function unknownKeys(root: Record<string, unknown>): string[] {
  const out: string[] = [];
  const known = defaultSettings as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(root)) {
    if (CLIENT_SECTIONS.has(key)) continue;
    if (!(key in known)) {
      out.push(`${key}: unknown setting`);
      continue;
    }
    const def = known[key];
    if (isRecord(def) && isRecord(value))
      for (const sub of Object.keys(value)) if (!(sub in def)) out.push(`${key}.${sub}: unknown setting`);
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns whatever the client sent into complete settings. Missing values take their defaults silently;
 * present but invalid ones take their defaults and are listed in `ignored` (dotted path and reason).
 */
export function sanitize(raw: unknown, ignored: string[] = []): ArticleLensSettings {
  const root = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) ignored.push(`articleLens: not an object`);
  const section = (name: string): Record<string, unknown> => {
    const v = root[name];
    if (v === undefined || v === null) return {};
    if (isRecord(v)) return v;
    ignored.push(`${name}: not an object`);
    return {};
  };
  const num = (
    obj: Record<string, unknown>,
    path: Path,
    key: string,
    def: number,
    min: number,
    max: number,
  ) => {
    const v = obj[key];
    if (v === undefined || v === null) return def;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      ignored.push(`${path}: ${JSON.stringify(v)} is not a number in [${min}, ${max}]`);
      return def;
    }
    return v;
  };
  const int = (
    obj: Record<string, unknown>,
    path: Path,
    key: string,
    def: number,
    min: number,
    max: number,
  ) => {
    const v = num(obj, path, key, def, min, max);
    if (Number.isInteger(v)) return v;
    ignored.push(`${path}: ${v} is not an integer`);
    return def;
  };
  const bool = (obj: Record<string, unknown>, path: Path, key: string, def: boolean) => {
    const v = obj[key];
    if (v === undefined || v === null) return def;
    if (typeof v === 'boolean') return v;
    ignored.push(`${path}: ${JSON.stringify(v)} is not true or false`);
    return def;
  };
  const severity = (
    obj: Record<string, unknown>,
    key: keyof ArticleLensSettings['severity'],
  ): SeverityName => {
    const v = obj[key];
    const def = defaultSettings.severity[key];
    if (v === undefined || v === null) return def;
    if (typeof v === 'string' && (SEVERITY_NAMES as readonly string[]).includes(v)) return v as SeverityName;
    ignored.push(`severity.${key}: ${JSON.stringify(v)} is not one of ${SEVERITY_NAMES.join(', ')}`);
    return def;
  };

  let include = defaultSettings.include;
  if (root.include !== undefined && root.include !== null) {
    if (Array.isArray(root.include)) {
      const globs: string[] = [];
      for (const g of root.include as unknown[]) {
        const problem = typeof g === 'string' ? globProblem(g) : 'not a string';
        if (problem) ignored.push(`include: ${JSON.stringify(g) ?? String(g)}: ${problem}`);
        else globs.push(g as string);
      }
      // A list with no usable pattern would index nothing: the defaults are what the user gets instead.
      if (globs.length > 0 || root.include.length === 0) include = globs;
      else ignored.push(`include: no usable pattern, using ${JSON.stringify(defaultSettings.include)}`);
    } else ignored.push('include: not a list of globs');
  }
  ignored.push(...unknownKeys(root));
  const sev = section('severity');
  const dup = section('duplicates');
  const rel = section('related');
  const diag = section('diagnostics');
  const cur = section('curation');
  const ent = section('entities');
  const idx = section('index');
  let tagger: EntityTaggerSetting = defaultSettings.entities.tagger;
  if (ent.tagger !== undefined && ent.tagger !== null) {
    if (typeof ent.tagger === 'string' && (ENTITY_TAGGER_SETTINGS as readonly string[]).includes(ent.tagger))
      tagger = ent.tagger as EntityTaggerSetting;
    else
      ignored.push(
        `entities.tagger: ${JSON.stringify(ent.tagger)} is not one of ${ENTITY_TAGGER_SETTINGS.join(', ')}`,
      );
  }
  const d = defaultSettings;
  const text = (
    obj: Record<string, unknown>,
    path: Path,
    key: string,
    def: string,
    ok: (v: string) => boolean,
  ) => {
    const v = obj[key];
    if (v === undefined || v === null) return def;
    if (typeof v === 'string' && ok(v)) return v;
    ignored.push(`${path}: ${JSON.stringify(v)} is not usable`);
    return def;
  };
  return {
    include,
    // The hard ceiling keeps one article's analysis within seconds; past the limit a prefix is analysed.
    maxFileSizeKB: num(root, 'maxFileSizeKB', 'maxFileSizeKB', d.maxFileSizeKB, 1, HARD_MAX_FILE_SIZE_KB),
    severity: {
      entity: severity(sev, 'entity'),
      quote: severity(sev, 'quote'),
      quoteUnbalanced: severity(sev, 'quoteUnbalanced'),
      repeat: severity(sev, 'repeat'),
      shared: severity(sev, 'shared'),
      boilerplate: severity(sev, 'boilerplate'),
    },
    duplicates: {
      minRepeatWords: int(
        dup,
        'duplicates.minRepeatWords',
        'minRepeatWords',
        d.duplicates.minRepeatWords,
        2,
        1000,
      ),
      minSharedWords: int(
        dup,
        'duplicates.minSharedWords',
        'minSharedWords',
        d.duplicates.minSharedWords,
        2,
        1000,
      ),
      boilerplateMinFiles: int(
        dup,
        'duplicates.boilerplateMinFiles',
        'boilerplateMinFiles',
        d.duplicates.boilerplateMinFiles,
        2,
        1_000_000,
      ),
    },
    related: {
      threshold: num(rel, 'related.threshold', 'threshold', d.related.threshold, 0, 1),
      limit: int(rel, 'related.limit', 'limit', d.related.limit, 1, 1000),
      byStory: bool(rel, 'related.byStory', 'byStory', d.related.byStory),
    },
    diagnostics: {
      maxNumberOfProblems: int(
        diag,
        'diagnostics.maxNumberOfProblems',
        'maxNumberOfProblems',
        d.diagnostics.maxNumberOfProblems,
        0,
        1_000_000,
      ),
    },
    curation: {
      // A relative path inside the folder: the sidecar is shared with the folder's files, never outside it.
      annotationsPath: text(
        cur,
        'curation.annotationsPath',
        'annotationsPath',
        d.curation.annotationsPath,
        (v) => RELATIVE_PATH_RE.test(v.trim()),
      ).trim(),
      author: text(cur, 'curation.author', 'author', d.curation.author, () => true),
    },
    entities: {
      tagger,
      modelPath: text(ent, 'entities.modelPath', 'modelPath', d.entities.modelPath, (v) =>
        RELATIVE_PATH_RE.test(v.trim()),
      ).trim(),
    },
    index: { jobs: int(idx, 'index.jobs', 'jobs', d.index.jobs, 0, MAX_JOBS) },
  };
}

/**
 * The analysis options of a resource's settings; `entityModel` is the id of the workspace's tagger model
 * when one is loaded (it only counts while the tagger is on).
 */
export function toAnalysisOptions(settings: ArticleLensSettings, entityModel?: string): AnalysisOptions {
  return {
    minRepeatWords: settings.duplicates.minRepeatWords,
    minSharedWords: settings.duplicates.minSharedWords,
    boilerplateMinFiles: settings.duplicates.boilerplateMinFiles,
    relatedThreshold: settings.related.threshold,
    relatedLimit: settings.related.limit,
    // Only when on, so that the corpus fingerprint (which lists every option) is unchanged by default.
    ...(settings.entities.tagger !== 'off' ? { entityTagger: settings.entities.tagger } : {}),
    ...(settings.entities.tagger !== 'off' && entityModel !== undefined ? { entityModel } : {}),
    ...(settings.related.byStory ? {} : { relatedWholePages: true }),
  };
}

/** Asks the client for the `articleLens` section of one resource (`undefined` scope: the global value). */
export type ConfigurationFetch = (scopeUri: string | undefined) => Promise<unknown>;

/**
 * Per-resource settings cache. Without client support for `workspace/configuration`, every resource gets
 * the sanitised `initializationOptions` (or the defaults).
 */
export class SettingsStore {
  private readonly pending = new Map<string, Promise<ArticleLensSettings>>();
  private readonly resolved = new Map<string, ArticleLensSettings>();
  private readonly reported = new Set<string>();
  private fallback: ArticleLensSettings;

  constructor(
    private readonly fetch: ConfigurationFetch | undefined,
    initial: unknown,
    private readonly logger: Logger,
    /** Tells the user, once per distinct problem, that settings were ignored. */
    private readonly notify: (message: string) => void = () => undefined,
  ) {
    this.fallback = this.clean(initial, 'initializationOptions');
  }

  /** Settings of a resource; concurrent callers share one request. */
  get(uri: string): Promise<ArticleLensSettings> {
    const known = this.pending.get(uri);
    if (known) return known;
    const p = this.load(uri);
    this.pending.set(uri, p);
    return p;
  }

  /**
   * The settings already fetched for `uri`, else those of the innermost fetched folder holding it (files
   * indexed but never opened were read with their folder's settings), else the fallback: for handlers that
   * must answer synchronously.
   */
  peek(uri: string): ArticleLensSettings {
    const own = this.resolved.get(uri);
    if (own) return own;
    let folder: { key: string; settings: ArticleLensSettings } | undefined;
    for (const [key, settings] of this.resolved) {
      const prefix = key.endsWith('/') ? key : `${key}/`;
      if (uri.startsWith(prefix) && (!folder || key.length > folder.key.length)) folder = { key, settings };
    }
    return folder?.settings ?? this.fallback;
  }

  /** Drops every cached value (on `didChangeConfiguration`); `settings` is the pushed value, if any. */
  clear(settings?: unknown): void {
    this.pending.clear();
    this.resolved.clear();
    this.reported.clear();
    if (!this.fetch && settings !== undefined) this.fallback = this.clean(settings, 'didChangeConfiguration');
  }

  /** Forgets one resource (on close). */
  delete(uri: string): void {
    this.pending.delete(uri);
    this.resolved.delete(uri);
  }

  private async load(uri: string): Promise<ArticleLensSettings> {
    let settings = this.fallback;
    if (this.fetch) {
      try {
        settings = this.clean(await this.fetch(uri), uri);
      } catch (e) {
        this.logger.log('warn', 'workspace/configuration failed; using defaults', { uri, error: String(e) });
      }
    }
    // A clear() while the request was in flight makes this value stale: do not cache it.
    if (this.pending.has(uri)) this.resolved.set(uri, settings);
    return settings;
  }

  private clean(raw: unknown, scope: string): ArticleLensSettings {
    const ignored: string[] = [];
    const settings = sanitize(raw, ignored);
    const key = ignored.join('\n');
    if (ignored.length > 0 && !this.reported.has(key)) {
      this.reported.add(key);
      this.logger.log('warn', `ignored invalid settings, using defaults for: ${ignored.join('; ')}`, {
        scope,
      });
      this.notify(`Article Lens ignored settings it cannot use: ${ignored.join('; ')}`);
    }
    return settings;
  }
}
