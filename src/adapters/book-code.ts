// The book's code for the HTTP adapter and the element guard: a chunk beside them, fetched on the
// first listRegistrations call. The builds without chunks (the classic script, dealreg/core,
// dealreg/mock) use book-code.inline.ts instead (vite.lib.config.ts).
export const importBookCode = () => import('./http-book.ts');
