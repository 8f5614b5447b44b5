// "Retrain Entity Model from Corrections" in the real editor: with the tagger on and one correction of an
// entity saved in the sidecar, the command has the server retrain and writes the model file into the
// workspace folder. The test removes the sidecar, the model and the setting it made.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ClientCommands } from '../../../server/src/protocol';
import {
  activateExtension,
  codeOf,
  openArticle,
  settledDiagnostics,
  untilAsync,
  workspaceFile,
} from './helpers';

const ARTICLE = 'dailycoast-ferry-suspended.txt';
const SIDECAR = '.article-lens/annotations.json';
const MODEL = '.article-lens/entity-model.json';
const NAMED = /^entity\.(PERSON|ORG|GPE|LOC|NORP|FAC|EVENT)$/;

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

export function registerRetrainTests(): void {
  suite('retrain entity model', () => {
    test('the command writes the workspace model learnt from a saved correction', async () => {
      await activateExtension();
      const config = vscode.workspace.getConfiguration('articleLens');
      // On beforehand, so the command does not stop to offer it.
      await config.update('entities.tagger', 'candidates', vscode.ConfigurationTarget.Workspace);
      try {
        const editor = await openArticle(ARTICLE);
        const document = editor.document;
        const named = (
          await settledDiagnostics(
            document.uri,
            (ds) => ds.some((d) => NAMED.test(codeOf(d))),
            'named entities',
          )
        ).filter((d) => NAMED.test(codeOf(d)) && /^\p{Lu}/u.test(document.getText(d.range)));
        let done = false;
        for (const d of named) {
          const name = document.getText(d.range);
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider',
            document.uri,
            d.range,
          );
          const action = actions.find((a) => a.title === `Not an entity: “${name}” (this mention)`);
          if (!action?.command) continue;
          await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
          done = true;
          break;
        }
        assert.ok(done, 'a Not an entity action on a named entity');
        await untilAsync('the saved correction', async () =>
          (await exists(workspaceFile(SIDECAR))) ? true : undefined,
        );

        await vscode.commands.executeCommand(ClientCommands.retrainEntityModel);
        const model = workspaceFile(MODEL);
        assert.ok(await exists(model), `${MODEL} is written`);
        const file = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(model)).toString('utf8')) as {
          format: string;
          trainedOn?: string;
        };
        assert.equal(file.format, 'article-lens-entity-tagger');
        // Corrections other suites left in the sidecar count too: at least the one made here, at most all saved.
        const saved = JSON.parse(
          Buffer.from(await vscode.workspace.fs.readFile(workspaceFile(SIDECAR))).toString('utf8'),
        ) as { corrections: unknown[] };
        const used = Number(/then (\d+) corrections/.exec(file.trainedOn ?? '')?.[1] ?? 0);
        assert.ok(
          used >= 1 && used <= saved.corrections.length,
          `trained on ${file.trainedOn}; ${saved.corrections.length} saved`,
        );
        const article = await vscode.workspace.fs.readFile(workspaceFile(ARTICLE));
        assert.equal(Buffer.from(article).toString('utf8'), document.getText(), 'the article is untouched');
      } finally {
        await Promise.resolve(
          vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFile(SIDECAR), '..'), { recursive: true }),
        ).catch(() => undefined);
        await config.update('entities.tagger', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  });
}
