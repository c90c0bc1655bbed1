// The CRM deals' code for the classic script (vite.lib.config.ts, --mode closed), imported
// statically for the same reason as the registration form's (form-code.inline.ts).
import * as crmCode from './crm-deals.ts';

export const importCrmCode = (): Promise<typeof crmCode> => Promise.resolve(crmCode);
