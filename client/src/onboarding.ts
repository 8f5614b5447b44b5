// Onboarding: a folder of .txt files that VS Code opens as plain text gets one offer to treat them as
// articles (language `article`: highlighting, the article defaults). Asked once per workspace.
import * as vscode from 'vscode';
import { associatesTxt } from './txtAssociation';

const ASKED_KEY = 'articleLens.onboarding.txtAsked';
export const TXT_PROMPT = 'Article Lens: Treat these .txt files as articles?';
const YES = 'Treat as Articles';

function alreadyAssociated(): boolean {
  return associatesTxt(
    vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('associations'),
  );
}

export async function offerTxtAssociation(state: vscode.Memento): Promise<void> {
  if (state.get<boolean>(ASKED_KEY) || !vscode.workspace.workspaceFolders?.length) return;
  if (alreadyAssociated()) return;
  const found = await vscode.workspace.findFiles('**/*.txt', '**/node_modules/**', 1);
  if (found.length === 0) return;
  // Remembered before the answer: dismissing the notification is an answer too.
  await state.update(ASKED_KEY, true);
  const choice = await vscode.window.showInformationMessage(TXT_PROMPT, YES, 'Not Now');
  if (choice !== YES) return;
  const files = vscode.workspace.getConfiguration('files');
  const current = files.inspect<Record<string, string>>('associations')?.workspaceValue ?? {};
  await files.update(
    'associations',
    { ...current, '*.txt': 'article' },
    vscode.ConfigurationTarget.Workspace,
  );
}
