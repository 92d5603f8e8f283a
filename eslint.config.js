import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Anchored ('/crypto'): the bare module name is refused, a folder of ours called crypto (shared/crypto) is not.
const nodeBuiltins = ['node:*', '/fs', '/path', '/os', '/crypto', '/child_process', '/url', '/stream', '/events', '/util', '/zlib'];

const NO_SHELL = { group: [...nodeBuiltins, 'electron', '**/electron/**'], message: 'The renderer talks to the shell only through the bridge.' };
const NO_DEXIE = { group: ['dexie', 'dexie-*'], message: 'Dexie is used only under renderer/db/.' };

/**
 * The import rule of one renderer room. A later block's `no-restricted-imports` replaces an earlier
 * one's for the same files, so every room states the renderer-wide patterns again; this says them once.
 */
function room(files, patterns, { allowDexie = false } = {}) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: [NO_SHELL, ...(allowDexie ? [] : [NO_DEXIE]), ...patterns] }] } };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-bench/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  // shared/ is pure TypeScript: no DOM, no Node, no Electron, no Dexie.
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, 'electron', 'dexie', 'dexie-*', 'react', 'react-*', '**/renderer/**', '**/electron/**'], message: 'shared/ stays pure TypeScript (no Node, DOM, Electron, Dexie or React).' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer'],
    },
  },
  // The renderer never reaches the OS directly; Dexie stays inside renderer/db/.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_SHELL,
            NO_DEXIE,
          ],
        },
      ],
    },
  },
  // Rooms (docs/CONVENTIONS.md): core/ and db/ serve the features and never reach up into them or app/;
  // the bridge serves everything and imports no renderer room but its own.
  room(['renderer/core/**/*.{ts,tsx}'], [
    { group: ['**/features/**', '**/app/**'], message: 'core/ is shared by the features: it never imports a feature or app/.' },
  ]),
  room(['renderer/db/**/*.{ts,tsx}'], [
    // db/<wing>/x.ts reaches the renderer's rooms with ../../, db/core/migrations/x.ts with ../../../
    // (db/core, the database's own core, is reached with fewer steps and stays allowed).
    { group: ['../../core', '../../core/**', '../../features/**', '../../app/**', '../../../core', '../../../core/**', '../../../features/**', '../../../app/**'], message: 'db/ only persists: it never imports a feature, app/ or the renderer core.' },
  ], { allowDexie: true }),
  room(['renderer/bridge/**/*.{ts,tsx}'], [
    { group: ['../db/**', '../db', '../core/**', '../features/**', '../app/**'], message: 'The bridge sits below every renderer room; give it what it needs (see provideHandleStore).' },
  ]),
  // Features are peers: one uses another only through its index.ts (`../interactions`, never
  // `../interactions/Timeline`), and app/ composes the features through the same faces.
  room(['renderer/features/**/*.{ts,tsx}'], [
    { regex: '^(\\.\\./(?!\\.\\.?/)[^/]+|(\\.\\./)+features/[^/]+)/.+', message: "Use the other feature's index.ts ('../<feature>'), not its files." },
  ]),
  // Locale parity tests read another feature's locale files: data, not its code.
  room(['renderer/features/**/*.test.{ts,tsx}'], [
    { regex: '^(\\.\\./(?!\\.\\.?/)[^/]+|(\\.\\./)+features/[^/]+)/(?!locales/[^/]+\\.json$).+', message: "Use the other feature's index.ts ('../<feature>'), not its files." },
  ]),
  room(['renderer/app/**/*.{ts,tsx}'], [
    { regex: '^\\.\\./features/[^/]+/.+', message: "app/ composes features through their index.ts ('../features/<feature>'), not their files." },
  ]),
  {
    files: ['electron/**/*.{ts,cts}', 'build/**/*.{js,mjs,ts}', 'tests/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.{ts,cts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-*', 'dexie', '**/renderer/**'], message: 'The shell does not use renderer code.' }] },
      ],
    },
  },
  // The sandboxed preload can load nothing but `electron`; the contract is bundled into it.
  {
    files: ['electron/preload.cts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!electron$|\\.\\./shared/bridge/contract$).*', message: 'The preload may only use electron and the bridge contract.' }] }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='require'][arguments.0.value!=/^(electron|\\.\\.\\/shared\\/bridge\\/contract)$/]", message: 'The preload may only require electron and the bridge contract.' },
      ],
    },
  },
  // Config files are loaded by their tools through a default export.
  { files: ['**/*.config.{js,ts}', 'eslint.config.js'], rules: { 'no-restricted-syntax': 'off' } },
);
