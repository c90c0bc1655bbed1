// The book's code for the builds without chunks (vite.lib.config.ts): a static import, since an
// inlined dynamic one makes the bundler wrap every module the book shares with the rest in a lazy
// initialiser.
import * as bookCode from './http-book.ts';

export const importBookCode = (): Promise<typeof bookCode> => Promise.resolve(bookCode);
