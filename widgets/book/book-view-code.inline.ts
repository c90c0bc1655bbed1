// The book's view code for the classic script (vite.lib.config.ts, --mode closed), imported
// statically for the same reason as the registration form's (form-code.inline.ts).
import * as bookView from './book-view.ts';

export const importBookView = (): Promise<typeof bookView> => Promise.resolve(bookView);
