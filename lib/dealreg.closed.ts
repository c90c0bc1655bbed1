// dist/dealreg.closed.js: the same library as dist/dealreg.js, built as a classic script (IIFE,
// global `DealReg`) whose elements attach CLOSED shadow roots: Salesforce Lightning Web Security
// loads static resources with loadScript() and renders third-party elements only with closed roots.
// ES modules evaluate in import order, so the configuration runs before any element is created.
import './closed-shadow-roots.ts';

export * from './dealreg-surface.ts';
// One classic script loads no chunk: the HTTP adapter itself, not its on-demand wrapper.
export { createHttpAdapter, DEFAULT_MAX_RESPONSE_BYTES, type HttpAdapterOptions } from '../src/adapters/http.ts';
