// Lint rules for the whole repo. Not type-aware on purpose: it runs on every `npm test`, and
// `tsc -b` already does the type checking. The layering rules below keep each package inside
// the runtime it is meant to run in (see DESIGN.md, "Why the desktop core must run without
// Electron").
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const electronInCore =
  'desktop/src/core runs under plain Node (tests, the development host, CI without an Electron binary). ' +
  'Put Electron-specific code in the desktop shell and hand the core what it needs through an interface.';

const backendInShared =
  'shared/ is imported by both the relay and the desktop; it must not depend on either of them. ' +
  'Move the common part into shared/ instead.';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/out/',
    '**/.data/',
    '**/coverage/',
    '**/test-results/',
    '**/playwright-report/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
    rules: {
      // `_name` marks a parameter or binding that is unused on purpose
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // plain JavaScript files (this config, scripts) run under Node
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['desktop/src/core/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: electronInCore }],
          patterns: [{ group: ['electron/*'], message: electronInCore }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^electron([\\u002F].*)?$/]',
          message: electronInCore,
        },
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron([\\u002F].*)?$/]",
          message: electronInCore,
        },
      ],
    },
  },
  {
    files: ['shared/src/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // by package name, or by a relative path into the other package's folder
              group: ['@promoteros/relay', '@promoteros/relay/*', '@promoteros/desktop', '@promoteros/desktop/*'],
              message: backendInShared,
            },
            { group: ['../**/relay/**', '../**/desktop/**'], message: backendInShared },
          ],
        },
      ],
    },
  },
);
