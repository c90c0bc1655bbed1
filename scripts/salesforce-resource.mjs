// `npm run build:salesforce` (part of `npm run build`): copies dist/dealreg.closed.js into the
// Salesforce DX example as the `dealreg` static resource, so examples/salesforce/ deploys as is.
// The copy is a build output (git-ignored); its metadata file (dealreg.resource-meta.xml) is committed.
import { copyFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../dist/dealreg.closed.js', import.meta.url));
const to = fileURLToPath(new URL('../examples/salesforce/force-app/main/default/staticresources/dealreg.js', import.meta.url));

if (!existsSync(from)) {
  console.error('dist/dealreg.closed.js is missing: run `npm run build:lib` first');
  process.exit(1);
}
copyFileSync(from, to);
console.log('examples/salesforce: staticresources/dealreg.js ← dist/dealreg.closed.js');
