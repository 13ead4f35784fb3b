// Lint guards the process boundaries (what may import what) and the UI's text (no raw JSX text).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const noNode = {
  paths: [
    { name: 'electron', message: 'Only electron/main.ts, preload.ts, ipc.ts and dialogs.ts import electron.' },
    { name: 'better-sqlite3', message: 'The database lives behind the backend (electron/).' },
    { name: 'better-sqlite3-multiple-ciphers', message: 'The database lives behind the backend (electron/).' },
    ...nodeBuiltins.map((name) => ({ name, message: 'This code runs in the browser too: no Node built-ins.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'This code runs in the browser too: no Node built-ins.' },
    { group: ['**/electron/**', '../electron', '../../electron'], message: 'Talk to the backend through the contract (shared/contract), not electron/.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', noNode] },
  },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    // Markup only: raw text between JSX tags is an error; attribute values and code are not.
    rules: { 'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }] },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNode.paths,
          patterns: [
            ...noNode.patterns,
            { group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'shared/ is used by the UI and the backend: it imports neither.' },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures take their dependencies by destructuring, often none: `async ({}, use) =>`.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/dialogs.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/main.ts, preload.ts, ipc.ts and dialogs.ts import electron; keep the rest runnable under plain Node.' }] },
      ],
    },
  },
);
