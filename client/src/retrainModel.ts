// "Retrain Entity Model from Corrections": the server learns the folder's corrections and returns the
// model; this writes it into the folder (`articleLens.entities.modelPath`) with workspace.fs, under a
// progress notification, and offers to turn the tagger on when it is off (the model would go unused).
import * as vscode from 'vscode';
import type { RetrainEntityModelParams, RetrainEntityModelResult } from '../../server/src/protocol';
import { SECTION } from './config';

export interface RetrainHost {
  retrainEntityModel(params: RetrainEntityModelParams): Promise<RetrainEntityModelResult>;
}

export const TURN_ON = 'Turn On (candidates) and Retrain';
export const RETRAIN_ONLY = 'Retrain Only';

/** The folder to retrain: the only one, or the one picked. */
async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Retrain the entity model of' });
}

/** With the tagger off the model is not used: offers to turn it on. `false` when the user cancels. */
async function taggerReady(folder: vscode.WorkspaceFolder): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SECTION, folder.uri);
  if (config.get<string>('entities.tagger', 'off') !== 'off') return true;
  const choice = await vscode.window.showInformationMessage(
    'Article Lens: the entity tagger is off in this workspace, so a retrained model would not be used. Turn it on as a source of candidates?',
    { modal: true },
    TURN_ON,
    RETRAIN_ONLY,
  );
  if (choice === TURN_ON) {
    const target =
      (vscode.workspace.workspaceFolders?.length ?? 0) > 1
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : vscode.ConfigurationTarget.Workspace;
    await config.update('entities.tagger', 'candidates', target);
  }
  return choice !== undefined;
}

function summary(r: RetrainEntityModelResult): string {
  const unread = r.unread > 0 ? `; ${r.unread} corrected spans are in no sentence the tagger reads` : '';
  return `${r.corrections} corrections, ${r.sentences} sentences in ${r.articles} articles, ${(r.ms / 1000).toFixed(1)} s${unread}`;
}

export async function runRetrain(host: RetrainHost): Promise<void> {
  const folder = await pickFolder();
  if (!folder) {
    void vscode.window.showWarningMessage('Article Lens: open a folder to retrain its entity model.');
    return;
  }
  if (!(await taggerReady(folder))) return;
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Article Lens: retraining the entity model',
      cancellable: false,
    },
    async (progress) => {
      progress.report({ message: 'learning from the corrections' });
      const result = await host.retrainEntityModel({ folderUri: folder.uri.toString() });
      if (result.model === undefined) {
        void vscode.window.showWarningMessage(
          `Article Lens: no entity model was written: ${result.message ?? 'the server gave no model'}.`,
        );
        return;
      }
      const target = vscode.Uri.joinPath(folder.uri, ...result.path.split('/'));
      progress.report({ message: `writing ${result.path}` });
      try {
        await vscode.workspace.fs.writeFile(target, Buffer.from(result.model, 'utf8'));
      } catch (e) {
        void vscode.window.showErrorMessage(
          `Article Lens: the entity model could not be written to ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`,
        );
        return;
      }
      void vscode.window.showInformationMessage(
        `Article Lens: entity model retrained (${summary(result)}) and saved to ${vscode.workspace.asRelativePath(target)}; the workspace is analysed with it now.`,
      );
    },
  );
}
