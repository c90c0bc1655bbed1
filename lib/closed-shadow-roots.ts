// Side effect, imported FIRST by lib/dealreg.closed.ts: every dealreg element attaches a
// closed shadow root. Salesforce Lightning Web Security renders third-party custom elements
// only with closed shadow roots (see docs/salesforce.md).
import { configureDealReg } from '../widgets/element/base.ts';

configureDealReg({ shadowRootMode: 'closed' });
