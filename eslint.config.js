import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Modules that would tie the pure engine and catalog to a UI or a runtime they must not need. */
const uiModules = [
  'react',
  'react-dom',
  'react-dom/*',
  'monaco-editor',
  'monaco-editor/*',
  '@tanstack/*',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-e2e-*',
      'test-results-*',
      'node_modules',
      'playwright-report',
      'test-results',
      'coverage',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/core/**/*.ts', 'src/catalog/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: uiModules,
              message: 'src/core and src/catalog stay pure: no React, DOM or Monaco.',
            },
            {
              group: ['**/ui/**', '**/app/**', '**/cli/**'],
              message: 'Imports flow app → ui → core/catalog, never back.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiModules, message: 'src/core stays pure: no React, DOM or Monaco.' },
            {
              group: ['**/ui/**', '**/app/**', '**/cli/**', '**/catalog/**'],
              message:
                'src/core is the bottom layer: it imports nothing of the project but itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/**', '**/cli/**'],
              message: 'Imports flow app → ui → core/catalog, never back.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/app/**', ...uiModules],
              message: 'The CLI stands on src/core and src/catalog only.',
            },
          ],
        },
      ],
    },
  },
);
