// The default entry (`dealreg`, dist/dealreg.js): the elements, registered once each, with what a
// host needs around them — configureDealReg, the HTTP adapter, the error model and the public
// types. The engine is in only as far as the elements use it; the whole engine, the schemas and the
// backoff/scrub helpers are `dealreg/core`, the mock and the memory adapter `dealreg/mock`.
// Locales other than English are chunks loaded on demand (dist/locales/), next to this module.
// The HTTP adapter's code is a chunk too (dist/adapters/http.js), loaded when an adapter is created:
// a host that brings its own adapter never downloads it (src/adapters/http-on-demand.ts).
export * from './dealreg-surface.ts';
export { createHttpAdapter, DEFAULT_MAX_RESPONSE_BYTES, type HttpAdapterOptions } from '../src/adapters/http-on-demand.ts';
