// The registration form's code, a chunk beside the entry, fetched on demand
// (register-form.component.ts). The classic script has no chunks: it uses form-code.inline.ts.
export const importFormCode = () => import('./registration-form.ts');
