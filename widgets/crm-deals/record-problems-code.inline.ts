// The invalid records' words for the classic script (vite.lib.config.ts, --mode closed), imported
// statically for the same reason as the CRM deals' (crm-code.inline.ts).
import * as problemsCode from './record-problems.ts';

export const importRecordProblems = (): Promise<typeof problemsCode> => Promise.resolve(problemsCode);
