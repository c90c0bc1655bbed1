// Ajv (draft 2020-12) and its formats for the contract tests. Ajv ships CommonJS only, so the
// test runner serves this file pre-bundled as ESM (see test/contract/wtr-bundle-cjs.mjs).
export { default as Ajv2020 } from 'ajv/dist/2020.js';
export { default as addFormats } from 'ajv-formats';
