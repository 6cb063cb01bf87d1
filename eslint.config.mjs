// ESLint flat config. Besides the usual TypeScript rules it enforces the import rules of
// DESIGN.md ("the processes and the rooms"), so the architecture is checked on every `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'node:*'];

/** Files that may import `electron`: the main process, the preload and the trainer entry. */
const electronEntryFiles = [
  'electron/main/**/*.ts',
  'electron/preload/**/*.ts',
  'electron/trainer/electronEntry.ts',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only the Electron entry files may import electron.' }] },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core/ runs everywhere: no electron.' },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'core/ runs in the browser too: no Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: ['**/electron/**', '**/renderer/**', '**/test/**', '**/bench/**', '**/migrations/**'],
              message: 'core/ imports nothing outside core/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches the host only through the lab API.' }],
          patterns: [{ group: ['**/electron/**'], message: 'renderer/ never imports electron/.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: electronEntryFiles,
    rules: { 'no-restricted-imports': 'off' },
  },
);
