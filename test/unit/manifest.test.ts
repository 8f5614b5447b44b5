// Keeps package.json honest against the code: contributed commands are the client's registered commands,
// contributed settings are exactly ArticleLensSettings with the same defaults, and every semantic token
// type of the server's legend is contributed with a colour scope. Also checks the files the manifest names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ClientCommands, defaultSettings, SEMANTIC_TOKEN_TYPES } from '../../server/src/protocol';
import { INDEX_WORKER_FILE } from '../../server/src/workspace/indexWorkers/workerPool';

const root = path.resolve(__dirname, '../..');

interface SettingSchema {
  type?: string;
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  scope?: string;
  enum?: string[];
  enumDescriptions?: string[];
}

interface Manifest {
  main: string;
  icon: string;
  engines: { vscode: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    configuration: { properties: Record<string, SettingSchema> };
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string; when?: string; group?: string }[]>;
    viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    keybindings: { command: string; key: string; when?: string }[];
    colors: { id: string; description: string; defaults: Record<string, string> }[];
    semanticTokenTypes: { id: string; description: string }[];
    semanticTokenScopes: { language?: string; scopes: Record<string, string[]> }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const clientSources = readdirSync(path.join(root, 'client/src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(path.join(root, 'client/src', f), 'utf8'))
  .join('\n');

/** `{a: {b: 1}, c: [..]}` → `{'articleLens.a.b': 1, 'articleLens.c': [..]}`; arrays are values, not sections. */
function flatten(value: object, prefix: string, out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, v] of Object.entries(value) as [string, unknown][]) {
    const name = `${prefix}.${key}`;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) flatten(v, name, out);
    else out[name] = v;
  }
  return out;
}

test('every contributed command is a client command, and every client command is contributed', () => {
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(contributed, Object.values(ClientCommands).sort());
  for (const c of manifest.contributes.commands) {
    assert.equal(c.category, 'Article Lens', `${c.command} category`);
    assert.ok(c.title.length > 0, `${c.command} title`);
  }
});

test('the client registers a handler for every client command', () => {
  assert.match(clientSources, /vscode\.commands\.registerCommand\(/);
  for (const [key, id] of Object.entries(ClientCommands)) {
    // Handlers are factories keyed by the ClientCommands property name, registered under ClientCommands[name].
    const keyed = new RegExp(`\\b${key}:\\s*\\(ctx\\)\\s*=>`).test(clientSources);
    const literal = clientSources.includes(`'${id}'`);
    assert.ok(keyed || literal, `no handler for ${id} in client/src`);
  }
});

test('command palette entries name contributed commands and say when they apply', () => {
  const ids = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const entry of manifest.contributes.menus.commandPalette) {
    assert.ok(ids.has(entry.command), `${entry.command} is not contributed`);
    assert.ok(entry.when, `${entry.command} has no when clause`);
  }
});

test('Restart Server and Show Log stay in the command palette when the server is down', () => {
  // A palette entry would hide them behind its when clause (articleLens.clientStarted is false once the
  // client has stopped), which is exactly when they are needed.
  for (const id of [ClientCommands.restartServer, ClientCommands.showLog]) {
    assert.ok(
      manifest.contributes.commands.some((c) => c.command === id),
      `${id} is contributed`,
    );
    assert.ok(
      !manifest.contributes.menus.commandPalette.some((e) => e.command === id),
      `${id} has no palette entry restricting it`,
    );
  }
  const restart = manifest.contributes.commands.find((c) => c.command === ClientCommands.restartServer);
  assert.equal(restart?.title, 'Restart Server');
});

test('contributed settings are exactly ArticleLensSettings, with the same defaults', () => {
  const expected = flatten(defaultSettings, 'articleLens');
  const properties = manifest.contributes.configuration.properties;
  // Read by the client alone: the trace by the language client, the team corpus URL is passed at start.
  const clientOnly = new Set(['articleLens.trace.server', 'articleLens.corpus.database']);
  const contributed = Object.keys(properties).filter((k) => !clientOnly.has(k));
  assert.deepEqual(contributed.sort(), Object.keys(expected).sort());
  for (const [key, def] of Object.entries(expected)) {
    assert.deepEqual(properties[key].default, def, `default of ${key}`);
  }
});

test('every setting has a description, a scope and a type; enums have enumDescriptions', () => {
  for (const [key, schema] of Object.entries(manifest.contributes.configuration.properties)) {
    assert.ok(schema.description ?? schema.markdownDescription, `${key} description`);
    assert.ok(schema.scope, `${key} scope`);
    assert.ok(schema.type, `${key} type`);
    assert.ok('default' in schema, `${key} default`);
    if (schema.enum) {
      assert.equal(schema.enumDescriptions?.length, schema.enum.length, `${key} enumDescriptions`);
      assert.ok(schema.enum.includes(String(schema.default)), `${key} default is not in its enum`);
    }
  }
  const severities = Object.keys(defaultSettings.severity).map((k) => `articleLens.severity.${k}`);
  for (const key of severities) {
    assert.deepEqual(manifest.contributes.configuration.properties[key].enum, [
      'error',
      'warning',
      'information',
      'hint',
      'off',
    ]);
  }
  assert.deepEqual(manifest.contributes.configuration.properties['articleLens.trace.server'].enum, [
    'off',
    'messages',
    'verbose',
  ]);
});

test('the client id matches the trace setting that vscode-languageclient reads', () => {
  assert.match(clientSources, /new LanguageClient\(CLIENT_ID,/);
  assert.match(clientSources, /const CLIENT_ID = 'articleLens';/);
});

test('every semantic token type is contributed and mapped to a colour scope for articles', () => {
  const ids = manifest.contributes.semanticTokenTypes.map((t) => t.id);
  assert.deepEqual([...ids].sort(), [...SEMANTIC_TOKEN_TYPES].sort());
  const articleScopes = manifest.contributes.semanticTokenScopes.find((s) => s.language === 'article');
  assert.ok(articleScopes, 'no semanticTokenScopes for language article');
  for (const type of SEMANTIC_TOKEN_TYPES) {
    assert.ok((articleScopes.scopes[type] ?? []).length > 0, `${type} has no scope`);
  }
});

test('language, grammar, icon and activation are wired to files that exist', () => {
  const language = manifest.contributes.languages.find((l) => l.id === 'article');
  assert.ok(language, 'no language article');
  assert.ok(language.extensions.includes('.article'));
  assert.ok(existsSync(path.join(root, language.configuration)), 'language configuration file');
  JSON.parse(readFileSync(path.join(root, language.configuration), 'utf8'));
  const grammar = manifest.contributes.grammars.find((g) => g.language === 'article');
  assert.ok(grammar, 'no grammar for article');
  assert.equal(grammar.scopeName, 'text.article');
  const grammarJson = JSON.parse(readFileSync(path.join(root, grammar.path), 'utf8')) as {
    scopeName: string;
  };
  assert.equal(grammarJson.scopeName, 'text.article');
  assert.ok(manifest.activationEvents.includes('onLanguage:article'));
  assert.equal(manifest.main, './client/out/extension.js');
  assert.equal(manifest.engines.vscode, '^1.100.0');
  assert.match(manifest.devDependencies['@types/vscode'], /^~1\.100\./);

  const png = readFileSync(path.join(root, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.readUInt32BE(16), 128, 'icon width');
  assert.equal(png.readUInt32BE(20), 128, 'icon height');
});

test('the Article Lens container holds the Entities, Stories and Lost Corrections views the client creates', () => {
  const [container] = manifest.contributes.viewsContainers.activitybar;
  assert.equal(container.id, 'articleLens');
  assert.equal(container.title, 'Article Lens');
  assert.ok(existsSync(path.join(root, container.icon)), container.icon);
  const ids = manifest.contributes.views.articleLens.map((v) => v.id);
  assert.deepEqual(ids, ['articleLens.entities', 'articleLens.stories', 'articleLens.lostCorrections']);
  for (const id of ids) assert.ok(clientSources.includes(`'${id}'`), `${id} is created in client/src`);
});

test('menus and keybindings name contributed commands; editor-title buttons show on articles only', () => {
  const ids = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
    for (const e of entries) {
      assert.ok(ids.has(e.command), `${menu}: ${e.command} is not contributed`);
      assert.ok(e.when, `${menu}: ${e.command} has no when clause`);
    }
  }
  for (const e of manifest.contributes.menus['editor/title']) {
    assert.match(e.when ?? '', /articleLens\.isArticle/, `${e.command} on articles only`);
  }
  for (const k of manifest.contributes.keybindings) {
    assert.ok(ids.has(k.command), `keybinding of ${k.command}`);
    assert.match(k.when ?? '', /articleLens\.isArticle/);
  }
});

test('every entity colour is contributed with defaults for each theme kind and listed in the README', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  // The ids live in the protocol module the client and the hover share.
  const protocol = readFileSync(path.join(root, 'server/src/protocol.ts'), 'utf8');
  const used = [...`${clientSources}\n${protocol}`.matchAll(/'(articleLens\.entity\.[a-z]+)'/g)].map(
    (m) => m[1],
  );
  const contributed = manifest.contributes.colors.map((c) => c.id);
  assert.deepEqual([...new Set(used)].sort(), [...contributed].sort());
  for (const c of manifest.contributes.colors) {
    for (const kind of ['dark', 'light', 'highContrast']) assert.ok(c.defaults[kind], `${c.id} ${kind}`);
    assert.ok(readme.includes(`\`${c.id}\``), `${c.id} in the README legend`);
  }
});

test('the .vsix keeps every bundle the build writes for the server, the CLI and the indexing worker', () => {
  const build = readFileSync(path.join(root, 'scripts/build.mjs'), 'utf8');
  const outfiles = [...build.matchAll(/outfile: '((?:server|client)\/out\/[^']+\.js)'/g)].map((m) => m[1]);
  assert.ok(outfiles.includes('server/out/indexWorker.js'), 'the worker has its own bundle');
  // The worker pool starts the bundle next to its own (server.js and cli.js are both in server/out).
  assert.equal(path.basename(INDEX_WORKER_FILE), 'indexWorker.js');
  const kept = new Set(
    readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1).trim()),
  );
  for (const f of outfiles) assert.ok(kept.has(f), `.vscodeignore keeps ${f}`);
});
