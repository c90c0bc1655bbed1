// The Node the project's scripts run on: the `node` dev dependency (node_modules/.bin/node), which npm
// puts first on PATH for `npm test`, `npm run …` and `npm exec`, whatever Node the machine has.
// Its range is package.json's `devEngines.runtime` (`engines` speaks to the package's consumers).
// npm itself is told to ignore that range (`onFail: "ignore"`): npm checks it against the Node npm
// runs on, which may be the machine's older one, and would refuse `npm ci` and `npm test` there,
// though every script then runs on the dev dependency's Node. Runners call assertSupportedNode()
// first instead, so a script started some other way (a bare `node scripts/test.mjs` on an older
// system Node) stops with the fix instead of failing somewhere deep.
import { readFileSync } from 'node:fs';
import semver from 'semver';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The `devEngines.runtime` range of package.json: the Nodes every installed tool accepts. */
export const SUPPORTED_NODE = pkg.devEngines.runtime.version;

export function assertSupportedNode(who) {
  if (semver.satisfies(process.versions.node, SUPPORTED_NODE)) return;
  console.error(
    `${who}: Node ${process.versions.node} is not a supported Node for dealreg's scripts (${SUPPORTED_NODE}).\n` +
      'Run it through npm (`npm test`, `npm run …`, `npm exec -- …`) after `npm ci`: npm then runs the\n' +
      "project's own Node (node_modules/.bin/node, the `node` dev dependency) instead of the system one.",
  );
  process.exit(1);
}
