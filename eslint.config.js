import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const COMPONENTS = ['client/board/**', 'client/landing/**', 'client/join/**', 'client/i18n/**', 'client/moderation/**', 'client/timer/**', 'client/focus/**', 'client/clusters/**', 'client/voting/**', 'client/agreements/**', 'client/report/**', 'client/privacy/**', 'client/App.tsx', 'client/TopBar.tsx', 'client/ConfirmDialog.tsx']
const nodeOnly = ['ws', 'better-sqlite3', 'node:*', 'fs', 'path', 'http', 'crypto']

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
    files: COMPONENTS,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['yjs', 'y-*', ...nodeOnly, '../../server/*'], message: 'components use stores and actions, not Yjs' }] }],
    },
  },
  {
    files: ['client/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeOnly, '**/server/*'], message: 'the client cannot import server code' }] }],
    },
    ignores: COMPONENTS,
  },
)
