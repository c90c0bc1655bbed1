// The HTTP adapter's code for the book, a chunk of its own (dist/adapters/http-book.js): loaded on
// the first listRegistrations call, so an adapter that never lists the book never downloads it.
export { bookParams } from './book-query.ts';
export { parseBookPage } from '../schemas/book.ts';
