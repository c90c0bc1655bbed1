// The registration form's code for the classic script (vite.lib.config.ts, --mode closed), which
// inlines what the module build loads on demand: a static import, since an inlined dynamic one makes
// the bundler wrap every module the form shares with the elements in a lazy initialiser.
import * as formCode from './registration-form.ts';

export const importFormCode = (): Promise<typeof formCode> => Promise.resolve(formCode);
