// Lint: typescript-eslint (type-aware) plus the lit and web-components plugins on the elements.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-demo/',
      'public/mockServiceWorker.js',
      'bench/results/',
      'coverage/',
      // A copy of dist/dealreg.closed.js made by `npm run build` (the Salesforce static resource).
      'examples/salesforce/force-app/main/default/staticresources/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['widgets/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['widgets/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // Messages are per element: @lit/localize's msg() and its page-global locale must not come back.
    files: ['**/*.ts'],
    ignores: ['widgets/shared/localization.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@lit/localize',
              importNames: ['msg', 'configureLocalization', 'configureTransformLocalization', 'localized', 'updateWhenLocaleChanges'],
              message: "Import msg and str from widgets/shared/localization.ts: it answers in the element's own locale.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // The core is DOM-free and framework-free: no lit in src/.
      'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', '@lit/*'] }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'bench/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The Salesforce DX example: its LWC jest tests and their helpers…
    files: ['examples/salesforce/**/__tests__/**/*.js', 'examples/salesforce/jest/**/*.js'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    // …and its jest config, CommonJS (the folder has its own package.json, without "type").
    files: ['examples/salesforce/jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
