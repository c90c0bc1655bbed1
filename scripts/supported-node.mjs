// The Node the project's scripts run on: the `node` dev dependency (node_modules/.bin/node), which npm
// puts first on PATH for `npm test`, `npm run …` and `npm exec`, whatever Node the machine has.
// Runners call assertSupportedNode() first, so a script started some other way (a bare `node
// scripts/test.mjs` on an older system Node) stops with the fix instead of failing somewhere deep.
import { readFileSync } from 'node:fs';
import semver from 'semver';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The `engines.node` range of package.json: what every installed tool accepts. */
export const SUPPORTED_NODE = pkg.engines.node;

export function assertSupportedNode(who) {
  if (semver.satisfies(process.versions.node, SUPPORTED_NODE)) return;
  console.error(
    `${who}: Node ${process.versions.node} is not a supported Node for dealreg (${SUPPORTED_NODE}).\n` +
      'Run it through npm (`npm test`, `npm run …`, `npm exec -- …`) after `npm ci`: npm then runs the\n' +
      "project's own Node (node_modules/.bin/node, the `node` dev dependency) instead of the system one.",
  );
  process.exit(1);
}
