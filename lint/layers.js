// What each runtime folder may import, as lint rules: each folder runs somewhere else (a
// sandboxed window, plain Node, Electron's preload, a browser bundle, the relay's server), and an
// import across that line works in one place and breaks in another, often only once packaged.
// docs/repository.md ("Layers") explains the layers; lint/layers.test.ts feeds each rule a
// deliberate violation.
//
// The rules read the import as written, not the file it resolves to: a relative import is
// refused when it walks into a folder of a refused name ('../../../core/app/dispatch.js'). The
// names (core, main, preload, renderer, dev-host, launch, relay, desktop, demo) are each one folder in
// this repository, so the name stands for the place. A package import is refused by its name
// ('@promoteros/desktop/core' reaches the core as surely as a relative path does).
//
// The built-in rule checks `import`, `export … from` and TypeScript's `import x = require()`;
// `no-restricted-syntax` repeats each refusal for `import('…')` and `require('…')`, which it
// does not see.
import { builtinModules } from 'node:module';

const code = '*.{ts,tsx,mts,cts,js,mjs,cjs}';
const tests = '**/*.test.{ts,tsx,mts,cts,js,mjs,cjs}';
const within = (folder) => `${folder}/**/${code}`;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** the package or any of its entries: '@promoteros/relay', '@promoteros/relay/testing/fixtures' */
const packageNamed = (name) => `^${escape(name)}(?:/|$)`;

/** a relative import that walks into a folder of one of these names */
const folderNamed = (...names) => `^\\.\\.?/(?:[^/]+/)*(?:${names.map(escape).join('|')})(?:/|$)`;

/** every import but these (each alternative must match the whole import) */
const anythingBut = (...allowed) => `^(?!(?:${allowed.join('|')})$)`;

const nodeBuiltins = `^(?:node:|(?:${[...new Set(builtinModules.map((name) => name.split('/')[0]))]
  .map(escape)
  .join('|')})(?:/|$))`;

// --- the refusals, each with the reason a reader needs to move the import the right way -------

const coreOutOfWindow = {
  regex: folderNamed('core', 'main', 'preload'),
  message:
    'The renderer runs in a sandboxed window and reaches the core only through the DesktopBridge: ' +
    'add a command to the command map (desktop/src/common/commands/) instead of importing the core or the Electron shell.',
};
const desktopPackageInWindow = {
  regex: packageNamed('@promoteros/desktop'),
  message:
    "@promoteros/desktop's entries are the core and test helpers; the renderer reaches the core through the DesktopBridge.",
};
const nodeInBrowser = {
  regex: nodeBuiltins,
  message:
    'This code runs in a browser (the sandboxed window, or Chromium through the dev host): Node built-ins are not there. ' +
    'Do the work in the core and ask for it with a command.',
};
const electronInWindow = {
  regex: packageNamed('electron'),
  message: 'Only the preload touches Electron; the renderer gets window.promoteros through renderer/src/bridge.ts.',
};
const relayInWindow = {
  regex: `${packageNamed('@promoteros/relay')}|${packageNamed('@promoteros/demo')}|${folderNamed('relay')}`,
  message:
    'The renderer reaches the relay only through the core. What both sides need (schemas, mutations) is in @promoteros/shared.',
};
const devHostServerInWindow = {
  regex: '^\\.\\.?/(?:[^/]+/)*dev-host/(?!browser-bridge\\.js$)',
  message:
    'Of the dev host, only browser-bridge.ts (and the wire.ts it uses) runs in the browser; the rest is a Node server.',
};
const migrationsOutsideNode = {
  regex: packageNamed('@promoteros/shared/migrations'),
  message: '@promoteros/shared/migrations reads the SQL files from disk and runs under Node only.',
};

const commonOnlyContract = {
  regex: anythingBut('zod', '@promoteros/shared(?:/[^/]+)*', '\\./.+'),
  message:
    'desktop/src/common is the contract between the core (Node) and the renderer (browser), bundled into both: ' +
    'it imports only zod, @promoteros/shared and its own files.',
};
const commonTestsOnlyContract = {
  ...commonOnlyContract,
  regex: anythingBut('zod', '@promoteros/shared(?:/[^/]+)*', '\\./.+', 'vitest'),
};

const preloadOnlyChannels = {
  regex: anythingBut('electron', '\\.\\./common/ipc-channels\\.js', '\\.\\./common/command-map\\.js'),
  message:
    "The preload runs sandboxed (CommonJS, only Electron's renderer modules load): it imports electron and the channel " +
    'names (../common/ipc-channels.js), and the command map for its types only.',
};
const preloadCommandMapTypesOnly = {
  regex: '^\\.\\./common/command-map\\.js$',
  allowTypeImports: true,
  message:
    'The preload takes only the types of the command map (`import type`): its values (zod schemas) would load ' +
    'in the sandbox, where only electron and the channel names may.',
};

const electronInCore = {
  regex: packageNamed('electron'),
  message:
    'desktop/src/core runs under plain Node (tests, the development host, CI without an Electron binary). ' +
    'Put Electron-specific code in the desktop shell and hand the core what it needs through an interface.',
};
const shellInCore = {
  regex: folderNamed('renderer', 'main', 'preload', 'dev-host', 'launch', 'worker-host'),
  message:
    'The shells (Electron main and preload, the dev host, the renderer, the worker host) call the core, never the other way round: ' +
    'hand the core what it needs through an interface, as DocumentFiles and CredentialStore do.',
};
// the core's tests may drive the app as it ships, through the worker host, and no other shell
const shellInCoreTests = {
  ...shellInCore,
  regex: folderNamed('renderer', 'main', 'preload', 'dev-host', 'launch'),
};

const electronInWorkerHost = {
  regex: packageNamed('electron'),
  message:
    'desktop/src/worker-host runs the core in a worker thread, under plain Node or in Electron, whose modules a worker ' +
    'thread cannot load: the main process hands it what needs Electron (credentials, document files) as interfaces.',
};
const shellInWorkerHost = {
  regex: folderNamed('renderer', 'main', 'preload', 'dev-host', 'launch'),
  message:
    'The shells (Electron main, the dev host) start the worker host, never the other way round: ' +
    'take what they provide through WorkerHostOptions.',
};

const backendInShared = {
  regex: `${packageNamed('@promoteros/relay')}|${packageNamed('@promoteros/desktop')}|${folderNamed('relay', 'desktop')}`,
  message:
    'shared/ is imported by both the relay and the desktop; it must not depend on either of them. ' +
    'Move the common part into shared/ instead.',
};
const nodeInShared = {
  regex: nodeBuiltins,
  message:
    'shared/src is bundled into the renderer (it plans edits in the browser) and the intake page: no Node built-ins. ' +
    'Only migrations.ts, its own entry for Node (@promoteros/shared/migrations), reads files.',
};

const backendInIntakePage = {
  regex: `${packageNamed('@promoteros/relay')}|${packageNamed('@promoteros/desktop')}|${folderNamed('relay', 'desktop')}`,
  message:
    'The relay renders the intake page (it imports @promoteros/intake-page); importing the relay back is a cycle, ' +
    'and the desktop is another program. What both need goes in @promoteros/shared.',
};
const nodeInIntakeScript = {
  regex: nodeBuiltins,
  message:
    "This file is bundled into the intake page's script, which runs in the visitor's browser: no Node built-ins.",
};

const desktopInRelay = {
  regex: `${packageNamed('@promoteros/desktop')}|${folderNamed('desktop')}`,
  message: 'The relay is a server apart from the desktop app; what both need goes in @promoteros/shared.',
};
const demoInRelay = {
  regex: `${packageNamed('@promoteros/demo')}|${folderNamed('demo')}`,
  message:
    'The relay serves requests; the demo (demo/) is built on the relay, not into it. A start script hands ' +
    'the relay what it loads at start (RelayDeps.seed, as demo/src/start.ts does).',
};

const desktopInDemo = {
  regex: `${packageNamed('@promoteros/desktop')}|${folderNamed('desktop')}`,
  message:
    'The demo is data and a start script for the relay; `npm start` (desktop/src/launch) calls it, never the other way round.',
};

// --- where each applies ------------------------------------------------------------------------
// Each file falls in at most one block below: flat config lets a later block's options for a rule
// replace an earlier one's, so a file in two blocks would keep only the second block's refusals.

const browserWindow = [
  coreOutOfWindow,
  desktopPackageInWindow,
  nodeInBrowser,
  electronInWindow,
  relayInWindow,
  migrationsOutsideNode,
];

const layers = [
  {
    name: 'desktop renderer',
    files: [within('desktop/src/renderer')],
    refused: [...browserWindow, devHostServerInWindow],
  },
  {
    // bundled into the renderer (see desktop/tsconfig.web.json)
    name: "dev host's browser bridge",
    files: ['desktop/src/dev-host/browser-bridge.ts', 'desktop/src/dev-host/wire.ts'],
    refused: browserWindow,
  },
  {
    name: 'desktop common',
    files: [within('desktop/src/common')],
    ignores: [tests],
    refused: [commonOnlyContract, migrationsOutsideNode],
  },
  {
    name: 'desktop common tests',
    files: [`desktop/src/common/${tests}`],
    refused: [commonTestsOnlyContract, migrationsOutsideNode],
  },
  {
    name: 'desktop preload',
    files: [within('desktop/src/preload')],
    refused: [preloadOnlyChannels, preloadCommandMapTypesOnly],
  },
  {
    name: 'desktop core',
    files: [within('desktop/src/core')],
    ignores: [tests],
    refused: [electronInCore, shellInCore],
  },
  {
    name: 'desktop core tests',
    files: [`desktop/src/core/${tests}`],
    refused: [electronInCore, shellInCoreTests],
  },
  {
    name: 'desktop worker host',
    files: [within('desktop/src/worker-host')],
    refused: [electronInWorkerHost, shellInWorkerHost],
  },
  {
    name: 'shared',
    files: [within('shared/src')],
    ignores: [tests, 'shared/src/migrations.ts'],
    refused: [backendInShared, nodeInShared],
  },
  {
    name: 'shared tests and migrations',
    files: [`shared/src/${tests}`, 'shared/src/migrations.ts'],
    refused: [backendInShared],
  },
  {
    name: 'intake page',
    files: [within('intake-page/src')],
    ignores: [within('intake-page/src/browser'), 'intake-page/src/form-fields.ts'],
    refused: [backendInIntakePage],
  },
  {
    // what esbuild bundles from browser/intake-form.ts
    name: "intake page's script",
    files: [within('intake-page/src/browser'), 'intake-page/src/form-fields.ts'],
    refused: [backendInIntakePage, nodeInIntakeScript],
  },
  {
    name: 'relay',
    files: [within('relay/src')],
    refused: [desktopInRelay, demoInRelay],
  },
  {
    name: 'demo',
    files: [within('demo/src')],
    refused: [desktopInDemo],
  },
];

// esquery ends a regular expression at the first '/', so the selectors spell it \u002F
const selectorRegex = (regex) => `/${regex.replaceAll('/', '\\u002F')}/iu`;

function rulesOf(refused) {
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: refused.map(({ regex, message, allowTypeImports }) => ({ regex, message, allowTypeImports })) },
    ],
    'no-restricted-syntax': [
      'error',
      ...refused.flatMap(({ regex, message }) => [
        { selector: `ImportExpression[source.value=${selectorRegex(regex)}]`, message },
        {
          selector: `CallExpression[callee.name='require'][arguments.0.value=${selectorRegex(regex)}]`,
          message,
        },
      ]),
    ],
  };
}

export const layerRules = layers.map(({ name, files, ignores, refused }) => ({
  name: `promoteros/layers/${name}`,
  files,
  ...(ignores ? { ignores } : {}),
  rules: rulesOf(refused),
}));
