// Wiring of the workspace entity models into the language server: the folders' model files are read
// before indexing and followed through file events and settings changes (a new model re-indexes the
// workspace, as analyses are keyed by the weights in use), and the retrain request is answered.
import type { Connection, FileEvent } from 'vscode-languageserver';
import type { FeatureContext } from './features/context';
import { retrainFromCorrections } from './features/retrainEntityModel';
import {
  RetrainEntityModelRequest,
  type RetrainEntityModelParams,
  type RetrainEntityModelResult,
} from './protocol';
import type { HandlerGuard } from './util/handler';
import type { CurationStore } from './workspace/curationStore';
import type { WorkspaceEntityModels } from './workspace/entityModels';

export interface EntityModelDeps {
  connection: Connection;
  models: WorkspaceEntityModels;
  store: CurationStore;
  ctx: FeatureContext;
  guard: HandlerGuard;
  /** Forgets every analysis and indexes the workspace again. */
  reindex(): Promise<void>;
}

export interface EntityModelServer {
  /** File events: a changed model file re-indexes with the weights it holds. */
  onFileEvents(events: readonly FileEvent[]): Promise<void>;
  /** Settings changed: the model path or the tagger's mode may have. */
  onSettingsChanged(): Promise<void>;
}

const FAILED: RetrainEntityModelResult = {
  folderUri: '',
  path: '',
  corrections: 0,
  articles: 0,
  sentences: 0,
  unread: 0,
  ms: 0,
  message: 'retraining failed on the server (the Article Lens log says why)',
};

export function createEntityModelServer(deps: EntityModelDeps): EntityModelServer {
  const { connection, models, store, ctx, guard } = deps;
  connection.onRequest(
    RetrainEntityModelRequest.method,
    guard.request<[RetrainEntityModelParams], RetrainEntityModelResult>(
      'retrainEntityModel',
      FAILED,
      (params) => retrainFromCorrections(ctx, store, params ?? {}),
    ),
  );
  const reloadModels = async (): Promise<void> => {
    if (await models.load()) await deps.reindex();
  };
  return {
    async onFileEvents(events) {
      if (events.some((e) => models.isModelFile(e.uri))) await reloadModels();
    },
    onSettingsChanged: reloadModels,
  };
}
