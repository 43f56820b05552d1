// The layer rules (lint/layers.js) through the repository's own ESLint config: for each layer, every
// refused import is reported, as `import`, `export … from` and `import()`, and what the layer may
// import passes without a single message. `npm run lint` shows the tree passes; this shows the rules
// would notice if it did not.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

interface Layer {
  /** a file of the layer: lintText takes the text below as if it were this file */
  file: string;
  /** an import the layer refuses, and a word of the reason the rule must give */
  refused: [specifier: string, reason: string][];
  allowed: string[];
}

const renderer = 'desktop/src/renderer/src/screens/layer-probe.tsx';

const layers: Record<string, Layer> = {
  'desktop renderer': {
    file: renderer,
    refused: [
      ['../../../core/index.js', 'DesktopBridge'],
      ['../../../main/index.js', 'DesktopBridge'],
      ['../../../preload/index.js', 'DesktopBridge'],
      ['@promoteros/desktop/core', 'DesktopBridge'],
      ['node:fs', 'Node built-ins'],
      ['fs', 'Node built-ins'],
      ['path', 'Node built-ins'],
      ['fs/promises', 'Node built-ins'],
      ['electron', 'Only the preload'],
      ['@promoteros/relay', 'through the core'],
      ['@promoteros/relay/testing/fixtures', 'through the core'],
      ['@promoteros/demo/seed', 'through the core'],
      ['../../../../../relay/src/index.js', 'through the core'],
      ['@promoteros/shared/migrations', 'Node only'],
      ['../../../dev-host/dev-host.js', 'Node server'],
    ],
    allowed: [
      'react',
      'zod',
      '@promoteros/shared',
      '@promoteros/shared/mutations',
      '../../../common/command-map.js',
      '../../../dev-host/browser-bridge.js',
      '../ui/controls.js',
    ],
  },
  "dev host's browser bridge": {
    file: 'desktop/src/dev-host/browser-bridge.ts',
    refused: [
      ['node:http', 'Node built-ins'],
      ['../core/index.js', 'DesktopBridge'],
      ['electron', 'Only the preload'],
    ],
    allowed: ['./wire.js', '../common/command-map.js'],
  },
  'desktop common': {
    file: 'desktop/src/common/layer-probe.ts',
    refused: [
      ['react', 'only zod, @promoteros/shared'],
      ['vitest', 'only zod, @promoteros/shared'],
      ['node:path', 'only zod, @promoteros/shared'],
      ['../core/index.js', 'only zod, @promoteros/shared'],
      ['../renderer/src/bridge.js', 'only zod, @promoteros/shared'],
      ['@promoteros/shared/migrations', 'Node only'],
    ],
    allowed: ['zod', '@promoteros/shared', '@promoteros/shared/testing/unguarded-text-fields', './ipc-channels.js'],
  },
  'desktop common tests': {
    file: 'desktop/src/common/layer-probe.test.ts',
    refused: [
      ['react', 'only zod, @promoteros/shared'],
      ['../core/index.js', 'only zod, @promoteros/shared'],
    ],
    allowed: ['vitest', 'zod', '@promoteros/shared', './command-map.js'],
  },
  'desktop preload': {
    file: 'desktop/src/preload/index.ts',
    refused: [
      ['zod', 'channel names'],
      ['node:path', 'channel names'],
      ['../common/near-capacity.js', 'channel names'],
      ['../core/index.js', 'channel names'],
      ['@promoteros/shared', 'channel names'],
      // a value import of the command map would load its zod schemas in the sandbox
      ['../common/command-map.js', 'only the types'],
    ],
    allowed: ['electron', '../common/ipc-channels.js'],
  },
  'desktop core': {
    file: 'desktop/src/core/app/layer-probe.ts',
    refused: [
      ['electron', 'plain Node'],
      ['electron/main', 'plain Node'],
      ['../../renderer/src/bridge.js', 'never the other way round'],
      ['../../main/index.js', 'never the other way round'],
      ['../../preload/index.js', 'never the other way round'],
      ['../../dev-host/dev-host.js', 'never the other way round'],
      ['../../launch/desktop-shell.js', 'never the other way round'],
      ['../../worker-host/worker-host.js', 'never the other way round'],
    ],
    allowed: ['node:fs', '@electric-sql/pglite', '@promoteros/shared', '../../common/command-map.js', './dispatch.js'],
  },
  'desktop core tests': {
    file: 'desktop/src/core/app/layer-probe.test.ts',
    refused: [
      ['electron', 'plain Node'],
      ['../../main/index.js', 'never the other way round'],
      ['../../dev-host/dev-host.js', 'never the other way round'],
    ],
    allowed: ['vitest', './desktop-app.js', '../../worker-host/worker-host.js'],
  },
  'desktop worker host': {
    file: 'desktop/src/worker-host/layer-probe.ts',
    refused: [
      ['electron', 'worker thread'],
      ['../main/index.js', 'never the other way round'],
      ['../dev-host/dev-host.js', 'never the other way round'],
    ],
    allowed: [
      'node:worker_threads',
      'zod',
      '../core/app/desktop-app.js',
      '../common/command-map.js',
      './thread-wire.js',
    ],
  },
  shared: {
    file: 'shared/src/mutations/layer-probe.ts',
    refused: [
      ['@promoteros/relay', 'both the relay and the desktop'],
      ['@promoteros/desktop/core', 'both the relay and the desktop'],
      ['../../../relay/src/index.js', 'both the relay and the desktop'],
      ['../../../desktop/src/core/index.js', 'both the relay and the desktop'],
      ['node:crypto', 'no Node built-ins'],
      ['crypto', 'no Node built-ins'],
    ],
    allowed: ['zod', '../entities/fields.js', './define.js'],
  },
  'shared tests and migrations': {
    file: 'shared/src/migrations.ts',
    refused: [
      ['@promoteros/relay', 'both the relay and the desktop'],
      ['../../desktop/src/core/index.js', 'both the relay and the desktop'],
    ],
    allowed: ['node:fs', 'node:crypto', 'zod'],
  },
  'intake page': {
    file: 'intake-page/src/layer-probe.ts',
    refused: [
      ['@promoteros/relay', 'a cycle'],
      ['../../relay/src/index.js', 'a cycle'],
      ['@promoteros/desktop/core', 'a cycle'],
      ['../../desktop/src/core/index.js', 'a cycle'],
    ],
    allowed: ['node:fs/promises', 'esbuild', '@promoteros/shared/intake', './html.js'],
  },
  "intake page's script": {
    file: 'intake-page/src/browser/intake-form.ts',
    refused: [
      ['node:crypto', "visitor's browser"],
      ['fs', "visitor's browser"],
      ['../../../relay/src/index.js', 'a cycle'],
    ],
    allowed: ['@promoteros/shared/intake', '../form-fields.js'],
  },
  relay: {
    file: 'relay/src/intake/layer-probe.ts',
    refused: [
      ['@promoteros/desktop/core', 'apart from the desktop'],
      ['../../../desktop/src/core/index.js', 'apart from the desktop'],
      ['@promoteros/demo/seed', 'not into it'],
      ['@promoteros/demo/seed-if-empty', 'not into it'],
      ['../../../demo/src/seed.js', 'not into it'],
    ],
    allowed: ['@promoteros/shared', '@promoteros/intake-page', 'node:crypto', '../db/database.js', './demo-request.js'],
  },
  demo: {
    file: 'demo/src/layer-probe.ts',
    refused: [
      ['@promoteros/desktop/core', 'never the other way round'],
      ['../../desktop/src/launch/desktop-shell.js', 'never the other way round'],
    ],
    allowed: ['@promoteros/relay', '@promoteros/relay/testing/test-database', '@promoteros/shared', 'yjs', './seed.js'],
  },
};

const layerRuleIds = ['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'];

async function lint(file: string, text: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(text, { filePath: join(root, file) });
  if (!result) throw new Error(`ESLint gave no result for ${file}`);
  return result.messages;
}

/** the forms one import can take; each must be refused on its own */
const forms = {
  import: (specifier: string) => `import * as probe from '${specifier}';\nexport { probe };\n`,
  'export from': (specifier: string) => `export * from '${specifier}';\n`,
  'import()': (specifier: string) => `export const probe = await import('${specifier}');\n`,
};

/** a relative import's target, as the file TypeScript would find */
function target(file: string, specifier: string): string {
  return join(root, dirname(file), specifier).replace(/\.js$/, '.ts');
}

describe.each(Object.entries(layers))('the %s layer', (_name, layer) => {
  it('is a folder of this repository, and each refused relative import reaches a real file', () => {
    // a moved folder must fail here rather than leave its rule guarding nothing
    expect(existsSync(join(root, dirname(layer.file)))).toBe(true);
    for (const [specifier] of layer.refused.filter(([specifier]) => specifier.startsWith('.'))) {
      const found = [target(layer.file, specifier), target(layer.file, specifier).replace(/\.ts$/, '.tsx')];
      expect(found.some(existsSync), `${specifier} from ${layer.file}`).toBe(true);
    }
  });

  it.each(layer.refused)('refuses %s', async (specifier, reason) => {
    for (const [form, text] of Object.entries(forms)) {
      const messages = await lint(layer.file, text(specifier));
      const found = messages.map(({ ruleId, line }) => ({ layerRule: layerRuleIds.includes(ruleId ?? ''), line }));
      expect(found, `${form} '${specifier}'`).toEqual([{ layerRule: true, line: 1 }]);
      expect(messages[0]?.message, `${form} '${specifier}'`).toContain(reason);
    }
  });

  it('lets through what the layer may import', async () => {
    const text = layer.allowed.map((specifier, n) => `import * as allowed${n} from '${specifier}';`).join('\n');
    const exported = `\nexport { ${layer.allowed.map((_specifier, n) => `allowed${n}`).join(', ')} };\n`;
    expect(await lint(layer.file, text + exported)).toEqual([]);
  });
});

describe('the preload', () => {
  it('may take the types of the command map, but no value from it', async () => {
    const typesOnly =
      "import type { DesktopBridge } from '../common/command-map.js';\n" +
      "import { type SignalName } from '../common/command-map.js';\n" +
      'export type { DesktopBridge, SignalName };\n';
    expect(await lint(layers['desktop preload']!.file, typesOnly)).toEqual([]);

    const value =
      "import { type DesktopBridge, commands } from '../common/command-map.js';\n" +
      'export type { DesktopBridge };\nexport { commands };\n';
    expect((await lint(layers['desktop preload']!.file, value)).map(({ message }) => message)).toEqual([
      expect.stringContaining('only the types'),
    ]);
  });
});

describe('TypeScript and CommonJS imports', () => {
  it('are refused like an import statement', async () => {
    const text = "import fs = require('node:fs');\nconst path = require('path');\nexport { fs, path };\n";
    const messages = await lint(renderer, text);
    const refusals = messages.filter(({ ruleId }) => ruleId && layerRuleIds.includes(ruleId));
    expect(refusals.map(({ line, message }) => ({ line, nodeBuiltins: message.includes('Node built-ins') }))).toEqual([
      { line: 1, nodeBuiltins: true },
      { line: 2, nodeBuiltins: true },
    ]);
  });
});
