// `dealreg/core` (dist/core.js): the DOM-free core for servers, workers and custom adapters — the
// program engine, the boundary schemas, the error model, the adapter interface and the HTTP adapter.
// No Lit, no element, no DOM global touched at import: it runs in Node 20+.
export * from '../src/index.ts';
export * from '../src/schemas/index.ts';
