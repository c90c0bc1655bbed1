// The invalid records' words, a chunk beside the CRM deals' (dist/forms/record-problems.js), fetched
// the first time records with errors arrive. The classic script has no chunks: it uses
// record-problems-code.inline.ts.
export const importRecordProblems = () => import('./record-problems.ts');
