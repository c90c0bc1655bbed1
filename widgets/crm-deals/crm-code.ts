// The CRM deals' code, a chunk beside the entry, fetched the first time a panel gets records
// (panel.component.ts). The classic script has no chunks: it uses crm-code.inline.ts.
export const importCrmCode = () => import('./crm-deals.ts');
