// The team corpus in the editor: the `articleLens.corpus.database` setting (a URL without password),
// "Connect to Team Corpus…" (asks for the URL and the password; the password goes to SecretStorage,
// never to settings), what is passed to the server at start, and a status item (connected / read-only /
// offline) from the server's articleLens/teamCorpus notification.
import * as vscode from 'vscode';
import type { TeamCorpusStatusParams } from '../../server/src/protocol';
import { SECTION } from './config';
import { checkTeamUrl, secretKey, splitPassword } from './teamCorpusUrl';

export const DATABASE_SETTING = 'corpus.database';

export interface TeamCorpusConnection {
  url: string;
  password?: string;
}

/** The configured team corpus with its stored password; undefined when none is configured. */
export async function readTeamCorpus(
  secrets: vscode.SecretStorage,
): Promise<TeamCorpusConnection | undefined> {
  const url = vscode.workspace.getConfiguration(SECTION).get<string>(DATABASE_SETTING, '').trim();
  if (url === '' || checkTeamUrl(url) !== undefined) return undefined;
  const password = await secrets.get(secretKey(url));
  return password === undefined ? { url } : { url, password };
}

/** Asks for the URL and password, stores them (password as a secret); true when something was stored. */
export async function connectTeamCorpus(secrets: vscode.SecretStorage): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const entered = await vscode.window.showInputBox({
    title: 'Connect to Team Corpus',
    prompt: 'PostgreSQL connection string of the team corpus',
    placeHolder: 'postgres://user@host:5432/corpus',
    value: config.get<string>(DATABASE_SETTING, ''),
    ignoreFocusOut: true,
    validateInput: (v) => checkTeamUrl(v),
  });
  if (entered === undefined) return false;
  const split = splitPassword(entered);
  const password =
    split.password ??
    (await vscode.window.showInputBox({
      title: 'Connect to Team Corpus',
      prompt: `Password for ${new URL(split.url).username || 'the database user'} (empty: none, or from ~/.pgpass)`,
      password: true,
      ignoreFocusOut: true,
    }));
  if (password === undefined) return false;
  if (password === '') await secrets.delete(secretKey(split.url));
  else await secrets.store(secretKey(split.url), password);
  await config.update(DATABASE_SETTING, split.url, vscode.ConfigurationTarget.Workspace);
  return true;
}

export class TeamCorpusStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'articleLens.teamCorpus',
    vscode.StatusBarAlignment.Right,
    99,
  );

  constructor(connectCommand: string) {
    this.item.name = 'Article Lens Team Corpus';
    this.item.command = connectCommand;
  }

  set(status: TeamCorpusStatusParams): void {
    const text = {
      connected: '$(database) Team corpus',
      'read-only': '$(database) Team corpus (read-only)',
      offline: '$(debug-disconnect) Team corpus offline',
    }[status.state];
    this.item.text = text;
    this.item.tooltip =
      status.state === 'offline'
        ? `${status.message ?? status.database}\nThe local sidecar and index are used. Click to connect again.`
        : `${status.database}${status.state === 'read-only' ? '\nYou can read the corrections, not make them.' : ''}`;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
