// Lint: typescript-eslint (type-aware) plus the lit and web-components plugins on the elements.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// The shipped code (src/, widgets/) never reaches into the mock: `dealreg` and `dealreg/core` carry
// no mock code, and the mock (mocks/, `dealreg/mock`) is built on them, not the other way round.
const NO_MOCKS = {
  regex: '(^|/)mocks(/|$)',
  message: 'src/ and widgets/ do not import mocks/ (the mock is built on them, not the other way round).',
};

/** msg() and the page-wide locale of @lit/localize: dealreg's msg answers in each element's own locale. */
const PAGE_LOCALE = {
  name: '@lit/localize',
  importNames: ['msg', 'configureLocalization', 'configureTransformLocalization', 'localized', 'updateWhenLocaleChanges'],
  message: "Import msg and str from widgets/i18n/localization.ts: it answers in the element's own locale.",
};

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
    ignores: ['widgets/i18n/localization.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [PAGE_LOCALE] }] },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // The core is DOM-free and framework-free: no lit in src/. Nor the mock (next rule).
      'no-restricted-imports': ['error', { patterns: [{ group: ['lit', 'lit/*', '@lit/*'] }, NO_MOCKS] }],
    },
  },
  {
    // One rule's options replace another's for the same files: the widgets repeat the locale rule.
    files: ['widgets/**/*.ts'],
    ignores: ['widgets/i18n/localization.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [PAGE_LOCALE], patterns: [NO_MOCKS] }] },
  },
  {
    files: ['widgets/i18n/localization.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_MOCKS] }] },
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
