import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Only the store (the doc's mirror and the actions) and sync (the connection) touch Yjs; every
// other client folder, present or future, is components and helpers.
const YJS_SIDE = ['client/store/**', 'client/sync/**']
const nodeOnly = ['ws', 'better-sqlite3', 'node:*', 'fs', 'path', 'http', 'crypto']
const noServer = { group: [...nodeOnly, '**/server/*'], message: 'the client cannot import server code' }

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'tmp', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // The model is pure: yjs in, yjs out. No React, DOM-only or Node-only modules.
  {
    files: ['model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'zustand', ...nodeOnly, '../client/*', '../server/*'], message: 'model/ imports only yjs and lib0' }] }],
    },
  },
  // Components read stores and call actions; they never touch Y types or the server.
  {
    files: ['client/**'],
    ignores: YJS_SIDE,
    rules: {
      'no-restricted-imports': ['error', { patterns: [noServer, { group: ['yjs', 'y-*', 'lib0/*'], message: 'components use stores and actions, not Yjs' }] }],
    },
  },
  // sync/ writes into the store; the store never imports sync/ (no cycle between them).
  {
    files: ['client/store/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noServer, { group: ['**/sync/*'], message: 'the store does not import sync/: sync/ sets the active board (store/run.ts)' }] }],
    },
  },
  {
    files: ['client/sync/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServer] }] },
  },
)
