// `dealreg/mock/msw` (dist/mock/msw.js): MSW request handlers over the mock's REST router, and a
// browser worker. `msw` stays external: it is an optional peer dependency of the package.
export * from '../mocks/msw.ts';
