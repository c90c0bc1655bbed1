// The book's view code, a chunk beside the entry (dist/forms/book-view.js), fetched the first time a
// <dealreg-book> is on the page (book.component.ts). The classic script has no chunks: it uses book-view-code.inline.ts.
export const importBookView = () => import('./book-view.ts');
